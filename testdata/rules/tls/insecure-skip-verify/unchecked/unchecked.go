// Package unchecked hands out a config with the default check off and
// checks nothing itself: the usual finding.
package unchecked

import (
	"crypto/tls"
	"crypto/x509"
)

func ClientConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
}

// A verifier set on the config built right here belongs to that config only.
func Pinned(verify func(tls.ConnectionState) error) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.VerifyConnection = verify
	return cfg
}

// A chain check against roots of its own says nothing about the config above.
func CheckServer(addr string, roots *x509.CertPool) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: roots})
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ConnectionState().PeerCertificates[0].Verify(x509.VerifyOptions{Roots: roots})
	return err
}
