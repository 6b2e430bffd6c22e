// Package includedsource calls C functions declared in a header of another
// directory of the module, which it includes by a relative path; the C
// source next to that header defines them.
package includedsource

/*
#include <stdlib.h>
#include "../includedlib/store.h"
*/
import "C"

import "unsafe"

type Store struct{ s *C.struct_store }

// store_adopt keeps the buffer when it succeeds.
func Adopt(n int) *Store {
	buf := (*C.char)(C.malloc(C.size_t(n)))
	s := C.store_adopt(buf, C.size_t(n))
	if s == nil {
		C.free(unsafe.Pointer(buf))
		return nil
	}
	return &Store{s: s}
}

func (s *Store) Close() { C.store_free(s.s) }

// store_peek only reads it.
func Peek(text string) {
	C.store_peek(C.CString(text)) // want "cgo/unfreed-memory: C memory from C.CString is passed straight to C.store_peek, which does not keep it"
}
