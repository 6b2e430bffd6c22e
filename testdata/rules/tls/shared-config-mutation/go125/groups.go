// Package go125 starts goroutines with sync.WaitGroup.Go (Go 1.25), which
// runs its function on a new goroutine like a `go` statement.
package go125

import (
	"crypto/tls"
	"net/http"
	"sync"
)

func loop(cfg *tls.Config, names []string) {
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() {
			cfg.ServerName = name // want "tls/shared-config-mutation: cfg.ServerName is written in a goroutine"
		})
	}
	wg.Wait()
}

func afterServing(cfg *tls.Config, extra tls.Certificate) {
	srv := &http.Server{Addr: ":8443", TLSConfig: cfg}
	var wg sync.WaitGroup
	wg.Go(func() { _ = srv.ListenAndServeTLS("", "") })
	cfg.Certificates = append(cfg.Certificates, extra) // want "tls/shared-config-mutation: cfg.Certificates is modified after cfg was put to use \\(installed in http.Server.TLSConfig, then a goroutine was started\\)"
}
