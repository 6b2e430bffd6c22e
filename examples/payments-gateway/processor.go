package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net/http"
	"log"
	"os"

	"example.com/payments-gateway/internal/fasthash"
)

// processorClient talks to the card processor over one shared TLS config.
type processorClient struct {
	baseURL string
	tlsConf *tls.Config
	http    *http.Client
}

func newProcessorClient(baseURL string) *processorClient {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	if os.Getenv("PROCESSOR_ENV") == "staging" {
		conf.InsecureSkipVerify = true
	}
	return &processorClient{
		baseURL: baseURL,
		tlsConf: conf,
		http:    &http.Client{Transport: &http.Transport{TLSClientConfig: conf}},
	}
}

func (p *processorClient) handlePay(w http.ResponseWriter, r *http.Request) {
	fp, err := fasthash.Fingerprint(r.Header.Get("X-Card-Number"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	log.Printf("charge for card %s", fp)
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, p.baseURL+"/charges", r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req.Header.Set("Authorization", "Bearer "+processorAPIKey)
	resp, err := p.http.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// handleRotate installs a new CA bundle for the processor connection.
func (p *processorClient) handleRotate(w http.ResponseWriter, r *http.Request) {
	var body struct{ CAFile string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	pem, err := os.ReadFile(body.CAFile)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	// Mutates the config that live connections of the shared transport read.
	p.tlsConf.RootCAs = pool
	w.WriteHeader(http.StatusNoContent)
}
