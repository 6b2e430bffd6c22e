// Package ssh is a minimal stub of golang.org/x/crypto/ssh for the fixture.
package ssh

import "net"

type PublicKey interface{ Type() string }
type AuthMethod interface{}
type HostKeyCallback func(hostname string, remote net.Addr, key PublicKey) error
type ClientConfig struct {
	User            string
	Auth            []AuthMethod
	HostKeyCallback HostKeyCallback
}
type Client struct{}

func InsecureIgnoreHostKey() HostKeyCallback                           { return nil }
func FixedHostKey(key PublicKey) HostKeyCallback                       { return nil }
func Password(secret string) AuthMethod                                { return nil }
func Dial(network, addr string, config *ClientConfig) (*Client, error) { return nil, nil }
