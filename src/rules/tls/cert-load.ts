/**
 * Loading certificate material, and whether a function does it on every
 * call or only on a cache miss: the analysis behind
 * tls/per-handshake-cert-load, shared by the rule and its function fact.
 *
 * A load (a call of tls.LoadX509KeyPair, x509.ParseCertificate, pem.Decode,
 * os.ReadFile..., or of a function that loads on every call) is "guarded"
 * when some branch that reads long-lived state (a receiver, a captured or
 * package-level variable, a module function's result such as a cache
 * lookup) decides whether it runs: one way of the branch can still reach
 * the load, another cannot. A load with no such guard runs on every call.
 */
import type * as ast from '../../syntax/ast.js';
import type { Node } from '../../syntax/ast.js';
import { forEachChild } from '../../syntax/walk.js';
import type { Block } from '../../semantics/cfg.js';
import type { FuncFactKind } from '../../semantics/facts.js';
import { isExported } from '../../semantics/scope.js';
import { assignedValues } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { FuncNode } from '../../semantics/resolve.js';
import { calledName, lastName } from '../../semantics/fact-names.js';
import { callShapes } from '../../semantics/call-shapes.js';
import { perPackage } from '../../semantics/package-memo.js';
import type { Obj } from '../../semantics/scope.js';
import { knownPackageName } from '../../semantics/stdlib/index.js';
import { deref, type Type } from '../../semantics/types.js';
import { calleeName } from './tls-config.js';

/** Calls that load or parse certificate or key material. */
const CERT_LOADERS: ReadonlyMap<string, string> = new Map([
  ['crypto/tls.LoadX509KeyPair', 'tls.LoadX509KeyPair'],
  ['crypto/tls.X509KeyPair', 'tls.X509KeyPair'],
  ['crypto/x509.ParseCertificate', 'x509.ParseCertificate'],
  ['crypto/x509.ParseCertificates', 'x509.ParseCertificates'],
  ['crypto/x509.ParsePKCS1PrivateKey', 'x509.ParsePKCS1PrivateKey'],
  ['crypto/x509.ParsePKCS8PrivateKey', 'x509.ParsePKCS8PrivateKey'],
  ['crypto/x509.ParseECPrivateKey', 'x509.ParseECPrivateKey'],
  ['encoding/pem.Decode', 'pem.Decode'],
  ['(crypto/x509.CertPool).AppendCertsFromPEM', 'x509.CertPool.AppendCertsFromPEM'],
]);

/** File reads: certificate material when read by a callback, or by a function that returns certificate types. */
const FILE_READERS: ReadonlyMap<string, string> = new Map([
  ['os.ReadFile', 'os.ReadFile'],
  ['io/ioutil.ReadFile', 'ioutil.ReadFile'],
]);

/** The last names of the loaders and file readers (`AppendCertsFromPEM`, `ReadFile`). */
const LOADER_NAMES: ReadonlySet<string> = new Set([...CERT_LOADERS.keys(), ...FILE_READERS.keys()].map(lastName));

/** The function fact: every call of the function loads certificate material (unguarded). */
export const LOADS_CERT_PER_CALL = 'tls/loads-cert-per-call';

export const loadsCertPerCall: FuncFactKind = {
  id: LOADS_CERT_PER_CALL,
  level: 'func',
  // the seed is this file's own analysis of the body; propagation would ignore guards
  propagate: 'none',
  // read only for other packages' functions (this package's are analysed directly): exported ones
  seedFunc: (fn, info) => fn.body !== null && callableElsewhere(info, fn) && mayLoad(info, fn) && unguardedLoads(info, fn, { readsFiles: returnsCertTypes(info, fn) }).length > 0,
};

/** Whether code of another package can call `fn`: exported, and not a test, benchmark, fuzz test or example of a `_test.go` file. */
function callableElsewhere(info: PackageInfo, fn: ast.FuncDecl): boolean {
  const name = fn.name.name;
  if (!isExported(name)) return false;
  if (!TEST_ENTRY.test(name)) return true;
  const file = info.res.funcFile.get(fn)?.file;
  return !(file && info.fileOf(file.ast)?.isTest);
}

const TEST_ENTRY = /^(Test|Benchmark|Fuzz|Example)/;

export interface Load {
  /** The call that loads (directly or through a function). */
  readonly call: ast.CallExpr;
  /** What it calls, for messages: `tls.LoadX509KeyPair`, `loadCert (which calls os.ReadFile)`. */
  readonly what: string;
}

interface Options {
  /** Whether plain file reads count as loading certificate material here. */
  readonly readsFiles: boolean;
}

/**
 * Per package and program view (a phase-1 PackageInfo may be rebound to the
 * phase-2 program, whose facts change the answers): loads of functions.
 */
const loadsByFlag = perPackage((): [Map<FuncNode, readonly Load[] | 'pending'>, Map<FuncNode, readonly Load[] | 'pending'>] => [new Map(), new Map()], { byProgram: true });

/**
 * The loads in a function body that run on every call (not decided by a
 * branch on long-lived state), in source order. Calls in nested function
 * literals (goroutines, sync.Once bodies, callbacks) do not count.
 */
export function unguardedLoads(pkg: PackageInfo, fn: FuncNode, opts: Options): readonly Load[] {
  const m = loadsByFlag(pkg)[opts.readsFiles ? 1 : 0];
  const cached = m.get(fn);
  if (cached === 'pending') return []; // recursion: least fixpoint
  if (cached) return cached;
  m.set(fn, 'pending');
  const result = computeLoads(pkg, fn, opts);
  m.set(fn, result);
  return result;
}

function computeLoads(pkg: PackageInfo, fn: FuncNode, opts: Options): readonly Load[] {
  const cfg = pkg.cfgOf(fn);
  if (!cfg) return [];
  const loads: Array<{ load: Load; block: Block }> = [];
  for (const block of cfg.blocks) {
    if (!block.live) continue;
    for (const node of block.nodes) {
      if (node.kind === 'GoStmt') continue; // a reload goroutine, not this call
      for (const call of callsIn(node)) {
        const what = loadOf(pkg, call, opts);
        if (what) loads.push({ load: { call, what }, block });
      }
    }
  }
  if (loads.length === 0) return [];
  const guards = cfg.blocks.filter((b) => b.live && isGuard(pkg, fn, b));
  const out = loads.filter(({ block }) => !guards.some((g) => decides(g, block))).map((l) => l.load);
  return out.sort((a, b) => a.call.start - b.call.start);
}

/**
 * Whether a declared function may load at all: it calls a loader or a file
 * read, directly or through functions of its package (a cheap pre-check
 * before any CFG is built, computed once per package and program view).
 */
function mayLoad(pkg: PackageInfo, fn: ast.FuncDecl): boolean {
  return loaderClosure(pkg).set.has(fn);
}

/** Per package and program view: the functions that may load, and their names. */
const loaderClosure = perPackage((pkg): { set: Set<ast.FuncDecl>; names: Set<string> } => {
  const set = new Set<ast.FuncDecl>();
  // Resolving callees is the expensive part. First the direct loads: calls named like a
  // loader or like a function holding the fact elsewhere.
  pkg.res.bodies.forEach((body, fn) => {
    if (someLoadsDirectly(pkg, body.calls, fn)) set.add(fn);
  });
  // Then, only when there are some, their callers in this package, to a fixpoint. Calls are
  // indexed by the name they call (syntax only); only calls named like a function added to the
  // set get their shape and callee resolved (each once).
  const names = new Set([...set].map((fn) => fn.name.name));
  if (set.size > 0) {
    const byName = new Map<string, { caller: ast.FuncDecl; call: ast.CallExpr }[]>();
    pkg.res.bodies.forEach((body, caller) => {
      for (const call of body.calls) {
        const name = calledName(call);
        if (name === undefined) continue;
        let list = byName.get(name);
        if (!list) byName.set(name, (list = []));
        list.push({ caller, call });
      }
    });
    const shapeOf = callShapes(pkg);
    const callees = new Map<ast.CallExpr, ast.FuncDecl | null>();
    // a name is (re)visited whenever a function of that name joins the set
    const work = [...names];
    while (work.length > 0) {
      for (const { caller, call } of byName.get(work.pop()!) ?? []) {
        if (set.has(caller)) continue;
        let decl = callees.get(call);
        if (decl === undefined) {
          const c = shapeOf(call)?.own ? pkg.calleeOf(call) : undefined;
          const node = c && (c.kind === 'func' || c.kind === 'method') && c.pkg === pkg.importPath ? c.obj?.node : undefined;
          callees.set(call, (decl = node?.kind === 'FuncDecl' ? node : null));
        }
        if (decl !== null && set.has(decl)) {
          set.add(caller);
          names.add(caller.name.name);
          work.push(caller.name.name);
        }
      }
    }
  }
  return { set, names };
}, { byProgram: true });

/**
 * Does one of the calls of `fn` load directly (`loadsDirectly`)? Only calls
 * named like a loader, or like a function holding the fact elsewhere, are
 * resolved. File reads count only in a function that returns certificate
 * types, as in `unguardedLoads`: most functions that read a file read
 * configuration, and counting them would put their callers in the closure.
 */
function someLoadsDirectly(pkg: PackageInfo, calls: readonly ast.CallExpr[], fn: ast.FuncDecl): boolean {
  let readsFiles: boolean | undefined;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    const called = calledName(call);
    if (called === undefined || !(LOADER_NAMES.has(called) || pkg.mayCallFactHolder(call, LOADS_CERT_PER_CALL))) continue;
    if (loadsDirectly(pkg, call, () => (readsFiles ??= returnsCertTypes(pkg, fn)))) return true;
  }
  return false;
}

/** A call of a loader or (when `readsFiles()`) a file read, or of another package's function that loads on every call. */
function loadsDirectly(pkg: PackageInfo, call: ast.CallExpr, readsFiles: () => boolean): boolean {
  const name = calleeName(pkg, call);
  if (name && (CERT_LOADERS.has(name) || (FILE_READERS.has(name) && readsFiles()))) return true;
  const c = pkg.calleeOf(call);
  if ((c.kind !== 'func' && c.kind !== 'method') || c.pkg === pkg.importPath) return false;
  const key = pkg.calleeKey(c);
  return !!key && pkg.hasFuncFact(key, LOADS_CERT_PER_CALL);
}

/** What a call loads: a loader, a file read (when counted), or a function that loads on every call. */
function loadOf(pkg: PackageInfo, call: ast.CallExpr, opts: Options): string | undefined {
  // by name first: a loader, a function of this package that may load, or one holding the fact
  const called = calledName(call);
  if (called === undefined) return undefined;
  if (!LOADER_NAMES.has(called) && !loaderClosure(pkg).names.has(called) && !pkg.mayCallFactHolder(call, LOADS_CERT_PER_CALL)) return undefined;
  const name = calleeName(pkg, call);
  if (name) {
    const direct = CERT_LOADERS.get(name) ?? (opts.readsFiles ? FILE_READERS.get(name) : undefined);
    if (direct) return direct;
  }
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func' && c.kind !== 'method') return undefined;
  const decl = c.obj?.node;
  const short = c.kind === 'method' ? `${recvName(c.recv)}.${c.name}` : c.pkg === pkg.importPath ? c.name : `${c.pkg.slice(c.pkg.lastIndexOf('/') + 1)}.${c.name}`;
  if (decl?.kind === 'FuncDecl' && decl.body && c.pkg === pkg.importPath) {
    if (!mayLoad(pkg, decl)) return undefined;
    const inner = unguardedLoads(pkg, decl, { readsFiles: returnsCertTypes(pkg, decl) });
    return inner.length > 0 ? `${short} (which calls ${inner[0]!.what.replace(/ \(which calls (.*)\)$/, '')})` : undefined;
  }
  const key = pkg.calleeKey(c);
  return key && pkg.hasFuncFact(key, LOADS_CERT_PER_CALL) ? short : undefined;
}

function recvName(t: Type): string {
  const d = deref(t);
  return d.kind === 'named' ? d.name : '?';
}

/** Calls in a CFG node, not inside function literals. */
function callsIn(root: Node): ast.CallExpr[] {
  const out: ast.CallExpr[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'FuncLit') continue;
    if (n.kind === 'CallExpr') out.push(n);
    forEachChild(n, (c) => { stack.push(c); });
  }
  return out;
}

/** A branch whose condition reads long-lived state. */
function isGuard(pkg: PackageInfo, fn: FuncNode, b: Block): boolean {
  if (b.succs.filter((s) => s.live).length < 2) return false;
  const last = b.nodes[b.nodes.length - 1];
  if (!last || last.kind.endsWith('Stmt')) return false;
  return readsState(pkg, fn, last, 0, new Set());
}

/** Whether guard block `g` decides whether `target` runs: one successor reaches it, another does not. */
function decides(g: Block, target: Block): boolean {
  let reaches = false;
  let avoids = false;
  for (const s of g.succs) {
    if (!s.live) continue;
    if (reachesBlock(s, target, g)) reaches = true;
    else avoids = true;
  }
  return reaches && avoids;
}

function reachesBlock(from: Block, to: Block, stop: Block): boolean {
  const seen = new Set<Block>([stop]);
  const work = [from];
  while (work.length > 0) {
    const b = work.pop()!;
    if (b === to) return true;
    if (seen.has(b)) continue;
    seen.add(b);
    for (const s of b.succs) work.push(s);
  }
  return false;
}

/** Whether functions results mention certificate types (so its file reads are certificate material). */
export function returnsCertTypes(pkg: PackageInfo, fn: FuncNode): boolean {
  const results = fn.type.results?.list ?? [];
  return results.some((f) => f.type !== null && mentionsCertType(pkg.typeOf(f.type), 0));
}

function mentionsCertType(t: Type, depth: number): boolean {
  if (depth > 4) return false;
  switch (t.kind) {
    case 'named':
      return (t.pkg === 'crypto/tls' && (t.name === 'Certificate' || t.name === 'Config'))
        || (t.pkg === 'crypto/x509' && (t.name === 'Certificate' || t.name === 'CertPool'))
        || (t.pkg === 'crypto' && t.name === 'PrivateKey');
    case 'pointer': case 'slice': case 'array': return mentionsCertType(t.elem, depth + 1);
    case 'map': return mentionsCertType(t.elem, depth + 1);
    default: return false;
  }
}

/**
 * Whether an expression reads state that outlives a call of `fn`: a
 * package-level variable, a variable captured from an enclosing function,
 * the receiver, a local computed from those, or the result of a call into
 * module code (a cache lookup, typically). Parameters and locals computed
 * from them are per call.
 */
export function readsState(pkg: PackageInfo, fn: FuncNode, e: Node, depth: number, seen: Set<Obj>): boolean {
  if (depth > 6) return false;
  const stack: Node[] = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.kind) {
      case 'FuncLit': continue;
      case 'Ident': {
        const o = pkg.objectOf(n);
        if (o?.kind === 'var' && !o.isField && varIsState(pkg, fn, o, depth, seen)) return true;
        continue;
      }
      case 'CallExpr': {
        const c = pkg.calleeOf(n);
        if ((c.kind === 'func' || c.kind === 'method') && !isKnownPackage(pkg, c.pkg)) return true;
        break;
      }
      default: break;
    }
    forEachChild(n, (c) => { stack.push(c); });
  }
  return false;
}

function varIsState(pkg: PackageInfo, fn: FuncNode, o: Obj, depth: number, seen: Set<Obj>): boolean {
  if (o.isPackageLevel) return true;
  if (o.isRecv) return true;
  if (!o.decl || o.decl.start < fn.start || o.decl.start >= fn.end) return true; // captured
  if (o.isParam || o.isResult) return false;
  if (seen.has(o)) return false;
  seen.add(o);
  const node = o.node;
  if (node?.kind === 'RangeStmt') return readsState(pkg, fn, node.x, depth + 1, seen);
  return assignedValues(pkg, o).some((v) => readsState(pkg, fn, unparen(v), depth + 1, seen));
}

function isKnownPackage(pkg: PackageInfo, path: string): boolean {
  return path !== pkg.importPath && !pkg.program.packages[path] && knownPackageName(path) !== undefined;
}
