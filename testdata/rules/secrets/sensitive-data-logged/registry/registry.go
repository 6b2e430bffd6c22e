// Package registry parses registry references: the values it builds never carry proxy credentials.
package registry

import (
	"encoding/json"
	"strings"
)

// Proxy is a pull-through proxy and its credentials.
type Proxy struct {
	URL      string
	Password string
}

// Options are a registry's settings.
type Options struct{ Proxy Proxy }

// Registry is a container registry.
type Registry struct {
	Host     string
	Protocol string
	Port     int
	Options  Options
}

// ParseRef builds a registry from a reference: its options are never set.
func ParseRef(ref string) (*Registry, error) {
	host, port, found := strings.Cut(ref, ":")
	if !found {
		return &Registry{Host: ref, Protocol: "https"}, nil
	}
	reg := &Registry{Host: host, Protocol: "https"}
	if port == "5000" {
		reg.Port = 5000
	}
	return reg, nil
}

// WithProxy builds a registry behind a proxy: its password is set.
func WithProxy(host, proxyURL, password string) *Registry {
	return &Registry{Host: host, Options: Options{Proxy: Proxy{URL: proxyURL, Password: password}}}
}

// WithProxyURL builds a registry behind a proxy without credentials: the
// nested literals set only Options.Proxy.URL.
func WithProxyURL(host, proxyURL string) *Registry {
	return &Registry{Host: host, Options: Options{Proxy: Proxy{URL: proxyURL}}}
}

// Decode reads a registry from JSON: any field may be set.
func Decode(data []byte) (*Registry, error) {
	var r Registry
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Account is a registry account; its password never comes from the decoded document.
type Account struct {
	Name     string `json:"name"`
	Password string `json:"-"`
}

// DecodeAccount reads an account from JSON: the decoder skips Password.
func DecodeAccount(data []byte) (*Account, error) {
	var a Account
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// StoreOptions configure a store; the defaults leave EncryptionKey empty.
type StoreOptions struct {
	Dir           string
	ReadOnly      bool
	EncryptionKey []byte
}

// DefaultStoreOptions sets only Dir.
func DefaultStoreOptions(dir string) StoreOptions {
	return StoreOptions{Dir: dir}
}

// WithReadOnly returns a copy with ReadOnly set.
func (o StoreOptions) WithReadOnly(v bool) StoreOptions {
	o.ReadOnly = v
	return o
}

// WithEncryptionKey returns a copy with EncryptionKey set.
func (o StoreOptions) WithEncryptionKey(k []byte) StoreOptions {
	o.EncryptionKey = k
	return o
}
