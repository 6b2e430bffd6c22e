module redline.test/xnet

go 1.22

require golang.org/x/net v0.0.0

replace golang.org/x/net => ./_stubs/net
