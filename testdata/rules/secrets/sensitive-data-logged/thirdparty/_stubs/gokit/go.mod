module github.com/go-kit/log

go 1.22
