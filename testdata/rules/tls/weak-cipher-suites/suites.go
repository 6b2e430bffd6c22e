package weakciphers

import (
	"crypto/tls"
	"net/http"
)

func literal() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_RSA_WITH_AES_128_GCM_SHA256, // want "tls/weak-cipher-suites: CipherSuites enables tls.TLS_RSA_WITH_AES_128_GCM_SHA256, which Go lists as insecure: RSA key exchange has no forward secrecy"
			tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA,  // want "tls/weak-cipher-suites: .*TLS_ECDHE_RSA_WITH_RC4_128_SHA.*RC4 has practically exploitable"
		},
	}
}

func numericIDs() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: []uint16{0xc02f, 0x000a}} // want "tls/weak-cipher-suites: .*tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA.*Sweet32"
}

var legacySuites = []uint16{
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, // want "tls/weak-cipher-suites: CipherSuites enables tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 through the variable legacySuites.*Lucky13"
}

func packageVariable() *http.Server {
	return &http.Server{TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: legacySuites}}
}

func assignment(cfg *tls.Config) {
	cfg.CipherSuites = []uint16{tls.TLS_RSA_WITH_AES_256_CBC_SHA} // want "tls/weak-cipher-suites: .*TLS_RSA_WITH_AES_256_CBC_SHA"
}

func appended(cfg *tls.Config) {
	cfg.CipherSuites = append(cfg.CipherSuites, tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA) // want "tls/weak-cipher-suites: .*TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"
}

func compatSuites() []uint16 {
	return []uint16{
		tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
		tls.TLS_RSA_WITH_AES_128_CBC_SHA, // want "tls/weak-cipher-suites: .*TLS_RSA_WITH_AES_128_CBC_SHA through compatSuites\\(\\)"
	}
}

func fromFunction() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: compatSuites()}
}

// Negatives.

func secure() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
			// ECDHE with CBC-SHA1: Go still lists these as secure.
			tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
		},
	}
}

// TLS 1.3 only: CipherSuites is ignored.
func tls13Only() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS13, CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}}
}

// A name table for parsing configuration is not a config.
var suiteByName = map[string]uint16{
	"TLS_RSA_WITH_AES_128_CBC_SHA": tls.TLS_RSA_WITH_AES_128_CBC_SHA,
}

func fromNames(names []string) *tls.Config {
	var ids []uint16
	for _, n := range names {
		ids = append(ids, suiteByName[n])
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: ids}
}

// A list of suites to refuse is not a list of suites to enable.
var refused = []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}

func isRefused(id uint16) bool {
	for _, r := range refused {
		if r == id {
			return true
		}
	}
	return false
}

// A TLS scanner that asks which legacy suites a server still accepts: the connection only reads its state.
func acceptsLegacySuite(addr string) bool {
	cfg := &tls.Config{MaxVersion: tls.VersionTLS12}
	cfg.CipherSuites = []uint16{tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA} // want "tls/weak-cipher-suites: CipherSuites enables tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA, which Go lists as insecure, on connections that only read the peer's certificate"
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return false
	}
	defer conn.Close()
	return conn.ConnectionState().CipherSuite == tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA
}

func shuffledSubset(n int, swap func(n int, f func(i, j int))) *tls.Config {
	all := []uint16{
		tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
		tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
		tls.TLS_RSA_WITH_RC4_128_SHA, // want "tls/weak-cipher-suites: CipherSuites enables tls.TLS_RSA_WITH_RC4_128_SHA through a slice of the variable all"
	}
	swap(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.CipherSuites = all[:n]
	return cfg
}

func constantPrefix() *tls.Config {
	preferred := []uint16{
		tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
		tls.TLS_RSA_WITH_AES_128_CBC_SHA256, // want "tls/weak-cipher-suites: .*TLS_RSA_WITH_AES_128_CBC_SHA256 through a slice of the variable preferred"
		tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,   // not in preferred[:2]
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, CipherSuites: preferred[:2]}
}

// A list built from names read at run time holds only the suites the input names.
type suiteSpec struct{ names []string }

func (s suiteSpec) suites() []uint16 {
	ids := []uint16{}
	for _, n := range s.names {
		switch n {
		case "legacy-rc4":
			ids = append(ids, tls.TLS_RSA_WITH_RC4_128_SHA)
		case "modern-gcm":
			ids = append(ids, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
		}
		if n == "legacy-3des" {
			ids = append(ids, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA)
		}
	}
	return ids
}

func configuredSuites(spec suiteSpec) *tls.Config {
	return &tls.Config{CipherSuites: spec.suites()}
}

func alwaysWeak() *tls.Config {
	suites := []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
	suites = append(suites, tls.TLS_RSA_WITH_RC4_128_SHA) // want "tls/weak-cipher-suites: CipherSuites enables tls.TLS_RSA_WITH_RC4_128_SHA"
	return &tls.Config{CipherSuites: suites}
}
