module redline.test/grpcauth

go 1.22

require google.golang.org/grpc v0.0.0

replace google.golang.org/grpc => ./_stubs
