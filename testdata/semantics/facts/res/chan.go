// Package res has functions whose facts propagate through parameters.
package res

// Close closes its channel parameter.
func Close(ch chan int) { close(ch) }

// CloseVia closes through a helper in another file.
func CloseVia(ch chan int) { closeLater(ch) }

// closeRec closes at the bottom of a recursion.
func closeRec(ch chan int, n int) {
	if n == 0 {
		close(ch)
		return
	}
	closeRec(ch, n-1)
}

// ping and pong close through mutual recursion.
func ping(ch chan int, n int) {
	if n > 0 {
		pong(ch, n-1)
	}
}

func pong(ch chan int, n int) {
	if n == 0 {
		close(ch)
	} else {
		ping(ch, n)
	}
}

// a1 and b1 recurse forever without closing: no fact.
func a1(ch chan int, n int) {
	if n > 0 {
		b1(ch, n-1)
	}
}

func b1(ch chan int, n int) { a1(ch, n) }

// notParam closes a local channel, not its parameter.
func notParam(ch chan int) {
	local := make(chan int)
	close(local)
	_ = ch
}

// closeReassigned closes a different channel than its parameter.
func closeReassigned(ch chan int) {
	ch = make(chan int)
	close(ch)
}

var _ = []any{closeRec, ping, a1, notParam, closeReassigned}
