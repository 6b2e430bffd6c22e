//go:build copylocks_fixture

package configcopied

import (
	"crypto/tls"
	"fmt"
)

func deref(base *tls.Config, name string) *tls.Config {
	c := *base // want "tls/config-copied: \\*base copies a tls.Config by value.*Use base.Clone\\(\\)"
	c.ServerName = name
	return &c
}

func varSpec(base *tls.Config) tls.Config {
	var c = *base // want "tls/config-copied: \\*base copies"
	return c      // want "tls/config-copied: c copies"
}

type holder struct {
	cfg tls.Config
}

func field(h *holder) *tls.Config {
	c := h.cfg // want "tls/config-copied: h.cfg copies"
	return &c
}

func printed(cfg *tls.Config) {
	fmt.Printf("%+v\n", *cfg) // want "tls/config-copied: \\*cfg copies"
}

func byValue(c tls.Config) string { // want "tls/config-copied: This parameter takes a tls.Config by value"
	return c.ServerName
}

func ranged(cfgs []tls.Config) int {
	n := 0
	for _, c := range cfgs { // want "tls/config-copied: Ranging over tls.Config values"
		n += len(c.NextProtos)
	}
	return n
}

// Negatives.

func cloned(base *tls.Config, name string) *tls.Config {
	c := base.Clone()
	c.ServerName = name
	return c
}

func fresh() *tls.Config {
	c := tls.Config{MinVersion: tls.VersionTLS12}
	return &c
}

func readField(base *tls.Config) string {
	return (*base).ServerName
}

func overwrite(dst *tls.Config) {
	*dst = tls.Config{MinVersion: tls.VersionTLS12}
}

func byIndex(cfgs []tls.Config) int {
	n := 0
	for i := range cfgs {
		n += len(cfgs[i].NextProtos)
	}
	return n
}

func pointerField(h *holder) *tls.Config {
	return &h.cfg
}

func broadcast(workers []chan tls.Config, cfg *tls.Config) {
	for _, w := range workers {
		w <- *cfg // want "tls/config-copied: \\*cfg copies"
	}
}

func stored(base *tls.Config) *holder {
	return &holder{cfg: *base} // want "tls/config-copied: \\*base copies"
}

// A fresh config from a call is held by no one else: copying out of it is safe (as x/net/http2 does).
func fromClone(base *tls.Config) *tls.Config {
	cfg := new(tls.Config)
	if base != nil {
		*cfg = *base.Clone()
	}
	return cfg
}
