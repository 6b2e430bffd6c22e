/**
 * Connections that only look at the peer's certificate: a TLS config whose
 * every use dials with crypto/tls (`Dial`, `DialWithDialer`, `Client`, a
 * wrapper that returns a `*tls.Conn`, or the `Dial`/`DialContext` of a
 * local `tls.Dialer` it configures, a handshaker returning a `net.Conn`),
 * or that a function of the package returns only to such dials, and whose
 * connections are only handshaken, asked for their state or host name,
 * and closed, or dropped. Certificate inspectors and TLS probes work this way on
 * purpose; no application data crosses such a connection.
 */
import type { CallExpr, Expr, Node, SelectorExpr } from '../../syntax/ast.js';
import { usesOf } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import { packageCallsOf } from '../../semantics/callers.js';
import { calledName } from '../../semantics/fact-names.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { deref } from '../../semantics/types.js';
import { bindingOf, isLocalVariable, isNil, valueAt } from './tls-config.js';

const DIALS = new Set(['Dial', 'DialWithDialer', 'Client']);

/** Methods of `*tls.Conn` that move no application data. */
const INSPECTING = new Set([
  'Close', 'ConnectionState', 'Handshake', 'HandshakeContext', 'VerifyHostname', 'OCSPResponse',
  'SetDeadline', 'SetReadDeadline', 'SetWriteDeadline', 'LocalAddr', 'RemoteAddr',
]);

/**
 * Whether the config `config` stands for (a `tls.Config` literal, `&` of
 * one, or the variable of an assignment to one of its fields) is only used
 * to dial connections that only inspect the peer's certificate. Only local
 * variables are followed: a config stored elsewhere, passed, returned or
 * cloned may carry data.
 */
export function onlyInspectsCertificates(pkg: PackageInfo, config: Expr, depth = 0): boolean {
  const value = valueAt(pkg, config, true);
  const dialed = dialedAt(pkg, value);
  if (dialed !== undefined) return dialed;
  const ret = pkg.parentOf(value);
  if (ret?.kind === 'ReturnStmt') return ret.results.length === 1 && returnedOnlyToProbes(pkg, ret, depth);
  const binding = config.kind === 'Ident' ? undefined : bindingOf(pkg, value);
  const variable = config.kind === 'Ident' ? pkg.objectOf(config) : binding?.define ? pkg.objectOf(binding.name) : undefined;
  return variable !== undefined && configOnlyDialed(pkg, variable);
}

/**
 * A config that a function of the package returns (its only result) is a
 * probe's when every call of the function, all in the package, gives it to
 * a probe: `thx.Handshake(ctx, conn, probeConfig(sni))`.
 */
function returnedOnlyToProbes(pkg: PackageInfo, ret: Node, depth: number): boolean {
  const fn = pkg.enclosingFunc(ret);
  if (fn?.kind !== 'FuncDecl' || depth > 2) return false;
  const calls = packageCallsOf(pkg, fn);
  return calls !== undefined && calls.length > 0 && calls.every((c) => onlyInspectsCertificates(pkg, c, depth + 1));
}

/** Every use of the config variable reads or sets a field of it, or passes it (or its address) to a dial whose connection only inspects. */
function configOnlyDialed(pkg: PackageInfo, config: Obj): boolean {
  if (!isLocalVariable(config)) return false;
  const uses = usesOf(pkg, config.func, config);
  if (uses.length === 0) return false;
  let dials = 0;
  for (const use of uses) {
    const sel = pkg.parentOf(use);
    if (sel?.kind === 'SelectorExpr' && sel.x === use) {
      if (pkg.objectOf(sel.sel)?.isField !== true) return false; // a method (Clone) or something unknown
      continue;
    }
    if (dialedAt(pkg, valueAt(pkg, use, true)) !== true) return false;
    dials++;
  }
  return dials > 0;
}

/**
 * Whether the config at `at` goes straight into a dial whose connections
 * are only inspected: an argument of a dial call, or the `Config` of a
 * `tls.Dialer` bound to a local variable that only dials such connections.
 * Undefined when `at` is neither (the caller looks further).
 */
function dialedAt(pkg: PackageInfo, at: Node): boolean | undefined {
  const p = pkg.parentOf(at);
  if (p?.kind === 'CallExpr' && p.fun !== at) return isDial(pkg, p) && connectionOnlyInspected(pkg, p);
  const dialer = p?.kind === 'KeyValueExpr' && p.value === at ? dialerConfigured(pkg, p) : undefined;
  return dialer === undefined ? undefined : dialerOnlyInspects(pkg, dialer);
}

/**
 * What the `tls.Dialer` literal whose `Config: ...` element is `kv` is
 * used as: the local variable bound to it, or, for a literal dialled at
 * once (`(&tls.Dialer{...}).DialContext(ctx, "tcp", addr)`), the
 * `Dial`/`DialContext` selector; null for a Dialer used otherwise.
 */
function dialerConfigured(pkg: PackageInfo, kv: Node): Obj | SelectorExpr | null | undefined {
  if (kv.kind !== 'KeyValueExpr' || kv.key.kind !== 'Ident' || kv.key.name !== 'Config') return undefined;
  const lit = pkg.parentOf(kv);
  if (lit?.kind !== 'CompositeLit' || !pkg.isNamedType(pkg.typeOf(lit), 'crypto/tls', 'Dialer')) return undefined;
  const value = valueAt(pkg, lit, true);
  const sel = pkg.parentOf(value);
  if (sel?.kind === 'SelectorExpr' && sel.x === value) return sel;
  const binding = bindingOf(pkg, value);
  const v = binding?.define ? pkg.objectOf(binding.name) : undefined;
  return isLocalVariable(v) ? v : null;
}

/** Every use of the dialer is `d.Dial(...)` or `d.DialContext(...)` whose connection is only inspected. */
function dialerOnlyInspects(pkg: PackageInfo, dialer: Obj | SelectorExpr | null): boolean {
  if (dialer === null) return false;
  if (dialer.kind === 'SelectorExpr') return dialsOnlyInspected(pkg, dialer);
  const uses = usesOf(pkg, dialer.func!, dialer);
  return uses.length > 0 && uses.every((use) => { const sel = pkg.parentOf(use); return sel?.kind === 'SelectorExpr' && sel.x === use && dialsOnlyInspected(pkg, sel); });
}

/** `d.Dial(...)` or `d.DialContext(...)` whose connection is only inspected. */
function dialsOnlyInspected(pkg: PackageInfo, sel: SelectorExpr): boolean {
  if (sel.sel.name !== 'Dial' && sel.sel.name !== 'DialContext') return false;
  const call = pkg.parentOf(sel);
  return call?.kind === 'CallExpr' && call.fun === sel && connectionOnlyInspected(pkg, call);
}

/**
 * `tls.Dial`, `tls.DialWithDialer`, `tls.Client`, a wrapper that returns a
 * `*tls.Conn` (`client.TLSDial(network, addr, cfg)`), or a handshake or
 * dial that returns a `net.Conn` (`thx.Handshake(ctx, conn, cfg)`).
 */
function isDial(pkg: PackageInfo, call: CallExpr): boolean {
  const c = pkg.calleeOf(call);
  if (c.kind === 'func' && c.pkg === 'crypto/tls') return DIALS.has(c.name);
  const first = pkg.signatureOf(call)?.results[0];
  if (first === undefined) return false;
  if (pkg.isNamedType(deref(first), 'crypto/tls', 'Conn') && first.kind === 'pointer') return true;
  // a handshaker or dialer of the module (an interface, say) that hands the connection back as a net.Conn
  return pkg.isNamedType(first, 'net', 'Conn') && HANDSHAKE_NAME.test(calledName(call) ?? '');
}

const HANDSHAKE_NAME = /handshake|dial/i;

/** The connection a dial returns is only handshaken, inspected and closed (`conn, err := tls.Dial(...)`, or used at once). */
function connectionOnlyInspected(pkg: PackageInfo, dial: CallExpr): boolean {
  const at = valueAt(pkg, dial, false);
  const p = pkg.parentOf(at);
  if (p?.kind === 'SelectorExpr') return inspects(pkg, p);
  let conn: Obj | undefined;
  if (p?.kind === 'AssignStmt' && p.rhs.length === 1 && p.rhs[0] === at) {
    const lhs = unparen(p.lhs[0]!);
    if (lhs.kind === 'Ident' && lhs.name === '_') return true; // the connection is dropped: `_, err = thx.Handshake(...)`
    conn = lhs.kind === 'Ident' ? pkg.objectOf(lhs) : undefined;
  } else if (p?.kind === 'ValueSpec' && p.values.length === 1 && p.values[0] === at) {
    conn = p.names[0] ? pkg.objectOf(p.names[0]) : undefined;
  }
  if (!isLocalVariable(conn)) return false;
  for (const use of usesOf(pkg, conn.func, conn)) {
    const q = pkg.parentOf(use);
    if (q?.kind === 'SelectorExpr' && q.x === use && inspects(pkg, q)) continue;
    // a net.Conn from a tls.Dialer: `conn.(*tls.Conn).ConnectionState()`
    if (q?.kind === 'TypeAssertExpr' && q.x === use && inspects(pkg, pkg.parentOf(q) ?? q)) continue;
    if (q?.kind === 'AssignStmt' && q.lhs.includes(use)) continue; // assigned another dial's connection
    if (q?.kind === 'BinaryExpr' && (q.op === '==' || q.op === '!=') && isNil(pkg, q.x === use ? q.y : q.x)) continue;
    return false;
  }
  return true;
}

/** `conn.M(...)` with M a method that moves no data. */
function inspects(pkg: PackageInfo, sel: Node): boolean {
  if (sel.kind !== 'SelectorExpr' || !INSPECTING.has(sel.sel.name)) return false;
  const call = pkg.parentOf(sel);
  return call?.kind === 'CallExpr' && call.fun === sel;
}
