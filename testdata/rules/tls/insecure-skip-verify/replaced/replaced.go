// Package replaced hands out a config with the default check off and
// installs its own verifiers per handshake, on a clone.
package replaced

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
)

type creds struct{ config *tls.Config }

func clientConfig(roots *x509.CertPool) (*tls.Config, error) {
	config := &tls.Config{
		RootCAs:            roots,
		InsecureSkipVerify: true, // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	}
	return config, nil
}

func (c *creds) ClientHandshake(raw net.Conn) (*tls.Conn, error) {
	cfg := c.config.Clone()
	cfg.VerifyPeerCertificate, cfg.VerifyConnection = verifiers(cfg.RootCAs)
	conn := tls.Client(raw, cfg)
	return conn, conn.Handshake()
}

func verifiers(roots *x509.CertPool) (func([][]byte, [][]*x509.Certificate) error, func(tls.ConnectionState) error) {
	peer := func(raw [][]byte, _ [][]*x509.Certificate) error {
		if len(raw) == 0 || roots == nil {
			return errors.New("no certificate")
		}
		return nil
	}
	conn := func(tls.ConnectionState) error { return nil }
	return peer, conn
}

// A config used here, not handed out: the usual finding.
func fetch(addr string) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	if err != nil {
		return err
	}
	_, err = conn.Write([]byte("hello"))
	return err
}
