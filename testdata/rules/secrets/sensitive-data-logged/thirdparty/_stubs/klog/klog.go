// Package klog is a stub of k8s.io/klog/v2 for fixtures.
package klog

type Verbose bool

func V(level int) Verbose                                { return true }
func (v Verbose) Infof(format string, args ...any)       {}
func Infof(format string, args ...any)                   {}
func InfoS(msg string, keysAndValues ...any)             {}
func ErrorS(err error, msg string, keysAndValues ...any) {}
