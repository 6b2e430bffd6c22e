// Package aftercheck hands out a config with the default check off and
// verifies the chain against the config's roots after the handshake.
package aftercheck

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

// OutgoingConfig skips the host name check; WrapClient verifies the chain.
func OutgoingConfig(roots *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: roots, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates"
}

func WrapClient(c net.Conn, cfg *tls.Config) (net.Conn, error) {
	tc := tls.Client(c, cfg)
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	certs := tc.ConnectionState().PeerCertificates
	if _, err := certs[0].Verify(x509.VerifyOptions{Roots: cfg.RootCAs}); err != nil {
		tc.Close()
		return nil, err
	}
	return tc, nil
}
