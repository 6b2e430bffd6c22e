module redline.test/insecurehostkey

go 1.22

require golang.org/x/crypto v0.0.0

replace golang.org/x/crypto => ./_stubs/crypto
