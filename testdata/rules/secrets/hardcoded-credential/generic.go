package hardcoded

import (
	"crypto/hmac"
	"crypto/sha256"
	"flag"
	"net/smtp"
	"net/url"
	"os"
)

// Credentials without a known format: a credential name bound to a value
// that looks like a secret.

const dbPassword = "Xk29dLq8wPz!v3" // want "Hardcoded password \\(14 characters\\) in `dbPassword`"

var apiKey = "a8f5f167f44f4964e6c998dee827110c" // want "Hardcoded API key \\(32 characters\\) in `apiKey`"

type Config struct {
	User         string
	Password     string
	ClientSecret string
	SigningKey   []byte
}

var defaultConfig = Config{
	User:         "svc-orders",
	Password:     "Tr0ub4dor&3x9Q",                   // want "password .* in `Password`"
	ClientSecret: "k2J9sd8fLq0pZ7xW4vB1nM6c",         // want "secret .* in `ClientSecret`"
	SigningKey:   []byte("q8Zt3Lw9Vn2Rk7Xp4Hs6Jd1F"), // want "signing key .* in `SigningKey`"
}

var env = map[string]string{
	"DB_USER":     "orders",
	"DB_PASSWORD": "Xk29dLq8wPz!v3", // want "in `DB_PASSWORD`"
}

func assign(c *Config, settings map[string]string) {
	c.Password = "Tr0ub4dor&3x9Q"                              // want "in `Password`"
	settings["api_token"] = "a8f5f167f44f4964e6c998dee827110c" // want "token .* in `api_token`"
	var secret string
	secret = "9fQ2!kLm7#xZ4pRt" // want "in `secret`"
	_ = secret
}

// A backdoor: a password compared with a literal.
func backdoor(password string) bool {
	return password == "letMe1n!2024x" // want "compared with `password`"
}

// Parameters that take a credential.
func credentialParameters() {
	_ = url.UserPassword("svc", "Xk29dLq8wPz!v3")                       // want "password .* in `password`"
	_ = smtp.PlainAuth("", "mailer", "m41l3r-P4ss!2x", "smtp.internal") // want "in `password`"
	_ = hmac.New(sha256.New, []byte("q8Zt3Lw9Vn2Rk7Xp4Hs6Jd1F"))        // want "HMAC key"
	_ = os.Setenv("API_TOKEN", "a8f5f167f44f4964e6c998dee827110c")      // want "in `API_TOKEN`"
	_ = flag.String("admin-password", "Adm1n!Xq9z7w", "admin password") // want "in `admin-password`"
	connect("db.internal", "Xk29dLq8wPz!v3")                            // want "in `password`"
}

func connect(host, password string) { _, _ = host, password }

func adminToken() string {
	return "t0k3n-9fQ2kLm7xZ4pRtW8" // want "in `adminToken`"
}

// A function named as building an example feeds generated documentation; the shipped default is real.
type WireguardConfig struct {
	PrivateKey string
}

func exampleWireguardConfig() *WireguardConfig {
	cfg := &WireguardConfig{}
	cfg.PrivateKey = "Lq9Zt3Wv8Rk2Xp7Hs4Jd6Fn1Bc5Mg0Ye"
	return cfg
}

func defaultWireguardConfig() *WireguardConfig {
	cfg := &WireguardConfig{}
	cfg.PrivateKey = "Qm4Xr8Tz2Wk6Vp9Ls3Hd7Jf1Nc5Bg0Ya" // want "Hardcoded private key .* in `PrivateKey`"
	return cfg
}

var _, _ = exampleWireguardConfig, defaultWireguardConfig
