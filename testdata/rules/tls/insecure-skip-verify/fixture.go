package insecureskipverify

import (
	"crypto/tls"
	ctls "crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"strings"
)

func literal() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: .*certificate"
}

func valueLiteral() tls.Config {
	return tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // want "tls/insecure-skip-verify"
}

func fieldAssignment() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify"
	return cfg
}

func nestedInTransport() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // want "tls/insecure-skip-verify"
		},
	}}
}

func renamedImport() *ctls.Config {
	return &ctls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify"
}

func throughTransportField(t *http.Transport) {
	t.TLSClientConfig.InsecureSkipVerify = true // want "tls/insecure-skip-verify"
}

// Verification stays on.
func verified() *tls.Config {
	return &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
}

// A custom verifier replaces the default chain check; that is a design
// decision, not an accident, and tls/verify-peer-without-connection covers
// its own pitfall.
func customVerification(verify func(tls.ConnectionState) error) *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, VerifyConnection: verify}
}

// A look-alike type from another package is not crypto/tls.
type Config struct{ InsecureSkipVerify bool }

func lookAlike() *Config {
	return &Config{InsecureSkipVerify: true}
}

func readsTheField(cfg *tls.Config) bool {
	return cfg.InsecureSkipVerify == true
}

// The custom verifier is assigned after the literal, in the same function.
func verifiedLater(verify func([][]byte, [][]*x509.Certificate) error) *tls.Config {
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	cfg.VerifyPeerCertificate = verify
	return cfg
}

// The literal installs the custom verifier; verification by crypto/tls is turned off after it (pinning).
func verifiedInLiteral(verify func(tls.ConnectionState) error, pinned bool) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, VerifyConnection: verify}
	if pinned {
		cfg.InsecureSkipVerify = true
	}
	return cfg
}

// An explicit, named opt-in: low severity.
func optIn(insecure bool) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if insecure {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when insecure is set: an explicit"
	}
	return cfg
}

// A condition that is not a named insecure switch: the usual finding.
func staging(env string) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if env == "staging" {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return cfg
}

func optInOuter(skipVerify bool, t *http.Transport) *http.Transport {
	if skipVerify {
		if t.TLSClientConfig != nil {
			tr := t.Clone()
			tr.TLSClientConfig.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when skipVerify is set"
			return tr
		}
	}
	return t
}

// An environment variable named as a switch, compared with a value that turns it on; others that are not switches.
func envConfig() *tls.Config {
	if os.Getenv("APP_TLS_INSECURE") == "true" {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off when os.Getenv\\(\"APP_TLS_INSECURE\"\\) == \"true\": an explicit"
	}
	if os.Getenv("APP_REGION") == "dev" {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	if os.Getenv("APP_TLS_INSECURE") != "true" {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	if len(os.Getenv("SKIP_SMTP_TLS_VERIFY")) > 0 {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off when len\\(os.Getenv\\(\"SKIP_SMTP_TLS_VERIFY\"\\)\\) > 0: an explicit"
	}
	if strings.ToLower(strings.TrimSpace(os.Getenv("APP_TLS_INSECURE_SKIP_VERIFY"))) == "yes" {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off when strings.ToLower\\(strings.TrimSpace\\(os.Get… == \"yes\": an explicit"
	}
	if os.Getenv("SMTP_INSECURE") == "" {
		return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return &tls.Config{}
}

// A switch that is on unless the caller turns it off is a default, not an opt-in.
func fetchChart(verify *bool, insecureOverride bool) *http.Client {
	skipTLS := true
	if verify != nil && *verify {
		skipTLS = false
	}
	c := &http.Client{}
	if skipTLS {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	insecure := false
	if insecureOverride {
		insecure = true
	}
	if insecure {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "TLS certificate verification is off when insecure is set: an explicit"
	}
	return c
}

// A config dropped unless the switch is on is kept only when it is on.
func apiClients(allowInsecure, verbose bool) (*http.Client, *http.Client) {
	cfg := &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off when allowInsecure is set: an explicit"
	if !allowInsecure {
		cfg = nil
	}
	other := &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	if !verbose {
		other = nil
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}, &http.Client{Transport: &http.Transport{TLSClientConfig: other}}
}

// A config given a private CA too: the CA is the way to trust the server, the switch is not needed for it.
func registryClients(pool *x509.CertPool) (*http.Client, *http.Client) {
	cfg := &tls.Config{}
	if os.Getenv("REGISTRY_SKIP_TLS") == "true" {
		cfg.InsecureSkipVerify = true // want "TLS certificate verification is off when os.Getenv\\(\"REGISTRY_SKIP_TLS\"\\) == \"true\": an explicit \"insecure\" switch, .* and the RootCAs this config is also given are ignored"
	}
	if pool != nil {
		cfg.RootCAs = pool
	}
	plain := &tls.Config{RootCAs: pool}
	plain.InsecureSkipVerify = true // want "so the RootCAs this config also sets are never consulted"
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}, &http.Client{Transport: &http.Transport{TLSClientConfig: plain}}
}

// RootCAs in the other branch: never on the same config as the skip.
func caOrNothing(pool *x509.CertPool) *tls.Config {
	cfg := &tls.Config{}
	if pool != nil {
		cfg.RootCAs = pool
	} else {
		cfg.InsecureSkipVerify = true // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate for any host, so anyone"
	}
	return cfg
}

// A switch that allows unverified certificates says what it does.
func deployClient(allowUnverifiedSSL bool) *http.Client {
	if allowUnverifiedSSL {
		return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "TLS certificate verification is off when allowUnverifiedSSL is set: an explicit"
	}
	return &http.Client{}
}

// A switch named for what it does, from a user's checkbox; another named for something else.
func download(ignoreCertificate, ignoreCache bool) *http.Client {
	tr := &http.Transport{}
	if ignoreCertificate {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off when ignoreCertificate is set"
	}
	if ignoreCache {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return &http.Client{Transport: tr}
}

func guardedOptIn(cfg *tls.Config, oidcInsecureSkipVerify bool) {
	if cfg != nil && oidcInsecureSkipVerify {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when cfg != nil && oidcInsecureSkipVerify is set"
	}
}

func caseOptIn(cfg *tls.Config, insecureRedis bool, ca string) {
	switch {
	case insecureRedis:
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when insecureRedis is set"
	case ca != "":
		cfg.ServerName = ca
	}
}

// A negated switch does not opt in: the usual finding.
func strict(cfg *tls.Config, strictValidation bool) {
	if !strictValidation {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
}

// Functions named as insecure are explicit opt-ins for their callers.
type clientOptions struct{ transport *http.Transport }

type ClientOption func(*clientOptions) error

func WithInsecure() ClientOption {
	return func(o *clientOptions) error {
		o.transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when WithInsecure is called"
		return nil
	}
}

// An option named insecure whose switch, turned off, still skips verification: the secure choice is not secure.
func WithInsecureTLS(on bool) ClientOption {
	return func(o *clientOptions) error {
		if on {
			o.transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when WithInsecureTLS is called"
		} else {
			o.transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
		}
		return nil
	}
}

func newInsecureClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off when newInsecureClient is called"
}

// Self-signed mode cannot verify: an explicit choice.
type tlsInfo struct{ selfCert bool }

func selfSignedInfo() tlsInfo { return tlsInfo{selfCert: true} }

func (info tlsInfo) clientConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if info.selfCert {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when info.selfCert is set"
	}
	return cfg
}

// A switch read from the command line by its name.
type cliFlags interface{ Bool(name string) bool }

func cliConfig(c cliFlags) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.Bool("skip-verify") {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when c.Bool\\(\"skip-verify\"\\) is set"
	}
	return cfg
}

// Connections to this machine only: nothing crosses the network.
func isLocalhost(host string) bool { return host == "localhost" || host == "127.0.0.1" }

func localMirror(host, scheme string) *http.Transport {
	tr := &http.Transport{}
	if isLocalhost(host) && scheme == "https" {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off for connections to this machine \\(`isLocalhost\\(host\\) && scheme == \"https\"`\\)"
	}
	return tr
}

func isLoopbackHost(host string) bool { return host == "localhost" }
func isTrustedHost(host string) bool  { return host == "mirror.internal" }

func proxyTransport(host string) *http.Transport {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if isLoopbackHost(host) {
		cfg.InsecureSkipVerify = true // want "for connections to this machine \\(`isLoopbackHost\\(host\\)`\\)"
	}
	if isTrustedHost(host) {
		cfg.InsecureSkipVerify = true // want "TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}
	return &http.Transport{TLSClientConfig: cfg}
}

func loopbackPeer(host string) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if host == "localhost" {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off for connections to this machine"
	}
	if host != "localhost" {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	}
	return cfg
}

func backendClient(skipCertVerification bool) *http.Transport {
	var cfg tls.Config
	if skipCertVerification {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when skipCertVerification is set"
	}
	return &http.Transport{TLSClientConfig: &cfg}
}

// A guard clause returns unless the switch is set.
type forgeClient struct{ SkipVerify bool }

func (c *forgeClient) transport() *http.Transport {
	if !c.SkipVerify {
		return http.DefaultTransport.(*http.Transport)
	}
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when c.SkipVerify is set: an explicit"
}

// A pool of roots beside InsecureSkipVerify: crypto/tls never consults it.
func rootsIgnored(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: .*the RootCAs this config also sets are never consulted"
}
