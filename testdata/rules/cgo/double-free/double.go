// Package double frees C memory twice.
package double

/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void destroy(char *s) { if (s) free(s); }
*/
import "C"

import (
	"errors"
	"unsafe"
)

func deferAndExplicit(s string) int {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	n := int(C.strlen(cs))
	C.free(unsafe.Pointer(cs)) // want `cgo/double-free: .cs. is freed here and again by the deferred call`
	return n
}

func twiceOnErrorPath(s string) error {
	cs := C.CString(s)
	if C.strlen(cs) == 0 {
		C.free(unsafe.Pointer(cs))
		err := errors.New("empty")
		C.free(unsafe.Pointer(cs)) // want `cgo/double-free: .cs. is freed twice on some path`
		return err
	}
	C.free(unsafe.Pointer(cs))
	return nil
}

func viaCopy(n int) {
	p := C.malloc(C.size_t(n))
	q := (*C.char)(p)
	C.free(p)
	C.free(unsafe.Pointer(q)) // want `.p. is freed twice on some path`
}

func inLoop(p *C.char, n int) {
	for i := 0; i < n; i++ {
		C.free(unsafe.Pointer(p)) // want `.p. is freed in every iteration of the loop`
	}
}

func twoDefers(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	defer C.destroy(cs) // want `.cs. is freed by two deferred calls`
	C.puts(cs)
}

func release(p *C.char) { C.free(unsafe.Pointer(p)) }

func viaHelper(s string) {
	cs := C.CString(s)
	release(cs)
	C.free(unsafe.Pointer(cs)) // want `.cs. is freed twice`
}

// Clean shapes.

func nilAfterFree(s string, again bool) {
	cs := C.CString(s)
	C.free(unsafe.Pointer(cs))
	cs = nil
	if again {
		C.free(unsafe.Pointer(cs))
	}
}

func reassignedInLoop(names []string) {
	for _, n := range names {
		cs := C.CString(n)
		C.puts(cs)
		C.free(unsafe.Pointer(cs))
	}
}

func rangeOverPointers(ps []*C.char) {
	for _, p := range ps {
		C.free(unsafe.Pointer(p))
	}
}

func branches(s string, ok bool) {
	cs := C.CString(s)
	if ok {
		C.free(unsafe.Pointer(cs))
		return
	}
	C.puts(cs)
	C.free(unsafe.Pointer(cs))
}

func guardedDeferClosure(s string) {
	cs := C.CString(s)
	defer func() {
		if cs != nil {
			C.free(unsafe.Pointer(cs))
		}
	}()
	C.puts(cs)
	C.free(unsafe.Pointer(cs))
	cs = nil
}

func reallocated(n int) {
	p := C.malloc(8)
	p = C.realloc(p, C.size_t(n))
	C.free(p)
}

// A parameter freed by a helper, then again: the helper's facts come from phase 1.
// A failed realloc frees nothing: the old block is freed on that branch only.
func grownOrReleased(p unsafe.Pointer, n int) unsafe.Pointer {
	q := C.realloc(p, C.size_t(n))
	if q == nil {
		C.free(p)
		return nil
	}
	return q
}

func reallocThenFree(p unsafe.Pointer, n int) unsafe.Pointer {
	q := C.realloc(p, C.size_t(n))
	if q != nil {
		C.free(p) // want `.p. is freed twice on some path`
	}
	return q
}

func paramTwice(p *C.char) {
	release(p)
	C.free(unsafe.Pointer(p)) // want `.p. is freed twice`
}
