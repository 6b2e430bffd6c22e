// Package finalizers releases C memory in finalizers.
package finalizers

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// Entry's memory is released only by the finalizer.
type Entry struct {
	data unsafe.Pointer
	name *C.char
}

func NewEntry(n int, name string) *Entry {
	e := &Entry{data: C.malloc(C.size_t(n)), name: C.CString(name)}
	runtime.SetFinalizer(e, func(e *Entry) { // want `cgo/finalizer-only-release: The C memory in .Entry.data., .Entry.name. is released only by this finalizer`
		C.free(e.data)
		C.free(unsafe.Pointer(e.name))
	})
	return e
}

// Blob is freed by an unexported method used only as a finalizer.
type Blob struct{ p *C.char }

func (b *Blob) release() { C.free(unsafe.Pointer(b.p)) }

func NewBlob(s string) *Blob {
	b := &Blob{p: C.CString(s)}
	runtime.SetFinalizer(b, (*Blob).release) // want `The C memory in .Blob.p. is released only by this finalizer`
	return b
}

// Captured memory, released only by the finalizer of another object.
type Token struct{ id int }

func NewToken(id int) *Token {
	p := C.malloc(64)
	t := &Token{id: id}
	runtime.SetFinalizer(t, func(*Token) { C.free(p) }) // want `The C memory in .p. is released only by this finalizer`
	return t
}

// A finalizer that captures its own object never runs.
type Handle struct{ p unsafe.Pointer }

func (h *Handle) Close() {
	C.free(h.p)
	h.p = nil
}

func NewHandle() *Handle {
	h := &Handle{p: C.malloc(16)}
	runtime.SetFinalizer(h, func(_ *Handle) {
		h.Close() // want `cgo/finalizer-only-release: The finalizer refers to .h., the object it finalizes`
	})
	return h
}

// Clean shapes.

// Buf has Close; the finalizer is a safety net.
type Buf struct{ p *C.char }

func (b *Buf) Close() {
	if b.p != nil {
		C.free(unsafe.Pointer(b.p))
		b.p = nil
	}
}

func NewBuf(s string) *Buf {
	b := &Buf{p: C.CString(s)}
	runtime.SetFinalizer(b, (*Buf).Close)
	return b
}

func NewBufLit(s string) *Buf {
	b := &Buf{p: C.CString(s)}
	runtime.SetFinalizer(b, func(b *Buf) { b.Close() })
	return b
}

// Vec frees its field in the finalizer and in Free.
type Vec struct{ data unsafe.Pointer }

func (v *Vec) Free() {
	C.free(v.data)
	v.data = nil
}

func NewVec(n int) *Vec {
	v := &Vec{data: C.malloc(C.size_t(n))}
	runtime.SetFinalizer(v, func(v *Vec) { C.free(v.data) })
	return v
}

// Pool's unexported release is called by Reset too.
type Pool struct{ p unsafe.Pointer }

func (p *Pool) release() {
	C.free(p.p)
	p.p = nil
}

func (p *Pool) Reset() { p.release() }

func NewPool() *Pool {
	p := &Pool{p: C.malloc(8)}
	runtime.SetFinalizer(p, (*Pool).release)
	return p
}

func noCMemory() *Token {
	t := &Token{}
	runtime.SetFinalizer(t, func(t *Token) { t.id = 0 })
	return t
}
