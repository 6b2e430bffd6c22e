package unfreed

/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void consume(char *s) { puts(s); free(s); }
static char *saved;
static void keep(char *s) { saved = s; }
static void set_text(char *s, void (*destroy)(void *)) { if (destroy) destroy(s); }
*/
import "C"

import (
	"errors"
	"log"
	"runtime"
	"unsafe"
)

func deferred(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	C.puts(cs)
}

func deferredClosure(s string) {
	cs := C.CString(s)
	defer func() { C.free(unsafe.Pointer(cs)) }()
	C.puts(cs)
}

func everyBranch(s string, loud bool) error {
	cs := C.CString(s)
	if loud {
		C.puts(cs)
		C.free(unsafe.Pointer(cs))
		return nil
	}
	switch len(s) {
	case 0:
		C.free(unsafe.Pointer(cs))
		return errors.New("empty")
	default:
		C.free(unsafe.Pointer(cs))
	}
	return nil
}

// Ownership goes to the caller.
func returned(s string) *C.char {
	cs := C.CString(s)
	C.puts(cs)
	return cs
}

func returnedNamed(n int) (p unsafe.Pointer) {
	p = C.malloc(C.size_t(n))
	return
}

// Buf owns C memory: Close frees it, the finalizer is a safety net.
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

func (b *Buf) Reset(s string) {
	b.Close()
	cs := C.CString(s)
	b.p = cs
}

func (b *Buf) set(p *C.char) { b.p = p }

func viaSetter(b *Buf, s string) {
	cs := C.CString(s)
	b.set(cs)
}

func release(p *C.char) { C.free(unsafe.Pointer(p)) }

func viaRelease(s string) {
	cs := C.CString(s)
	C.puts(cs)
	release(cs)
}

func nilChecked(n int) error {
	p := C.malloc(C.size_t(n))
	if p == nil {
		return errors.New("out of memory")
	}
	defer C.free(p)
	return nil
}

func preambleTakes(a, b string) {
	C.consume(C.CString(a))
	cs := C.CString(b)
	C.keep(cs)
}

func goroutineFrees(s string) {
	cs := C.CString(s)
	go func() {
		defer C.free(unsafe.Pointer(cs))
		C.puts(cs)
	}()
}

func goroutineArgFrees(s string) {
	go func(p *C.char) {
		C.puts(p)
		C.free(unsafe.Pointer(p))
	}(C.CString(s))
}

func conditional(name string) {
	var cs *C.char
	if name != "" {
		cs = C.CString(name)
		defer C.free(unsafe.Pointer(cs))
	}
	C.puts(cs)
}

func conditionalFree(name string) {
	var cs *C.char
	if name != "" {
		cs = C.CString(name)
	}
	C.puts(cs)
	if cs != nil {
		C.free(unsafe.Pointer(cs))
	}
}

func sent(ch chan<- *C.char, s string) {
	ch <- C.CString(s)
}

var handles = map[unsafe.Pointer]int{}

func register(id int) unsafe.Pointer {
	h := C.malloc(1)
	handles[h] = id
	return h
}

func sliceAlias(data []byte) {
	p := C.malloc(C.size_t(len(data)))
	buf := unsafe.Slice((*byte)(p), len(data))
	copy(buf, data)
	C.puts((*C.char)(p))
	C.free(unsafe.Pointer(&buf[0]))
}

func copied(s string) {
	cs := C.CString(s)
	p := unsafe.Pointer(cs)
	C.puts(cs)
	C.free(p)
}

func fatal(s string) {
	cs := C.CString(s)
	if C.puts(cs) < 0 {
		log.Fatal("cannot write")
	}
	C.free(unsafe.Pointer(cs))
}

func bytes(b []byte) {
	p := C.CBytes(b)
	defer C.free(p)
	C.puts((*C.char)(p))
}

func slices(names []string) {
	cs := make([]*C.char, len(names))
	for i, n := range names {
		cs[i] = C.CString(n)
	}
	defer func() {
		for _, p := range cs {
			C.free(unsafe.Pointer(p))
		}
	}()
}

func unbounded(names []string) {
	for _, n := range names {
		cs := C.CString(n)
		C.puts(cs)
		C.free(unsafe.Pointer(cs))
	}
}

func wrapperFreed(s string) {
	cs := cString(s)
	defer C.free(unsafe.Pointer(cs))
	C.puts(cs)
}

func deferClosureBeforeAllocation(s string) {
	var cs *C.char
	defer func() { C.free(unsafe.Pointer(cs)) }()
	cs = C.CString(s)
	C.puts(cs)
}

func bufferClean(n int) error {
	p, err := newBuffer(n)
	if err != nil {
		return err
	}
	defer C.free(p)
	return nil
}

func inClosure(names []string) {
	for _, n := range names {
		func() {
			cs := C.CString(n)
			defer C.free(unsafe.Pointer(cs))
			C.puts(cs)
		}()
	}
}

func arrayView(n int) []byte {
	p := C.malloc(C.size_t(n))
	return (*[1 << 30]byte)(p)[:n:n]
}

type outer struct{ inner C.int }

type holder struct{ ref *C.int }

func fieldAddress(h *holder) {
	o := (*outer)(C.calloc(1, C.size_t(unsafe.Sizeof(outer{}))))
	o.inner = 3
	h.ref = &o.inner
}

func destructorHandedOver(s string) {
	cs := C.CString(s)
	C.set_text(cs, (*[0]byte)(C.free))
}

// The condition that guarded the allocation guards the free too.
func guardedTwice(name string) {
	var cs *C.char
	if name != "" {
		cs = C.CString(name)
	}
	C.puts(cs)
	if name != "" {
		C.free(unsafe.Pointer(cs))
	}
}

func guardedNegated(quiet bool, s string) {
	var cs *C.char
	if !quiet && s != "" {
		cs = C.CString(s)
		C.puts(cs)
	}
	if quiet {
		return
	}
	if s != "" {
		C.free(unsafe.Pointer(cs))
	}
}
