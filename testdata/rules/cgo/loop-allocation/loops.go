// Package loops allocates C memory in loops.
package loops

/*
#include <stdio.h>
#include <stdlib.h>

typedef struct { char *s; } item;
static int useItems(item *xs, int n) { return n; }
*/
import "C"

import "unsafe"

func deferInLoop(topics []string) {
	for _, t := range topics {
		ct := C.CString(t) // want `cgo/loop-allocation: C.CString allocates C memory in every iteration of the loop, but the deferred .C.free\(unsafe.Pointer\(ct\)\). only runs when the function returns`
		defer C.free(unsafe.Pointer(ct))
		C.puts(ct)
	}
}

func deferClosureInLoop(n int) {
	for i := 0; i < n; i++ {
		buf := C.malloc(64) // want `C.malloc allocates C memory in every iteration of the loop`
		defer func() { C.free(buf) }()
		C.puts((*C.char)(buf))
	}
}

func nestedLoops(groups [][]string) {
	for _, g := range groups {
		for _, t := range g {
			if t == "" {
				continue
			}
			ct := C.CString(t) // want `C.CString allocates C memory in every iteration of the loop`
			defer C.free(unsafe.Pointer(ct))
		}
	}
}

// Loops that run until something else stops them: the deferred frees pile up for as long as they run.

func deferInWorker(jobs <-chan string) {
	for j := range jobs {
		cj := C.CString(j) // want `cgo/loop-allocation: C.CString allocates C memory in every iteration of the loop, .* so all of it stays allocated until then and grows with the input`
		defer C.free(unsafe.Pointer(cj))
		C.puts(cj)
	}
}

func deferInPollLoop(next func() (string, bool)) {
	for {
		s, ok := next()
		if !ok {
			return
		}
		for _, part := range []string{s, s + "!"} {
			cs := C.CString(part) // want `so all of it stays allocated until then and grows with the input`
			defer C.free(unsafe.Pointer(cs))
			C.puts(cs)
		}
	}
}

func deferWhileCondition(more func() bool) {
	for more() {
		buf := C.malloc(16) // want `grows with the input`
		defer C.free(buf)
	}
}

func freedAfterLoop(names []string) {
	var last *C.char
	for _, n := range names {
		last = C.CString(n) // want `cgo/loop-allocation: .* but .last. is freed only after the loop`
		C.puts(last)
	}
	C.free(unsafe.Pointer(last))
}

// Clean shapes.

func freedInIteration(topics []string) {
	for _, t := range topics {
		ct := C.CString(t)
		C.puts(ct)
		C.free(unsafe.Pointer(ct))
	}
}

func deferInFuncLit(topics []string) {
	for _, t := range topics {
		func() {
			ct := C.CString(t)
			defer C.free(unsafe.Pointer(ct))
			C.puts(ct)
		}()
	}
}

func allocatedBeforeLoop(topics []string) {
	ct := C.CString("prefix")
	defer C.free(unsafe.Pointer(ct))
	for range topics {
		C.puts(ct)
	}
}

func storedPerIteration(topics []string) []*C.char {
	out := make([]*C.char, 0, len(topics))
	for _, t := range topics {
		out = append(out, C.CString(t))
	}
	return out
}

func freedAtTopOfNextIteration(names []string) {
	var cur *C.char
	for _, n := range names {
		if cur != nil {
			C.free(unsafe.Pointer(cur))
		}
		cur = C.CString(n)
		C.puts(cur)
	}
	C.free(unsafe.Pointer(cur))
}

// The C strings must live until useItems reads them after the loop: deferring the frees is right.
func deferUntilAllUsed(names []string) int {
	items := make([]C.item, len(names))
	for i, n := range names {
		p := C.CString(n)
		defer C.free(unsafe.Pointer(p))
		items[i] = C.item{s: p}
	}
	return int(C.useItems(&items[0], C.int(len(items))))
}
