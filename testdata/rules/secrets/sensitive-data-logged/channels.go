package logged

import (
	"log"
	"os"

	"redline.test/rules/secrets/sensitive-data-logged/registry"
)

// A registry received from an unexported channel field has the fields of
// the values the package sends on it.
type mirror struct {
	pending  chan *registry.Registry // only values without a proxy password are sent
	withAuth chan registry.Registry  // one send sets the password
	aliased  chan *registry.Registry // also given a channel from outside
	Shared   chan *registry.Registry // exported: other packages may send anything
}

func newMirror(in chan *registry.Registry) *mirror {
	m := &mirror{pending: make(chan *registry.Registry, 1), withAuth: make(chan registry.Registry, 1), Shared: make(chan *registry.Registry)}
	m.aliased = in
	return m
}

func (m *mirror) enqueue(ref string) {
	reg := registry.WithProxyURL(ref, "https://proxy")
	m.pending <- reg
	m.withAuth <- registry.Registry{Host: ref}
	m.withAuth <- registry.Registry{Host: ref, Options: registry.Options{Proxy: registry.Proxy{Password: os.Getenv("PROXY_PASSWORD")}}}
	m.aliased <- reg
	m.Shared <- reg
}

func use(r registry.Registry) error { return nil }

func (m *mirror) drain() {
	for {
		select {
		case reg := <-m.pending:
			if err := use(*reg); err != nil {
				log.Printf("mirroring %+v: %v", reg, err)
			}
		case reg := <-m.withAuth:
			log.Printf("mirroring %+v", reg) // want "log.Printf logs `reg`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
		case reg := <-m.aliased:
			log.Printf("mirroring %+v", reg) // want "log.Printf logs `reg`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
		case reg := <-m.Shared:
			log.Printf("mirroring %+v", reg) // want "log.Printf logs `reg`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
		}
	}
}

// A field set through a path sets that field only; passing a struct value passes a copy.
func configure(ref string) {
	plain := registry.Registry{Host: ref}
	plain.Options.Proxy.URL = "https://proxy"
	_ = use(plain)
	log.Printf("configured %+v", plain)
	authed := registry.Registry{Host: ref}
	authed.Options.Proxy.Password = os.Getenv("PROXY_PASSWORD")
	log.Printf("configured %+v", authed) // want "log.Printf logs `authed`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
}

// A channel field handed to a worker: the worker may send anything on it.
type relay struct {
	out chan *registry.Registry
}

func forward(ch chan<- *registry.Registry, ref string) {
	ch <- &registry.Registry{Host: ref, Options: registry.Options{Proxy: registry.Proxy{Password: os.Getenv("PROXY_PASSWORD")}}}
}

func (r *relay) run(ref string) {
	r.out = make(chan *registry.Registry, 1)
	go forward(r.out, ref)
	r.out <- registry.WithProxyURL(ref, "https://proxy")
	reg := <-r.out
	log.Printf("relayed %+v", reg) // want "log.Printf logs `reg`, a whole `Registry` value, and its field `Options.Proxy.Password` is printed in clear"
}
