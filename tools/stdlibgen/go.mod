module redline/tools/stdlibgen

go 1.22
