// Package a exercises declarations, generics, embedding and constants.
package a

import (
	"errors"
	"fmt"
	str "strings"
	"sync"
	"time"
)

// Kind is an enum.
type Kind int

const (
	KindA Kind = iota
	KindB
	KindC
	_
	KindE
)

const (
	Big     = 1 << 40
	Mask    = Big - 1
	Greet   = "hello, " + "world"
	GreetN  = len(Greet)
	Ratio   = 3.0 / 2
	Shifted = uint8(1) << 7
	Rune    = 'x'
	IsBig   = Big > 100
)

const (
	b0 = 1 << iota
	b1
	b2
	b3 = iota * 10
	b4
)

// Base has methods promoted into Derived.
type Base struct {
	ID   int
	Name string `json:"name"`
	mu   *sync.Mutex
}

func (b *Base) Acquire()        { b.mu.Lock() }
func (b *Base) Release()        { b.mu.Unlock() }
func (b Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }

// Derived embeds Base and an interface.
type Derived struct {
	*Base
	fmt.Stringer
	Tags  []string
	Attrs map[string][]int
	When  time.Time
	ch    chan<- error
}

// List is a generic linked list.
type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

// Push adds v.
func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

// Values returns all values.
func (l *List[T]) Values() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

// Pair is a generic pair.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// Map applies f.
func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, e := range s {
		out = append(out, f(e))
	}
	return out
}

// First returns the first element.
func First[T any](xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[0], true
}

// ErrNotFound is a sentinel.
var ErrNotFound = errors.New("not found")

var (
	counter   int64
	registry  = map[string]*Derived{}
	lookupFns = []func(string) (*Derived, error){Lookup}
)

// Lookup finds a Derived.
func Lookup(name string) (d *Derived, err error) {
	d, ok := registry[name]
	if !ok {
		err = fmt.Errorf("lookup %q: %w", name, ErrNotFound)
		return
	}
	return d, nil
}

// Upper uses a renamed import.
func Upper(s string) string { return str.ToUpper(s) }

type alias = Derived

func useAlias(a *alias) string { return a.Describe() }

var _ = useAlias
