package perhandshake

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"os"

	"redline.test/rules/tls/per-handshake-cert-load/certutil"
)

// Positives.

func literal(certFile, keyFile string) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			cert, err := tls.LoadX509KeyPair(certFile, keyFile) // want "tls/per-handshake-cert-load: GetCertificate loads certificate material on every TLS handshake: tls.LoadX509KeyPair runs"
			return &cert, err
		},
	}}
}

func readsFiles(certFile, keyFile string) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			certPEM, err := os.ReadFile(certFile) // want "tls/per-handshake-cert-load: .*os.ReadFile runs"
			if err != nil {
				return nil, err
			}
			keyPEM, err := os.ReadFile(keyFile)
			if err != nil {
				return nil, err
			}
			cert, err := tls.X509KeyPair(certPEM, keyPEM)
			return &cert, err
		},
	}
}

type server struct {
	certFile, keyFile string
}

func (s *server) loadCert(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	cert, err := tls.LoadX509KeyPair(s.certFile, s.keyFile) // want "tls/per-handshake-cert-load: GetCertificate .*tls.LoadX509KeyPair"
	return &cert, err
}

func methodValue(s *server) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: s.loadCert}
}

func clientCert(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
	return loadPair("/etc/tls/client.crt", "/etc/tls/client.key") // want "tls/per-handshake-cert-load: GetClientCertificate .*loadPair \\(which calls tls.LoadX509KeyPair\\)"
}

func loadPair(certFile, keyFile string) (*tls.Certificate, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	return &cert, err
}

func namedFunction() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetClientCertificate: clientCert}
}

// Three helpers deep, each declared before the one it calls.
func chainedClientCert(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
	return loadViaHelper("/etc/tls/c.crt", "/etc/tls/c.key") // want "tls/per-handshake-cert-load: GetClientCertificate .*loadViaHelper \\(which calls loadViaOtherHelper\\)"
}

func loadViaHelper(certFile, keyFile string) (*tls.Certificate, error) {
	return loadViaOtherHelper(certFile, keyFile)
}

func loadViaOtherHelper(certFile, keyFile string) (*tls.Certificate, error) {
	return loadPair(certFile, keyFile)
}

func chained() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetClientCertificate: chainedClientCert}
}

func otherPackageHelper(certFile, keyFile string) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.GetCertificate = func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
		return certutil.Load(certFile, keyFile) // want "tls/per-handshake-cert-load: GetCertificate .*certutil.Load runs"
	}
	return cfg
}

func otherPackageCallback() *tls.Config {
	return &tls.Config{
		MinVersion:     tls.VersionTLS12,
		GetCertificate: certutil.PerCall, // want "tls/per-handshake-cert-load: GetCertificate is certutil.PerCall, which loads certificate material on every call"
	}
}

// Choosing the file by the requested name still loads on every handshake.
func perName(dir string) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			if hello.ServerName == "" {
				return nil, errors.New("no server name")
			}
			cert, err := tls.LoadX509KeyPair(dir+"/"+hello.ServerName+".crt", dir+"/"+hello.ServerName+".key") // want "tls/per-handshake-cert-load"
			return &cert, err
		},
	}
}

func configForClient(certFile, keyFile string) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
			cert, err := tls.LoadX509KeyPair(certFile, keyFile) // want "tls/per-handshake-cert-load: GetConfigForClient loads"
			if err != nil {
				return nil, err
			}
			return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}, nil
		},
	}
}

func getter(certFile, keyFile string) func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile) // want "tls/per-handshake-cert-load: GetCertificate loads"
		return &cert, err
	}
}

func factory() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: getter("a.crt", "a.key")}
}

func variable(caFile string) *tls.Config {
	get := func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
		data, err := os.ReadFile(caFile) // want "tls/per-handshake-cert-load: GetClientCertificate loads"
		if err != nil {
			return nil, err
		}
		block, _ := pem.Decode(data)
		if block == nil {
			return nil, errors.New("no PEM data")
		}
		leaf, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		return &tls.Certificate{Certificate: [][]byte{block.Bytes}, Leaf: leaf}, nil
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, GetClientCertificate: get}
}
