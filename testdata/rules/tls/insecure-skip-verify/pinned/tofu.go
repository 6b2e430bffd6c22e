package pinned

import (
	"bufio"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
)

// Confirm trusts a server's certificate on first use: the person running
// it compares the fingerprint of its public key before it is stored.
func Confirm(url string) (*x509.Certificate, error) {
	cert, err := peerCertificate(url)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	fmt.Printf("fingerprint %s; trust it? [y/N] ", hex.EncodeToString(sum[:]))
	answer, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	if strings.TrimSpace(answer) != "y" {
		return nil, errors.New("not trusted")
	}
	return cert, nil
}

// peerCertificate fetches the certificate a server presents; its callers decide whether to trust it.
func peerCertificate(url string) (*x509.Certificate, error) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.TLS == nil || len(resp.TLS.PeerCertificates) == 0 {
		return nil, errors.New("no certificate")
	}
	return resp.TLS.PeerCertificates[0], nil
}

// Describe shows whatever chain a server presents, checked by nobody.
func Describe(url string) (string, error) {
	chain, err := peerChain(url)
	if err != nil {
		return "", err
	}
	return chain[0].Subject.String(), nil
}

func peerChain(url string) ([]*x509.Certificate, error) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.TLS == nil || len(resp.TLS.PeerCertificates) == 0 {
		return nil, errors.New("no certificate")
	}
	return resp.TLS.PeerCertificates, nil
}
