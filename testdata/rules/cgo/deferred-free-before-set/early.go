// Package early defers frees before the pointers they free are set.
package early

/*
#include <stdlib.h>
#include <string.h>

static int list(char ***paths, unsigned *n) {
	*n = 1;
	*paths = malloc(sizeof(char *));
	(*paths)[0] = strdup("a");
	return 0;
}

static const char *owned = "owned";

static void borrowed(const char **out) { *out = owned; }

static void freeItems(char **paths, unsigned n) {
	for (unsigned i = 0; i < n; i++) free(paths[i]);
}
*/
import "C"

import "unsafe"

// The array C stores through &paths is never freed: the defer freed nil.
func List() int {
	var paths **C.char
	defer C.free(unsafe.Pointer(paths)) // want "cgo/deferred-free-before-set: `paths` is nil when this defer runs"
	var n C.uint
	C.list(&paths, &n)
	defer C.freeItems(paths, n)
	return int(n)
}

// Assigned an allocation after the defer: cgo/unfreed-memory reports the allocation.
func Copy(s string) int {
	var cs *C.char
	defer C.free(unsafe.Pointer(cs))
	cs = C.CString(s) // want "cgo/unfreed-memory: C memory from C.CString in `cs` is never freed"
	return int(C.strlen(cs))
}

// Deferred in a closure, the free reads the pointer when the function returns.
func ListClosure() int {
	var paths **C.char
	defer func() { C.free(unsafe.Pointer(paths)) }()
	var n C.uint
	C.list(&paths, &n)
	defer C.freeItems(paths, n)
	return int(n)
}

// Deferred after the pointer is set.
func ListAfter() int {
	var paths **C.char
	var n C.uint
	C.list(&paths, &n)
	defer C.free(unsafe.Pointer(paths))
	defer C.freeItems(paths, n)
	return int(n)
}

// Never set after the defer: freeing nil is pointless but harmless.
func Unused() {
	var p *C.char
	defer C.free(unsafe.Pointer(p))
}

// Set conditionally before the defer.
func Maybe(s string, ok bool) int {
	var cs *C.char
	if ok {
		cs = C.CString(s)
	}
	defer C.free(unsafe.Pointer(cs))
	if cs == nil {
		return 0
	}
	return int(C.strlen(cs))
}

// A const out-parameter points into memory the callee keeps owning: not the caller's to free.
func Name() string {
	var name *C.char
	defer C.free(unsafe.Pointer(name))
	C.borrowed(&name)
	return C.GoString(name)
}
