// Package ownlistener: configs that only dial this process's own listeners.
package ownlistener

import (
	"context"
	"crypto/tls"
	"net"
)

// Stand-ins for grpc's credentials.NewTLS, grpc.WithTransportCredentials and
// a grpc-gateway RegisterXHandlerFromEndpoint.
type transportCredentials struct{ config *tls.Config }
type dialOption struct{ creds transportCredentials }

func NewTLS(c *tls.Config) transportCredentials                  { return transportCredentials{c} }
func WithTransportCredentials(c transportCredentials) dialOption { return dialOption{c} }
func RegisterHandlerFromEndpoint(ctx context.Context, endpoint string, opts []dialOption) error {
	return nil
}

type ServerOptions struct {
	GRPCListener net.Listener
}

// A gateway in front of the process's own gRPC server.
func startGateway(ctx context.Context, opts *ServerOptions) error {
	grpcAddr := opts.GRPCListener.Addr().String()
	var grpcOpts []dialOption
	grpcOpts = append(grpcOpts, WithTransportCredentials(NewTLS(&tls.Config{
		InsecureSkipVerify: true, // want "tls/insecure-skip-verify: TLS certificate verification is off for connections to this machine \\(`opts.GRPCListener.Addr\\(\\).String\\(\\)`\\)"
	})))
	return RegisterHandlerFromEndpoint(ctx, grpcAddr, grpcOpts)
}

// Calls back into its own listener with tls.Dial.
func callSelf(ln net.Listener, req []byte) error {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want "connections to this machine \\(`ln.Addr\\(\\).String\\(\\)`\\)"
	conn, err := tls.Dial("tcp", ln.Addr().String(), cfg)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(req)
	return err
}

// The address comes from the caller: any host.
func callRemote(ctx context.Context, endpoint string) error {
	opts := []dialOption{WithTransportCredentials(NewTLS(&tls.Config{InsecureSkipVerify: true}))} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	return RegisterHandlerFromEndpoint(ctx, endpoint, opts)
}

// The same config dials its own listener and a remote address: not every connection stays here.
func callBoth(ln net.Listener, remote string, req []byte) error {
	cfg := &tls.Config{InsecureSkipVerify: true} // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	local, err := tls.Dial("tcp", ln.Addr().String(), cfg)
	if err != nil {
		return err
	}
	defer local.Close()
	far, err := tls.Dial("tcp", remote, cfg)
	if err != nil {
		return err
	}
	defer far.Close()
	_, err = far.Write(req)
	return err
}
