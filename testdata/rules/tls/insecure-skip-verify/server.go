package insecureskipverify

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Server configs: crypto/tls reads InsecureSkipVerify only when dialling.
func serverListener(l net.Listener, get func(*tls.ClientHelloInfo) (*tls.Certificate, error), serverName string) net.Listener {
	cfg := &tls.Config{GetCertificate: get, MinVersion: tls.VersionTLS13}
	if serverName == "" {
		cfg.InsecureSkipVerify = true
	}
	return tls.NewListener(l, cfg)
}

func serverLiteral(cert tls.Certificate) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true}}
}

// The same config also dials: its clients accept any certificate.
func peer(l net.Listener, addr string, cert tls.Certificate) (net.Listener, *tls.Conn, error) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	c, err := tls.Dial("tcp", addr, cfg)
	return tls.NewListener(l, cfg), c, err
}

// A server config handed to the caller may be dialled with too.
func returnedServerConfig(l net.Listener) (net.Listener, *tls.Config) {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	return tls.NewListener(l, cfg), cfg
}
