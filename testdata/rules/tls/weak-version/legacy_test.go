package weakversion

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A test that checks old clients are refused by a local test server: low severity.
func TestRejectsTLS10(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig.MaxVersion = tls.VersionTLS10 // want "tls/weak-version: MaxVersion caps"
	if _, err := (&http.Client{Transport: tr}).Get(srv.URL); err == nil {
		t.Fatal("TLS 1.0 accepted")
	}
}
