// Package csource calls C functions that its preamble only declares and a
// C source of the package directory defines: what they do with a pointer
// is read from that definition.
package csource

/*
#include <stdlib.h>

void set_title(char *title);
void show_title(const char *title);
typedef void (*destructor)(void *);
void *closure_new(void *payload, destructor d);
void closure_destructor(void *payload);
void closure_call(void *closure);
*/
import "C"


// set_title (window.c) stores the string for a later callback, which frees it.
func SetTitle(title string) {
	C.set_title(C.CString(title))
}

// show_title (window.c) only reads it.
func ShowTitle(title string) {
	C.show_title(C.CString(title)) // want "cgo/unfreed-memory: C memory from C.CString is passed straight to C.show_title"
}

// The closure (a library's: declared, not defined here) frees its payload with the destructor handed over with it.
func RunClosure(n int) {
	payload := C.malloc(C.size_t(n))
	closure := C.closure_new(payload, (C.destructor)(C.closure_destructor))
	C.closure_call(closure)
}

// Without a destructor nothing frees the payload.
func RunLeakingClosure(n int) {
	payload := C.malloc(C.size_t(n)) // want "cgo/unfreed-memory: C memory from C.malloc in .payload. is never freed"
	closure := C.closure_new(payload, nil)
	C.closure_call(closure)
}
