module redline.test/rules

go 1.22
