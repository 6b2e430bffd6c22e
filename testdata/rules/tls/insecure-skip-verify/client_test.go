package insecureskipverify

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A test against a local test server with a self-signed certificate: still
// reported, one severity lower (the engine lowers test findings).
func TestAgainstLocalServer(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify"
	}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	_ = fromTestOnlyOptions(TestOnlyOptions{Skip: true})
}
