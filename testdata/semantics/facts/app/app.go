// Package app uses res across packages.
package app

import "example.com/facts/res"

// Shutdown closes through another package.
func Shutdown(ch chan int) { res.CloseVia(ch) }

// Stop frees through a method on its parameter.
func Stop(b *res.Buf) { b.Release() }

// Fail never returns (across packages).
func Fail() {
	res.Die("fail")
}

// Serve spawns through another package.
func Serve() { res.Background() }

// Closer is satisfied dynamically: no facts through interfaces.
type Closer interface{ CloseIt(ch chan int) }

// ViaIface calls through an interface.
func ViaIface(c Closer, ch chan int) { c.CloseIt(ch) }

// AfterFail has unreachable code after a never-returning call.
func AfterFail() int {
	Fail()
	return 1
}
