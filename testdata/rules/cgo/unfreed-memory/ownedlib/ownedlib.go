// Package ownedlib calls a C library whose definitions Redline cannot see.
package ownedlib

/*
#cgo CPPFLAGS: -I${SRCDIR}/../clibinclude
#include <stdio.h>
#include <stdlib.h>
#include "notes.h"
*/
import "C"

import "unsafe"

// Quick hands the body to the library, which may keep it: Redline says it assumes borrowing.
func Quick(title, body string) *C.struct_note {
	t := C.CString(title)
	defer C.free(unsafe.Pointer(t))
	return C.note_create(t, C.CString(body)) // want `cgo/unfreed-memory: C memory from C.CString is passed straight to C.note_create and never freed. Redline cannot see the definition of C.note_create and assumes`
}

// Shout passes a string to a C library function that only reads it.
func Shout(msg string) {
	C.puts(C.CString(msg)) // want `C memory from C.CString is passed straight to C.puts, which does not keep it`
}
