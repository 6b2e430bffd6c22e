// Package zap is a stub of go.uber.org/zap for fixtures.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

type Field = zapcore.Field

type Logger struct{}

func NewNop() *Logger                          { return &Logger{} }
func (l *Logger) Info(msg string, f ...Field)  {}
func (l *Logger) Warn(msg string, f ...Field)  {}
func (l *Logger) Error(msg string, f ...Field) {}
func (l *Logger) With(f ...Field) *Logger      { return l }
func (l *Logger) Sugar() *SugaredLogger        { return &SugaredLogger{} }

type SugaredLogger struct{}

func (s *SugaredLogger) Infof(format string, args ...any)       {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...any) {}
func (s *SugaredLogger) Info(args ...any)                       {}
func (s *SugaredLogger) With(args ...any) *SugaredLogger        { return s }

func String(key, val string) Field                { return Field{Key: key, String: val} }
func Any(key string, val any) Field               { return Field{Key: key, Interface: val} }
func Reflect(key string, val any) Field           { return Field{Key: key, Interface: val} }
func Stringer(key string, val fmt.Stringer) Field { return Field{Key: key, Interface: val} }
func Error(err error) Field                       { return Field{Key: "error", Interface: err} }
