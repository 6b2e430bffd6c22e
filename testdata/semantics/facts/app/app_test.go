package app_test

import (
	"testing"

	"example.com/facts/app"
)

func helper(t *testing.T, ch chan int) {
	t.Helper()
	app.Shutdown(ch)
}

func TestX(t *testing.T) { helper(t, make(chan int)) }
