// Package context is a stub of golang.org/x/net/context for fixtures: its API is the standard package's.
package context

import "context"

type Context = context.Context

func Background() Context { return context.Background() }

func WithValue(parent Context, key, val any) Context { return context.WithValue(parent, key, val) }
