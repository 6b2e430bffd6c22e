// Package groups starts goroutines through errgroup.Group and sync.WaitGroup.Go (Go 1.25):
// their function literals run concurrently with the code after the call, like `go` statements.
package groups

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import (
	"context"
	"sync"
	"unsafe"

	"golang.org/x/sync/errgroup"
)

func freedBeforeWait(ctx context.Context, topic string, subs int) error {
	ct := C.CString(topic)
	g, _ := errgroup.WithContext(ctx)
	for i := 0; i < subs; i++ {
		g.Go(func() error { // want "cgo/pointer-in-goroutine: The goroutine started here uses the C pointer .ct., and this function frees it"
			C.puts(ct)
			return nil
		})
	}
	C.free(unsafe.Pointer(ct))
	return g.Wait()
}

func freedAfterWait(ctx context.Context, topic string) error {
	ct := C.CString(topic)
	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error {
		C.puts(ct)
		return nil
	})
	err := g.Wait()
	C.free(unsafe.Pointer(ct))
	return err
}

func waitGroupGo(topic string) {
	ct := C.CString(topic)
	var wg sync.WaitGroup
	wg.Go(func() { // want "cgo/pointer-in-goroutine: The goroutine started here uses the C pointer .ct., and this function frees it"
		C.puts(ct)
	})
	C.free(unsafe.Pointer(ct))
	wg.Wait()
}

func outlivesDeferredFree(ctx context.Context, topic string) {
	ct := C.CString(topic)
	defer C.free(unsafe.Pointer(ct))
	var g errgroup.Group
	g.Go(func() error { // want "cgo/use-after-free"
		C.puts(ct)
		return nil
	})
}

// An ordinary method named Go starts nothing.
type runner struct{}

func (runner) Go(f func() error) { _ = f() }

func notAGroup(topic string) {
	ct := C.CString(topic)
	var r runner
	r.Go(func() error {
		C.puts(ct)
		return nil
	})
	C.free(unsafe.Pointer(ct))
}
