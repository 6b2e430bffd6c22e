package unfreed

/*
#include <stdio.h>
#include <stdlib.h>

static int set_options(int n, char **keys, char **values) { return n; }
static void show(const char *s) { puts(s); }
*/
import "C"

import "unsafe"

// Strings stored in a slice that nothing frees: the C call only reads them.
func setOptions(keys, values []string) int {
	cKeys := make([]*C.char, len(keys))
	cValues := make([]*C.char, len(keys))
	for i := range keys {
		cKeys[i] = C.CString(keys[i])     // want "cgo/unfreed-memory: C memory from C.CString is stored in `cKeys`, whose elements nothing frees"
		cValues[i] = C.CString(values[i]) // want "cgo/unfreed-memory: C memory from C.CString is stored in `cValues`, whose elements nothing frees"
	}
	C.show(cKeys[0])
	return int(C.set_options(C.int(len(cKeys)), (**C.char)(unsafe.Pointer(&cKeys[0])), &cValues[0]))
}

// Through a local first (stop prompts): the slice only borrows it.
func stopPrompts(prompts []string) {
	reverse := make([]*C.char, len(prompts))
	for i, p := range prompts {
		cs := C.CString(p) // want "cgo/unfreed-memory: C memory from C.CString in `cs` is never freed"
		reverse[i] = cs
	}
	C.set_options(C.int(len(reverse)), &reverse[0], nil)
}

// Negatives: the elements are freed in a deferred loop, one by one, or the slice is returned.
func setOptionsFreed(keys []string) int {
	cKeys := make([]*C.char, len(keys))
	for i := range keys {
		cKeys[i] = C.CString(keys[i])
	}
	defer func() {
		for _, k := range cKeys {
			C.free(unsafe.Pointer(k))
		}
	}()
	return int(C.set_options(C.int(len(cKeys)), &cKeys[0], nil))
}

func setOptionsFreedByIndex(keys []string) int {
	cKeys := make([]*C.char, len(keys))
	for i := range keys {
		cKeys[i] = C.CString(keys[i])
	}
	n := C.set_options(C.int(len(cKeys)), &cKeys[0], nil)
	for i := range keys {
		C.free(unsafe.Pointer(cKeys[i]))
	}
	return int(n)
}

func cStrings(keys []string) []*C.char {
	out := make([]*C.char, len(keys))
	for i := range keys {
		out[i] = C.CString(keys[i])
	}
	return out
}

// The first element's address kept in a local that a C call reads.
func stopPromptsPassed(prompts []string) {
	reverse := make([]*C.char, len(prompts))
	var pass **C.char
	for i, p := range prompts {
		cs := C.CString(p) // want "cgo/unfreed-memory: C memory from C.CString in `cs` is never freed"
		reverse[i] = cs
		pass = &reverse[0]
	}
	C.set_options(C.int(len(reverse)), pass, nil)
}
