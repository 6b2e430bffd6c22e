module redline.test/thirdparty

go 1.22

require (
	example.com/audit v0.0.0
	example.com/httpheaders v0.0.0
	github.com/go-kit/log v0.0.0
	github.com/hashicorp/go-hclog v0.0.0
	github.com/rs/zerolog v0.0.0
	github.com/sirupsen/logrus v0.0.0
	go.uber.org/zap v0.0.0
	k8s.io/klog/v2 v2.0.0
)

replace (
	example.com/audit => ./_stubs/audit
	example.com/httpheaders => ./_stubs/httpheaders
	github.com/go-kit/log => ./_stubs/gokit
	github.com/hashicorp/go-hclog => ./_stubs/hclog
	github.com/rs/zerolog => ./_stubs/zerolog
	github.com/sirupsen/logrus => ./_stubs/logrus
	go.uber.org/zap => ./_stubs/zap
	k8s.io/klog/v2 => ./_stubs/klog
)
