package keylogwriter

import (
	"crypto/tls"
	"io"
	"os"

	"redline.test/rules/tls/key-log-writer/debugkeys"
)

func always() *tls.Config {
	w := os.Stderr
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

// The writer is optional: nil unless SSLKEYLOGFILE names a file, and the code knows it.
func sslKeyLog() (io.WriteCloser, error) {
	name := os.Getenv("SSLKEYLOGFILE")
	if name == "" {
		return nil, nil
	}
	return os.Create(name)
}

func interopClient() (*tls.Config, error) {
	keyLog, err := sslKeyLog()
	if err != nil {
		return nil, err
	}
	if keyLog != nil {
		_, _ = os.Stderr.WriteString("writing TLS session keys to $SSLKEYLOGFILE\n")
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: keyLog}, nil // want "tls/key-log-writer: KeyLogWriter takes its writer from keyLog, which is set from the environment variable SSLKEYLOGFILE"
}

// Declared nil, set only when a flag names a file.
func exampleClient(keyLogFile string) *tls.Config {
	var keyLog io.Writer
	if len(keyLogFile) > 0 {
		f, err := os.Create(keyLogFile)
		if err == nil {
			keyLog = f
		}
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: keyLog} // want "tls/key-log-writer: KeyLogWriter takes its writer from keyLog, which may be nil \\(keyLog is declared without a value and set only on some paths\\)"
}

// Writers that an environment variable switches on, in another package and in this one.

func importedEnvWriter() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if debugkeys.KeyLog != nil {
		cfg.KeyLogWriter = debugkeys.KeyLog // want "tls/key-log-writer: KeyLogWriter takes its writer from debugkeys.KeyLog, which is set from the environment variable SSLKEYLOGFILE"
	}
	return cfg
}

var localKeyLog io.Writer = keyLogFromEnv()

func keyLogFromEnv() io.Writer {
	if p := os.Getenv("APP_TLS_KEYLOG"); p != "" {
		if f, err := os.Create(p); err == nil {
			return f
		}
	}
	return nil
}

func localEnvWriter() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: localKeyLog} // want "tls/key-log-writer: .*from localKeyLog, which is set from the environment variable APP_TLS_KEYLOG"
}

// An unexported writer field that nothing in the package sets: always nil.
type tunnelClient struct {
	sni       string
	keyLogger io.WriteCloser
}

func newTunnelClient(sni string) *tunnelClient { return &tunnelClient{sni: sni} }

func (c *tunnelClient) config() *tls.Config {
	return &tls.Config{ServerName: c.sni, MinVersion: tls.VersionTLS12, KeyLogWriter: c.keyLogger}
}

// The same field set through a multi-value assignment: reported.
type tunnelServer struct {
	keyLogger io.WriteCloser
}

func (s *tunnelServer) open(path string) (err error) {
	s.keyLogger, err = os.Create(path)
	return err
}

func (s *tunnelServer) config() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: s.keyLogger} // want "tls/key-log-writer: KeyLogWriter takes its writer from the field s.keyLogger"
}

// PeerConfig takes the writer from its caller, who normally passes nil.
func PeerConfig(cert tls.Certificate, keyLog io.Writer) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS13, KeyLogWriter: keyLog} // want "tls/key-log-writer: KeyLogWriter takes its writer from keyLog, which may be nil \\(keyLog is a parameter, and each caller chooses the writer\\)"
}
