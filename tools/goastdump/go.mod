module redline.dev/tools/goastdump

go 1.26
