// Package unfreed holds C memory that is not released on every path.
package unfreed

/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check(const char *s) { return strlen(s) >= 12 ? 0 : -1; }
static char *dup_upper(const char *s) {
	char *out = strdup(s);
	for (char *p = out; *p; p++) if (*p >= 'a' && *p <= 'z') *p -= 32;
	return out;
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

var errShort = errors.New("too short")

// The early return on the error path leaks cpan.
func earlyReturn(pan string) error {
	cpan := C.CString(pan) // want `cgo/unfreed-memory: C memory from C.CString in .cpan. is not freed on one of its paths`
	if C.check(cpan) != 0 {
		return errShort
	}
	C.free(unsafe.Pointer(cpan))
	return nil
}

func neverFreed(msg string) {
	cs := C.CString(msg) // want `is never freed; Go's garbage collector never frees C memory`
	C.puts(cs)
}

func passedStraight(msg string) {
	C.puts(C.CString(msg)) // want `C memory from C.CString is passed straight to C.puts, which does not keep it`
}

func discarded(b []byte) {
	C.CBytes(b)     // want `The result of C.CBytes is discarded`
	_ = C.malloc(8) // want `The result of C.malloc is discarded`
}

func onPanic(s string) {
	cs := C.CString(s) // want `not freed on one of its paths`
	if C.check(cs) != 0 {
		panic("short")
	}
	C.free(unsafe.Pointer(cs))
}

func continueInLoop(names []string) {
	for _, n := range names {
		cs := C.CString(n) // want `not freed on one of its paths`
		if C.check(cs) != 0 {
			continue
		}
		C.puts(cs)
		C.free(unsafe.Pointer(cs))
	}
}

func breakOutOfSelect(ch chan string, done chan struct{}) {
	buf := C.malloc(64) // want `C memory from C.malloc in .buf. is not freed on one of its paths`
	select {
	case s := <-ch:
		if s == "" {
			break
		}
		C.free(buf)
	case <-done:
		C.free(buf)
	}
}

func overwritten(a, b string) {
	cs := C.CString(a) // want `not freed on one of its paths`
	C.puts(cs)
	cs = C.CString(b)
	defer C.free(unsafe.Pointer(cs))
	C.puts(cs)
}

func grown(n int) unsafe.Pointer {
	p := C.malloc(8)
	if n > 8 {
		p = C.realloc(p, C.size_t(n)) // want `C memory from C.realloc in .p. is not freed on one of its paths`
		if C.check((*C.char)(p)) != 0 {
			return nil
		}
	}
	return p
}

func preambleAllocator(s string) string {
	up := C.dup_upper(C.CString(s)) // want `C memory from C.dup_upper in .up. is never freed` `C.CString is passed straight to C.dup_upper`
	return C.GoString(up)
}

func callocConverted(n int) ([]C.int, error) {
	p := (*C.int)(C.calloc(C.size_t(n), 4)) // want `C memory from C.calloc in .p. is not freed`
	if n > 100 {
		return nil, errShort
	}
	return unsafe.Slice(p, n), nil
}

func namedResults(s string) (cs *C.char, err error) {
	cs = C.CString(s) // want `C memory from C.CString in .cs. is not freed on one of its paths`
	if C.check(cs) != 0 {
		return nil, errShort
	}
	return
}

// cString returns memory the caller must free.
func cString(s string) *C.char {
	return C.CString(s)
}

func viaWrapper(s string) {
	cs := cString(s) // want `C memory from cString in .cs. is never freed`
	C.puts(cs)
}

// The direct deferred call evaluates its argument when the defer runs: it frees nil.
func deferBeforeAllocation(s string) {
	var cs *C.char
	defer C.free(unsafe.Pointer(cs))
	cs = C.CString(s) // want `C memory from C.CString in .cs. is never freed`
	C.puts(cs)
}

// newBuffer returns C memory the caller must free, or an error.
func newBuffer(n int) (unsafe.Pointer, error) {
	if n <= 0 {
		return nil, errShort
	}
	p := C.malloc(C.size_t(n))
	return p, nil
}

func bufferLeak(n int) error {
	p, err := newBuffer(n) // want `C memory from newBuffer in .p. is not freed on one of its paths`
	if err != nil {
		return err
	}
	if n > 4096 {
		return errShort
	}
	C.free(p)
	return nil
}

func goroutineUsesOnly(s string, done chan bool) {
	cs := C.CString(s) // want `C memory from C.CString in .cs. is never freed`
	go func() {
		C.puts(cs)
		done <- true
	}()
}

// The guard changes before the free checks it again.
func guardChanged(name string) {
	var cs *C.char
	if name != "" {
		cs = C.CString(name) // want `C memory from C.CString in .cs. is not freed on one of its paths`
	}
	C.puts(cs)
	name = C.GoString(cs)
	if name != "" {
		C.free(unsafe.Pointer(cs))
	}
}
