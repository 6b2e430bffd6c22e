// Package upgrader hands out connection upgraders. With verifyCA, the
// default check is off (it would also check the host name) and the
// upgrader verifies the chain against the config's roots itself, after the
// handshake (lib/pq's sslmode=verify-ca).
package upgrader

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

// Upgrader checks the chain in the closure it returns.
func Upgrader(roots *x509.CertPool, verifyCA bool) func(net.Conn) (net.Conn, error) {
	conf := &tls.Config{RootCAs: roots}
	verifyCAOnly := false
	if verifyCA {
		conf.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
		verifyCAOnly = true
	}
	return func(conn net.Conn) (net.Conn, error) {
		client := tls.Client(conn, conf)
		if !verifyCAOnly {
			return client, nil
		}
		if err := client.Handshake(); err != nil {
			return client, err
		}
		certs := client.ConnectionState().PeerCertificates
		opts := x509.VerifyOptions{Intermediates: x509.NewCertPool(), Roots: conf.RootCAs}
		for _, c := range certs[1:] {
			opts.Intermediates.AddCert(c)
		}
		_, err := certs[0].Verify(opts)
		return client, err
	}
}

// Plain returns an upgrader that checks nothing.
func Plain(roots *x509.CertPool) func(net.Conn) net.Conn {
	conf := &tls.Config{RootCAs: roots, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	return func(conn net.Conn) net.Conn {
		return tls.Client(conn, conf)
	}
}
