package a

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
)

type shape interface {
	Area() float64
}

type square struct{ side float64 }

func (s square) Area() float64 { return s.side * s.side }

type circle struct{ r float64 }

func (c *circle) Area() float64 { return 3 * c.r * c.r }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint(x)
	case string:
		return x + "!"
	case shape:
		return strconv.FormatFloat(x.Area(), 'f', 2, 64)
	case error:
		return x.Error()
	default:
		_ = x
		return "?"
	}
}

func loops(ctx context.Context, in <-chan int, out chan<- string) (total int, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
outer:
	for i := 0; i < 10; i++ {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break outer
		case v, ok := <-in:
			if !ok {
				continue outer
			}
			total += v
		case out <- strconv.Itoa(i):
		}
	}
	for i := range 3 {
		total += i
	}
	for k, v := range map[string][]byte{"a": {1, 2}} {
		total += len(k) + int(v[0])
	}
	for i, r := range "héllo" {
		total += i + int(r)
	}
	seq := func(yield func(int, string) bool) {
		_ = yield(1, "x")
	}
	for n, s := range seq {
		total += n + len(s)
	}
	if total > 100 {
		goto done
	}
	total++
done:
	return total, err
}

func composite() []Pair[string, []*square] {
	m := map[Kind][]Pair[string, int]{
		KindA: {{Key: "a", Val: 1}, {"b", 2}},
	}
	_ = m
	arr := [...]string{2: "c", 0: "a"}
	_ = arr
	ptrs := []*square{{side: 1}, {2}}
	return []Pair[string, []*square]{{Key: "x", Val: ptrs}}
}

func conversions(r io.Reader) (int, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return 0, fmt.Errorf("read: %w", err)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return 0, pe
	}
	s := string(b[1:3])
	n, _ := strconv.Atoi(s)
	u := uint16(n) + 1
	f := float64(u) * Ratio
	c, ok := r.(io.Closer)
	if ok {
		defer c.Close()
	}
	l := &List[string]{}
	l.Push(s)
	vals := l.Values()
	first, _ := First(vals)
	lens := Map(vals, func(s string) int { return len(s) })
	_ = first
	return int(f) + len(lens), nil
}

func closures() func() int {
	x := 0
	inc := func() int {
		x++
		return x
	}
	var d Derived
	d.Base = &Base{ID: 1}
	d.Acquire()
	defer d.Release()
	_ = d.Describe()
	_ = d.ID
	return inc
}
