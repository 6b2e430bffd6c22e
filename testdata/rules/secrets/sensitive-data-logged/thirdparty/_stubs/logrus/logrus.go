// Package logrus is a stub of github.com/sirupsen/logrus for fixtures.
package logrus

type Fields map[string]any

type Logger struct{}

type Entry struct{}

func New() *Logger                                       { return &Logger{} }
func WithField(key string, value any) *Entry             { return &Entry{} }
func WithFields(fields Fields) *Entry                    { return &Entry{} }
func Infof(format string, args ...any)                   {}
func Info(args ...any)                                   {}
func (l *Logger) WithField(key string, value any) *Entry { return &Entry{} }
func (l *Logger) Debugf(format string, args ...any)      {}
func (e *Entry) Info(args ...any)                        {}
func (e *Entry) Warnf(format string, args ...any)        {}
