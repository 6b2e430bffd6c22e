package sharedconfig

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
)

// Negatives.

type upstream struct {
	base   *tls.Config
	client atomic.Pointer[http.Client]
}

// Clone, then mutate the clone, then publish atomically.
func (u *upstream) handleRotate(w http.ResponseWriter, r *http.Request) {
	conf := u.base.Clone()
	conf.RootCAs = x509.NewCertPool()
	u.client.Store(&http.Client{Transport: &http.Transport{TLSClientConfig: conf}})
	w.WriteHeader(http.StatusNoContent)
}

// A config built per request belongs to the request.
func perRequest(w http.ResponseWriter, r *http.Request) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.ServerName = r.Host
	_ = cfg
}

// A goroutine that builds its own config.
func ownConfig() {
	go func() {
		cfg := &tls.Config{MinVersion: tls.VersionTLS12}
		cfg.ServerName = "api.example"
		_ = cfg
	}()
}

// Handed over to one goroutine and not used again by the spawner.
func handedOver(name string) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	go func() {
		cfg.ServerName = name
		_, _ = tls.Dial("tcp", name+":443", cfg)
	}()
}

// Setting fields while building, before anything uses the config.
func construct(cert tls.Certificate) *http.Server {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.Certificates = []tls.Certificate{cert}
	cfg.NextProtos = append(cfg.NextProtos, "h2")
	return &http.Server{TLSConfig: cfg}
}

func beforeListen(cfg *tls.Config, cert tls.Certificate) (net.Listener, error) {
	cfg.Certificates = append(cfg.Certificates, cert)
	return tls.Listen("tcp", ":8443", cfg)
}

// A config only ever read under the lock and cloned for use.
type guarded struct {
	mu  sync.Mutex
	cfg *tls.Config
}

func (g *guarded) current() *tls.Config {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cfg.Clone()
}

func (g *guarded) update(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	g.cfg.ServerName = r.FormValue("name")
	g.mu.Unlock()
}

// A config from a function is not known to be shared.
func (g *guarded) fromCall(w http.ResponseWriter, r *http.Request) {
	cfg := g.current()
	cfg.ServerName = r.Host
}

// Per-connection configs returned by GetConfigForClient may be modified: they are fresh.
func perHello(base *tls.Config) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetConfigForClient: func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
			c := base.Clone()
			c.ServerName = hello.ServerName
			return c, nil
		},
	}
}

// Sequential dials in a test-like flow: the first connection is done with
// before the config changes, and the variable is then replaced.
func sequentialDials(cert tls.Certificate) error {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: "a.example"}
	conn, err := tls.Dial("tcp", "a.example:443", cfg)
	if err != nil {
		return err
	}
	conn.Close()
	cfg.Certificates = append(cfg.Certificates, cert)
	cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.ServerName = "b.example"
	_, err = tls.Dial("tcp", "b.example:443", cfg)
	return err
}

// A config made for one connection (a clone, through a method of the package) and handed to one tls.Server:
// its callback runs once, in that connection's handshake.
type secureTransport struct {
	base   *tls.Config
	protos []string
}

func (t *secureTransport) configForConn() (*tls.Config, chan string) {
	conf := t.base.Clone()
	return conf, make(chan string, 1)
}

func (t *secureTransport) secureInbound(nc net.Conn) *tls.Conn {
	config, _ := t.configForConn()
	protos := t.protos
	config.GetConfigForClient = func(info *tls.ClientHelloInfo) (*tls.Config, error) {
		for _, p := range info.SupportedProtos {
			for _, m := range protos {
				if m == p {
					config.NextProtos = []string{p}
					return config, nil
				}
			}
		}
		return config, nil
	}
	return tls.Server(nc, config)
}
