module github.com/hashicorp/go-hclog

go 1.22
