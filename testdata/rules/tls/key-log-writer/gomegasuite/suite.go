// Package gomegasuite is support code of an end-to-end suite written with
// Gomega: it never imports testing, yet it is test code, where a key log
// for Wireshark is a debugging aid.
package gomegasuite

import (
	"crypto/tls"
	"io"
	"net/http"

	. "github.com/onsi/gomega"
)

// Fetch gets a page of the deployment under test, logging session keys to keyLog.
func Fetch(url string, keyLog io.Writer) *http.Response {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: keyLog}}}
	resp, err := client.Get(url)
	Expect(err).To(Succeed())
	return resp
}
