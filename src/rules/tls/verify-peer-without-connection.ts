import type { CallExpr, CompositeLit, Expr, FuncDecl, KeyValueExpr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { unparen, withoutAddress } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { perPackage } from '../../semantics/package-memo.js';
import { returnsOf, walk } from '../../syntax/walk.js';
import { packageCallsOf, paramObjects } from '../../semantics/callers.js';
import { assignedValues } from '../../semantics/flow.js';
import { isFunctionVariable } from '../../semantics/scope.js';
import { acceptsAll, exprText, fieldWrites, installationsOfValue, isConstTrue, isNil, isTLSConfig, roleOf, roleOfLiteral, tlsConfigFieldTarget, tlsConfigFields, type Role } from './tls-config.js';

export default defineRule({
  meta: {
    id: 'tls/verify-peer-without-connection',
    title: 'Verify peers in VerifyConnection, which also runs on resumed sessions',
    severity: 'medium',
    precision: 'high',
    cwe: [295],
    tags: ['security', 'tls'],
    since: '0.1.0',
    messages: {
      server: 'VerifyPeerCertificate is set without VerifyConnection, and this server resumes TLS sessions: a client that resumes a session (session tickets, TLS 1.3 PSK) skips VerifyPeerCertificate, so your client-certificate check does not run for it. Move the check to VerifyConnection, which runs on every connection, resumed or not, or set SessionTicketsDisabled.',
      client: 'VerifyPeerCertificate is set without VerifyConnection, and this client caches sessions (ClientSessionCache): a resumed session skips VerifyPeerCertificate, so your server-certificate check does not run for it. Move the check to VerifyConnection, which runs on every connection, resumed or not.',
      unknown: 'VerifyPeerCertificate is set without VerifyConnection: connections that resume a TLS session skip VerifyPeerCertificate, so the custom check (pinning, an allow-list, revocation) does not run for them. Move the check to VerifyConnection, which runs on every connection, resumed or not; or disable resumption (SessionTicketsDisabled on servers, no ClientSessionCache on clients).',
    },
    docs: {
      finds: '`crypto/tls.Config` values whose `VerifyPeerCertificate` is set (in the literal, or by an assignment in the same function) while `VerifyConnection` is not, unless the config cannot resume sessions: a server with `SessionTicketsDisabled: true`, or a client without a `ClientSessionCache`.',
      why: 'crypto/tls does not call `VerifyPeerCertificate` on resumed connections: the certificates were verified when the session was created, and a resumption with a ticket or a TLS 1.3 PSK goes straight to the application. A check that lives only there — certificate pinning, an allow-list of client identities, a revocation or expiry policy — is skipped for every resumed connection, including ones resumed after the policy changed or with a ticket issued under another `GetConfigForClient` config. `VerifyConnection` runs after every handshake, resumed or not (gosec G123).',
      fix: 'Move the check into `VerifyConnection`, which receives a `tls.ConnectionState` with `PeerCertificates` and `VerifiedChains`. Keep `VerifyPeerCertificate` only for checks that are meaningless on resumption, or disable resumption.',
      bad: `package server

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
)

func NewServer(clients *x509.CertPool) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{
		MinVersion: tls.VersionTLS12,
		ClientAuth: tls.RequireAndVerifyClientCert,
		ClientCAs:  clients,
		VerifyPeerCertificate: func(_ [][]byte, chains [][]*x509.Certificate) error {
			if len(chains) == 0 || chains[0][0].Subject.CommonName != "billing" {
				return errors.New("client not allowed")
			}
			return nil
		},
	}}
}
`,
      good: `package server

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
)

func NewServer(clients *x509.CertPool) *http.Server {
	return &http.Server{TLSConfig: &tls.Config{
		MinVersion: tls.VersionTLS12,
		ClientAuth: tls.RequireAndVerifyClientCert,
		ClientCAs:  clients,
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.VerifiedChains) == 0 || cs.VerifiedChains[0][0].Subject.CommonName != "billing" {
				return errors.New("client not allowed")
			}
			return nil
		},
	}}
}
`,
      limits: 'A package that tests `ConnectionState().DidResume` in a condition checks resumed sessions itself, and its configs are not reported. A callback that checks nothing (a literal whose body is only `return nil`) is not reported: a resumed session skips no check. A `Clone()` of a config literal of the same function has that literal\'s fields; a clone of a struct field of the package whose every value is a literal with `SessionTicketsDisabled: true` (and no `ClientSessionCache`) cannot resume; clones of other configs (parameters, package variables) are reported without knowing whether they can resume. A config that a function of the package returns as one literal from every return (`cfg := clientTLSConfig(ca)`, `return &tls.Config{RootCAs: pool}`) has that literal\'s fields; a config parameter of a function only the package calls (`pinExact(&cfg, pin)`) has the fields of the literals its callers pass (directly or in a local variable they initialise); other fields set in other functions (a config built in one function and completed in another) are not seen. On servers whose `ClientAuth` is left at `NoClientCert`, `VerifyPeerCertificate` is never called at all; such configs are not reported here.',
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  create(ctx) {
    const { pkg, file } = ctx;

    /** Fields set by assignments, per function and config expression text. */
    const assigned = new Map<string, Map<string, Expr>>();
    /** Assignments of VerifyPeerCertificate, with their key. */
    const assignments: Array<{ key: string; range: Node }> = [];
    /** The literal a variable was initialised with, per key. */
    const literalOf = new Map<string, { lit: CompositeLit; fields: Map<string, KeyValueExpr> }>();
    /** Variables initialised with `src.Clone()`, per key: the call and the key of the config cloned. */
    const clones = new Map<string, { call: CallExpr; source: string }>();
    /** Variables initialised by a call of a package function that returns one config literal, per key: the call and the literal's fields. */
    const built = new Map<string, { call: CallExpr; fields: Map<string, KeyValueExpr> }>();
    /** Literals that set VerifyPeerCertificate, with the key of the variable they initialise. */
    const literals: Array<{ lit: CompositeLit; kv: KeyValueExpr; fields: Map<string, KeyValueExpr>; key?: string }> = [];
    const keyOf = (n: Node, base: Expr) => `${pkg.enclosingFunc(n)?.start ?? -1}\x00${exprText(file.source, base)}`;

    const decide = (range: Node, fields: (name: string) => Expr | undefined, role: Role | undefined) => {
      if (checksResumedSessions(pkg)) return;
      const set = (name: string) => { const v = fields(name); return v !== undefined && !isNil(pkg, v); };
      if (!set('VerifyPeerCertificate') || set('VerifyConnection')) return;
      if (acceptsAll(pkg, fields('VerifyPeerCertificate')!)) return; // checks nothing to skip
      const tickets = fields('SessionTicketsDisabled');
      if (tickets && isConstTrue(pkg, tickets)) return;
      if (role === 'client' && !set('ClientSessionCache')) return;
      // a server that requests no client certificate never calls VerifyPeerCertificate
      if (role === 'server' && !set('ClientAuth')) return;
      ctx.report({ range, messageId: role ?? 'unknown' });
    };

    return {
      CompositeLit(lit: CompositeLit) {
        const fields = tlsConfigFields(pkg, lit);
        if (!fields) return;
        let holder: Node = lit;
        const up = pkg.parentOf(lit);
        if (up?.kind === 'UnaryExpr' && up.op === '&') holder = up;
        const p = pkg.parentOf(holder);
        let key: string | undefined;
        if (p?.kind === 'AssignStmt' && p.lhs.length === p.rhs.length) {
          const i = p.rhs.indexOf(holder as Expr);
          if (i >= 0) {
            key = keyOf(lit, p.lhs[i]!);
            literalOf.set(key, { lit, fields });
          }
        }
        const kv = fields.get('VerifyPeerCertificate');
        if (kv) literals.push({ lit, kv, fields, ...(key !== undefined && { key }) });
      },
      AssignStmt(assign) {
        if (assign.tok === ':=' || assign.tok === '=') {
          // `cfg := clientConfig(ca)`, `cfg, err := loadConfig(pem)` (the first result)
          const pairs = assign.lhs.length === assign.rhs.length ? assign.rhs.map((r, i) => [assign.lhs[i]!, r] as const) : assign.rhs.length === 1 ? [[assign.lhs[0]!, assign.rhs[0]!] as const] : [];
          for (const [lhs, rhs] of pairs) {
            const call = unparen(rhs);
            const fields = call.kind === 'CallExpr' ? returnedConfigLiteral(pkg, call) : undefined;
            if (fields) built.set(keyOf(assign, lhs), { call: call as CallExpr, fields });
          }
        }
        if (assign.lhs.length !== assign.rhs.length) return;
        if (assign.tok === ':=' || assign.tok === '=') {
          assign.rhs.forEach((rhs, i) => {
            const call = unparen(rhs);
            if (call.kind !== 'CallExpr' || call.args.length > 0 || call.fun.kind !== 'SelectorExpr' || call.fun.sel.name !== 'Clone') return;
            if (!isTLSConfig(pkg, call.fun.x)) return;
            clones.set(keyOf(assign, assign.lhs[i]!), { call, source: keyOf(assign, call.fun.x) });
          });
        }
        if (assign.tok !== '=') return;
        assign.lhs.forEach((lhs, i) => {
          if (lhs.kind !== 'SelectorExpr' || !tlsConfigFieldTarget(pkg, lhs, lhs.sel.name)) return;
          const key = keyOf(assign, lhs.x);
          let m = assigned.get(key);
          if (!m) assigned.set(key, (m = new Map()));
          m.set(lhs.sel.name, assign.rhs[i]!);
          if (lhs.sel.name === 'VerifyPeerCertificate') assignments.push({ key, range: assign });
        });
      },
      'File:exit'() {
        // a literal, completed by assignments to the variable it initialises in the same function
        for (const { lit, kv, fields, key } of literals) {
          const extra = key !== undefined ? assigned.get(key) : undefined;
          const field = (name: string) => extra?.get(name) ?? fields.get(name)?.value;
          decide(kv, field, roleOfLiteral(pkg, lit, field));
        }
        for (const { key, range } of assignments) {
          const m = assigned.get(key)!;
          const init = literalOf.get(key);
          if (init?.fields.has('VerifyPeerCertificate')) continue; // decided with the literal
          // a clone of a literal in the same function has the literal's fields and the assignments made to it
          const clone = init ? undefined : clones.get(key);
          if (clone && cannotResume(pkg, clone.call)) continue;
          const original = clone && literalOf.get(clone.source);
          if (clone && original) {
            const before = assigned.get(clone.source);
            const field = (name: string) => m.get(name) ?? before?.get(name) ?? original.fields.get(name)?.value;
            decide(range, field, roleOf(pkg, installationsOfValue(pkg, clone.call), field));
            continue;
          }
          // a config a package function builds (`cfg := clientTLSConfig(ca)`): its literal's fields, its role where it is used here
          const helper = init || clone ? undefined : built.get(key);
          if (helper) {
            const field = (name: string) => m.get(name) ?? helper.fields.get(name)?.value;
            decide(range, field, roleOf(pkg, installationsOfValue(pkg, helper.call), field));
            continue;
          }
          // a config parameter of a function only the package calls: the literals its callers pass
          const passed = init ? undefined : literalsPassedFor(pkg, range);
          if (passed) {
            const field = (name: string) => m.get(name) ?? passed.map((p) => p.fields.get(name)?.value).find((v) => v !== undefined && !isNil(pkg, v));
            decide(range, field, roleOfLiteral(pkg, passed[0]!.lit, field));
            continue;
          }
          const field = (name: string) => m.get(name) ?? init?.fields.get(name)?.value;
          decide(range, field, init ? roleOfLiteral(pkg, init.lit, field) : undefined);
        }
      },
    };
  },
});

/**
 * The fields of the one `tls.Config` literal a function of this package
 * returns from every return that returns a config (`return
 * &tls.Config{RootCAs: pool}, nil`; `return nil, err` returns none), for a
 * call of it; undefined otherwise.
 */
function returnedConfigLiteral(pkg: PackageInfo, call: CallExpr): Map<string, KeyValueExpr> | undefined {
  const c = pkg.calleeOf(call);
  const decl = c.kind === 'func' ? c.obj?.node : undefined;
  if (decl?.kind !== 'FuncDecl' || !pkg.fileOf(decl)) return undefined;
  const memo = returnedLiterals(pkg);
  if (memo.has(decl)) return memo.get(decl);
  const fields = computeReturnedConfigLiteral(pkg, decl);
  memo.set(decl, fields);
  return fields;
}

/** Per function of the package: the fields of the config literal it returns (`returnedConfigLiteral`). */
const returnedLiterals = perPackage(() => new Map<FuncDecl, Map<string, KeyValueExpr> | undefined>());

function computeReturnedConfigLiteral(pkg: PackageInfo, decl: FuncDecl): Map<string, KeyValueExpr> | undefined {
  let fields: Map<string, KeyValueExpr> | undefined;
  for (const ret of returnsOf(decl)) {
    const first = ret.results[0];
    if (first && isNil(pkg, unparen(first))) continue; // `return nil, err`: no config
    const x = first && withoutAddress(first);
    const f = x?.kind === 'CompositeLit' ? tlsConfigFields(pkg, x) : undefined;
    if (!f || (fields && fields !== f)) return undefined;
    fields = f;
  }
  return fields;
}

interface PassedLiteral {
  readonly lit: CompositeLit;
  readonly fields: Map<string, KeyValueExpr>;
}

/**
 * For `cfg.VerifyPeerCertificate = ...` on a `*tls.Config` parameter of a
 * function whose every call is in the package (`pinExact(&cfg, pin)`): the
 * fields of the config literals the calls pass, directly or in a local
 * variable initialised with one and not assigned again; undefined when a
 * call passes anything else.
 */
function literalsPassedFor(pkg: PackageInfo, assign: Node): PassedLiteral[] | undefined {
  const target = assign.kind === 'AssignStmt' ? unparen(assign.lhs[0]!) : undefined;
  const base = target?.kind === 'SelectorExpr' ? unparen(target.x) : undefined;
  const param = base?.kind === 'Ident' ? pkg.objectOf(base) : undefined;
  const fn = param?.isParam ? param.func : undefined;
  if (fn?.kind !== 'FuncDecl') return undefined;
  const index = paramObjects(pkg, fn).indexOf(param);
  const calls = index >= 0 ? packageCallsOf(pkg, fn) : undefined;
  if (!calls || calls.length === 0) return undefined;
  const out: PassedLiteral[] = [];
  for (const call of calls) {
    const lit = call.args[index] && configLiteralOf(pkg, call.args[index]);
    const fields = lit && tlsConfigFields(pkg, lit);
    if (!lit || !fields) return undefined;
    out.push({ lit, fields });
  }
  return out;
}

/** The config literal an argument is (`&tls.Config{...}`), or that the local variable it names (or whose address it takes) holds alone. */
function configLiteralOf(pkg: PackageInfo, arg: Expr): CompositeLit | undefined {
  const x = withoutAddress(arg);
  if (x.kind === 'CompositeLit') return x;
  const v = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (!isFunctionVariable(v)) return undefined;
  const values = assignedValues(pkg, v);
  const lit = values.length === 1 ? withoutAddress(values[0]!) : undefined;
  return lit?.kind === 'CompositeLit' ? lit : undefined;
}

/**
 * Whether the package tests `ConnectionState().DidResume` in a condition:
 * it checks resumed sessions itself after the handshake (`if cs.DidResume {
 * verify(cs.PeerCertificates[0]) }`), the other way to cover them.
 */
const checksResumedSessions = perPackage((pkg: PackageInfo): boolean => {
  for (const f of pkg.files) {
    if (!f.source.includes('DidResume')) continue;
    let found = false;
    walk(f.ast, {
      enter: (n) => {
        if (found) return false;
        if (n.kind !== 'IfStmt' || !n.cond) return undefined;
        walk(n.cond, { enter: (x) => { if (x.kind === 'SelectorExpr' && x.sel.name === 'DidResume' && pkg.isNamedType(pkg.typeOf(x.x), 'crypto/tls', 'ConnectionState')) found = true; } });
        return undefined;
      },
    });
    if (found) return true;
  }
  return false;
});

/**
 * Whether `x.f.Clone()` clones a config field of this package whose every
 * value is a literal that disables session tickets and sets no session
 * cache: neither end of a connection using the clone can resume.
 */
function cannotResume(pkg: PackageInfo, clone: CallExpr): boolean {
  if (clone.fun.kind !== 'SelectorExpr') return false;
  const src = unparen(clone.fun.x);
  const field = src.kind === 'SelectorExpr' ? pkg.objectOf(src.sel) : undefined;
  if (!field?.isField) return false;
  const writes = fieldWrites(pkg, field);
  return writes.length > 0 && writes.every((w) => {
    const lit = withoutAddress(w);
    const fields = lit.kind === 'CompositeLit' ? tlsConfigFields(pkg, lit) ?? undefined : undefined;
    const tickets = fields?.get('SessionTicketsDisabled')?.value;
    return fields !== undefined && tickets !== undefined && isConstTrue(pkg, tickets) && !fields.has('ClientSessionCache');
  });
}
