module redline/tools/gotypesdump

go 1.22
