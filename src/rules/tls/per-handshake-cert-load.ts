import type { Expr, Node } from '../../syntax/ast.js';
import { forEachChild } from '../../syntax/walk.js';
import { defineRule } from '../../engine/rule.js';
import { assignedValues } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { FuncNode } from '../../semantics/resolve.js';
import { LOADS_CERT_PER_CALL, loadsCertPerCall, unguardedLoads } from './cert-load.js';
import { declOf, tlsConfigFieldTarget, tlsConfigFields } from './tls-config.js';

/** Callbacks crypto/tls calls during handshakes. */
const CALLBACKS = ['GetCertificate', 'GetClientCertificate', 'GetConfigForClient'];

export default defineRule({
  meta: {
    id: 'tls/per-handshake-cert-load',
    title: 'Load certificates once, not in every TLS handshake',
    severity: 'medium',
    precision: 'high',
    cwe: [400, 1050],
    tags: ['tls', 'performance', 'availability', 'concurrency'],
    since: '0.1.0',
    messages: {
      load: '{callback} loads certificate material on every TLS handshake: {what} runs each time a connection negotiates TLS, so every handshake pays disk I/O and key parsing (a flood of handshakes becomes a flood of file reads), and a handshake that lands while the files are being rotated fails. Load the certificate once and serve it from a cache (an atomic.Pointer[tls.Certificate], or a map under a sync.RWMutex), reloading on a timer or a file-change signal.',
      clientLoad: '{callback} loads certificate material on every TLS handshake this client makes: {what} runs each time it opens a connection, so each new connection pays disk I/O and key parsing, and one that lands while the files are being rotated fails. Only the program\'s own connections trigger it, so the cost is bounded. Load the certificate once and serve it from a cache (an atomic.Pointer[tls.Certificate]), reloading on a timer or a file-change signal.',
      clientLoadVia: '{callback} is {what}, which loads certificate material on every call, that is on every TLS handshake this client makes: each new connection pays disk I/O and key parsing, and one that lands while the files are being rotated fails. Only the program\'s own connections trigger it, so the cost is bounded. Load the certificate once and serve it from a cache (an atomic.Pointer[tls.Certificate]), reloading on a timer or a file-change signal.',
      loadVia: '{callback} is {what}, which loads certificate material on every call, that is on every TLS handshake: every handshake pays disk I/O and key parsing, and one that lands while the files are being rotated fails. Load the certificate once and serve it from a cache (an atomic.Pointer[tls.Certificate], or a map under a sync.RWMutex), reloading on a timer or a file-change signal.',
    },
    docs: {
      finds: '`GetCertificate`, `GetClientCertificate` and `GetConfigForClient` callbacks of a `crypto/tls.Config` — function literals, functions, methods, function-valued variables, and functions returned by a factory of the same package — that load or parse certificate material on every call: `tls.LoadX509KeyPair`, `tls.X509KeyPair`, `x509.ParseCertificate(s)`, `x509.Parse*PrivateKey`, `pem.Decode`, `CertPool.AppendCertsFromPEM`, `os.ReadFile`, directly or through functions of the module that do so on every call (a function fact, across packages).',
      why: 'crypto/tls calls these callbacks during every handshake, concurrently. Reading and parsing a key pair there turns each new connection into file I/O, PEM decoding and key parsing (RSA key parsing is expensive), which an attacker can multiply by opening connections; and a rotation that replaces the files non-atomically makes the handshakes in between fail. The usual intent — picking up renewed certificates without a restart — is better served by a cache that a timer, a file watcher or a signal refreshes.',
      fix: 'Load the certificate at start-up and keep it in an `atomic.Pointer[tls.Certificate]` (or a map under a `sync.RWMutex` for several names); have the callback return the cached value, and reload from a goroutine on a timer, a file-change notification or SIGHUP. Loading lazily on a cache miss is fine.',
      bad: `package server

import (
	"crypto/tls"
	"net/http"
)

func NewServer(certFile, keyFile string) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
				cert, err := tls.LoadX509KeyPair(certFile, keyFile)
				return &cert, err
			},
		},
	}
}
`,
      good: `package server

import (
	"crypto/tls"
	"net/http"
	"sync/atomic"
)

type certCache struct{ current atomic.Pointer[tls.Certificate] }

// Reload is called at start-up and by a timer or a file watcher.
func (c *certCache) Reload(certFile, keyFile string) error {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return err
	}
	c.current.Store(&cert)
	return nil
}

func NewServer(cache *certCache) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
				return cache.current.Load(), nil
			},
		},
	}
}
`,
      limits: 'A `GetClientCertificate` callback runs only for the connections the program itself opens, which no one else can multiply: its findings are low. A load counts as "on a cache miss" when a branch on long-lived state decides whether it runs: a receiver field, a captured or package-level variable, an `atomic.Value`/`atomic.Pointer`, a map lookup under a lock, or a call into module code. A branch on such state that is not a cache (a feature switch) also hides the load. Loads in goroutines started by the callback and in nested function literals (`sync.Once`) are not counted. Across packages, a function counts as loading on every call when its own body does so directly or through functions of its own package.',
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  facts: [loadsCertPerCall],
  create(ctx) {
    const { pkg, file } = ctx;
    const reported = new Set<Node>();

    const check = (site: Node, callback: string, value: Expr) => {
      // a client's callback runs only for the connections the program itself opens: no one else can multiply it
      const client = callback === 'GetClientCertificate';
      const clientLevel = client ? ({ severity: 'low' } as const) : {};
      for (const target of callbackTargets(pkg, value, 0)) {
        if ('key' in target) {
          if (pkg.hasFuncFact(target.key, LOADS_CERT_PER_CALL) && !reported.has(site)) {
            reported.add(site);
            ctx.report({ range: site, messageId: client ? 'clientLoadVia' : 'loadVia', data: { callback, what: target.name }, ...clientLevel });
          }
          continue;
        }
        const load = unguardedLoads(pkg, target.fn, { readsFiles: true })[0];
        if (!load) continue;
        const loadFile = pkg.fileOf(load.call);
        const here = loadFile === file;
        const range = here ? load.call : site;
        if (reported.has(range)) continue;
        reported.add(range);
        ctx.report({
          range,
          messageId: client ? 'clientLoad' : 'load',
          data: { callback, what: load.what },
          ...clientLevel,
          ...(!here && loadFile && { related: [{ range: load.call, file: loadFile, message: `${load.what} runs here on every call` }] }),
          ...(here && range !== site && site.start !== load.call.start && pkg.fileOf(site) === file && { related: [{ range: site, message: `installed as ${callback} here` }] }),
        });
      }
    };

    return {
      KeyValueExpr(kv) {
        if (kv.key.kind !== 'Ident' || !CALLBACKS.includes(kv.key.name)) return;
        const lit = pkg.parentOf(kv);
        if (lit?.kind !== 'CompositeLit' || !tlsConfigFields(pkg, lit)) return;
        check(kv, kv.key.name, kv.value);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length) return;
        assign.lhs.forEach((lhs, i) => {
          for (const name of CALLBACKS) if (tlsConfigFieldTarget(pkg, lhs, name)) check(assign, name, assign.rhs[i]!);
        });
      },
    };
  },
});

type Target = { readonly fn: FuncNode } | { readonly key: string; readonly name: string };

/** The functions a callback value denotes: literals, declared functions and methods, variables holding them, factories returning them. */
function callbackTargets(pkg: PackageInfo, value: Expr, depth: number): Target[] {
  const x = unparen(value);
  if (depth > 3) return [];
  switch (x.kind) {
    case 'FuncLit':
      return [{ fn: x }];
    case 'Ident':
    case 'SelectorExpr': {
      const decl = declOf(pkg, x);
      if (decl) return [{ fn: decl }];
      const id = x.kind === 'Ident' ? x : x.sel;
      const o = pkg.objectOf(id);
      if (o?.kind === 'func' && o.pkg !== pkg.importPath) {
        const key = o.isMethod ? `(${o.pkg}.${o.recvTypeName ?? ''}).${o.name}` : `${o.pkg}.${o.name}`;
        const name = o.isMethod ? `${o.recvTypeName ?? ''}.${o.name}` : `${o.pkg.slice(o.pkg.lastIndexOf('/') + 1)}.${o.name}`;
        return [{ key, name }];
      }
      if (o?.kind === 'var' && x.kind === 'Ident' && !o.isParam && !o.isField) {
        return assignedValues(pkg, o).flatMap((v) => callbackTargets(pkg, v, depth + 1));
      }
      return [];
    }
    case 'CallExpr': {
      // a factory of this package: func certGetter(...) func(*tls.ClientHelloInfo) (*tls.Certificate, error)
      const decl = declOf(pkg, x.fun);
      if (!decl) return [];
      const out: Target[] = [];
      const stack: Node[] = [decl.body!];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (n.kind === 'FuncLit') continue;
        if (n.kind === 'ReturnStmt' && n.results.length >= 1) out.push(...callbackTargets(pkg, n.results[0]!, depth + 1));
        forEachChild(n, (c) => { stack.push(c); });
      }
      return out;
    }
    default:
      return [];
  }
}
