// Package headers frees C memory through helpers defined in a header of
// its own directory, which the preamble includes.
package headers

// #include "helpers.h"
import "C"

// cfree is the package's free: C.freeString (helpers.h) frees its argument.
func cfree(s *C.char) { C.freeString(s) }

func freedThroughHeader(name string) int {
	cs := C.CString(name)
	defer cfree(cs)
	return int(C.measure(cs))
}

func keptThroughHeader(slot **C.char, name string) {
	C.keepString(slot, C.CString(name))
}

func leaked(name string) int {
	cs := C.CString(name) // want "cgo/unfreed-memory: C memory from C.CString in .cs. is never freed"
	return int(C.measure(cs))
}

// text converts like a cast: its result is the same memory (C.as_text returns its argument).
func text(s *C.char) *C.char { return C.as_text(s) }

func keptThroughWrapper(slot **C.char, name string) {
	C.keepString(slot, text(C.CString(name)))
}

func freedThroughWrapper(name string) int {
	cs := C.CString(name)
	defer cfree(text(cs))
	return int(C.measure(cs))
}

func leakedThroughWrapper(name string) int {
	cs := C.CString(name) // want "cgo/unfreed-memory: C memory from C.CString in .cs. is never freed"
	return int(C.measure(text(cs)))
}
