// Package shareddialer has a dialer every importer shares, like websocket.DefaultDialer.
package shareddialer

import "crypto/tls"

type Dialer struct{ TLSClientConfig *tls.Config }

var DefaultDialer = &Dialer{}
