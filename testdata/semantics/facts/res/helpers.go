package res

import (
	"log"
	"unsafe"
)

func closeLater(c chan int) {
	defer close(c)
}

//go:noinline
func rawFree(p unsafe.Pointer) { _ = p }

// Free frees through a conversion.
func Free(p *byte) { rawFree(unsafe.Pointer(p)) }

// freeAlias frees through a local alias.
func freeAlias(p *byte, other *byte) {
	q := unsafe.Pointer(p)
	rawFree(q)
	_ = other
}

// Buf frees its receiver.
type Buf struct{ data *byte }

// Release frees the receiver.
func (b *Buf) Release() { rawFree(unsafe.Pointer(b)) }

// LogIt logs its argument.
func LogIt(tag string, secret string) { log.Printf("%s", secret); _ = tag }

func logDeep(s string) { LogIt("x", s) }

// Die never returns.
func Die(msg string) { log.Fatal(msg) }

func dieTwice() { Die("x") }

func mayDie(x int) {
	if x > 0 {
		Die("y")
	}
}

func loopForever() {
	for {
	}
}

func recurse() { recurse() }

func work() {}

// Background spawns a goroutine.
func Background() { go work() }

func startAll() { Background() }

var _ = []any{freeAlias, logDeep, dieTwice, mayDie, loopForever, recurse, startAll}
