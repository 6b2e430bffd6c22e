package insecureskipverify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"time"
)

// Certificate inspectors: the connections only read what the peer presents.

func peerCertificate(addr string) (*x509.Certificate, error) {
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read the peer's certificate"
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0], nil
}

func scanChains(addrs <-chan string, chains chan<- []*x509.Certificate) {
	config := &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	go func() {
		for addr := range addrs {
			conn, err := tls.Dial("tcp", addr, config)
			if err != nil {
				continue
			}
			conn.Close()
			chains <- conn.ConnectionState().PeerCertificates
		}
	}()
}

func downloadChain(raw net.Conn, base *tls.Config, name string) ([]*x509.Certificate, error) {
	cfg := base.Clone()
	cfg.ServerName = name
	cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	tc := tls.Client(raw, cfg)
	defer tc.Close()
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc.ConnectionState().PeerCertificates, nil
}

// A dialing wrapper that returns the *tls.Conn counts as a dial.
type validationClient struct{}

func (validationClient) TLSDial(network, addr string, cfg *tls.Config) (*tls.Conn, error) {
	return tls.Dial(network, addr, cfg)
}

func validateALPN(vc validationClient, addr string) (bool, error) {
	config := &tls.Config{NextProtos: []string{"acme-tls/1"}, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	conn, err := vc.TLSDial("tcp", addr, config)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	return conn.ConnectionState().NegotiatedProtocol == "acme-tls/1", nil
}

// Connections that carry data, or configs that go elsewhere too: the usual finding.

func sendOver(addr string, msg []byte) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(msg)
	return err
}

func dialFor(addr string) (*tls.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	return conn, err
}

func probeThenUse(addr string) (*http.Client, error) {
	cfg := &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	conn.Close()
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}, nil
}

// A measurement probe: a handshaker of the module hands back the connection, which is dropped.

type handshaker interface {
	Handshake(ctx context.Context, conn net.Conn, config *tls.Config) (net.Conn, error)
}

func probeConfig(sni string) *tls.Config {
	return &tls.Config{ServerName: sni, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
}

func traceHandshake(ctx context.Context, thx handshaker, conn net.Conn, sni string) error {
	_, err := thx.Handshake(ctx, conn, probeConfig(sni))
	return err
}

func measureHandshake(ctx context.Context, thx handshaker, conn net.Conn, sni string) error {
	cfg := &tls.Config{ServerName: sni, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	_, err := thx.Handshake(ctx, conn, cfg)
	return err
}

// The same handshaker whose connection then carries a request: the usual finding.
func fetchOverHandshake(ctx context.Context, thx handshaker, conn net.Conn, sni string) error {
	cfg := &tls.Config{ServerName: sni, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	tc, err := thx.Handshake(ctx, conn, cfg)
	if err != nil {
		return err
	}
	_, err = tc.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
	return err
}
