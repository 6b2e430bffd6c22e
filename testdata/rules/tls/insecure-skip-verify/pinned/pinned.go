// Package pinned bootstraps trust: it fetches the CA's root over an
// unverified connection and accepts it only if its SHA-256 fingerprint
// matches the one the operator pinned.
package pinned

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"strings"
)

// RootCertificate returns the root certificate served at url, if its fingerprint is the pinned one.
func RootCertificate(url, fingerprint string) (*x509.Certificate, error) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(body)
	if block == nil {
		return nil, errors.New("no certificate")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(cert.Raw)
	if !strings.EqualFold(fingerprint, hex.EncodeToString(sum[:])) {
		return nil, errors.New("fingerprint mismatch")
	}
	return cert, nil
}

// Fetch trusts whatever answers: nothing checks what comes back.
func Fetch(url string) ([]byte, error) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
