// Package b uses package a across the module.
package b

import (
	"example.com/basic/a"
	. "strings"
	_ "embed"
)

// Service wraps a Derived.
type Service struct {
	a.Derived
	name string
}

// New makes a service.
func New(name string) *Service {
	d, err := a.Lookup(name)
	if err != nil {
		return &Service{name: ToLower(name)}
	}
	return &Service{Derived: *d, name: name}
}

// Run uses promoted fields and methods across packages.
func (s *Service) Run() (string, a.Kind) {
	s.Acquire()
	defer s.Release()
	var l a.List[int]
	l.Push(s.ID)
	p := a.Pair[string, int]{Key: s.Name, Val: len(l.Values())}
	if p.Val > 0 && HasPrefix(p.Key, "x") {
		return a.Upper(p.Key), a.KindC
	}
	return s.Describe(), a.KindA + 1
}
