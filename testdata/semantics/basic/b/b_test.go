package b_test

import (
	"testing"

	"example.com/basic/b"
)

func TestRun(t *testing.T) {
	s := b.New("x")
	got, k := s.Run()
	if got == "" {
		t.Fatalf("empty %v", k)
	}
}
