package insecureskipverify

import (
	"crypto/tls"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"strings"
)

const skipChecks = true

func fromConstant() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipChecks} // want "tls/insecure-skip-verify: TLS certificate verification is off"
}

func fromVariable() *tls.Config {
	insecure := true
	return &tls.Config{InsecureSkipVerify: insecure} // want "tls/insecure-skip-verify: .*the variable insecure, which is assigned true"
}

func fromConditionalVariable(env string) *tls.Config {
	insecure := false
	if env == "dev" {
		insecure = true
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.InsecureSkipVerify = insecure // want "tls/insecure-skip-verify: .*the variable insecure"
	return cfg
}

// A flag that defaults to true ships the insecure setting to every
// deployment that does not pass -tls-no-verify=false.
var noVerify = flag.Bool("tls-no-verify", true, "skip certificate checks")

func fromFlag() *tls.Config {
	return &tls.Config{InsecureSkipVerify: *noVerify} // want "tls/insecure-skip-verify: .*the flag -tls-no-verify, which defaults to true"
}

var skipVar bool

func init() {
	flag.BoolVar(&skipVar, "skip-verify", true, "skip certificate checks")
}

func fromFlagVar() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipVar} // want "tls/insecure-skip-verify: .*the flag -skip-verify"
}

// A verification flag negated: off by default is reported, on by default is the operator's choice.
var verifyOff, verifyOn bool

func init() {
	flag.BoolVar(&verifyOff, "verify", false, "verify the peer")
	flag.BoolVar(&verifyOn, "verify-peer", true, "verify the peer")
}

func negatedFlags() (*tls.Config, *tls.Config) {
	return &tls.Config{InsecureSkipVerify: !verifyOff}, // want "tls/insecure-skip-verify: .*takes its value from the negation of the flag -verify, which defaults to false"
		&tls.Config{InsecureSkipVerify: !verifyOn}
}

// ClientOptions is a configuration struct; its defaults turn verification off.
type ClientOptions struct {
	Endpoint   string
	SkipVerify bool
}

func DefaultClientOptions() ClientOptions {
	return ClientOptions{Endpoint: "https://localhost:8443", SkipVerify: true}
}

func fromOptions(o ClientOptions) *tls.Config {
	return &tls.Config{InsecureSkipVerify: o.SkipVerify} // want "tls/insecure-skip-verify: .*the configuration field ClientOptions.SkipVerify, which is set to true"
}

// Negatives.

// An opt-in flag that defaults to false is the operator's explicit choice.
var insecureOptIn = flag.Bool("insecure", false, "skip certificate checks (testing only)")

func fromOptInFlag() *tls.Config {
	return &tls.Config{InsecureSkipVerify: *insecureOptIn, MinVersion: tls.VersionTLS12}
}

// ServerOptions are read from a file: nothing in the code sets Insecure.
type ServerOptions struct {
	Insecure bool `json:"insecure"`
}

func fromFile(path string) (*tls.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var o ServerOptions
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, err
	}
	return &tls.Config{InsecureSkipVerify: o.Insecure, MinVersion: tls.VersionTLS12}, nil
}

func negated() *tls.Config {
	verify := true
	return &tls.Config{InsecureSkipVerify: !verify, MinVersion: tls.VersionTLS12}
}

func fromParameter(skip bool) *tls.Config {
	return &tls.Config{InsecureSkipVerify: skip, MinVersion: tls.VersionTLS12}
}

// TestOnlyOptions are set to true only by the package's tests.
type TestOnlyOptions struct{ Skip bool }

func fromTestOnlyOptions(o TestOnlyOptions) *tls.Config {
	return &tls.Config{InsecureSkipVerify: o.Skip, MinVersion: tls.VersionTLS12}
}

// ProxyOptions are filled from a configuration file by a parser: the
// insecure switch is turned on only when the operator writes it.
type ProxyOptions struct{ Insecure bool }

func parseDirective(o *ProxyOptions, name string) {
	switch name {
	case "tls_insecure_skip_verify":
		o.Insecure = true
	}
}

func fromParsedOptions(o *ProxyOptions) *tls.Config {
	return &tls.Config{InsecureSkipVerify: o.Insecure, MinVersion: tls.VersionTLS12}
}

// Settings read from a DSN: the operator writes "skip-verify" (or skip_verify) to turn checks off.
type dsnConfig struct {
	TLSMode string
	TLS     *tls.Config
}

func (c *dsnConfig) normalize() {
	switch c.TLSMode {
	case "true":
		c.TLS = &tls.Config{MinVersion: tls.VersionTLS12}
	case "skip-verify":
		c.TLS = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when c.TLSMode is \"skip-verify\": an explicit"
	case "preferred": // the MySQL driver's mode that encrypts without verifying, as libpq's "prefer"
		c.TLS = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when c.TLSMode is \"preferred\": a connection mode that encrypts without verifying"
	}
}

func parseDSN(params map[string]string) *tls.Config {
	skipVerify := false
	for k, v := range params {
		switch k {
		case "skip_verify":
			if v == "" {
				skipVerify = true
			}
		}
	}
	return &tls.Config{InsecureSkipVerify: skipVerify} // want "tls/insecure-skip-verify: TLS certificate verification is off when k is \"skip_verify\": an explicit"
}

// The operator writes "insecure" where a CA file is expected.
func withCAFile(caFile string) *tls.Config {
	insecure := false
	if strings.ToLower(caFile) == "insecure" {
		insecure = true
	}
	return &tls.Config{InsecureSkipVerify: insecure} // want "tls/insecure-skip-verify: TLS certificate verification is off when strings.ToLower\\(caFile\\) == \"insecure\": an explicit"
}

// A verification switch turned off is an explicit opt-in: `if !o.VerifyTLS {`.
type ProviderOptions struct{ VerifyTLS bool }

func providerClient(o ProviderOptions) *http.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if !o.VerifyTLS {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when o.VerifyTLS is false: an explicit"
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// The else of a switch tested off is the branch for the switch turned on.
type BackendCheck struct {
	URL           string
	TLSSkipVerify bool
	VerifyTLS     bool
}

func backendTransport(b *BackendCheck) *http.Transport {
	if !b.TLSSkipVerify {
		return &http.Transport{}
	} else {
		return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when b.TLSSkipVerify is set: an explicit"
	}
}

func verifyingTransport(b *BackendCheck) *http.Transport {
	if b.VerifyTLS {
		return &http.Transport{}
	} else {
		return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when b.VerifyTLS is false: an explicit"
	}
}

// A setting read by a name that says it verifies: its else branch is the setting turned off.
type settingStore map[string]bool

func (s settingStore) GetBool(name string) bool { return s[name] }

func relayConfig(settings settingStore) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if settings.GetBool("enable_tls_verify") {
		cfg.ServerName = "relay"
	} else {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when settings.GetBool\\(\"enable_tls_verify\"\\) is false: an explicit"
	}
	if !settings.GetBool("peer_check") {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return cfg
}

// The else of a skip switch runs when the switch is off: a bug, not an opt-in.
func invertedElse(b *BackendCheck) *http.Transport {
	if b.TLSSkipVerify {
		return &http.Transport{}
	} else {
		return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
}

// A local read from a setting named as insecure is that switch: `on, _ := flags.GetBool("skip-cert-checks")`.
type settings struct{ values map[string]bool }

func (s *settings) GetBool(name string) (bool, error) { return s.values[name], nil }

func upstreamTransport(s *settings) *http.Transport {
	tr := &http.Transport{}
	if on, _ := s.GetBool("skip-cert-checks"); on {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when on is set: an explicit"
	}
	if on, _ := s.GetBool("compress"); on {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return tr
}

// A switch named for verifying, given as is, turns verification off exactly when it is asked for.
type gitlabProvider struct {
	SSLVerify      bool
	VerifyDisabled bool
}

func (p *gitlabProvider) transport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: p.SSLVerify}} // want "tls/insecure-skip-verify: TLS certificate verification is off exactly when it is asked for: InsecureSkipVerify takes the value of p.SSLVerify.*Negate it: `InsecureSkipVerify: !p.SSLVerify`"
}

func (p *gitlabProvider) optOut() *tls.Config {
	return &tls.Config{InsecureSkipVerify: p.VerifyDisabled}
}

// A transport built by the package's own constructor and kept under a name that says what it is.
type proxyTransports struct {
	Transport         http.RoundTripper
	InsecureTransport http.RoundTripper
}

func newProxyTransport(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg}
}

var transports = proxyTransports{
	Transport:         newProxyTransport(nil),
	InsecureTransport: newProxyTransport(&tls.Config{InsecureSkipVerify: true}), // want "tls/insecure-skip-verify: TLS certificate verification is off in the config that `InsecureTransport` holds, named as insecure"
}

var defaultTransport = newProxyTransport(&tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"

// A transport named for what it is, kept for when an administrator turns verification off.
var insecureTransport = &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off in the config that `insecureTransport` holds, named as insecure"
}

// Negating a switch that already says "skip" turns verification off when the switch is off: a bug, not an opt-in.
func inverted(skipVerify bool) *tls.Config {
	cfg := &tls.Config{}
	if !skipVerify {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return cfg
}

// A variable named insecure that is always true is no switch.
func alwaysOff() *tls.Config {
	insecure := true
	return &tls.Config{InsecureSkipVerify: insecure} // want "tls/insecure-skip-verify: TLS certificate verification can be off: InsecureSkipVerify takes its value from the variable insecure, which is assigned true"
}

// A verification switch negated: its zero value turns verification off.
type SSLOptions struct {
	CAPath                 string
	EnableHostVerification bool
}

func sslClientConfig(o *SSLOptions) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: !o.EnableHostVerification, // want "tls/insecure-skip-verify: TLS certificate verification is off unless SSLOptions.EnableHostVerification is true: InsecureSkipVerify is its negation, so a SSLOptions whose EnableHostVerification keeps its zero value"
	}
}

// The same switch with a default of true where the options are built: verification is on unless turned off.
type PeerOptions struct {
	VerifyPeer bool
}

func DefaultPeerOptions() PeerOptions { return PeerOptions{VerifyPeer: true} }

func peerConfig(o PeerOptions) *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: !o.VerifyPeer}
}

// An opt-in switch held by an unexported field that nothing sets is always false: its branch never runs.
type peerTLSInfo struct {
	caPath   string
	selfCert bool
}

func (info peerTLSInfo) config() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if info.selfCert {
		cfg.InsecureSkipVerify = true
	}
	return cfg
}

func loadPeerTLSInfo(ca string) peerTLSInfo { return peerTLSInfo{caPath: ca} }

// The same switch set by a constructor: the opt-in stays reported.
type devInfo struct {
	selfSigned bool
}

func devConfig() *tls.Config {
	d := devInfo{selfSigned: true}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if d.selfSigned {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when d.selfSigned is set"
	}
	return cfg
}

// A function that always returns true is that constant (a debug build's half of a build-tag pair).
func useInsecureSkipVerify() bool { return true }

func debugBuildConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: useInsecureSkipVerify()} // want "tls/insecure-skip-verify: TLS certificate verification is off when useInsecureSkipVerify is called: an explicit"
}

func lenientPeers() bool { return true }

func lenientConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: lenientPeers()} // want "tls/insecure-skip-verify: TLS certificate verification can be off: InsecureSkipVerify takes its value from the function lenientPeers, which returns true"
}

// A function that returns true on one path only is a switch, not a value.
func insecureInDev() bool {
	if os.Getenv("APP_ENV") == "dev" {
		return true
	}
	return false
}

func devSwitchConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: insecureInDev()}
}

// A registry of named configs: the insecure one is chosen by its name.
var namedConfigs = map[string]*tls.Config{
	"skip-verify": {InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off when \"skip-verify\" is used: an explicit"
	"default":     {InsecureSkipVerify: true}, // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
}

// A setting named as insecure, switched on its text: the clause that turns it on is the opt-in.
func settingSwitch(get func(string) string) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	insecureSkipVerify := get("insecure_skip_verify")
	switch insecureSkipVerify {
	case "false", "":
		cfg.InsecureSkipVerify = false
	case "true":
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when insecureSkipVerify is \"true\": an explicit"
	default:
		return nil, os.ErrInvalid
	}
	return cfg, nil
}
