package keylogwriter

import (
	"crypto/tls"
	"io"
	"testing"
)

// NewTestConfig is a test helper in a non-test file: it imports "testing".
func NewTestConfig(t testing.TB, w io.Writer) *tls.Config {
	t.Helper()
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: w}
}
