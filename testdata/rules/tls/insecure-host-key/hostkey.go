package insecurehostkey

import (
	"errors"
	"net"

	"golang.org/x/crypto/ssh"
)

func ignore(addr, password string) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User:            "deploy",
		Auth:            []ssh.AuthMethod{ssh.Password(password)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(), // want "tls/insecure-host-key: ssh.InsecureIgnoreHostKey accepts any host key"
	})
}

func acceptAll(addr string) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User: "deploy",
		HostKeyCallback: func(string, net.Addr, ssh.PublicKey) error { // want "tls/insecure-host-key: This HostKeyCallback accepts every host key"
			return nil
		},
	})
}

func assigned(cfg *ssh.ClientConfig) {
	cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want "tls/insecure-host-key: ssh.InsecureIgnoreHostKey"
}

// Negatives.

func pinned(addr string, key ssh.PublicKey) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.FixedHostKey(key)})
}

func checked(addr string, allowed map[string]bool) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User: "deploy",
		HostKeyCallback: func(host string, _ net.Addr, key ssh.PublicKey) error {
			if !allowed[host+" "+key.Type()] {
				return errors.New("unknown host key")
			}
			return nil
		},
	})
}

func optIn(cfg *ssh.ClientConfig, insecure bool) {
	if insecure {
		cfg.HostKeyCallback = ssh.InsecureIgnoreHostKey() // want "tls/insecure-host-key: ssh.InsecureIgnoreHostKey accepts any host key when insecure is set"
	}
}
