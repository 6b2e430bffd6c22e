// Package log is a stub of github.com/go-kit/log for fixtures.
package log

type Logger interface {
	Log(keyvals ...any) error
}

type nop struct{}

func (nop) Log(keyvals ...any) error { return nil }

func NewNopLogger() Logger                      { return nop{} }
func With(logger Logger, keyvals ...any) Logger { return logger }
