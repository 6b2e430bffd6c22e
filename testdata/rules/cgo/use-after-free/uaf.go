// Package uaf uses C memory after freeing it.
package uaf

/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
*/
import "C"

import (
	"errors"
	"sync"
	"unsafe"
)

var errEmpty = errors.New("empty")

func usedAfter(s string) int {
	cs := C.CString(s)
	C.free(unsafe.Pointer(cs))
	return int(C.strlen(cs)) // want `cgo/use-after-free: .cs. is used here after it was freed`
}

func onErrorPath(s string) (string, error) {
	cs := C.CString(s)
	if C.strlen(cs) == 0 {
		C.free(unsafe.Pointer(cs))
		return C.GoString(cs), errEmpty // want `.cs. is used here after it was freed`
	}
	defer C.free(unsafe.Pointer(cs))
	return C.GoString(cs), nil
}

func returnedDangling(n int) unsafe.Pointer {
	p := C.malloc(C.size_t(n))
	C.free(p)
	return p // want `.p. is used here after it was freed`
}

func throughCopy(n int) {
	p := C.malloc(C.size_t(n))
	buf := (*C.char)(p)
	C.free(p)
	C.puts(buf) // want `.p. is used here after it was freed`
}

func deferredUseThenFree(s string) {
	cs := C.CString(s)
	defer C.puts(cs) // want `This deferred call uses .cs., but the pointer is freed before the function returns`
	C.free(unsafe.Pointer(cs))
}

func deferOrder(s string) {
	cs := C.CString(s)
	defer C.puts(cs) // want `registered before the deferred free`
	defer C.free(unsafe.Pointer(cs))
}

func goroutineOutlives(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	go func() { // want `cgo/use-after-free: The goroutine started here uses .cs., which the deferred C.free`
		C.puts(cs)
	}()
}

func goroutineArg(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	go C.puts(cs) // want `The goroutine started here uses .cs.`
}

func goroutineAfterFree(s string) {
	cs := C.CString(s)
	C.free(unsafe.Pointer(cs))
	go C.puts(cs) // want `.cs. is used here after it was freed`
}

// Clean shapes.

func usedBefore(s string) int {
	cs := C.CString(s)
	n := int(C.strlen(cs))
	C.free(unsafe.Pointer(cs))
	return n
}

func nilAfterFree(s string) bool {
	cs := C.CString(s)
	C.free(unsafe.Pointer(cs))
	cs = nil
	return cs == nil
}

func comparedOnly(n int) bool {
	p := C.malloc(C.size_t(n))
	C.free(p)
	return p != nil
}

// A freed pointer used only as a map key is not a use of its memory.
func forgetAll(live map[unsafe.Pointer]bool) {
	for p := range live {
		C.free(p)
		delete(live, p)
	}
}

func freedAndCounted(live map[unsafe.Pointer]int, n int) int {
	p := C.malloc(C.size_t(n))
	C.free(p)
	return live[p]
}

// A failed realloc returns NULL and leaves the old block as it was.
func grown(buf unsafe.Pointer, n int) (unsafe.Pointer, error) {
	q := C.realloc(buf, C.size_t(n))
	if q == nil {
		return buf, errEmpty
	}
	return q, nil
}

func grownThenRead(buf *C.char, n int) int {
	q := C.realloc(unsafe.Pointer(buf), C.size_t(n))
	if q != nil {
		C.free(q)
	}
	return int(C.strlen(buf)) // want `.buf. is used here after it was freed`
}

func reallocated(s string) {
	cs := C.CString(s)
	C.free(unsafe.Pointer(cs))
	cs = C.CString(s + "!")
	C.puts(cs)
	C.free(unsafe.Pointer(cs))
}

func waited(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		C.puts(cs)
	}()
	wg.Wait()
}

func waitedOnChannel(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	done := make(chan struct{})
	go func() {
		C.puts(cs)
		close(done)
	}()
	<-done
}

func deferredWait(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		C.puts(cs)
	}()
}

func goroutineOwns(s string) {
	cs := C.CString(s)
	go func() {
		defer C.free(unsafe.Pointer(cs))
		C.puts(cs)
	}()
}

func freeOrder(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	defer C.puts(cs)
}

func loopFresh(names []string) {
	for _, n := range names {
		cs := C.CString(n)
		C.puts(cs)
		C.free(unsafe.Pointer(cs))
	}
}
