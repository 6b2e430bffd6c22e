module redline.test/weakversion121

go 1.21
