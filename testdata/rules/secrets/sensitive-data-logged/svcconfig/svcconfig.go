// Package svcconfig declares a service's configuration; other packages use it.
package svcconfig

// TLS names the files of a client certificate.
type TLS struct {
	Authority   string
	Certificate string
	PrivateKey  string
}

// PullSecret names the Kubernetes Secret with the registry credentials.
type Registry struct {
	PullSecret   string
	ClientSecret string
}

// Service is the whole configuration.
type Service struct {
	TLS      TLS
	Registry Registry
}
