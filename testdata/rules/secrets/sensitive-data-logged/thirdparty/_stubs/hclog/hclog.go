// Package hclog is a stub of github.com/hashicorp/go-hclog for fixtures.
package hclog

type Logger interface {
	Info(msg string, args ...any)
	Debug(msg string, args ...any)
	With(args ...any) Logger
}

func Default() Logger { return nil }
