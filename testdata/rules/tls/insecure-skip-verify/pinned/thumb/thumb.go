// Package thumb computes certificate thumbprints.
package thumb

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
)

// Fingerprint is the SHA-256 thumbprint of a certificate.
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	return hex.EncodeToString(sum[:])
}

// Matches reports whether the certificate has the pinned thumbprint.
func Matches(pinned string, cert *x509.Certificate) bool {
	return pinned == Fingerprint(cert)
}

// Short is the first 20 hex digits of the SHA-256 of some bytes, hashed as a stream.
func Short(b []byte) string {
	h := sha256.New()
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))[:20]
}
