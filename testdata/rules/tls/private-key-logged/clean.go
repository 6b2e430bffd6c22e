package privatekeylogged

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"log"
	"os"
)

// Negatives: public facts, file names, sizes, types and pointers.

func publicFacts(cert *x509.Certificate) {
	sum := sha256.Sum256(cert.Raw)
	log.Printf("serving %s (serial %s, sha256 %s, expires %s)", cert.Subject, cert.SerialNumber, hex.EncodeToString(sum[:]), cert.NotAfter)
}

func certificateFile(cfg Config) {
	data, err := os.ReadFile(cfg.CertFile)
	if err != nil {
		log.Printf("reading %s: %v", cfg.KeyFile, err)
		return
	}
	log.Printf("certificate chain: %s", data)
}

func sizeAndType(k *rsa.PrivateKey) {
	log.Printf("key type %T, %d bits", k, k.N.BitLen())
	log.Printf("key at %p", k)
}

func publicKey(k *rsa.PrivateKey) {
	log.Printf("public key: %v", k.PublicKey)
}

// fmt shows a pointer for the RSA key inside a tls.Certificate.
func certPrinted(cert tls.Certificate) {
	log.Printf("loaded %d certificates", len(cert.Certificate))
}

func readCert(path string) []byte {
	data, _ := os.ReadFile(path)
	log.Printf("read %s", data)
	return data
}

func caCert() []byte { return readCert("/etc/tls/ca.crt") }

// The error of a key encoder is not key material.
func encodeError(k *ecdsa.PrivateKey) []byte {
	b, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		log.Printf("unable to marshal ECDSA private key: %v", err)
		return nil
	}
	return b
}
