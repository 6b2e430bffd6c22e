// Package zerolog is a stub of github.com/rs/zerolog for fixtures.
package zerolog

type Logger struct{}

type Event struct{}

func (l Logger) Info() *Event                       { return &Event{} }
func (l Logger) Printf(format string, v ...any)     {}
func (e *Event) Str(key, val string) *Event         { return e }
func (e *Event) Interface(key string, i any) *Event { return e }
func (e *Event) Err(err error) *Event               { return e }
func (e *Event) Msg(msg string)                     {}
func (e *Event) Msgf(format string, v ...any)       {}
func (e *Event) Send()                              {}
