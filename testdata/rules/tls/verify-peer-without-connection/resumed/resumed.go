// Package resumed checks client certificates in VerifyPeerCertificate and, after the handshake, again on connections that resumed a session.
package resumed

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
)

type server struct{ allowed string }

func (s *server) verifyPeer(raw [][]byte, _ [][]*x509.Certificate) error {
	if len(raw) == 0 {
		return errors.New("no client certificate")
	}
	cert, err := x509.ParseCertificate(raw[0])
	if err != nil {
		return err
	}
	return s.verify(cert)
}

func (s *server) verify(cert *x509.Certificate) error {
	if cert.Subject.CommonName != s.allowed {
		return errors.New("client not allowed")
	}
	return nil
}

func (s *server) config(cert tls.Certificate) *tls.Config {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: tls.RequireAnyClientCert}
	cfg.VerifyPeerCertificate = s.verifyPeer
	return cfg
}

func (s *server) handshake(ctx context.Context, conn net.Conn, cfg *tls.Config) (*tls.Conn, error) {
	tc := tls.Server(conn, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, err
	}
	if cs := tc.ConnectionState(); cs.DidResume && len(cs.PeerCertificates) > 0 {
		if err := s.verify(cs.PeerCertificates[0]); err != nil {
			tc.Close()
			return nil, err
		}
	}
	return tc, nil
}
