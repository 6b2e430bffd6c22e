// Package server is in a module whose go directive predates Go 1.22: its
// servers accept TLS 1.0 by default (GODEBUG tls10server=1).
package server

import (
	"crypto/tls"
	"net"
	"net/http"
)

func installed(cert tls.Certificate) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}} // want "tls/weak-version: This server config sets no MinVersion, and this module's go directive \\(1.21\\) predates Go 1.22"
}

func listener(cert tls.Certificate) (net.Listener, error) {
	cfg := &tls.Config{ // want "tls/weak-version: This server config sets no MinVersion"
		Certificates: []tls.Certificate{cert},
	}
	return tls.Listen("tcp", ":8443", cfg)
}

func serverFields(get func(*tls.ClientHelloInfo) (*tls.Certificate, error)) *tls.Config {
	cfg := &tls.Config{GetCertificate: get, ClientAuth: tls.RequireAndVerifyClientCert} // want "tls/weak-version: This server config sets no MinVersion"
	srv := &http.Server{TLSConfig: cfg}
	_ = srv
	return cfg
}

// Negatives.

func setLater(cert tls.Certificate) *http.Server {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	cfg.MinVersion = tls.VersionTLS12
	return &http.Server{TLSConfig: cfg}
}

// Clients have defaulted to TLS 1.2 since Go 1.18.
func client() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ServerName: "api.example"}}
}

// Returned to a caller that may set MinVersion: unknown.
func returned(cert tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: tls.RequireAndVerifyClientCert}
}

func explicit(cert tls.Certificate) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}}
}

// MinVersion set only when a setting asks for it: the default still accepts TLS 1.0.
func optionalSetting(minVersion uint16, cert tls.Certificate) *http.Server {
	cfg := tls.Config{Certificates: []tls.Certificate{cert}} // want "tls/weak-version: This server config sets no MinVersion"
	if minVersion != 0 {
		cfg.MinVersion = minVersion
	}
	return &http.Server{TLSConfig: &cfg}
}

// Set in every branch of a switch with a default, and of an if/else: the operator's choice.
func chosen(cert tls.Certificate, min string, modern bool) (*http.Server, *http.Server) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	switch min {
	case "1.1":
		cfg.MinVersion = tls.VersionTLS11
	default:
		cfg.MinVersion = tls.VersionTLS12
	}
	other := &tls.Config{Certificates: []tls.Certificate{cert}}
	if modern {
		other.MinVersion = tls.VersionTLS13
	} else {
		other.MinVersion = tls.VersionTLS12
	}
	return &http.Server{TLSConfig: cfg}, &http.Server{TLSConfig: other}
}

// Set only in some cases (no default): the old default remains on the others.
func partly(cert tls.Certificate, min string) *http.Server {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}} // want "tls/weak-version: This server config sets no MinVersion"
	switch min {
	case "1.2":
		cfg.MinVersion = tls.VersionTLS12
	case "1.3":
		cfg.MinVersion = tls.VersionTLS13
	}
	return &http.Server{TLSConfig: cfg}
}
