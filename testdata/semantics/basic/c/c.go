// Package c has a local type, shadowing and labels.
package c

import "fmt"

func Shadow(xs []int) (n int) {
	type local struct{ v int }
	for _, x := range xs {
		x := x * 2
		l := local{v: x}
		n += l.v
	}
	if n := len(xs); n > 3 {
		fmt.Println(n)
	}
	var err error
	if _, err := fmt.Println(); err != nil {
		return
	}
	_ = err
	return n
}
