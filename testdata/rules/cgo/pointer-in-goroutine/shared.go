// Package shared hands C pointers to goroutines.
package shared

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import (
	"sync"
	"unsafe"
)

func freedAfterStart(page string, done chan<- bool) {
	cs := C.CString(page)
	go func() { // want `cgo/pointer-in-goroutine: The goroutine started here uses the C pointer .cs., and this function frees it`
		C.puts(cs)
		done <- true
	}()
	C.free(unsafe.Pointer(cs))
}

func passedAsArgument(n int) {
	buf := C.malloc(C.size_t(n))
	go C.puts((*C.char)(buf)) // want `uses the C pointer .buf., and this function frees it`
	C.free(buf)
}

func passedToLiteral(page string) {
	cs := C.CString(page)
	go func(p *C.char) { // want `uses the C pointer .cs.`
		C.puts(p)
	}(cs)
	C.free(unsafe.Pointer(cs))
}

func viaAlias(page string) {
	cs := C.CString(page)
	p := unsafe.Pointer(cs)
	go func() { // want `uses the C pointer .cs.`
		C.puts((*C.char)(p))
	}()
	C.free(unsafe.Pointer(cs))
}

func goroutineFreesParentUses(page string) {
	cs := C.CString(page)
	go func() { // want `cgo/pointer-in-goroutine: The goroutine started here frees the C pointer .cs., but this function still uses it`
		C.free(unsafe.Pointer(cs))
	}()
	C.puts(cs)
}

func waitLaterOnOnePath(page string, wait bool) {
	var wg sync.WaitGroup
	cs := C.CString(page)
	wg.Add(1)
	go func() { // want `uses the C pointer .cs., and this function frees it`
		defer wg.Done()
		C.puts(cs)
	}()
	if wait {
		wg.Wait()
	}
	C.free(unsafe.Pointer(cs))
}

// Clean shapes.

func waited(page string) {
	var wg sync.WaitGroup
	cs := C.CString(page)
	wg.Add(1)
	go func() {
		defer wg.Done()
		C.puts(cs)
	}()
	wg.Wait()
	C.free(unsafe.Pointer(cs))
}

func received(page string) {
	cs := C.CString(page)
	done := make(chan struct{})
	go func() {
		C.puts(cs)
		close(done)
	}()
	<-done
	C.free(unsafe.Pointer(cs))
}

func handedOver(page string, done chan<- bool) {
	cs := C.CString(page)
	go func() {
		defer C.free(unsafe.Pointer(cs))
		C.puts(cs)
		done <- true
	}()
}

func usedBeforeStart(page string) {
	cs := C.CString(page)
	C.puts(cs)
	go func() {
		C.free(unsafe.Pointer(cs))
	}()
}

func workers(pages []string) {
	var wg sync.WaitGroup
	ptrs := make([]*C.char, len(pages))
	for i, p := range pages {
		ptrs[i] = C.CString(p)
	}
	for _, p := range ptrs {
		wg.Add(1)
		go func(p *C.char) {
			defer wg.Done()
			C.puts(p)
		}(p)
	}
	wg.Wait()
	for _, p := range ptrs {
		C.free(unsafe.Pointer(p))
	}
}

func rangeOverResults(page string, results chan int) {
	cs := C.CString(page)
	go func() {
		C.puts(cs)
		results <- 1
		close(results)
	}()
	for range results {
	}
	C.free(unsafe.Pointer(cs))
}
