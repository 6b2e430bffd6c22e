//go:debug tls10server=1

// Command legacy serves old clients: the go:debug line above brings back TLS 1.0 servers, whatever the go directive.
package main

import (
	"crypto/tls"
	"net/http"
)

func main() {
	srv := &http.Server{Addr: ":8443", TLSConfig: &tls.Config{}} // want "tls/weak-version: This server config sets no MinVersion, and the package sets //go:debug tls10server=1"
	_ = srv.ListenAndServeTLS("cert.pem", "key.pem")
}
