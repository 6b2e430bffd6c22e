module redline.dev/tools

go 1.26
