// Package fronting dials with one server name and verifies the chain
// against another (domain fronting): crypto/tls verification is off and
// replaced by a check after the handshake with the same roots.
package fronting

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
)

// Dialer holds the roots both the config and the check use.
type Dialer struct {
	rootCAs *x509.CertPool
}

// Dial checks the chain in a helper, passing it the roots it installed.
func (d *Dialer) Dial(ctx context.Context, addr, sni, name string) (*tls.Conn, error) {
	raw, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	cfg := &tls.Config{InsecureSkipVerify: true, RootCAs: d.rootCAs, ServerName: sni, MinVersion: tls.VersionTLS12} // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates"
	conn := tls.Client(raw, cfg)
	if err := conn.HandshakeContext(ctx); err != nil {
		_ = raw.Close()
		return nil, err
	}
	if err := verifyChain(name, conn, d.rootCAs); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

// DialInline makes the same check in place, with the roots it installed.
func (d *Dialer) DialInline(ctx context.Context, addr, sni, name string) (*tls.Conn, error) {
	raw, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	cfg := &tls.Config{InsecureSkipVerify: true, RootCAs: d.rootCAs, ServerName: sni, MinVersion: tls.VersionTLS12} // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates"
	conn := tls.Client(raw, cfg)
	if err := conn.HandshakeContext(ctx); err != nil {
		_ = raw.Close()
		return nil, err
	}
	state := conn.ConnectionState()
	if len(state.PeerCertificates) == 0 {
		_ = conn.Close()
		return nil, errNoCertificate
	}
	if _, err := state.PeerCertificates[0].Verify(x509.VerifyOptions{DNSName: name, Roots: d.rootCAs}); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

// DialUnchecked checks nothing: the default check is simply off.
func (d *Dialer) DialUnchecked(ctx context.Context, addr, sni string) (*tls.Conn, error) {
	raw, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	cfg := &tls.Config{InsecureSkipVerify: true, RootCAs: d.rootCAs, ServerName: sni, MinVersion: tls.VersionTLS12} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	conn := tls.Client(raw, cfg)
	if err := conn.HandshakeContext(ctx); err != nil {
		_ = raw.Close()
		return nil, err
	}
	return conn, nil
}

var errNoCertificate = errors.New("no peer certificate")

// verifyChain does what crypto/tls does when verification is on, for another name.
func verifyChain(name string, conn *tls.Conn, roots *x509.CertPool) error {
	state := conn.ConnectionState()
	if len(state.PeerCertificates) == 0 {
		return errNoCertificate
	}
	opts := x509.VerifyOptions{DNSName: name, Roots: roots, Intermediates: x509.NewCertPool()}
	for _, c := range state.PeerCertificates[1:] {
		opts.Intermediates.AddCert(c)
	}
	_, err := state.PeerCertificates[0].Verify(opts)
	return err
}
