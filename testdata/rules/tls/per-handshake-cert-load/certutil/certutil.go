// Package certutil is a helper package of the fixture: functions that load
// on every call, and a cache that does not.
package certutil

import (
	"crypto/tls"
	"os"
	"sync"
)

// Load reads and parses a key pair on every call.
func Load(certFile, keyFile string) (*tls.Certificate, error) {
	certPEM, err := os.ReadFile(certFile)
	if err != nil {
		return nil, err
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	return &cert, err
}

// PerCall is a GetCertificate implementation that loads on every call.
func PerCall(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return Load("/etc/tls/server.crt", "/etc/tls/server.key")
}

// Cache loads each name once.
type Cache struct {
	mu    sync.RWMutex
	certs map[string]*tls.Certificate
}

// Get returns the cached certificate for the hello's name, loading it on a miss.
func (c *Cache) Get(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.RLock()
	cert, ok := c.certs[hello.ServerName]
	c.mu.RUnlock()
	if ok {
		return cert, nil
	}
	cert, err := Load("/etc/tls/"+hello.ServerName+".crt", "/etc/tls/"+hello.ServerName+".key")
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.certs[hello.ServerName] = cert
	c.mu.Unlock()
	return cert, nil
}

// ReadAll reads a file; it returns bytes, not certificate types, so it is no loader by itself.
func ReadAll(path string) ([]byte, error) {
	return os.ReadFile(path)
}
