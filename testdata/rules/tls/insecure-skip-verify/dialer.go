package insecureskipverify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

// challengeCertificate reads the certificate a validation target presents
// through a tls.Dialer (ACME TLS-ALPN-01: the certificate is self-signed
// by design); no application data is sent.
func challengeCertificate(ctx context.Context, addr, serverName string) (*x509.Certificate, error) {
	dialer := &tls.Dialer{Config: &tls.Config{
		ServerName:         serverName,
		NextProtos:         []string{"acme-tls/1"},
		InsecureSkipVerify: true, // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	}}
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	state := conn.(*tls.Conn).ConnectionState()
	if len(state.PeerCertificates) == 0 {
		return nil, errors.New("no certificate")
	}
	return state.PeerCertificates[0], nil
}

// handshakes reports whether a TLS endpoint completes a handshake, with a dialer used at once; the control returns the connection for use.
func handshakes(ctx context.Context, addr string) bool {
	c, err := (&tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}).DialContext(ctx, "tcp", addr) // want "tls/insecure-skip-verify: TLS certificate verification is off on connections that only read"
	if err != nil {
		return false
	}
	return c.Close() == nil
}

func connectAt(ctx context.Context, addr string) (net.Conn, error) {
	return (&tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}).DialContext(ctx, "tcp", addr) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
}

// sendThroughDialer writes data over the unverified connection.
func sendThroughDialer(ctx context.Context, addr string, data []byte) error {
	d := &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(data)
	return err
}

// fetcher keeps a verifying client and one that is used only on request.
type fetcher struct {
	client         *http.Client
	insecureClient *http.Client
}

func newFetcher() *fetcher {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off in the config that `insecureClient` holds, named as insecure"
	return &fetcher{client: &http.Client{}, insecureClient: &http.Client{Transport: transport}}
}

func newNamedTransport() *fetcher {
	insecureTransport := http.DefaultTransport.(*http.Transport).Clone()
	insecureTransport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off in the config that `insecureTransport` holds, named as insecure"
	return &fetcher{client: &http.Client{}, insecureClient: &http.Client{Transport: insecureTransport}}
}

// newPlainFetcher has no insecure name anywhere.
func newPlainFetcher() *fetcher {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	return &fetcher{client: &http.Client{Transport: transport}}
}

// newTimedFetcher sets up an insecure transport and never uses it: the client
// keeps http.DefaultTransport, which verifies. So does a config only set up.
func newTimedFetcher(wait time.Duration) *fetcher {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	transport.MaxIdleConns = 4
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	return &fetcher{client: &http.Client{Timeout: wait}}
}

// newWrappedFetcher reads the transport's config back and hands it on.
func newWrappedFetcher() *fetcher {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	return &fetcher{client: &http.Client{Transport: &http.Transport{TLSClientConfig: transport.TLSClientConfig}}}
}

func (f *fetcher) fetch(url string, allowInsecure bool) ([]byte, error) {
	c := f.client
	if allowInsecure {
		c = f.insecureClient
	}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
