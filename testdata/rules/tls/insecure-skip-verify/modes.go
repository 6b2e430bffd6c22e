package insecureskipverify

import (
	"crypto/tls"
	"net/http"
)

// A mode chosen by the operator, as an enum whose constant names say what they do.
type tlsMode int

const (
	tlsModeDisabled tlsMode = iota
	tlsModeVerified
	tlsModeNoVerifyFallbackToPlaintext
	tlsModeLegacy
)

type dbSettings struct {
	TLS      *tls.Config
	Fallback bool
}

func settingsFor(mode tlsMode) *dbSettings {
	s := &dbSettings{}
	switch mode {
	case tlsModeDisabled:
	case tlsModeVerified:
		s.TLS = &tls.Config{MinVersion: tls.VersionTLS12}
	case tlsModeNoVerifyFallbackToPlaintext:
		s.TLS = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when mode is tlsModeNoVerifyFallbackToPlaintext: an explicit"
		s.Fallback = true
	case tlsModeLegacy:
		s.TLS = &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return s
}

func configForMode(mode tlsMode) *tls.Config {
	cfg := &tls.Config{}
	if mode == tlsModeNoVerifyFallbackToPlaintext {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when mode == tlsModeNoVerifyFallbackToPlaintext: an explicit"
	}
	if mode == tlsModeLegacy {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return cfg
}

// A string setting whose constants are named for what they do, while their values are the driver's words.
type sslMode string

const (
	sslModeInsecure sslMode = "prefer"
	sslModeStrict   sslMode = "require"
)

func configForSSLMode(mode sslMode) *tls.Config {
	switch mode {
	case sslModeInsecure:
		return &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when mode is sslModeInsecure: an explicit"
	case sslModeStrict:
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return nil
}

var _, _, _ = settingsFor, configForMode, configForSSLMode

// A client chosen per request by the user's switch, through a map keyed by it.
type requestTemplate struct {
	URL                string
	InsecureSkipVerify bool
}

var httpClientSkip = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off when httpClients\\[t.InsecureSkipVerify\\] is used: an explicit"

var httpClients = map[bool]*http.Client{false: http.DefaultClient, true: httpClientSkip}

func execute(t *requestTemplate) (*http.Response, error) {
	return httpClients[t.InsecureSkipVerify].Get(t.URL)
}

// The control: the same map indexed once by something else.
var clientSkip = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"

var clients = map[bool]*http.Client{false: http.DefaultClient, true: clientSkip}

func executeAny(t *requestTemplate, retry bool) (*http.Response, error) {
	if retry {
		return clients[true].Get(t.URL)
	}
	return clients[t.InsecureSkipVerify].Get(t.URL)
}

// Switches named for ignoring SSL or skipping TLS checks.
type apiSettings struct {
	NS1IgnoreSSL bool
	SkipTLS      bool
	SkipTLSSetup bool
	DisableTLS   bool

	DisableTLSValidation bool
	AcceptInvalidCerts   bool
	TrustAll             bool
	DoNotVerifyTLS       bool
	AllowUntrustedTLS    bool
	AllowInvalidCerts    bool
	AllowUntrustedUsers  bool
}

func apiClient(s apiSettings) *http.Client {
	c := &http.Client{}
	if s.NS1IgnoreSSL {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when s.NS1IgnoreSSL is set: an explicit"
	}
	if s.SkipTLS {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when s.SkipTLS is set: an explicit"
	}
	if s.SkipTLSSetup {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	if s.DisableTLS {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off when s.DisableTLS is set: an explicit"
	}
	if s.DisableTLSValidation {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.DisableTLSValidation is set: an explicit"
	}
	if s.AcceptInvalidCerts {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.AcceptInvalidCerts is set: an explicit"
	}
	if s.TrustAll {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.TrustAll is set: an explicit"
	}
	if s.DoNotVerifyTLS {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.DoNotVerifyTLS is set: an explicit"
	}
	if s.AllowUntrustedTLS {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.AllowUntrustedTLS is set: an explicit"
	}
	if s.AllowInvalidCerts {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "when s.AllowInvalidCerts is set: an explicit"
	}
	if s.AllowUntrustedUsers {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return c
}

var _ = apiClient

// libpq's sslmode: "require" encrypts without verifying, as the operator's connection string asks.
func pgTLS(sslmode string) *tls.Config {
	switch sslmode {
	case "verify-ca", "verify-full":
		return &tls.Config{MinVersion: tls.VersionTLS12}
	case "allow", "prefer", "require":
		return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off when sslmode is \"allow\": a connection mode that encrypts without verifying"
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
}

// A numeric TLS mode from the configuration: 2 and 3 are the modes that skip verification, as the operator chose.
type providerConfig struct{ SSLMode int }

func providerTLS(c providerConfig) *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.SSLMode == 2 || c.SSLMode == 3 {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off when c.SSLMode == 2 \\|\\| c.SSLMode == 3: a connection mode that encrypts without verifying"
	}
	if c.SSLMode > 1 {
		cfg.InsecureSkipVerify = true // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return cfg
}

// "required" alone, with no mode that verifies or skips by name beside it, says nothing about the switch.
func requiredOnly(mode string) *tls.Config {
	switch mode {
	case "required":
		return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	}
	return nil
}
