package sharedconfig

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"sync"
	"time"
)

// Positives.

type processor struct {
	tlsConf *tls.Config
	client  *http.Client
}

func newProcessor() *processor {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	return &processor{tlsConf: conf, client: &http.Client{Transport: &http.Transport{TLSClientConfig: conf}}}
}

func (p *processor) handleRotate(w http.ResponseWriter, r *http.Request) {
	pool := x509.NewCertPool()
	p.tlsConf.RootCAs = pool // want "tls/shared-config-mutation: p.tlsConf.RootCAs is written in an HTTP handler, but p.tlsConf is a shared tls.Config \\(p is the receiver, which outlives the request\\), installed in http.Transport.TLSClientConfig"
	w.WriteHeader(http.StatusNoContent)
}

var serverTLS = &tls.Config{MinVersion: tls.VersionTLS12}

func serve() error {
	srv := &http.Server{Addr: ":8443", TLSConfig: serverTLS}
	http.HandleFunc("/certs", func(w http.ResponseWriter, r *http.Request) {
		cert, err := tls.LoadX509KeyPair(r.FormValue("cert"), r.FormValue("key"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		serverTLS.Certificates = append(serverTLS.Certificates, cert) // want "tls/shared-config-mutation: serverTLS.Certificates is written in an HTTP handler.*serverTLS is a package-level variable\\), installed in http.Server.TLSConfig"
	})
	return srv.ListenAndServeTLS("", "")
}

func rotateInBackground(cfg *tls.Config, next func() *x509.CertPool) *http.Client {
	go func() {
		for range time.Tick(time.Hour) {
			cfg.RootCAs = next() // want "tls/shared-config-mutation: cfg.RootCAs is written in a goroutine, but cfg is a shared tls.Config \\(cfg is shared between the goroutine and the code that starts it\\)"
		}
	}()
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func loop(cfg *tls.Config, names []string) {
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg.ServerName = name // want "tls/shared-config-mutation: cfg.ServerName is written in a goroutine"
		}()
	}
	wg.Wait()
}

func perClient(base *tls.Config) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetConfigForClient: func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
			base.ServerName = hello.ServerName // want "tls/shared-config-mutation: base.ServerName is written in a GetConfigForClient callback.*crypto/tls runs the callback concurrently"
			return base, nil
		},
	}
}

type certStore struct {
	mu  sync.Mutex
	cfg *tls.Config
	srv *http.Server
}

func newCertStore() *certStore {
	s := &certStore{cfg: &tls.Config{MinVersion: tls.VersionTLS12}}
	s.srv = &http.Server{TLSConfig: s.cfg}
	return s
}

// A lock does not help: crypto/tls reads the installed config without it.
func (s *certStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cert, err := tls.LoadX509KeyPair("a.crt", "a.key")
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cfg.NameToCertificate[r.Host] = &cert // want "tls/shared-config-mutation: s.cfg.NameToCertificate is written in an HTTP handler.*installed in http.Server.TLSConfig"
}

func (s *certStore) alias(w http.ResponseWriter, r *http.Request) {
	cfg := s.cfg
	cfg.MinVersion = tls.VersionTLS13 // want "tls/shared-config-mutation: cfg.MinVersion is written in an HTTP handler, but cfg is a shared tls.Config \\(s is the receiver"
}

func rebuildLater(cfg *tls.Config) {
	time.AfterFunc(time.Minute, func() {
		cfg.BuildNameToCertificate() // want "tls/shared-config-mutation: cfg.NameToCertificate is written in a goroutine"
	})
	_ = cfg.Certificates
}

func afterListen(cfg *tls.Config, extra tls.Certificate) (net.Listener, error) {
	ln, err := tls.Listen("tcp", ":8443", cfg)
	if err != nil {
		return nil, err
	}
	cfg.Certificates = append(cfg.Certificates, extra) // want "tls/shared-config-mutation: cfg.Certificates is modified after cfg was put to use \\(passed to tls.Listen\\)"
	return ln, nil
}

func afterServing(cfg *tls.Config, extra tls.Certificate) {
	srv := &http.Server{Addr: ":8443", TLSConfig: cfg}
	go func() { _ = srv.ListenAndServeTLS("", "") }()
	cfg.Certificates = append(cfg.Certificates, extra) // want "tls/shared-config-mutation: cfg.Certificates is modified after cfg was put to use \\(installed in http.Server.TLSConfig, then a goroutine was started\\)"
}

// Installed in a server before the goroutine starts: the server's handshakes read it while the goroutine writes it.
func rotateInstalled(c tls.Certificate, next <-chan tls.Certificate, h http.Handler) error {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{c}}
	srv := &http.Server{Addr: ":8443", Handler: h, TLSConfig: cfg}
	go func() {
		for nc := range next {
			cfg.Certificates = []tls.Certificate{nc} // want "tls/shared-config-mutation: cfg.Certificates is written in a goroutine.*installed in http.Server.TLSConfig"
		}
	}()
	return srv.ListenAndServeTLS("", "")
}

// The same callback on a config shared by every connection of a listener.
func (t *sharedTransport) listen(addr string) (net.Listener, error) {
	config := t.base.Clone()
	config.GetConfigForClient = func(info *tls.ClientHelloInfo) (*tls.Config, error) {
		if len(info.SupportedProtos) > 0 {
			config.NextProtos = info.SupportedProtos[:1] // want "tls/shared-config-mutation: config.NextProtos is written in a GetConfigForClient callback"
		}
		return config, nil
	}
	return tls.Listen("tcp", addr, config)
}

type sharedTransport struct{ base *tls.Config }
