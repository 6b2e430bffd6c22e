/**
 * Connections a TLS config makes to this machine: the call that dials with
 * the config also takes an address on this machine, such as one of the
 * process's own listeners (`ln.Addr().String()`), a loopback host
 * (`fmt.Sprintf("127.0.0.1:%d", port)`) or an address the package listens
 * on itself (`net.Listen("tcp", addr)`): a gateway in front of its own
 * gRPC server (`RegisterXHandlerFromEndpoint(ctx, mux, grpcAddr, opts)`).
 * A config in a local `http.Transport` of a local `http.Client` dials with
 * each request the client sends (`c.Get("https://localhost:10259/metrics")`,
 * `c.Do(req)` of a request built for such a URL).
 */
import type { AssignStmt, BinaryExpr, CallExpr, Expr, FuncDecl, Node, SelectorExpr } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { packageCallsOf, paramObjects } from '../../semantics/callers.js';
import { calledName } from '../../semantics/fact-names.js';
import { assignedValues } from '../../semantics/flow.js';
import { sumOperands, unparen } from '../../syntax/ast.js';
import { perPackage } from '../../semantics/package-memo.js';
import { deref } from '../../semantics/types.js';
import { constString } from '../shared/log-sinks.js';
import { bindingOf, exprText, isLocalVariable, shortText, valueAt, valueUses } from './tls-config.js';

/** Calls that wrap a config on its way to a dial: gRPC transport credentials and the dial option that carries them. */
const WRAPPERS = new Set(['NewTLS', 'NewClientTLSFromCert', 'WithTransportCredentials']);
/** How many variables a config may pass through (`cfg`, `creds`, `opts`, `transport`, `client`) before the dial. */
const MAX_HOPS = 4;

/** The net/http field that carries a TLS config towards a client's requests, by name: the type it is a field of. */
const HTTP_CARRIERS: ReadonlyMap<string, string> = new Map([['TLSClientConfig', 'Transport'], ['Transport', 'Client']]);
/** `http.Client` methods that send a request: the URL, or the request built for it, is among their arguments. */
const CLIENT_REQUESTS = new Set(['Get', 'Head', 'Post', 'PostForm', 'Do']);
/** `http.Client` methods that send nothing. */
const CLIENT_QUIET = new Set(['CloseIdleConnections']);

/**
 * The address (shortened source text) when every call that dials with the
 * config at `config` (the literal, or the variable a field of it is set on)
 * also takes an address on this machine; undefined otherwise, or when no
 * such call is found.
 */
export function localDial(pkg: PackageInfo, source: string, config: Expr): string | undefined {
  const dials: CallExpr[] = [];
  const reached = config.kind === 'Ident' ? followVariable(pkg, pkg.objectOf(config), dials, 1) : collectDials(pkg, config, dials, 0);
  if (!reached) return undefined;
  let address: Expr | undefined;
  for (const dial of dials) {
    let local: Expr | undefined;
    for (const a of dial.args) if ((local = localAddress(pkg, a))) break;
    if (!local) return undefined;
    address ??= local;
  }
  return address && shortText(source, address, 50);
}

/**
 * Adds to `dials` the calls the value at `at` reaches as an argument:
 * through the wrappers, `append`, slice literals and local variables.
 * False when the value also goes anywhere else (a field, a return, another
 * function's closure), so nothing can be said of every connection.
 */
function collectDials(pkg: PackageInfo, at: Node, dials: CallExpr[], hops: number): boolean {
  const value = valueAt(pkg, at, true);
  const p = pkg.parentOf(value);
  if (p?.kind === 'CallExpr' && p.fun !== value) {
    const name = calledName(p) ?? '';
    if (name === 'append' || WRAPPERS.has(name)) return collectDials(pkg, p, dials, hops);
    dials.push(p);
    return true;
  }
  if (p?.kind === 'CompositeLit') return collectDials(pkg, p, dials, hops); // []grpc.DialOption{grpc.WithTransportCredentials(...)}
  if (p?.kind === 'KeyValueExpr' && p.value === value) {
    // &http.Transport{TLSClientConfig: cfg}, &http.Client{Transport: t}
    const lit = pkg.parentOf(p);
    return lit?.kind === 'CompositeLit' && p.key.kind === 'Ident' && isHttpType(pkg, lit, HTTP_CARRIERS.get(p.key.name)) && collectDials(pkg, lit, dials, hops);
  }
  if (p?.kind === 'SelectorExpr' && p.x === value) return clientRequest(pkg, p, dials);
  const carrier = p?.kind === 'AssignStmt' ? carrierAssigned(pkg, p, value) : undefined;
  if (carrier) return hops < MAX_HOPS && followVariable(pkg, carrier, dials, hops + 1);
  const binding = bindingOf(pkg, value);
  if (!binding || hops >= MAX_HOPS) return false;
  return followVariable(pkg, pkg.objectOf(binding.name), dials, hops + 1);
}

/**
 * Every use of a local variable as a value leads to a dial; the values it
 * is set to (`opts = append(opts, ...)`) are followed from their side.
 */
function followVariable(pkg: PackageInfo, v: Obj | undefined, dials: CallExpr[], hops: number): boolean {
  if (!isLocalVariable(v)) return false;
  const before = dials.length;
  for (const use of valueUses(pkg, v)) {
    const p = pkg.parentOf(use);
    if (p?.kind === 'ValueSpec' && p.names.includes(use)) continue;
    if (p?.kind === 'CallExpr' && calledName(p) === 'append' && p.args[0] === use) continue; // the slice it is appended to
    if (!collectDials(pkg, use, dials, hops)) return false;
  }
  return dials.length > before;
}

/** `c.Get(url)` and the like on an `http.Client`: the call sends a request (added to `dials`); false for anything else done with the client. */
function clientRequest(pkg: PackageInfo, sel: SelectorExpr, dials: CallExpr[]): boolean {
  if (!isHttpType(pkg, sel.x, 'Client')) return false;
  if (CLIENT_QUIET.has(sel.sel.name)) return true;
  const call = pkg.parentOf(sel);
  if (call?.kind !== 'CallExpr' || call.fun !== sel || !CLIENT_REQUESTS.has(sel.sel.name)) return false;
  dials.push(call);
  return true;
}

/** The local transport or client whose carrier field the assignment sets to `value`: `transport.TLSClientConfig = cfg`. */
function carrierAssigned(pkg: PackageInfo, assign: AssignStmt, value: Node): Obj | undefined {
  if (assign.lhs.length !== assign.rhs.length) return undefined;
  const target = assign.lhs[assign.rhs.indexOf(value as Expr)];
  if (target?.kind !== 'SelectorExpr' || target.x.kind !== 'Ident' || !isHttpType(pkg, target.x, HTTP_CARRIERS.get(target.sel.name))) return undefined;
  return pkg.objectOf(target.x);
}

/** Whether `e` is a `net/http` value (or pointer) of the type named `name`. */
function isHttpType(pkg: PackageInfo, e: Expr, name: string | undefined): boolean {
  return name !== undefined && pkg.isNamedType(pkg.typeOf(e), 'net/http', name);
}

/** The address on this machine that `arg` is (or, for a local set only to such addresses, the first of them). */
function localAddress(pkg: PackageInfo, arg: Expr, hops = 0): Expr | undefined {
  const e = unparen(arg);
  if (e.kind !== 'Ident' || isListenedAddress(pkg, e)) return localAddressValue(pkg, e, hops);
  const o = pkg.objectOf(e);
  if (o?.kind === 'var' && o.isParam) return hops < MAX_HOPS ? passedAddress(pkg, o, hops + 1) : undefined;
  const values = o && o.kind === 'var' && !o.isField ? assignedValues(pkg, o) : [];
  const addresses = values.map((v) => localAddressValue(pkg, unparen(v), hops));
  return addresses.length > 0 && addresses.every((a) => a !== undefined) ? addresses[0] : undefined;
}

/** The address on this machine that a value is, or that the request it builds is for (`http.NewRequest("GET", url, nil)`: the URL). */
function localAddressValue(pkg: PackageInfo, e: Expr, hops: number): Expr | undefined {
  if (isListenerAddressCall(pkg, e) || isLoopbackAddress(pkg, e) || isListenedAddress(pkg, e)) return e;
  if (e.kind === 'BinaryExpr') return isLocalUrlConcatenation(pkg, e, hops) ? e : undefined;
  if (e.kind !== 'CallExpr') return undefined;
  const c = pkg.calleeOf(e);
  const at = c.kind === 'func' ? REQUEST_URL.get(c.key) : undefined;
  const url = at === undefined ? undefined : e.args[at];
  return url && localAddress(pkg, url, hops);
}

/**
 * For a parameter of an unexported function (any function in package
 * main), whose callers are all in the package: the address every call
 * passes for it, when each passes one on this machine.
 */
function passedAddress(pkg: PackageInfo, param: Obj, hops: number): Expr | undefined {
  const fn = param.func;
  const calls = fn?.kind === 'FuncDecl' ? packageCallsOf(pkg, fn) : undefined;
  const i = calls ? paramObjects(pkg, fn as FuncDecl).indexOf(param) : -1;
  if (!calls || i < 0) return undefined;
  let first: Expr | undefined;
  for (const call of calls) {
    const a = call.args[i];
    const local = a && localAddress(pkg, a, hops);
    if (!local) return undefined;
    first ??= local;
  }
  return first;
}

/**
 * A URL built by concatenation whose host is on this machine: `"https://" +
 * listen + "/healthz"`, `"https://127.0.0.1:" + port`, and a scheme chosen
 * at run time in front of a loopback host, `scheme + "://localhost:9000/health"`.
 */
function isLocalUrlConcatenation(pkg: PackageInfo, e: BinaryExpr, hops: number): boolean {
  const parts = sumOperands(e);
  if (parts.length < 2) return false;
  const afterScheme = constString(pkg, parts[1]!);
  if (afterScheme !== undefined && LOOPBACK_AFTER_SCHEME.test(afterScheme)) return true;
  const scheme = constString(pkg, parts[0]!);
  if (scheme === undefined) return false;
  if (LOOPBACK_ADDRESS.test(scheme)) return true;
  return URL_SCHEME.test(scheme) && localAddress(pkg, parts[1]!, hops) !== undefined;
}

const URL_SCHEME = /^(?:https?|wss?):\/\/$/;
const LOOPBACK_AFTER_SCHEME = /^:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?:[:/?#]|$)/;

/** The index of the URL argument of net/http's request constructors. */
const REQUEST_URL: ReadonlyMap<string, number> = new Map([['net/http.NewRequest', 1], ['net/http.NewRequestWithContext', 2]]);

/** `ln.Addr().String()` of a `net.Listener`. */
function isListenerAddressCall(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'CallExpr' || e.args.length > 0) return false;
  const f = unparen(e.fun);
  if (f.kind !== 'SelectorExpr' || f.sel.name !== 'String') return false;
  const addr = unparen(f.x);
  if (addr.kind !== 'CallExpr') return false;
  const c = pkg.calleeOf(addr);
  if (c.kind !== 'method' || c.pkg !== 'net' || c.name !== 'Addr') return false;
  const recv = deref(c.recv);
  return recv.kind === 'named' && /Listener$/.test(recv.name);
}

/**
 * A loopback host and port, or a URL of a loopback host: `"127.0.0.1:8080"`,
 * `fmt.Sprintf("localhost:%d", port)`, `net.JoinHostPort("::1", port)`,
 * `"https://localhost:10259/metrics"`.
 */
function isLoopbackAddress(pkg: PackageInfo, e: Expr): boolean {
  const text = constString(pkg, e);
  if (text !== undefined) return LOOPBACK_ADDRESS.test(text);
  if (e.kind !== 'CallExpr' || e.args.length === 0) return false;
  const c = pkg.calleeOf(e);
  if (c.kind !== 'func') return false;
  const first = constString(pkg, e.args[0]!);
  if (first === undefined) return false;
  if (c.pkg === 'fmt' && c.name === 'Sprintf') return LOOPBACK_ADDRESS.test(first);
  return c.pkg === 'net' && c.name === 'JoinHostPort' && LOOPBACK_HOSTS.has(first);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const LOOPBACK_ADDRESS = /^(?:(?:127\.0\.0\.1|localhost|\[::1\]):|(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?:[:/?#]|$))/;

/** Functions that listen on their address argument (its index). */
const LISTENS: ReadonlyMap<string, number> = new Map([
  ['net.Listen', 1], ['crypto/tls.Listen', 1], ['(net.ListenConfig).Listen', 2], ['net/http.ListenAndServe', 0], ['net/http.ListenAndServeTLS', 0],
]);

/**
 * Per package, every address it listens on (not a loopback one): the
 * source text of expressions, and the variables passed as such. An
 * `http.Server{Addr: a}` literal counts: a server is built to listen.
 */
const listenedAddresses = perPackage((pkg): { texts: ReadonlySet<string>; vars: ReadonlySet<Obj> } => {
  const texts = new Set<string>();
  const vars = new Set<Obj>();
  const add = (arg: Expr, viaParam = false): void => {
    const e = unparen(arg);
    const file = pkg.fileOf(e);
    if (!file || isLoopbackAddress(pkg, e)) return;
    const o = e.kind === 'Ident' ? pkg.objectOf(e) : undefined;
    if (o?.kind === 'var') {
      vars.add(o);
      // the parameter of a package function that listens on it: `n.open(n.cfg.RPCAddr)` for `func (n *node) open(where string)`
      if (o.isParam && !viaParam && o.func?.kind === 'FuncDecl') {
        const i = paramObjects(pkg, o.func).indexOf(o);
        for (const call of packageCallsOf(pkg, o.func) ?? []) if (i >= 0 && call.args[i]) add(call.args[i]!, true);
      }
    } else if (e.kind !== 'Ident') texts.add(exprText(file.source, e));
  };
  for (const body of pkg.res.bodies.values()) {
    for (const call of body.calls) {
      const c = pkg.calleeOf(call);
      const at = c.kind === 'func' || c.kind === 'method' ? LISTENS.get(pkg.calleeKey(c) ?? '') : undefined;
      const arg = at === undefined ? undefined : call.args[at];
      if (arg) add(arg);
    }
  }
  for (const [key, { lit }] of pkg.res.pendingKeys) {
    if (key.name !== 'Addr' || !pkg.isNamedType(pkg.typeOf(lit), 'net/http', 'Server')) continue;
    const kv = pkg.parentOf(key);
    if (kv?.kind === 'KeyValueExpr' && kv.key === key) add(kv.value);
  }
  return { texts, vars };
});

/**
 * An address the package listens on: the same variable (`srv := &http.Server{Addr: listen}`
 * then `"https://" + listen + "/healthz"`), or the same expression by its text
 * (`net.Listen("tcp", fmt.Sprintf("%v:%d", c.Address, c.Port))`).
 */
function isListenedAddress(pkg: PackageInfo, e: Expr): boolean {
  const { texts, vars } = listenedAddresses(pkg);
  if (e.kind === 'Ident') {
    const o = pkg.objectOf(e);
    return o !== undefined && vars.has(o);
  }
  const file = pkg.fileOf(e);
  return texts.size > 0 && file !== undefined && texts.has(exprText(file.source, e));
}
