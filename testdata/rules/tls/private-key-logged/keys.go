package privatekeylogged

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"log"
	"log/slog"
	"os"
)

type Config struct {
	CertFile string
	KeyFile  string
}

func readKeyFile(cfg Config) ([]byte, error) {
	data, err := os.ReadFile(cfg.KeyFile)
	if err != nil {
		return nil, err
	}
	log.Printf("key file contents: %s", data) // want "tls/private-key-logged: log.Printf logs the contents of a private key file \\(`data`\\)"
	return data, nil
}

func decoded(cfg Config) {
	raw, _ := os.ReadFile(cfg.KeyFile)
	block, _ := pem.Decode(raw)
	if block == nil {
		return
	}
	slog.Info("decoded key", "der", base64.StdEncoding.EncodeToString(block.Bytes)) // want "tls/private-key-logged: slog.Info logs the contents of a private key file"
}

func rsaKey(k *rsa.PrivateKey) {
	log.Printf("using %v", k) // want "tls/private-key-logged: log.Printf logs an RSA private key \\(`k`\\)"
}

func fromCertificate(cert tls.Certificate) {
	fmt.Println(cert.Leaf.Subject, cert.PrivateKey) // want "secrets/sensitive-data-logged: .*cert.PrivateKey"
	if k, ok := cert.PrivateKey.(*ecdsa.PrivateKey); ok {
		fmt.Printf("%+v\n", k) // want "tls/private-key-logged: fmt.Printf logs an ECDSA private key"
	}
}

func marshalled(k *rsa.PrivateKey) {
	der := x509.MarshalPKCS1PrivateKey(k)
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der})
	log.Println(string(pemBytes)) // want "tls/private-key-logged: log.Println logs a PEM private-key block"
}

func certJSON(cert tls.Certificate) {
	data, _ := json.Marshal(cert.Leaf.Subject)
	log.Printf("subject %s", data)
	dump, _ := json.MarshalIndent(cert, "", "  ")
	log.Printf("certificate: %s", dump) // want "tls/private-key-logged: log.Printf logs a tls.Certificate, whose JSON encoding includes its private key"
}

func logKey(label string, v any) {
	log.Printf("%s: %v", label, v)
}

func throughHelper(k *rsa.PrivateKey) {
	logKey("signing key", k) // want "tls/private-key-logged: `k` holds an RSA private key and is passed to logKey, which logs that argument"
}

func loadKey(path string) []byte {
	keyPEM, _ := os.ReadFile(path)
	log.Printf("loaded %q", keyPEM) // want "tls/private-key-logged: log.Printf logs the contents of a private key file"
	return keyPEM
}

func serverKey() []byte { return loadKey("/etc/tls/server.key") }

// PEM bytes handed to tls.X509KeyPair as the key are the private key, whatever they are called.
func makeTLS(certPEM, material []byte) (*tls.Config, error) {
	slog.Debug("loading key pair", "cert", string(certPEM), "key", string(material)) // want "tls/private-key-logged: slog.Debug logs the PEM private key passed to tls.X509KeyPair \\(`string\\(material\\)`\\)"
	cert, err := tls.X509KeyPair(certPEM, material)
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}
