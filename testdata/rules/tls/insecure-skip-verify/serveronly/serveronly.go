// Package serveronly: configs that reach only servers through the package's
// functions, parameters and fields, and configs that also reach a client.
package serveronly

import (
	"crypto/tls"
	"net"
)

func loadServerConfig(certFile, keyFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true}, nil
}

type acceptor struct {
	tlsConfig *tls.Config
	ln        net.Listener
}

func newAcceptor(cfg *tls.Config) *acceptor { return &acceptor{tlsConfig: cfg} }

func (a *acceptor) start(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if a.tlsConfig != nil {
		ln = tls.NewListener(ln, a.tlsConfig)
	}
	a.ln = ln
	return nil
}

// Serve: loadServerConfig → newAcceptor → the tlsConfig field → tls.NewListener, its only use.
func Serve(certFile, keyFile, addr string) error {
	cfg, err := loadServerConfig(certFile, keyFile)
	if err != nil {
		return err
	}
	return newAcceptor(cfg).start(addr)
}

type startTLS struct{ config *tls.Config }

func (s *startTLS) getConfig() (*tls.Config, error) {
	if s.config == nil {
		return &tls.Config{InsecureSkipVerify: true}, nil
	}
	return s.config, nil
}

// Upgrade hands the config to tls.Server: the server side.
func (s *startTLS) Upgrade(conn net.Conn) error {
	cfg, _ := s.getConfig()
	return tls.Server(conn, cfg).Handshake()
}

// An exported function's result may be dialled with by other packages.
func ServerConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
}

type relay struct {
	config *tls.Config
}

func newRelay() *relay {
	return &relay{config: &tls.Config{InsecureSkipVerify: true}} // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
}

// The field serves and also dials.
func (r *relay) run(ln net.Listener, upstream string) error {
	conn, err := tls.NewListener(ln, r.config).Accept()
	if err != nil {
		return err
	}
	defer conn.Close()
	up, err := tls.Dial("tcp", upstream, r.config)
	if err != nil {
		return err
	}
	return up.Close()
}

var _ = newRelay

func unusedConfig() (*tls.Config, error) {
	return &tls.Config{InsecureSkipVerify: true}, nil // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
}

// CheckConfig builds the config and throws it away: it installs it nowhere.
func CheckConfig() error {
	_, err := unusedConfig()
	return err
}

type client struct {
	tlsConfig *tls.Config
}

func (c *client) configure(insecure bool) {
	cfg := &tls.Config{}
	if insecure {
		cfg.InsecureSkipVerify = true // want "TLS certificate verification is off when insecure is set"
	}
	c.tlsConfig = cfg
}

// The field is read only through a method: the clone may dial.
func (c *client) TLSConfig() *tls.Config {
	if c.tlsConfig == nil {
		return nil
	}
	return c.tlsConfig.Clone()
}
