// Package apiopts is a client library's options, which it turns into a tls.Config itself.
package apiopts

import "crypto/tls"

type TLSOptions struct {
	InsecureSkipVerify bool
	CAFile             string
}

// AcceptOptions shares the field name with another meaning, as nhooyr.io/websocket's does.
type AcceptOptions struct {
	InsecureSkipVerify bool // skip the Origin check
}

type Options struct {
	Address string
	TLS     *TLSOptions
}

func (o *TLSOptions) Config() *tls.Config {
	return &tls.Config{InsecureSkipVerify: o.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
}
