package weakversion

import (
	"crypto/tls"
	"flag"
	"net/http"
)

func literalMin() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS10} // want "tls/weak-version: MinVersion allows TLS 1.0 \\(tls.VersionTLS10\\)"
}

func literalMax() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS11} // want "tls/weak-version: MaxVersion caps every connection at TLS 1.1"
}

func numeric() *tls.Config {
	return &tls.Config{MinVersion: 0x0302} // want "tls/weak-version: MinVersion allows TLS 1.1"
}

func ssl3() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionSSL30} // want "tls/weak-version: MinVersion allows TLS 1.0 \\(tls.VersionSSL30, which Go treats as TLS 1.0\\)"
}

func assignment(cfg *tls.Config) {
	cfg.MinVersion = tls.VersionTLS11 // want "tls/weak-version: MinVersion allows TLS 1.1"
}

const legacyMin = tls.VersionTLS10

func namedConstant() *http.Server {
	return &http.Server{TLSConfig: &tls.Config{MinVersion: legacyMin}} // want "tls/weak-version: MinVersion allows TLS 1.0"
}

func throughVariable() *tls.Config {
	v := uint16(tls.VersionTLS11)
	return &tls.Config{MinVersion: v} // want "tls/weak-version: MinVersion allows TLS 1.1: it comes from the variable v"
}

var minFlag = flag.Uint("tls-min", tls.VersionTLS10, "lowest TLS version")

func fromFlag() *tls.Config {
	return &tls.Config{MinVersion: uint16(*minFlag)} // want "tls/weak-version: MinVersion allows TLS 1.0: it comes from the flag -tls-min"
}

// Negatives.

func modern() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS13}
}

func zeroIsDefault() *tls.Config {
	return &tls.Config{MinVersion: 0}
}

// An operator's choice among versions, TLS 1.2 and 1.3 included: not reported.
func configured(name string) *tls.Config {
	v := tls.VersionTLS12
	switch name {
	case "1.0":
		v = tls.VersionTLS10
	case "1.1":
		v = tls.VersionTLS11
	case "1.3":
		v = tls.VersionTLS13
	}
	return &tls.Config{MinVersion: uint16(v)}
}

func configuredAssignments(cfg *tls.Config, name string) {
	switch name {
	case "1.0":
		cfg.MinVersion = tls.VersionTLS10
	case "1.2":
		cfg.MinVersion = tls.VersionTLS12
	}
}

var versions = map[string]uint16{"1.0": tls.VersionTLS10, "1.2": tls.VersionTLS12}

func fromTable(name string) *tls.Config {
	return &tls.Config{MinVersion: versions[name]}
}

func fromParameter(v uint16) *tls.Config {
	return &tls.Config{MinVersion: v}
}

// A module at go 1.22 or later: servers default to TLS 1.2, a missing
// MinVersion is fine (see the go121 module for the older default).
func serverWithoutMinVersion(cert tls.Certificate) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
}

// A TLS scanner must reach old servers, and its connections only read what the peer presents.
func oldestVersionServed(addr string) (uint16, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS10}) // want "tls/weak-version: MinVersion lets connections that only read the peer's certificate use TLS 1.0" "tls/weak-version: MaxVersion lets connections that only read"
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	return conn.ConnectionState().Version, nil
}

// The same config used for a connection that carries data is the usual finding.
func legacyUpload(addr string, body []byte) error {
	cfg := &tls.Config{}
	cfg.MaxVersion = tls.VersionTLS11 // want "tls/weak-version: MaxVersion caps every connection at TLS 1.1"
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(body)
	return err
}
