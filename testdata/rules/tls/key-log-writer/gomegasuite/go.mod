module redline.test/gomegasuite

go 1.22

require github.com/onsi/gomega v0.0.0

replace github.com/onsi/gomega => ./_stubs/gomega
