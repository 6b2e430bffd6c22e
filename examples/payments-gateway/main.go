// Command payments-gateway accepts card payments over HTTPS and forwards them
// to the card processor. It is Redline's bundled example: it contains red
// lines of several families on purpose.
package main

import (
	"crypto/tls"
	"log"
	"net/http"
	"time"
)

func main() {
	cfg := loadConfig()

	srv := &http.Server{
		Addr:              cfg.ListenAddr,
		ReadHeaderTimeout: 5 * time.Second,
		TLSConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			// Loads and parses the key pair from disk on every TLS handshake.
			GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
				cert, err := tls.LoadX509KeyPair(cfg.CertFile, cfg.KeyFile)
				if err != nil {
					return nil, err
				}
				return &cert, nil
			},
		},
	}

	upstream := newProcessorClient(cfg.ProcessorURL)
	notifier := newNotifier(cfg.WebhookURL)

	mux := http.NewServeMux()
	mux.HandleFunc("/pay", upstream.handlePay)
	mux.HandleFunc("/admin/rotate", upstream.handleRotate)
	mux.HandleFunc("/refund", func(w http.ResponseWriter, r *http.Request) {
		notifier.refundRequested(r.FormValue("order"))
		w.WriteHeader(http.StatusAccepted)
	})
	srv.Handler = mux

	log.Printf("listening on %s", cfg.ListenAddr)
	log.Fatal(srv.ListenAndServeTLS("", ""))
}
