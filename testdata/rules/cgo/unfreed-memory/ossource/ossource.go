// Package ossource defines its C functions in files built per OS: only those of the target count.
package ossource

// #include "sink.h"
import "C"

// Show hands the string to sink, which frees it in the linux build.
func Show(s string) {
	C.sink(C.CString(s))
}

// Peek hands the string to peek, which only reads it in the linux build.
func Peek(s string) {
	C.peek(C.CString(s)) // want `cgo/unfreed-memory: C memory from C.CString is passed straight to C.peek, which does not keep it`
}
