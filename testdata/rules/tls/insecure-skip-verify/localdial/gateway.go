// Package localdial: configs that only dial this machine.
package localdial

import (
	"context"
	"crypto/tls"
	"fmt"
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

type SocketConfig struct {
	Address string // bind address, "" for all interfaces
	Port    int
}

func serveGRPC(c SocketConfig) (net.Listener, error) {
	return net.Listen("tcp", fmt.Sprintf("%v:%d", c.Address, c.Port-1))
}

// The gateway dials 127.0.0.1, or the address the gRPC server itself listens on.
func startLocalGateway(ctx context.Context, c SocketConfig) error {
	dialAddr := fmt.Sprintf("127.0.0.1:%d", c.Port-1)
	if c.Address != "" {
		dialAddr = fmt.Sprintf("%v:%d", c.Address, c.Port-1)
	}
	creds := NewTLS(&tls.Config{InsecureSkipVerify: true}) // want "connections to this machine \\(`fmt.Sprintf\\(\"127.0.0.1:%d\", c.Port-1\\)`\\)"
	opts := []dialOption{WithTransportCredentials(creds)}
	return RegisterHandlerFromEndpoint(ctx, dialAddr, opts)
}

// A loopback default that configuration replaces with any host.
func pingPeer(peer string, port int, req []byte) error {
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	if peer != "" {
		addr = net.JoinHostPort(peer, fmt.Sprint(port))
	}
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want "tls/insecure-skip-verify: TLS certificate verification is off: InsecureSkipVerify accepts any certificate"
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(req)
	return err
}

// A daemon that dials its own RPC listener: opened by net.ListenConfig, or through a helper's parameter.
type rpcSettings struct{ RPCAddr, AdminAddr string }

type rpcDaemon struct {
	cfg    rpcSettings
	srvTLS *tls.Config
}

func (d *rpcDaemon) serve(ctx context.Context) (net.Listener, net.Listener, error) {
	lc := &net.ListenConfig{}
	rpc, err := lc.Listen(ctx, "tcp", d.cfg.RPCAddr)
	if err != nil {
		return nil, nil, err
	}
	admin, err := d.open(d.cfg.AdminAddr)
	return rpc, admin, err
}

func (d *rpcDaemon) open(where string) (net.Listener, error) {
	return net.Listen("tcp", where)
}

func (d *rpcDaemon) selfConns() error {
	c := d.srvTLS.Clone()
	c.InsecureSkipVerify = true // want "connections to this machine \\(`d.cfg.RPCAddr`\\)"
	rpc, err := tls.Dial("tcp", d.cfg.RPCAddr, c)
	if err != nil {
		return err
	}
	defer rpc.Close()
	if _, err := rpc.Write([]byte("hello")); err != nil {
		return err
	}
	a := d.srvTLS.Clone()
	a.InsecureSkipVerify = true // want "connections to this machine \\(`d.cfg.AdminAddr`\\)"
	admin, err := tls.Dial("tcp", d.cfg.AdminAddr, a)
	if err != nil {
		return err
	}
	defer admin.Close()
	_, err = admin.Write([]byte("status"))
	return err
}
