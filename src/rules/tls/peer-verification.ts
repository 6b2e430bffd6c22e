/**
 * Configs a package hands out with the default check off because it checks
 * peers itself later: a function returns the config, and elsewhere the
 * package installs a verifier (`VerifyPeerCertificate`,
 * `VerifyConnection`) on a config it did not build there (a per-handshake
 * clone, a parameter), or calls `(*x509.Certificate).Verify` next to
 * `ConnectionState()` with a config's `RootCAs` (a chain check after the
 * handshake, against the roots of the config it was handed). Also a
 * config whose own function makes that chain check (in a closure it
 * hands out, say), and a config used where its function checks a
 * certificate against a fingerprint (`sha256.Sum256(cert.Raw)`, or of the
 * public key), or where the callers of the package function that fetches
 * and returns the peer's certificate do.
 */
import type { CallExpr, Expr, FuncDecl, Node } from '../../syntax/ast.js';
import type { ParamFactKind } from '../../semantics/facts.js';
import { walk } from '../../syntax/walk.js';
import { calledName } from '../../semantics/fact-names.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { FuncBodyInfo } from '../../semantics/resolve.js';
import { isExported, isFunctionVariable, type Obj } from '../../semantics/scope.js';
import { packageCallsOf, paramObjects } from '../../semantics/callers.js';
import type { Type } from '../../semantics/types.js';
import { perPackage } from '../../semantics/package-memo.js';
import { isMethodOf } from '../shared/log-sinks.js';
import { bindingOf, declOf, exprText, isNil, isTLSConfig, tlsConfigFieldTarget, tlsConfigFields, valueAt } from './tls-config.js';

const VERIFIERS = ['VerifyPeerCertificate', 'VerifyConnection'];

/**
 * Where the package checks peers itself, when `config` (a tls.Config
 * literal, or the base of an assignment to one of its fields) is returned
 * by its function and the package has such a check; undefined otherwise.
 */
export function laterPeerVerification(pkg: PackageInfo, config: Expr): Node | undefined {
  const fn = pkg.enclosingDecl(config);
  const own = fn && pkg.res.bodies.get(fn);
  return (own && (fingerprintIn(pkg, own) ?? fingerprintInCallers(pkg, fn) ?? chainCheckIn(pkg, fn, own, true)))
    ?? (returned(pkg, config) ? ownPeerVerification(pkg) : undefined);
}

const FINGERPRINT_HASHES = new Set(['crypto/sha256.Sum256', 'crypto/sha1.Sum', 'crypto/sha512.Sum512', 'crypto/sha512.Sum384']);
/** Constructors of the streaming form of those hashes (`h := sha256.New(); h.Write(b); h.Sum(nil)`). */
const FINGERPRINT_HASHERS = new Set(['crypto/sha256.New', 'crypto/sha1.New', 'crypto/sha512.New', 'crypto/sha512.New384']);
/** The fields of an `x509.Certificate` whose hash is a fingerprint: the whole certificate, or its public key (SPKI pinning). */
const FINGERPRINTED_FIELDS = new Set(['Raw', 'RawSubjectPublicKeyInfo']);

/**
 * A certificate checked against a fingerprint in a function (closures
 * included): `sha256.Sum256(cert.Raw)` or of `cert.RawSubjectPublicKeyInfo`
 * (trust bootstrapping: the root fetched over the unverified connection is
 * accepted only if its hash matches, or once a person confirms it).
 */
function fingerprintIn(pkg: PackageInfo, body: FuncBodyInfo): Node | undefined {
  return body.calls.find((c) => pinnedCertificate(pkg, c) !== undefined || fingerprintsArgument(pkg, c));
}

/**
 * The certificate the call pins, if it is such a call: its fingerprint
 * (`cert` of `sha256.Sum256(cert.Raw)`) or its bytes compared with known
 * ones (`bytes.Equal(cert.Raw, pinned)`, `subtle.ConstantTimeCompare`, or
 * `cert.Equal(pinned)`, which compares `Raw`).
 */
function pinnedCertificate(pkg: PackageInfo, c: CallExpr): Expr | undefined {
  const name = calledName(c) ?? '';
  if (name === 'Equal' && c.args.length === 1 && c.fun.kind === 'SelectorExpr') {
    const callee = pkg.calleeOf(c);
    return callee.kind === 'method' && pkg.isNamedType(callee.recv, 'crypto/x509', 'Certificate') ? c.fun.x : undefined;
  }
  const hashed = hashedOperand(pkg, c, (a) => fingerprintedCertificate(pkg, a) !== undefined);
  if (hashed) return fingerprintedCertificate(pkg, hashed);
  const compare = c.args.length === 2 && (name === 'Equal' || name === 'ConstantTimeCompare');
  if (!compare) return undefined;
  const callee = pkg.calleeOf(c);
  if (callee.kind !== 'func' || !RAW_COMPARISONS.has(`${callee.pkg}.${callee.name}`)) return undefined;
  for (const a of c.args) {
    const cert = fingerprintedCertificate(pkg, a);
    if (cert) return cert;
  }
  return undefined;
}

/** `cert` of `cert.Raw` or `cert.RawSubjectPublicKeyInfo` (an `x509.Certificate`): the bytes a fingerprint is taken of. */
function fingerprintedCertificate(pkg: PackageInfo, e: Expr): Expr | undefined {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' && FINGERPRINTED_FIELDS.has(x.sel.name) && pkg.isNamedType(pkg.typeOf(x.x), 'crypto/x509', 'Certificate') ? x.x : undefined;
}

/**
 * What a call hashes with a fingerprint hash, when `wanted` accepts it: `b`
 * of `sha256.Sum256(b)`, of `h.Write(b)` on a local `h := sha256.New()`,
 * or the argument a module function hashes (`digest.Short(b)`, through the
 * fact). `wanted` is asked first, so most calls cost no resolution.
 */
function hashedOperand(pkg: PackageInfo, c: CallExpr, wanted: (arg: Expr) => boolean): Expr | undefined {
  const i = c.args.findIndex(wanted);
  if (i < 0) return undefined;
  const name = calledName(c) ?? '';
  if (c.args.length === 1 && (/^Sum(256|384|512)?$/.test(name) || name === 'Write')) {
    const callee = pkg.calleeOf(c);
    if (callee.kind === 'func' && FINGERPRINT_HASHES.has(`${callee.pkg}.${callee.name}`)) return c.args[0];
    if (name === 'Write' && c.fun.kind === 'SelectorExpr' && isHasher(pkg, unparen(c.fun.x))) return c.args[0];
  }
  if (!pkg.mayCallFactHolder(c, HASHES_PARAM.id)) return undefined;
  const facts = pkg.factsOf(pkg.calleeOf(c));
  return c.args.find((a, j) => j >= i && wanted(a) && facts.hasParam(HASHES_PARAM.id, j));
}

/** A local variable that only ever holds a new fingerprint hash (`h := sha256.New()`). */
function isHasher(pkg: PackageInfo, x: Expr): boolean {
  const v = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (!isFunctionVariable(v)) return false;
  const values = assignedValues(pkg, v);
  return values.length > 0 && values.every((value) => {
    const call = unparen(value);
    if (call.kind !== 'CallExpr') return false;
    const callee = pkg.calleeOf(call);
    return callee.kind === 'func' && FINGERPRINT_HASHERS.has(`${callee.pkg}.${callee.name}`);
  });
}

/** A `[]byte` parameter the function hashes with a fingerprint hash (`func Short(b []byte) string { h := sha256.New(); h.Write(b); ... }`). */
export const HASHES_PARAM: ParamFactKind = {
  id: 'tls/hashes-param',
  level: 'param',
  seedParams: (fn, info, params) => (hasParamOfType(fn, isByteSlice) ? paramsAt(info, fn, params, (i, c) => hashedOperand(i, c, (a) => isParamOf(i, a, params))) : []),
};

/** Whether a parameter's declared type is one `is` accepts (syntax only: a cheap filter before resolving calls). */
function hasParamOfType(fn: FuncDecl, is: (t: Expr) => boolean): boolean {
  return fn.type.params.list.some((f) => f.type !== null && is(unparen(f.type)));
}

const isByteSlice = (t: Expr): boolean => t.kind === 'ArrayType' && t.len === null && t.elt.kind === 'Ident' && (t.elt.name === 'byte' || t.elt.name === 'uint8');
/** `*x509.Certificate` or `x509.Certificate`, however x509 is imported. */
const isCertificate = (t: Expr): boolean => {
  const x = t.kind === 'StarExpr' ? unparen(t.x) : t;
  return x.kind === 'SelectorExpr' && x.sel.name === 'Certificate';
};

function isParamOf(info: PackageInfo, e: Expr, params: ReadonlyMap<Obj, number>): boolean {
  const x = unparen(e);
  const o = x.kind === 'Ident' ? info.objectOf(x) : undefined;
  return o !== undefined && params.has(o);
}

/** The indices of the parameters that `at` finds (as themselves) in some call of the function. */
function paramsAt(info: PackageInfo, fn: FuncDecl, params: ReadonlyMap<Obj, number>, at: (info: PackageInfo, c: CallExpr) => Expr | undefined): number[] {
  const out: number[] = [];
  for (const c of info.res.bodies.get(fn)?.calls ?? []) {
    const x = at(info, c);
    const id = x && unparen(x);
    const o = id?.kind === 'Ident' ? info.objectOf(id) : undefined;
    const i = o && params.get(o);
    if (i !== undefined) out.push(i);
  }
  return out;
}

const RAW_COMPARISONS = new Set(['bytes.Equal', 'crypto/subtle.ConstantTimeCompare']);

/** A call of a module function that fingerprints the certificate it is given (`fingerprintMatches(pinned, cert)`, through the fact). */
function fingerprintsArgument(pkg: PackageInfo, c: CallExpr): boolean {
  if (c.args.length === 0 || !pkg.mayCallFactHolder(c, FINGERPRINTS_PARAM.id)) return false;
  const facts = pkg.factsOf(pkg.calleeOf(c));
  return c.args.some((a, i) => facts.hasParam(FINGERPRINTS_PARAM.id, i) && pkg.isNamedType(pkg.typeOf(a), 'crypto/x509', 'Certificate'));
}

/** A parameter (an `*x509.Certificate`) whose fingerprint the function computes, itself or through the functions it passes it to. */
export const FINGERPRINTS_PARAM: ParamFactKind = {
  id: 'tls/fingerprints-param',
  level: 'param',
  seedParams: (fn, info, params) => (hasParamOfType(fn, isCertificate) ? paramsAt(info, fn, params, pinnedCertificate) : []),
};

/**
 * A fingerprint check in the callers of `fn`, when `fn` is a function of
 * this package only (unexported, not a method) that returns a certificate:
 * it fetches the peer's certificate and its callers decide whether to
 * trust it.
 */
function fingerprintInCallers(pkg: PackageInfo, fn: FuncDecl): Node | undefined {
  if (fn.recv || isExported(fn.name.name) || !returnsCertificate(pkg, fn)) return undefined;
  const callers = new Set<FuncDecl>();
  for (const call of packageCallsOf(pkg, fn) ?? []) {
    const caller = pkg.enclosingDecl(call);
    if (caller && caller !== fn) callers.add(caller);
  }
  for (const caller of callers) {
    const body = pkg.res.bodies.get(caller);
    const site = body && fingerprintIn(pkg, body);
    if (site) return site;
  }
  return undefined;
}

/** Whether a function's results include an `x509.Certificate` (or a pointer or slice of them). */
function returnsCertificate(pkg: PackageInfo, fn: FuncDecl): boolean {
  return (fn.type.results?.list ?? []).some((f) => {
    if (!f.type) return false;
    let t = pkg.typeOf(f.type);
    for (let i = 0; i < 2 && (t.kind === 'pointer' || t.kind === 'slice'); i++) t = t.elem;
    return pkg.isNamedType(t, 'crypto/x509', 'Certificate');
  });
}

/** The config leaves its function as a result: `return &tls.Config{...}`, or `cfg := ...; return cfg`. */
function returned(pkg: PackageInfo, config: Expr): boolean {
  const value = valueAt(pkg, config, true);
  if (pkg.parentOf(value)?.kind === 'ReturnStmt') return true;
  const name = config.kind === 'Ident' ? config : bindingOf(pkg, value)?.name;
  const v = name ? pkg.objectOf(name) : undefined;
  if (v?.kind !== 'var' || v.isPackageLevel || v.isField || !v.func) return false;
  return usesOf(pkg, v.func, v).some((u) => pkg.parentOf(valueAt(pkg, u, true))?.kind === 'ReturnStmt');
}

/** The first place (in source order of the package's files) where the package checks peers itself, if any. */
const ownPeerVerification = perPackage(find);

function find(pkg: PackageInfo): Node | undefined {
  for (const flow of pkg.res.valueFlows) {
    if (flow.kind !== 'AssignStmt') continue;
    for (let i = 0; i < flow.lhs.length; i++) {
      const target = VERIFIERS.map((f) => tlsConfigFieldTarget(pkg, flow.lhs[i]!, f)).find((t) => t !== null);
      if (!target) continue;
      const rhs = flow.lhs.length === flow.rhs.length ? flow.rhs[i]! : flow.rhs[0]!;
      if (!isNil(pkg, rhs) && !builtHere(pkg, target.x)) return flow;
    }
  }
  for (const [fn, body] of pkg.res.bodies) {
    const verify = chainCheckIn(pkg, fn, body, false);
    if (verify) return verify;
  }
  return undefined;
}

/**
 * A chain check after the handshake in a function (closures included):
 * `(*x509.Certificate).Verify` next to `ConnectionState()`, against the
 * roots of a config the function was handed (`cfg.RootCAs`), itself or
 * through a package function that makes such a check with the roots it is
 * passed (`verifyChain(name, conn, cfg.RootCAs)`). With `ownConfig` (the
 * function builds the config in question), also against the very value it
 * installs as the config's `RootCAs` (`RootCAs: d.rootCAs` ... `Roots:
 * d.rootCAs`, or `verifyChain(name, conn, d.rootCAs)`): elsewhere, such a
 * check says nothing about other configs.
 */
function chainCheckIn(pkg: PackageInfo, fn: FuncDecl, body: FuncBodyInfo, ownConfig: boolean): Node | undefined {
  const installed = (): ReadonlySet<string> => (ownConfig ? rootsIn(pkg, fn).installed : NO_ROOTS);
  if (makesChainCheck(pkg, body)) {
    const roots = rootsIn(pkg, fn);
    if (roots.readsConfigRoots || roots.verified.some((r) => installed().has(textOf(pkg, r)))) return body.calls.find((c) => isCertificateVerify(pkg, c));
  }
  const checkers = rootsCheckers(pkg);
  if (checkers.size === 0) return undefined;
  return body.calls.find((c) => {
    const d = declOf(pkg, c.fun);
    const i = d && d !== fn ? checkers.get(d) : undefined;
    const arg = i === undefined ? undefined : c.args[i];
    return arg !== undefined && (isConfigRoots(pkg, arg) || installed().has(textOf(pkg, arg)));
  });
}

const NO_ROOTS: ReadonlySet<string> = new Set();

/** `(*x509.Certificate).Verify` next to `ConnectionState()`: the chain check crypto/tls would make, made after the handshake. */
function makesChainCheck(pkg: PackageInfo, body: FuncBodyInfo): boolean {
  return body.calls.some((c) => isCertificateVerify(pkg, c)) && body.calls.some((c) => calledName(c) === 'ConnectionState');
}

function isCertificateVerify(pkg: PackageInfo, c: CallExpr): boolean {
  return calledName(c) === 'Verify' && isMethodOf(pkg.calleeOf(c), 'crypto/x509', 'Certificate', 'Verify');
}

/** `cfg.RootCAs` of a tls.Config. */
function isConfigRoots(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' && x.sel.name === 'RootCAs' && isTLSConfig(pkg, x.x);
}

function textOf(pkg: PackageInfo, n: Node): string {
  const f = pkg.fileOf(n);
  return f ? exprText(f.source, n) : '';
}

/** What a function does with certificate pools, found in one walk. */
interface Roots {
  /** It reads the `RootCAs` of a tls.Config: a chain check against the roots of the config it was handed. */
  readonly readsConfigRoots: boolean;
  /** The texts of the values it installs as a config's `RootCAs` (`RootCAs: d.rootCAs`, `cfg.RootCAs = pool`). */
  readonly installed: ReadonlySet<string>;
  /** The `Roots` it gives `x509.VerifyOptions`: literal keys and assignments (`opts.Roots = pool`). */
  readonly verified: readonly Expr[];
}

const rootsMemo = new WeakMap<FuncDecl, Roots>();

function rootsIn(pkg: PackageInfo, fn: FuncDecl): Roots {
  const known = rootsMemo.get(fn);
  if (known) return known;
  let readsConfigRoots = false;
  const installed = new Set<string>();
  const verified: Expr[] = [];
  walk(fn, {
    enter(n) {
      if (n.kind === 'SelectorExpr') readsConfigRoots ||= isConfigRoots(pkg, n);
      else if (n.kind === 'CompositeLit') {
        const kv = tlsConfigFields(pkg, n)?.get('RootCAs');
        if (kv && !isNil(pkg, kv.value)) installed.add(textOf(pkg, kv.value));
        else if (isVerifyOptionsType(pkg, pkg.typeOf(n))) {
          for (const e of n.elts) if (e.kind === 'KeyValueExpr' && e.key.kind === 'Ident' && e.key.name === 'Roots') verified.push(e.value);
        }
      } else if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
        n.lhs.forEach((l, i) => {
          const x = unparen(l);
          if (tlsConfigFieldTarget(pkg, l, 'RootCAs')) installed.add(textOf(pkg, n.rhs[i]!));
          else if (x.kind === 'SelectorExpr' && x.sel.name === 'Roots' && isVerifyOptionsType(pkg, pkg.typeOf(x.x))) verified.push(n.rhs[i]!);
        });
      }
    },
  });
  const roots = { readsConfigRoots, installed, verified };
  rootsMemo.set(fn, roots);
  return roots;
}

function isVerifyOptionsType(pkg: PackageInfo, t: Type): boolean {
  const n = pkg.namedOf(t);
  return n?.pkg === 'crypto/x509' && n.name === 'VerifyOptions';
}

/**
 * The package's functions that check a peer chain with roots they are
 * passed: `Verify` next to `ConnectionState()`, with `Roots` a parameter;
 * by function, the index of that parameter.
 */
const rootsCheckers = perPackage((pkg): ReadonlyMap<FuncDecl, number> => {
  const out = new Map<FuncDecl, number>();
  for (const [fn, body] of pkg.res.bodies) {
    if (fn.kind !== 'FuncDecl' || !makesChainCheck(pkg, body)) continue;
    const params = paramObjects(pkg, fn);
    for (const r of rootsIn(pkg, fn).verified) {
      const x = unparen(r);
      const i = x.kind === 'Ident' ? params.indexOf(pkg.objectOf(x)) : -1;
      if (i >= 0) {
        out.set(fn, i);
        break;
      }
    }
  }
  return out;
});

/** Whether the config a verifier is assigned to is a local variable only ever set to a tls.Config literal (a config built and checked in one place). */
function builtHere(pkg: PackageInfo, base: Expr): boolean {
  const x = unparen(base);
  const v = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (!isFunctionVariable(v)) return false;
  const values = assignedValues(pkg, v);
  return values.length > 0 && values.every((e) => {
    let u = unparen(e);
    if (u.kind === 'UnaryExpr' && u.op === '&') u = unparen(u.x);
    return u.kind === 'CompositeLit' && isTLSConfig(pkg, u);
  });
}
