package keylogwriter

import (
	"crypto/tls"
	"io"
	"os"
)

func always(w io.Writer) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: w} // want "tls/key-log-writer: KeyLogWriter is set: crypto/tls writes the secrets of every TLS session to w"
}

func fromEnv() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if path := os.Getenv("SSLKEYLOGFILE"); path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return nil, err
		}
		cfg.KeyLogWriter = f // want "tls/key-log-writer: KeyLogWriter is set when path != \"\": crypto/tls then writes"
	}
	return cfg, nil
}

func bySwitch(mode string, w io.Writer) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	switch mode {
	case "wireshark":
		cfg.KeyLogWriter = w // want "tls/key-log-writer: KeyLogWriter is set when mode is \"wireshark\""
	}
	return cfg
}

// Negatives.

func cleared(cfg *tls.Config) {
	cfg.KeyLogWriter = nil
}

func noLog() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

// A writer from a state struct: set, or left nil, wherever the struct is filled.
type preInitState struct{ KeyLogger io.Writer }

func fromState(s *preInitState) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: s.KeyLogger} // want "tls/key-log-writer: KeyLogWriter takes its writer from the field s.KeyLogger"
}

// Set in the else of an error check, under the real switch further out.
func masterKeyLog(path string) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if path != "" && path != "none" {
		w, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return cfg
		} else {
			cfg.KeyLogWriter = w // want "tls/key-log-writer: KeyLogWriter is set when path != \"\" && path != \"none\": crypto/tls then writes"
		}
	}
	return cfg
}

// Set unless a switch says otherwise.
func unlessQuiet(quiet bool, w io.Writer) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if quiet {
		return cfg
	} else {
		cfg.KeyLogWriter = w // want "tls/key-log-writer: KeyLogWriter is set when quiet is false"
	}
	return cfg
}
