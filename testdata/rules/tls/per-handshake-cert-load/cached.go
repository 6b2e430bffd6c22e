package perhandshake

import (
	"crypto/tls"
	"sync"
	"sync/atomic"
	"time"

	"redline.test/rules/tls/per-handshake-cert-load/certutil"
)

// Negatives: caches, loads on a miss, reloads outside the handshake.

type atomicCache struct {
	current atomic.Pointer[tls.Certificate]
}

func (c *atomicCache) reload(certFile, keyFile string) error {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return err
	}
	c.current.Store(&cert)
	return nil
}

func atomicPointer(c *atomicCache) *tls.Config {
	go func() {
		for range time.Tick(time.Hour) {
			_ = c.reload("a.crt", "a.key")
		}
	}()
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return c.current.Load(), nil
		},
	}
}

type mapCache struct {
	mu    sync.RWMutex
	certs map[string]*tls.Certificate
	dir   string
}

// get loads a name on a miss only.
func (m *mapCache) get(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
	m.mu.RLock()
	cert, ok := m.certs[hello.ServerName]
	m.mu.RUnlock()
	if ok {
		return cert, nil
	}
	loaded, err := tls.LoadX509KeyPair(m.dir+"/"+hello.ServerName+".crt", m.dir+"/"+hello.ServerName+".key")
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.certs[hello.ServerName] = &loaded
	m.mu.Unlock()
	return &loaded, nil
}

func rwMutexMap(m *mapCache) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: m.get}
}

// Calling a method that caches is fine too.
func throughCachingMethod(m *mapCache) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			return m.get(hello)
		},
	}
}

func once(certFile, keyFile string) *tls.Config {
	var (
		o    sync.Once
		cert tls.Certificate
		err  error
	)
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			o.Do(func() { cert, err = tls.LoadX509KeyPair(certFile, keyFile) })
			return &cert, err
		},
	}
}

type ttlCache struct {
	mu       sync.Mutex
	cert     *tls.Certificate
	loadedAt time.Time
}

func ttl(c *ttlCache, certFile, keyFile string) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.cert == nil || time.Since(c.loadedAt) > time.Hour {
				cert, err := tls.LoadX509KeyPair(certFile, keyFile)
				if err != nil {
					return nil, err
				}
				c.cert, c.loadedAt = &cert, time.Now()
			}
			return c.cert, nil
		},
	}
}

func preloaded(certFile, keyFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return &cert, nil
		},
	}, nil
}

func otherPackageCache(c *certutil.Cache) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: c.Get}
}

// A helper that reads bytes for something else is not certificate loading
// when called from a helper that returns no certificate types.
func staticNames() ([]byte, error) { return certutil.ReadAll("names.txt") }

func certificatesAtStartup(certFile, keyFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	_, _ = staticNames()
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}, nil
}
