module redline.test/go125

go 1.25
