// Package logutil wraps the standard logger.
package logutil

import (
	"crypto/tls"
	"log"
	"os"
	"path/filepath"

	"redline.test/rules/secrets/sensitive-data-logged/svcconfig"
)

// Debugf logs when debugging is on.
func Debugf(format string, args ...any) {
	if debug {
		log.Printf(format, args...)
	}
}

var debug = true

// NewTokenProvider logs the provider's options: a spec such as "jwt,sign-method=RS256,pub-key=/etc/k.pub".
func NewTokenProvider(tokenOpts string) {
	log.Printf("token provider options: %s", tokenOpts)
}

// Trail sends entries to an audit service: its Record is a sink of the policy,
// configured with its pointer receiver as (*…/logutil.Trail).Record.
type Trail struct{ entries []string }

// Record records an audit entry (not a log call Redline knows by itself).
func (t *Trail) Record(args ...any) { t.entries = append(t.entries, "entry") }

// Login logs the password it is given (reported here, once).
func Login(user, password string) {
	log.Printf("login %s/%s", user, password) // want "log.Printf logs `password`, which holds a password"
}

// Client calls an identity provider.
type Client struct{}

// CheckIDToken logs the token it is given (reported here, once).
func (c *Client) CheckIDToken(idToken string) {
	log.Printf("checking %s", idToken) // want "log.Printf logs `idToken`, which holds an ID token"
}

// Lookup logs what it is given under a generic name.
func (c *Client) Lookup(value string) {
	log.Printf("lookup %s", value)
}

// ClientCredentials logs the files it loads the key pair from: key is a path.
func ClientCredentials(cert, key string) (tls.Certificate, error) {
	log.Printf("loading client certificate %s and key %s", cert, key)
	return tls.LoadX509KeyPair(cert, key)
}

// ClientAuth loads the key pair from files under an optional root: joined to it, the parameters are still file names.
func ClientAuth(cert, key string) (tls.Certificate, error) {
	if root := os.Getenv("CERT_ROOT"); root != "" {
		cert = filepath.Join(root, cert)
		key = filepath.Join(root, key)
	}
	return tls.LoadX509KeyPair(cert, key)
}

// LookedUpPair replaces its parameters by what lookup returns: they are not known to be file names.
func LookedUpPair(cert, key string) (tls.Certificate, error) {
	cert, key = lookup(cert), lookup(key)
	return tls.LoadX509KeyPair(cert, key)
}

func lookup(name string) string { return os.Getenv(name) }

// ServiceCredentials loads the key pair a service configuration names: its TLS fields are file names.
func ServiceCredentials(cfg svcconfig.Service) (tls.Certificate, error) {
	return ClientAuth(cfg.TLS.Certificate, cfg.TLS.PrivateKey)
}

// PullSecretVolume mounts the Secret a registry configuration names.
func PullSecretVolume(r svcconfig.Registry) SecretVolume {
	return SecretVolume{SecretName: r.PullSecret}
}

// SecretVolume mounts a Kubernetes Secret.
type SecretVolume struct{ SecretName string }
