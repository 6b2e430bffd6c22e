package pinned

import (
	"bytes"
	"crypto/sha512"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"

	"redline.test/rules/tls/insecure-skip-verify/pinned/thumb"
)

// DialPinned keeps the connection only when the peer has the pinned thumbprint, checked by another package's helper.
func DialPinned(addr, pin string) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	if err != nil {
		return nil, err
	}
	if thumb.Matches(pin, conn.ConnectionState().PeerCertificates[0]) {
		return conn, nil
	}
	_ = conn.Close()
	return nil, errors.New("thumbprint mismatch")
}

// DialNamed only prints the thumbprint's name: nothing is checked.
func DialNamed(addr string) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	if err != nil {
		return nil, err
	}
	println(conn.ConnectionState().PeerCertificates[0].Subject.CommonName)
	return conn, nil
}

// DialExact keeps the connection only when the peer presents exactly the expected certificate.
func DialExact(addr string, want []byte) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(conn.ConnectionState().PeerCertificates[0].Raw, want) {
		_ = conn.Close()
		return nil, errors.New("unexpected certificate")
	}
	return conn, nil
}

// DialEqual pins with the certificate's own Equal, which compares Raw.
func DialEqual(addr string, want *x509.Certificate) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	if err != nil {
		return nil, err
	}
	if !conn.ConnectionState().PeerCertificates[0].Equal(want) {
		_ = conn.Close()
		return nil, errors.New("unexpected certificate")
	}
	return conn, nil
}

// DialShort pins with another package's helper that hashes the certificate's bytes.
func DialShort(addr string, pins map[string]bool) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	if err != nil {
		return nil, err
	}
	if !pins[thumb.Short(conn.ConnectionState().PeerCertificates[0].Raw)] {
		_ = conn.Close()
		return nil, errors.New("unexpected certificate")
	}
	return conn, nil
}

// DialStream hashes the certificate as a stream itself.
func DialStream(addr string, pin []byte) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off, and this package checks peer certificates itself elsewhere"
	if err != nil {
		return nil, err
	}
	h := sha512.New384()
	h.Write(conn.ConnectionState().PeerCertificates[0].RawSubjectPublicKeyInfo)
	if !bytes.Equal(h.Sum(nil), pin) {
		_ = conn.Close()
		return nil, errors.New("unexpected key")
	}
	return conn, nil
}

// DialHashedName hashes something else than the certificate: no pin.
func DialHashedName(addr string, pin []byte) (net.Conn, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts"
	if err != nil {
		return nil, err
	}
	h := sha512.New384()
	h.Write([]byte(conn.ConnectionState().ServerName))
	if !bytes.Equal(h.Sum(nil), pin) {
		_ = conn.Close()
		return nil, errors.New("unexpected name")
	}
	return conn, nil
}
