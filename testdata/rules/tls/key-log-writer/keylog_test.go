package keylogwriter

import (
	"bytes"
	"crypto/tls"
	"testing"
)

// Tests may log keys to check decryption: not reported.
func TestKeyLog(t *testing.T) {
	var buf bytes.Buffer
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: &buf}
	if cfg.KeyLogWriter == nil {
		t.Fatal("no writer")
	}
}
