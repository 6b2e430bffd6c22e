import type * as ast from '../../syntax/ast.js';
import type { Expr, Node } from '../../syntax/ast.js';
import { forEachChild, walk } from '../../syntax/walk.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { assignedValues, namedObject, usesOf } from '../../semantics/flow.js';
import { unparen, withoutAddress } from '../../syntax/ast.js';
import { startOfLiteral, startOfStatement } from '../../semantics/goroutines.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { FuncNode } from '../../semantics/resolve.js';
import type { Obj } from '../../semantics/scope.js';
import { deref } from '../../semantics/types.js';
import { calleeName, declOf, fieldWrites, installationAt, installations, isNil, isTLSConfig, shortText, type Installation } from './tls-config.js';

/** tls.Config callbacks that crypto/tls runs during handshakes, concurrently. */
const HANDSHAKE_CALLBACKS = new Set(['GetCertificate', 'GetClientCertificate', 'GetConfigForClient', 'VerifyConnection', 'VerifyPeerCertificate']);

type Context =
  | { readonly kind: 'handler' | 'goroutine'; readonly fn: FuncNode }
  | { readonly kind: 'callback'; readonly fn: FuncNode; readonly callback: string };

interface Write {
  readonly node: Node;
  /** The config expression written through (`p.tlsConf`, `cfg`). */
  readonly target: Expr;
  /** The field written, or a description (`NameToCertificate entries`). */
  readonly field: string;
}

export default defineRule({
  meta: {
    id: 'tls/shared-config-mutation',
    title: 'Do not modify a TLS config that servers or clients are using',
    severity: 'high',
    precision: 'high',
    cwe: [362, 366],
    tags: ['security', 'tls', 'concurrency'],
    since: '0.1.0',
    messages: {
      concurrent: '{written} is written in {context}, but {target} is a shared tls.Config ({why}){installed}: {concurrency}, and connections read the config during handshakes while this code writes it, which is a data race on your TLS settings. Clone instead of mutating (c := {target}.Clone(); {change}) and publish the new config atomically (an atomic.Pointer[tls.Config] read from GetConfigForClient or GetClientCertificate), or build a new client or server with it.',
      afterUse: '{written} is modified after {target} was put to use ({installer}): crypto/tls requires that a Config not be modified once it has been passed to a TLS function, because connections may be reading it concurrently. Set every field before that point, or hand over {target}.Clone() and keep the original for later changes.',
    },
    docs: {
      finds: 'Writes to a `crypto/tls.Config` — a field assignment, `append` to `Certificates`, a write to `NameToCertificate` or an element of a slice field, `BuildNameToCertificate()`, `*cfg = ...` — when the config is shared and the write runs concurrently with its users: inside an HTTP handler (`func(http.ResponseWriter, *http.Request)`, methods included), a goroutine (`go func(){...}()`, `errgroup.Group.Go`, `sync.WaitGroup.Go`, `time.AfterFunc`), or a handshake callback (`GetConfigForClient`, `GetCertificate`, `VerifyConnection`...), on a config reachable from a package-level variable, the handler\'s receiver, a variable captured from the enclosing function, or a local alias of one of those. Also writes, in the same function, after the config was passed to `tls.Listen` or `tls.NewListener`, or after it was installed (an `http.Server`, an `http.Transport`, `tls.Dial`...) and a goroutine was started. The message names where the config is installed (`http.Server.TLSConfig`, `http.Transport.TLSClientConfig`, ...) when it can.',
      why: 'A `tls.Config` in use is read by every handshake, on many goroutines, without any lock you could take: `http.Transport` clones `TLSClientConfig` for each new connection, servers read `Certificates`, `GetCertificate` and `ClientCAs` on each handshake. Writing a field meanwhile is a data race (torn slices, a `RootCAs` swapped in the middle of a verification), and the crypto/tls documentation forbids modifying a Config after it has been passed to a TLS function. The usual intent — rotating certificates or CA bundles at run time — needs a new config, not an edited one.',
      fix: 'Treat a config in use as immutable. Build a new one with `cfg.Clone()` and set the fields on the clone; publish it with an `atomic.Pointer[tls.Config]` that `GetConfigForClient` (servers) or `GetClientCertificate`/a fresh `http.Transport` (clients) reads. For certificates alone, serve them from `GetCertificate` backed by an atomic cache.',
      bad: `package gateway

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

type upstream struct {
	tlsConf *tls.Config
	client  *http.Client
}

func newUpstream() *upstream {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	return &upstream{tlsConf: conf, client: &http.Client{Transport: &http.Transport{TLSClientConfig: conf}}}
}

func (u *upstream) rotateCA(w http.ResponseWriter, r *http.Request) {
	pool := x509.NewCertPool()
	u.tlsConf.RootCAs = pool
	w.WriteHeader(http.StatusNoContent)
}
`,
      good: `package gateway

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"sync/atomic"
)

type upstream struct {
	client atomic.Pointer[http.Client]
}

func (u *upstream) rotateCA(w http.ResponseWriter, r *http.Request) {
	pool := x509.NewCertPool()
	conf := &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool}
	u.client.Store(&http.Client{Transport: &http.Transport{TLSClientConfig: conf}})
	w.WriteHeader(http.StatusNoContent)
}
`,
      limits: 'A config captured by its own handshake callback is not shared when it was made for one connection — a literal, a `Clone()`, or what a function of the package returns that way — and the function only sets its fields and hands it to one `tls.Server` or `tls.Client` outside a loop. A local config written inside a goroutine counts as shared when the starting function uses it after the goroutine starts, installs it (in a server, a transport, `tls.Listen`...) before or after, starts the goroutine in a loop, or took it from long-lived state. Writes in functions that are only called from handlers or goroutines (not themselves handlers, goroutine literals or callbacks) are not seen, nor goroutines started from named functions (`go s.loop()`). A config obtained from a function call is treated as fresh. A write under a lock is still reported when the config is installed where crypto/tls reads it, since crypto/tls does not take your lock; it is not reported when the config is not known to be installed.',
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  create(ctx) {
    const { pkg, file } = ctx;

    const check = (w: Write) => {
      const context = contextOf(pkg, w.node);
      if (context) {
        const shared = sharedVia(pkg, w.target, context, 0);
        if (!shared) return;
        const inst = installationOf(pkg, w.target);
        if (!inst && lockHeld(pkg, w.node)) return;
        const target = shortText(file.source, w.target, 40);
        const related: RelatedReport[] = [];
        if (inst) {
          const f = pkg.fileOf(inst.node);
          related.push({ range: inst.node, ...(f && f !== file && { file: f }), message: `the config is installed in ${inst.what} here` });
        }
        ctx.report({
          range: w.node,
          messageId: 'concurrent',
          data: {
            target, written: written(target, w.field), change: w.field === '*' ? 'change c' : `c.${w.field} = …`, why: shared,
            context: context.kind === 'callback' ? `a ${context.callback} callback` : context.kind === 'handler' ? 'an HTTP handler' : 'a goroutine',
            installed: inst ? `, installed in ${inst.what}` : '',
            concurrency: context.kind === 'handler' ? 'requests are served concurrently' : context.kind === 'goroutine' ? 'the goroutine runs concurrently with the code that shares the config' : 'crypto/tls runs the callback concurrently, once per handshake',
          },
          related,
        });
        return;
      }
      const after = passedBefore(pkg, w);
      if (after) {
        ctx.report({
          range: w.node,
          messageId: 'afterUse',
          severity: 'medium',
          data: { target: shortText(file.source, w.target, 40), written: written(shortText(file.source, w.target, 40), w.field), installer: after.what },
          related: [{ range: after.node, message: `${shortText(file.source, w.target, 40)} is put to use here` }],
        });
      }
    };

    return {
      AssignStmt(assign) {
        if (assign.tok === ':=') return;
        for (const lhs of assign.lhs) {
          const w = writeOf(pkg, assign, lhs);
          if (w) check(w);
        }
      },
      IncDecStmt(s) {
        const w = writeOf(pkg, s, s.x);
        if (w) check(w);
      },
      CallExpr(call) {
        const fun = unparen(call.fun);
        if (fun.kind === 'SelectorExpr' && fun.sel.name === 'BuildNameToCertificate' && calleeName(pkg, call) === '(crypto/tls.Config).BuildNameToCertificate') {
          check({ node: call, target: fun.x, field: 'NameToCertificate' });
        }
      },
    };
  },
});

function written(target: string, field: string): string {
  return field === '*' ? `*${target}` : `${target}.${field}`;
}

/** The config write an assignment's left side makes, if any. */
function writeOf(pkg: PackageInfo, node: Node, lhs: Expr): Write | undefined {
  const x = unparen(lhs);
  // cfg.NameToCertificate[name] = c, cfg.Certificates[0] = c
  if (x.kind === 'IndexExpr') {
    const inner = unparen(x.x);
    if (inner.kind === 'SelectorExpr' && isTLSConfig(pkg, inner.x) && pkg.objectOf(inner.sel)?.isField) return { node, target: inner.x, field: inner.sel.name };
    return undefined;
  }
  if (x.kind === 'StarExpr' && pkg.isNamedType(pkg.typeOf(x.x), 'crypto/tls', 'Config') && deref(pkg.typeOf(x.x)) !== pkg.typeOf(x.x)) {
    return { node, target: x.x, field: '*' };
  }
  if (x.kind !== 'SelectorExpr') return undefined;
  // cfg.Field = v (a nested struct field, cfg.Field.X, is not a config write)
  if (!isTLSConfig(pkg, x.x) || !pkg.objectOf(x.sel)?.isField) return undefined;
  return { node, target: x.x, field: x.sel.name };
}

/** The innermost concurrent context of a node: HTTP handler, goroutine literal, or handshake callback literal. */
function contextOf(pkg: PackageInfo, node: Node): Context | undefined {
  for (let fn = pkg.enclosingFunc(node); fn; fn = pkg.enclosingFunc(fn)) {
    if (fn.kind === 'FuncLit') {
      if (startOfLiteral(pkg, fn) !== null) return { kind: 'goroutine', fn };
      if (isAfterFuncLiteral(pkg, fn)) return { kind: 'goroutine', fn };
      const cb = callbackOf(pkg, fn);
      if (cb) return { kind: 'callback', fn, callback: cb };
    }
    if (isHandler(pkg, fn)) return { kind: 'handler', fn };
  }
  return undefined;
}

/** `time.AfterFunc(d, func() {...})`. */
function isAfterFuncLiteral(pkg: PackageInfo, lit: ast.FuncLit): boolean {
  const call = pkg.parentOf(lit);
  return call?.kind === 'CallExpr' && call.args[1] === lit && calleeName(pkg, call) === 'time.AfterFunc';
}

/** The tls.Config callback field a function literal is installed as, if any. */
function callbackOf(pkg: PackageInfo, lit: ast.FuncLit): string | undefined {
  const p = pkg.parentOf(lit);
  if (p?.kind === 'KeyValueExpr' && p.value === lit && p.key.kind === 'Ident' && HANDSHAKE_CALLBACKS.has(p.key.name)) {
    const cl = pkg.parentOf(p);
    return cl?.kind === 'CompositeLit' && isTLSConfig(pkg, cl) ? p.key.name : undefined;
  }
  if (p?.kind === 'AssignStmt' && p.lhs.length === p.rhs.length) {
    const l = unparen(p.lhs[p.rhs.indexOf(lit)] ?? p.lhs[0]!);
    if (l.kind === 'SelectorExpr' && HANDSHAKE_CALLBACKS.has(l.sel.name) && isTLSConfig(pkg, l.x)) return l.sel.name;
  }
  return undefined;
}

/** `func(http.ResponseWriter, *http.Request)`, as a function, method or literal. */
function isHandler(pkg: PackageInfo, fn: FuncNode): boolean {
  const params = fn.type.params.list.flatMap((f) => (f.names.length === 0 ? [f.type] : f.names.map(() => f.type)));
  if (params.length !== 2 || !params[0] || !params[1]) return false;
  const w = pkg.typeOf(params[0]);
  const r = pkg.typeOf(params[1]);
  return w.kind === 'named' && w.pkg === 'net/http' && w.name === 'ResponseWriter' && r.kind === 'pointer' && pkg.isNamedType(r, 'net/http', 'Request');
}

/**
 * Why a config expression is shared with code running concurrently to the
 * context, or undefined when it is local to it (fresh, cloned, unknown).
 */
function sharedVia(pkg: PackageInfo, e: Expr, context: Context, depth: number): string | undefined {
  const x = unparen(e);
  if (depth > 6) return undefined;
  switch (x.kind) {
    case 'SelectorExpr': {
      const o = pkg.objectOf(x.sel);
      if (o?.kind === 'var' && o.isPackageLevel && !o.isField) return `${x.sel.name} is a package-level variable`;
      return o?.isField ? sharedVia(pkg, x.x, context, depth + 1) : undefined;
    }
    case 'IndexExpr':
    case 'StarExpr':
    case 'TypeAssertExpr':
      return sharedVia(pkg, x.x, context, depth + 1);
    case 'Ident': {
      const o = pkg.objectOf(x);
      return o?.kind === 'var' ? sharedVar(pkg, o, context, depth) : undefined;
    }
    default:
      return undefined;
  }
}

function sharedVar(pkg: PackageInfo, o: Obj, context: Context, depth: number): string | undefined {
  const fn = context.fn;
  if (o.isPackageLevel) return `${o.name} is a package-level variable`;
  const outside = !o.decl || o.decl.start < fn.start || o.decl.start >= fn.end;
  if (outside) {
    if (context.kind === 'callback' && perConnectionConfig(pkg, o, fn)) return undefined;
    if (context.kind !== 'goroutine') return `${o.name} is captured from the enclosing function`;
    return goroutineShares(pkg, o, context.fn) ? `${o.name} is shared between the goroutine and the code that starts it` : undefined;
  }
  if (o.isRecv) return `${o.name} is the receiver, which outlives the request`;
  if (o.isParam) {
    if (context.kind !== 'goroutine' || fn.kind !== 'FuncLit') return undefined;
    // go func(c *tls.Config) {...}(cfg): the argument is shared with the spawner
    const call = pkg.parentOf(fn);
    const params = fn.type.params.list.flatMap((f) => f.names);
    const i = params.findIndex((n) => pkg.objectOf(n) === o);
    const arg = call?.kind === 'CallExpr' ? call.args[i] : undefined;
    const a = arg ? unparen(arg) : undefined;
    return a && (a.kind === 'Ident' || a.kind === 'SelectorExpr') && pkg.typeOf(a).kind === 'pointer' ? `${o.name} is handed to the goroutine by the code that starts it` : undefined;
  }
  if (o.isResult) return undefined;
  // a local alias of shared state: c := s.tlsConfig (pointers only; a value copy is local)
  const values = assignedValues(pkg, o);
  if (values.length === 0) return undefined;
  let why: string | undefined;
  for (const v of values) {
    const t = pkg.typeOf(v);
    if (t.kind !== 'pointer') return undefined;
    const w = sharedVia(pkg, v, context, depth + 1);
    if (!w) return undefined;
    why ??= w;
  }
  return why;
}

/**
 * Whether `o`, captured by the handshake callback `lit`, is a config made
 * for one connection: a fresh value (`base.Clone()`, a literal, or what a
 * function of the package returns that way) that the function only reads
 * and sets fields of and hands to one `tls.Server`/`tls.Client` outside a
 * loop. That connection's handshake runs the callback once, on its own
 * goroutine, before anything else reads the config.
 */
function perConnectionConfig(pkg: PackageInfo, o: Obj, lit: FuncNode): boolean {
  const fn = pkg.enclosingFunc(lit);
  if (!fn || o.kind !== 'var' || o.isParam || o.isRecv || !o.decl || o.decl.start < fn.start || o.decl.start >= fn.end) return false;
  const values = assignedValues(pkg, o);
  if (values.length !== 1 || !freshConfig(pkg, values[0]!, 1)) return false;
  let installs = 0;
  for (const id of usesOf(pkg, fn, o)) {
    if (lit.start <= id.start && id.end <= lit.end) continue;
    const p = pkg.parentOf(id);
    if (p?.kind === 'SelectorExpr' && p.x === id && pkg.objectOf(p.sel)?.isField) continue;
    const at = installationAt(pkg, id);
    if (!at?.tlsFunction || !PER_CONNECTION.has(at.what)) return false;
    for (let q = pkg.parentOf(at.node); q && q !== fn; q = pkg.parentOf(q)) if ((q.kind === 'ForStmt' || q.kind === 'RangeStmt') && !(o.decl.start >= q.start && o.decl.start < q.end)) return false;
    installs++;
  }
  return installs === 1;
}

/** Installations that serve a single connection. */
const PER_CONNECTION = new Set(['tls.Server', 'tls.Client']);

/** A config value made anew: a literal, `x.Clone()`, a local holding only such values, or a call of a function of the package all of whose returns are such values. */
function freshConfig(pkg: PackageInfo, e: Expr, depth: number): boolean {
  const x = withoutAddress(e);
  if (x.kind === 'CompositeLit') return true;
  if (x.kind === 'Ident') {
    // a local that only ever holds fresh values: `conf := i.config.Clone(); ...; return conf, ch`
    const v = pkg.objectOf(x);
    if (v?.kind !== 'var' || v.isParam || v.isPackageLevel || v.isField || depth < 0) return false;
    const values = assignedValues(pkg, v);
    return values.length > 0 && values.every((a) => unparen(a) !== x && freshConfig(pkg, a, depth - 1));
  }
  if (x.kind !== 'CallExpr') return false;
  if (x.fun.kind === 'SelectorExpr' && x.fun.sel.name === 'Clone' && x.args.length === 0 && isTLSConfig(pkg, x.fun.x)) return true;
  if (depth <= 0) return false;
  const decl = declOf(pkg, x.fun);
  if (!decl?.body) return false;
  let fresh = true;
  let returns = 0;
  walk(decl.body, {
    enter: (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind !== 'ReturnStmt') return undefined;
      returns++;
      const r = n.results[0];
      if (!r || (!freshConfig(pkg, r, depth - 1) && !isNil(pkg, r))) fresh = false;
      return false;
    },
  });
  return fresh && returns > 0;
}

/** Whether a variable captured by a goroutine literal is also used by the code that starts it. */
function goroutineShares(pkg: PackageInfo, o: Obj, lit: FuncNode): boolean {
  const spawner = pkg.enclosingFunc(lit);
  if (!spawner) return true;
  if (o.isRecv || o.isParam || !o.decl || o.decl.start < spawner.start || o.decl.start >= spawner.end) return true;
  // started in a loop: several goroutines share it
  for (let p = pkg.parentOf(lit); p && p !== spawner; p = pkg.parentOf(p)) {
    if ((p.kind === 'ForStmt' || p.kind === 'RangeStmt') && !(o.decl.start >= p.start && o.decl.start < p.end)) return true;
  }
  // used again by the spawner after the go statement, or installed by it (a server or client then uses it concurrently)
  for (const id of usesOf(pkg, spawner, o)) {
    if (id.start >= lit.end) return true;
    if (id.end <= lit.start && installationAt(pkg, id)) return true;
  }
  // an alias of the spawner's own shared state (c := s.cfg; go func() { c.X = ... }())
  return assignedValues(pkg, o).some((v) => pkg.typeOf(v).kind === 'pointer' && rootIsLongLived(pkg, v, spawner));
}

function rootIsLongLived(pkg: PackageInfo, e: Expr, fn: FuncNode): boolean {
  let x = unparen(e);
  while (x.kind === 'SelectorExpr' || x.kind === 'IndexExpr' || x.kind === 'StarExpr' || x.kind === 'TypeAssertExpr') {
    if (x.kind === 'SelectorExpr' && !pkg.objectOf(x.sel)?.isField) return pkg.objectOf(x.sel)?.isPackageLevel === true;
    x = unparen(x.x);
  }
  if (x.kind !== 'Ident') return false;
  const o = pkg.objectOf(x);
  return o?.kind === 'var' && (o.isPackageLevel === true || o.isRecv === true || o.isParam === true || !o.decl || o.decl.start < fn.start || o.decl.start >= fn.end);
}

/** Where the written config is installed (servers, clients), searched across the package. */
function installationOf(pkg: PackageInfo, target: Expr, depth = 0): Installation | undefined {
  const t = unparen(target);
  const all = installations(pkg);
  if (all.length === 0) return undefined;
  const objOf = (e: Expr): Obj | undefined => {
    const x = unparen(e);
    return namedObject(pkg, x.kind === 'UnaryExpr' && x.op === '&' ? x.x : x);
  };
  const targetObj = objOf(t);
  if (!targetObj) return undefined;
  // a local alias (cfg := s.cfg): where the aliased config is installed
  if (t.kind === 'Ident' && !targetObj.isPackageLevel && !targetObj.isParam && !targetObj.isRecv && depth < 3) {
    for (const v of assignedValues(pkg, targetObj)) {
      const inst = installationOf(pkg, v, depth + 1);
      if (inst) return inst;
    }
  }
  // the same variable or field installed directly
  for (const { inst, expr } of all) if (objOf(expr) === targetObj) return inst;
  // a field whose value is a variable that is also installed (conf stored in p.tlsConf and in a Transport)
  if (targetObj.isField) {
    const sources = new Set(fieldWrites(pkg, targetObj).map(objOf).filter((o): o is Obj => o !== undefined));
    for (const { inst, expr } of all) {
      const o = objOf(expr);
      if (o && sources.has(o)) return inst;
    }
  }
  return undefined;
}

/** A `Lock()`/`RLock()` call earlier in the same function (a coarse "under a lock"). */
function lockHeld(pkg: PackageInfo, node: Node): boolean {
  const fn = pkg.enclosingFunc(node);
  if (!fn?.body) return false;
  let found = false;
  const stack: Node[] = [fn.body];
  while (stack.length > 0 && !found) {
    const n = stack.pop()!;
    if (n.kind === 'FuncLit' || n.start >= node.start) continue;
    if (n.kind === 'CallExpr') {
      const name = calleeName(pkg, n);
      if (name === '(sync.Mutex).Lock' || name === '(sync.RWMutex).Lock') found = true;
    }
    forEachChild(n, (c) => { stack.push(c); });
  }
  return found;
}

/**
 * Where a local config written at `w` was already in use earlier in the same
 * function: passed to tls.Listen or tls.NewListener (whose connections read
 * it on every handshake), or installed anywhere (an http.Server or
 * http.Transport, tls.Dial...) with a goroutine started after that (which
 * may be serving or dialing with it). Reassigning the variable in between
 * starts over.
 */
function passedBefore(pkg: PackageInfo, w: Write): Installation | undefined {
  const t = unparen(w.target);
  if (t.kind !== 'Ident') return undefined;
  const o = pkg.objectOf(t);
  const fn = pkg.enclosingFunc(w.node);
  if (o?.kind !== 'var' || !fn) return undefined;
  const cfg = pkg.cfgOf(fn);
  if (!cfg) return undefined;
  const reassigns = (n: Node) => n.kind === 'AssignStmt' && n.lhs.some((l) => { const x = unparen(l); return x.kind === 'Ident' && pkg.objectOf(x) === o; });
  for (const use of usesOf(pkg, fn, o)) {
    if (use.start >= w.node.start) continue;
    const inst = installationAt(pkg, use);
    if (!inst || pkg.enclosingFunc(inst.node) !== fn) continue;
    if (LISTENERS.has(inst.what)) {
      if (reaches(cfg, inst.node, (n) => n === w.node || contains(n, w.node), reassigns)) return { ...inst, what: `passed to ${inst.what}` };
      continue;
    }
    // installed, then a goroutine is started, then the write
    let viaGo: Installation | undefined;
    reaches(cfg, inst.node, (n) => {
      if (startOfStatement(pkg, n) === null) return false;
      if (reaches(cfg, n, (m) => m === w.node || contains(m, w.node), reassigns)) viaGo = { ...inst, what: `${inst.tlsFunction ? 'passed to' : 'installed in'} ${inst.what}, then a goroutine was started` };
      return viaGo !== undefined;
    }, reassigns);
    if (viaGo) return viaGo;
  }
  return undefined;
}

const LISTENERS = new Set(['tls.Listen', 'tls.NewListener']);

function contains(outer: Node, inner: Node): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Is a node matching `target` reachable from just after `from` without passing a `kill` node? */
function reaches(cfg: NonNullable<ReturnType<PackageInfo['cfgOf']>>, from: Node, target: (n: Node) => boolean, kill: (n: Node) => boolean): boolean {
  const start = cfg.locate(from);
  if (!start) return false;
  const seen = new Set<number>();
  const work: Array<[typeof start.block, number]> = [[start.block, start.index + 1]];
  while (work.length > 0) {
    const [b, i0] = work.pop()!;
    let killed = false;
    for (let i = i0; i < b.nodes.length; i++) {
      const n = b.nodes[i]!;
      if (target(n)) return true;
      if (kill(n)) { killed = true; break; }
    }
    if (killed) continue;
    for (const s of b.succs) if (!seen.has(s.index)) { seen.add(s.index); work.push([s, 0]); }
  }
  return false;
}
