module redline.test/kingpin

go 1.22

require github.com/alecthomas/kingpin/v2 v2.0.0

replace github.com/alecthomas/kingpin/v2 => ./_stubs/kingpin
