package verifypeer

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
)

func allowList(_ [][]byte, chains [][]*x509.Certificate) error {
	if len(chains) == 0 || chains[0][0].Subject.CommonName != "billing" {
		return errors.New("client not allowed")
	}
	return nil
}

func mtlsServer(clients *x509.CertPool) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{
		MinVersion:            tls.VersionTLS12,
		ClientAuth:            tls.RequireAndVerifyClientCert,
		ClientCAs:             clients,
		VerifyPeerCertificate: allowList, // want "tls/verify-peer-without-connection: VerifyPeerCertificate is set without VerifyConnection, and this server resumes TLS sessions"
	}}
}

func cachingClient(pin [32]byte) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ClientSessionCache: tls.NewLRUClientSessionCache(64),
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error { // want "tls/verify-peer-without-connection: .*this client caches sessions"
			if len(raw) == 0 || sha256.Sum256(raw[0]) != pin {
				return errors.New("certificate not pinned")
			}
			return nil
		},
	}}
}

func assigned(clients *x509.CertPool) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ClientCAs: clients}
	cfg.ClientAuth = tls.RequireAndVerifyClientCert
	cfg.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection: .*this server resumes TLS sessions"
	return cfg
}

func unknownRole() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, VerifyPeerCertificate: allowList} // want "tls/verify-peer-without-connection: VerifyPeerCertificate is set without VerifyConnection: connections that resume"
}

// Negatives.

func withVerifyConnection(clients *x509.CertPool) *tls.Config {
	return &tls.Config{
		MinVersion:            tls.VersionTLS12,
		ClientAuth:            tls.RequireAndVerifyClientCert,
		ClientCAs:             clients,
		VerifyPeerCertificate: allowList,
		VerifyConnection:      func(tls.ConnectionState) error { return nil },
	}
}

func ticketsDisabled(clients *x509.CertPool) *tls.Config {
	return &tls.Config{
		MinVersion:             tls.VersionTLS12,
		ClientAuth:             tls.RequireAndVerifyClientCert,
		ClientCAs:              clients,
		SessionTicketsDisabled: true,
		VerifyPeerCertificate:  allowList,
	}
}

// A client without a session cache never resumes.
func pinningClient(pin [32]byte) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		MinVersion: tls.VersionTLS12,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 || sha256.Sum256(raw[0]) != pin {
				return errors.New("certificate not pinned")
			}
			return nil
		},
	}}
}

func assignedWithConnection() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.VerifyPeerCertificate = allowList
	cfg.VerifyConnection = func(tls.ConnectionState) error { return nil }
	return cfg
}

// Clones of a literal of the same function have its fields.

func clonedPinningClient(pool *x509.CertPool) *http.Client {
	base := &tls.Config{RootCAs: pool}
	cfg := base.Clone()
	cfg.VerifyPeerCertificate = allowList // no session cache: nothing resumes
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func clonedCachingClient(pool *x509.CertPool) *http.Client {
	base := &tls.Config{RootCAs: pool, ClientSessionCache: tls.NewLRUClientSessionCache(0)}
	cfg := base.Clone()
	cfg.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection: .*this client caches sessions"
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

var sharedClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}

func clonedPackageConfig() *http.Client {
	cfg := sharedClientConfig.Clone()
	cfg.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection: VerifyPeerCertificate is set without VerifyConnection: connections that resume"
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// A callback that checks nothing has nothing for a resumed session to skip.
func acceptAnyClient() *tls.Config {
	return &tls.Config{
		ClientAuth: tls.RequestClientCert,
		VerifyPeerCertificate: func(_ [][]byte, _ [][]*x509.Certificate) error {
			return nil
		},
	}
}

// A client built by assignments: without a session cache it cannot resume; with one it can.
func dsnClient(host string, roots *x509.CertPool) *tls.Config {
	cfg := &tls.Config{}
	cfg.ServerName = host
	cfg.RootCAs = roots
	cfg.VerifyPeerCertificate = allowList
	return cfg
}

func cachingDSNClient(host string, roots *x509.CertPool) *tls.Config {
	cfg := &tls.Config{}
	cfg.ServerName = host
	cfg.RootCAs = roots
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(64)
	cfg.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection: .*this client caches sessions"
	return cfg
}

// Clones of a config field: one whose only value disables session tickets cannot resume; one that keeps them can.
type identity struct{ config *tls.Config }

func newIdentity(cert tls.Certificate) *identity {
	return &identity{config: &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: tls.RequireAnyClientCert, SessionTicketsDisabled: true}}
}

func (i *identity) serverConfig() *tls.Config {
	conf := i.config.Clone()
	conf.VerifyPeerCertificate = allowList
	return conf
}

type resumingIdentity struct{ config *tls.Config }

func newResumingIdentity(cert tls.Certificate) *resumingIdentity {
	return &resumingIdentity{config: &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: tls.RequireAnyClientCert}}
}

func (i *resumingIdentity) serverConfig() *tls.Config {
	conf := i.config.Clone()
	conf.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection"
	return conf
}

// Configs a helper of the package builds: without a session cache the client never resumes; with one it does.
func caConfig(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool}
}

func cachingCAConfig(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool, ClientSessionCache: tls.NewLRUClientSessionCache(16)}
}

func dialRotated(addr string, pool *x509.CertPool) error {
	cfg := caConfig(pool)
	cfg.VerifyPeerCertificate = allowList
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	return conn.Close()
}

func dialCached(addr string, pool *x509.CertPool) error {
	cfg := cachingCAConfig(pool)
	cfg.VerifyPeerCertificate = allowList // want "tls/verify-peer-without-connection: VerifyPeerCertificate is set without VerifyConnection, and this client caches sessions"
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	return conn.Close()
}

func loadCAConfig(pem []byte) (*tls.Config, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, errors.New("no CA certificates")
	}
	return &tls.Config{RootCAs: pool}, nil
}

func dialLoaded(addr string, pem []byte) error {
	cfg, err := loadCAConfig(pem)
	if err != nil {
		return err
	}
	cfg.VerifyPeerCertificate = allowList
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	return conn.Close()
}

// A pin set through a parameter: the callers' literals say whether the client can resume.
func pinnedClient(host string, pin []byte) *tls.Config {
	cfg := tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	pinExact(&cfg, pin)
	return &cfg
}

func pinExact(cfg *tls.Config, want []byte) {
	cfg.InsecureSkipVerify = true
	cfg.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error {
		if len(raw) == 0 || string(raw[0]) != string(want) {
			return errors.New("unexpected server certificate")
		}
		return nil
	}
}

func cachedPinnedClient(host string, pin []byte) *tls.Config {
	cfg := &tls.Config{ServerName: host, ClientSessionCache: tls.NewLRUClientSessionCache(8)}
	pinCached(cfg, pin)
	return cfg
}

func pinCached(cfg *tls.Config, want []byte) {
	cfg.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error { // want "tls/verify-peer-without-connection: .*this client caches sessions"
		if len(raw) == 0 || string(raw[0]) != string(want) {
			return errors.New("unexpected server certificate")
		}
		return nil
	}
}
