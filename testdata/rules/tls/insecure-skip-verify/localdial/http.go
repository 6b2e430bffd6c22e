package localdial

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"time"
)

// A component's metrics scraped on this node: every request goes to a loopback URL.
func scrapeScheduler(out io.Writer) error {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.ResponseHeaderTimeout = time.Minute
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "connections to this machine \\(`\"https://localhost:10259/metrics\"`\\)"
	c := &http.Client{Transport: transport}
	defer c.CloseIdleConnections()
	resp, err := c.Get("https://localhost:10259/metrics")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}

// A request built for a loopback URL and sent with Do.
func healthz(ctx context.Context, port int) error {
	c := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "connections to this machine \\(`fmt.Sprintf\\(\"https://127.0.0.1:%d/healthz\", port\\)`\\)"
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("https://127.0.0.1:%d/healthz", port), nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The URL comes from the caller: any host.
func scrape(url string, out io.Writer) error {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	c := &http.Client{Transport: transport}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}

// One request to this machine, one to a host named like it: any host.
func scrapeBoth(out io.Writer) error {
	c := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}}
	for _, u := range []string{"https://localhost:8443/", "https://localhost.example.com/"} {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	_, err := c.Post("https://localhost.evil.example/", "text/plain", nil)
	return err
}

// The client leaves the function: its requests are not all seen.
func newLocalClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}}
}

// A health check of the process's own server, at the address it listens on.
func serveAndCheck(listen, cert, key string) error {
	srv := &http.Server{Addr: listen}
	go func() { _ = srv.ListenAndServeTLS(cert, key) }()
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "connections to this machine \\(`\"https://\" \\+ listen \\+ \"/healthz\"`\\)"
	}}
	resp, err := client.Get("https://" + listen + "/healthz")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same client for another address given with it: any host.
func serveAndCheckUpstream(listen, upstream, cert, key string) error {
	srv := &http.Server{Addr: listen}
	go func() { _ = srv.ListenAndServeTLS(cert, key) }()
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}}
	resp, err := client.Get("https://" + upstream + "/healthz")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A watchdog started with the address of the process's own server: every caller passes one.
func serveWithWatchdog(listen, cert, key string) error {
	srv := &http.Server{Addr: listen}
	go watchdog("https://" + listen + "/healthz")
	return srv.ListenAndServeTLS(cert, key)
}

func watchdog(addr string) {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "connections to this machine \\(`\"https://\" \\+ listen \\+ \"/healthz\"`\\)"
	}}
	for range time.Tick(time.Minute) {
		if err := checkOnce(client, addr); err != nil {
			return
		}
	}
}

func checkOnce(client *http.Client, addr string) error {
	req, err := http.NewRequest(http.MethodGet, addr, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Exported: callers in other packages may pass any address.
func Watch(addr string) error {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}}
	return checkOnce(client, addr)
}

// A readiness probe of the local server whose scheme is chosen at run time: the host is still this machine.
func readyProbe(useTLS bool) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "connections to this machine \\(`scheme \\+ \"://localhost:9000/health/live\"`\\)"
	}}
	scheme := "https"
	if !useTLS {
		scheme = "http"
	}
	return client.Get(scheme + "://localhost:9000/health/live")
}
