package insecureskipverify

import (
	"crypto/tls"
	"net/http"
	"time"

	"redline.test/rules/tls/insecure-skip-verify/shareddialer"
)

// sharedFetchClient serves every downloader of the process.
var sharedFetchClient = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}

type downloader struct {
	Insecure bool
	client   *http.Client
}

// An opt-in that changes a client the whole process shares turns verification off for everyone.
func (d *downloader) prepare() {
	c := sharedFetchClient // the pointer, not a copy of the client
	if d.Insecure {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when d.Insecure is set, and the insecure config goes into `sharedFetchClient`, which the whole process shares"
		c.Transport = tr
	}
	d.client = c
}

type apiConfig struct{ InsecureTLS bool }

func wrapTransport(name string, rt http.RoundTripper) http.RoundTripper { _ = name; return rt }

func (a apiConfig) client() *http.Client {
	var hc *http.Client
	hc = http.DefaultClient
	hc.Timeout = 30 * time.Second
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if a.InsecureTLS {
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "when a.InsecureTLS is set, and the insecure config goes into `http.DefaultClient`"
	}
	hc.Transport = wrapTransport("api", transport)
	return hc
}

func (a apiConfig) patchDefault() {
	if a.InsecureTLS {
		http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "goes into `http.DefaultTransport`"
	}
}

func (a apiConfig) patchDialer() {
	if a.InsecureTLS {
		shareddialer.DefaultDialer.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "goes into `shareddialer.DefaultDialer`"
	}
}

// The shared transport held in a local, changed through a type assertion, then wrapped.
func (a apiConfig) roundTripper() http.RoundTripper {
	rt := http.DefaultTransport
	if a.InsecureTLS {
		rt.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "goes into `http.DefaultTransport`"
	}
	rt = wrapTransport("api", rt)
	return rt
}

// A variable that held the shared transport and is given a new one: the shared one is not changed.
func (a apiConfig) replacedTransport() http.RoundTripper {
	t := http.DefaultTransport
	cfg := &tls.Config{}
	if a.InsecureTLS {
		cfg.InsecureSkipVerify = true // want "TLS certificate verification is off when a.InsecureTLS is set: an explicit"
		t = &http.Transport{TLSClientConfig: cfg}
	}
	return t
}

// A client of its own keeps the opt-in to its caller.
func (a apiConfig) ownClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if a.InsecureTLS {
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "when a.InsecureTLS is set: an explicit"
	}
	return &http.Client{Transport: transport}
}
