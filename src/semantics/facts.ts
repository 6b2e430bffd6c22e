/**
 * Function facts across a module, computed bottom-up over the call graph
 * like go/analysis facts, split for parallel scanning:
 *
 *   phase 1 (per package, in a worker): summarizePackage(pkg, kinds, deps?)
 *     → PackageSummary (plain JSON: exported API, per-function fact seeds,
 *       call edges with argument mapping, CFG skeletons)
 *   main thread: buildProgram(summaries, kinds) → ProgramView (plain JSON:
 *     API of every package + facts, fixpoint over recursion)
 *   phase 2 (per package, in a worker): checkPackage(pkg, program)
 *
 * For cross-package precision in phase 1 (types of values returned by other
 * module packages, hence method call edges on them), summarize packages in
 * dependency waves and pass the summaries done so far as `deps`
 * (`summarizeModule` does this sequentially).
 */
import type * as ast from '../syntax/ast.js';

import { buildCFG, type Block } from './cfg.js';
import { constToJSON } from './consts.js';
import type { ExportedMethod, ExportedPackage, ExportedType } from './exports.js';
import { unparen } from '../syntax/ast.js';
import {
  checkPackage, EMPTY_PROGRAM, NEVER_RETURNS, type Callee, type FactTable, type PackageInfo, type PackageInput, type ProgramView,
} from './package.js';
import { CallGraph, type CallGraphEdge } from './callgraph.js';
import { callShapes, type CallShape } from './call-shapes.js';
import { importPathOf, type FuncBodyInfo } from './resolve.js';
import { knownPackageName } from './stdlib/index.js';
import { isExported, type Obj } from './scope.js';
import { declaredMethods, underlying, type SignatureType, type Type } from './types.js';

/** A fact about parameters: "this call frees/closes/logs its argument". */
export interface ParamFactKind {
  readonly id: string;
  readonly level: 'param';
  /** Does `call` itself do the thing to its argument `argIndex` (-1: the receiver of a method call)? */
  seed?(call: ast.CallExpr, argIndex: number, info: PackageInfo): boolean;
  /**
   * Seed from the whole function, for facts a single call cannot show (a
   * parameter stored in a field, returned, sent on a channel, captured by a
   * goroutine, logged inside a concatenation): the indices (-1: receiver) of
   * the parameters of `fn` that have the fact. Unnamed parameters count in
   * the numbering; `params` maps the named ones' objects to their indices.
   */
  seedParams?(fn: ast.FuncDecl, info: PackageInfo, params: ReadonlyMap<Obj, number>): readonly number[];
}

/** A fact about functions. */
export interface FuncFactKind {
  readonly id: string;
  readonly level: 'func';
  /**
   * 'any-callee': F has the fact when seeded, or when it calls (anywhere in
   * its body, closures included) a function that has it.
   * 'all-paths': F has the fact when every path from entry to normal return
   * goes through a seeded call or a call of a function that has it (with
   * no such path at all, e.g. every path panics, F has it too).
   * 'none': F has the fact only when seeded; callers do not inherit it (a
   * per-function property that the rule's seed computes itself, e.g. with
   * its own analysis of the body, which propagation would make wrong).
   */
  readonly propagate: 'any-callee' | 'all-paths' | 'none';
  /** Seed from the whole function. */
  seedFunc?(fn: ast.FuncDecl, info: PackageInfo): boolean;
  /** Seed from one call in the function (for 'all-paths': only calls in statement position count). */
  seedCall?(call: ast.CallExpr, info: PackageInfo): boolean;
}

/**
 * A fact about a package as a whole (like go/analysis package facts): the
 * strings `seedPackage` gives are exported with the package, so packages
 * checked after it (its importers) can read them (`packageFacts`). For
 * what a package does with objects of other packages: "passes the field
 * `example.com/config.TLS.PrivateKey` as a file name".
 */
export interface PackageFactKind {
  readonly id: string;
  readonly level: 'package';
  seedPackage(info: PackageInfo): Iterable<string>;
}

export type FactKind = ParamFactKind | FuncFactKind | PackageFactKind;

/** The built-in fact: all paths end in never-returning calls (computed with the CFG). */
export const NEVER_RETURNS_KIND: FuncFactKind = { id: NEVER_RETURNS, level: 'func', propagate: 'all-paths' };

export interface CallEdge {
  /** Callee key (`pkg.F` or `(pkg.T).M`). */
  readonly callee: string;
  /** [callee param index (-1 receiver), caller param index (-1 receiver)] pairs for arguments that are caller params. */
  readonly args?: readonly (readonly [number, number])[];
}

export interface CfgSkeleton {
  /** Successor block indices per block; block 0 is the entry. */
  readonly succ: readonly (readonly number[])[];
  /** Index of the normal exit block. */
  readonly exit: number;
  /** Callee keys called in statement position, per block (only blocks with some). */
  readonly calls: Readonly<Record<number, readonly string[]>>;
  /** Fact ids seeded by `seedCall` in statement position, per block. */
  readonly seeded?: Readonly<Record<number, readonly string[]>>;
}

export interface FuncSummary {
  readonly key: string;
  /** Declaration position `relPath:offset`. */
  readonly pos: string;
  readonly params: number;
  /** Param fact seeds: fact id → caller param indices. */
  readonly seeds?: Readonly<Record<string, readonly number[]>>;
  /** Function fact seeds. */
  readonly fseeds?: readonly string[];
  readonly calls: readonly CallEdge[];
  readonly skel?: CfgSkeleton;
}

export interface PackageSummary {
  /** Not serialized: the phase-1 PackageInfo, when requested with `keepInfo` (see CheckOptions.reuse). */
  readonly info?: PackageInfo;
  readonly path: string;
  readonly name: string;
  readonly exports: ExportedPackage;
  readonly funcs: readonly FuncSummary[];
  /** Import paths of the package (for dependency ordering). */
  readonly imports: readonly string[];
}

// ---------------------------------------------------------------------------
// Phase 1

/** Merges summaries into a program view without facts (the `deps` of later waves). */
export function exportsView(summaries: Iterable<PackageSummary>): ProgramView {
  const packages: Record<string, ExportedPackage> = {};
  for (const s of summaries) packages[s.path] = s.exports;
  return { packages, facts: { func: {}, param: {} } };
}

export function summarizePackage(pkg: PackageInput, kinds: readonly FactKind[] = [], deps: ProgramView = EMPTY_PROGRAM, opts: { keepInfo?: boolean } = {}): PackageSummary {
  const info = checkPackage(pkg, deps);
  const s = summarizeChecked(info, kinds);
  if (!opts.keepInfo) return s;
  // a non-enumerable property: JSON.stringify and structured clone skip it
  Object.defineProperty(s, 'info', { value: info, enumerable: false });
  return s;
}

/**
 * Summarizes an already checked package (lets a worker reuse its
 * PackageInfo). With `exports: false` (no package imports this one) the
 * summary's exported API is left empty. With `depsFinal`, the facts of the
 * program the package was checked against are final for every package of
 * it (as when packages are summarized in dependency order and each one's
 * facts are learnt before its importers): a function then only needs a CFG
 * skeleton when a statement call can end its paths by those facts.
 */
export function summarizeChecked(info: PackageInfo, kinds: readonly FactKind[], opts: { exports?: boolean; depsFinal?: boolean } = {}): PackageSummary {
  const byRole = kindsByRole(withCore(kinds));
  const exports = opts.exports === false
    ? { path: info.importPath, name: info.pkg.name, types: {}, funcs: {}, vars: {}, consts: {} }
    : exportPackage(info);
  const decls: ast.FuncDecl[] = [];
  for (const fn of info.res.funcs) if (fn.kind === 'FuncDecl' && fn.body) decls.push(fn);
  // with final facts of the other packages, calls are judged by their shape before they are resolved
  const shapeOf = opts.depsFinal ? callShapes(info) : undefined;
  // statement calls that may end a path (all of them without final facts)
  const callMayCut = shapeOf && byRole.allPaths.length ? cutFilter(info, byRole.allPaths, shapeOf) : undefined;
  const cut = byRole.allPaths.length ? mayCutFuncs(info, decls, byRole.allPaths, !!opts.depsFinal, callMayCut) : undefined;
  const seeded = decls.map((fn, i) => seedFunc(info, fn, byRole, !!cut?.[i], callMayCut));
  const worth = shapeOf ? edgesWorthKeeping(info, decls, seeded, shapeOf) : undefined;
  const funcs = seeded.map((f, i) => withEdges(info, f, worth?.[i]));
  return { path: info.importPath, name: info.pkg.name, exports, funcs, imports: [...importsOf(info)].sort() };
}

/**
 * With final facts for every other package (`depsFinal`), `buildProgram`
 * uses a call edge only when the callee holds a fact already (another
 * package's function) or may gain one (this package's). Judged from call
 * shapes (`callShapes`: name, function or method), no callee resolved:
 * a function of this package may gain facts when it is seeded, calls a
 * function or method named like one holding facts, or calls a function of
 * this package, by name, that may. Receiver types are the main cost of
 * resolving callees. Per function, a flag per call (`SeededFunc.calls`);
 * undefined when the program has no index of fact names.
 */
function edgesWorthKeeping(
  info: PackageInfo,
  decls: readonly ast.FuncDecl[],
  seeded: readonly SeededFunc[],
  shapeOf: (call: ast.CallExpr) => CallShape | undefined,
): Uint8Array[] | undefined {
  const index = info.program.factNames;
  if (!index) return undefined;
  const holds = (c: CallShape | undefined): boolean => c !== undefined && index.hasAny(c.name, c.method);
  // names of this package's functions and methods that may gain facts, to a fixpoint
  const funcs = new Set<string>();
  const methods = new Set<string>();
  const mayGain = (c: CallShape | undefined): boolean => c !== undefined && c.own && (c.method ? methods : funcs).has(c.name);
  const add = (fn: ast.FuncDecl) => (fn.recv ? methods : funcs).add(fn.name.name);
  const shapes = seeded.map((f) => f.calls.map(shapeOf));
  let pending: number[] = [];
  for (let i = 0; i < decls.length; i++) {
    const f = seeded[i]!;
    if (f.seeds !== undefined || f.fseeds.size > 0 || f.skel !== undefined || shapes[i]!.some(holds)) add(decls[i]!);
    else pending.push(i);
  }
  for (let grew = true; grew; ) {
    grew = false;
    pending = pending.filter((i) => {
      if (!shapes[i]!.some(mayGain)) return true;
      add(decls[i]!);
      grew = true;
      return false;
    });
  }
  return shapes.map((list) => Uint8Array.from(list, (c) => (holds(c) || mayGain(c) ? 1 : 0)));
}

/** A pre-check on calls: false when the call cannot matter. */
type CallFilter = (call: ast.CallExpr) => boolean;

/**
 * With final facts for every other package, a statement call can end its
 * function's paths (see mayCutFuncs) only if it never returns, calls a
 * function of this package, or calls one holding an all-paths fact: a
 * call named like none of them needs no callee. Undefined without an index
 * of fact names, or when a kind seeds on calls.
 */
function cutFilter(
  info: PackageInfo,
  allPaths: readonly FuncFactKind[],
  shapeOf: (call: ast.CallExpr) => CallShape | undefined,
): CallFilter | undefined {
  const index = info.program.factNames;
  if (!index || allPaths.some((k) => k.seedCall)) return undefined;
  return (call) => {
    const c = shapeOf(call);
    if (c === undefined) return false;
    if (c.own || info.mayBeNoReturnCall(call)) return true;
    for (const k of allPaths) if (index.has(k.id, c.name)) return true;
    return false;
  };
}

function withCore(kinds: readonly FactKind[]): FactKind[] {
  return kinds.some((k) => k.id === NEVER_RETURNS) ? [...kinds] : [NEVER_RETURNS_KIND, ...kinds];
}

/**
 * The package's package facts (the non-empty ones), for its exports
 * (`ExportedPackage.facts`): its own seeds and what its imports exported,
 * so a fact reaches every package that depends on the one that seeded it.
 * Computed once the package's own function facts are known (a view of the
 * program that has them), since seeds may ask.
 */
export function packageFactsOf(info: PackageInfo, kinds: readonly FactKind[]): Record<string, string[]> | undefined {
  let facts: Record<string, string[]> | undefined;
  for (const k of kinds) {
    if (k.level !== 'package') continue;
    const values = [...new Set([...k.seedPackage(info), ...packageFacts(info, k.id)])].sort();
    if (values.length > 0) (facts ??= {})[k.id] = values;
  }
  return facts;
}

/**
 * The values of a package fact that the package's imports exported, each
 * with those of its own imports: the package's whole dependency graph,
 * whose knowledge is final before the package is checked (other packages a
 * worker happens to know would make answers depend on scheduling).
 */
export const packageFacts = (info: PackageInfo, id: string): ReadonlySet<string> => importedFactSets(info).get(id) ?? NO_VALUES;

const NO_VALUES: ReadonlySet<string> = new Set();

/** The imported values of a package fact written as `"<key> <value>"` (the value is what follows the last space), by key. */
export function keyedPackageFacts(info: PackageInfo, id: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const fact of packageFacts(info, id)) {
    const at = fact.lastIndexOf(' ');
    out.set(fact.slice(0, at), fact.slice(at + 1));
  }
  return out;
}
const importedFacts = new WeakMap<PackageInfo, Map<string, Set<string>>>();

function importedFactSets(info: PackageInfo): Map<string, Set<string>> {
  let sets = importedFacts.get(info);
  if (sets) return sets;
  sets = new Map();
  for (const path of importsOf(info)) {
    for (const [id, values] of Object.entries(info.program.packages[path]?.facts ?? {})) {
      let set = sets.get(id);
      if (!set) sets.set(id, (set = new Set()));
      for (const v of values) set.add(v);
    }
  }
  importedFacts.set(info, sets);
  return sets;
}

/** The import paths of the package's files (through the package's import map). */
function importsOf(info: PackageInfo): Set<string> {
  const imports = new Set<string>();
  for (const f of info.files) for (const s of f.ast.imports) { const w = importPathOf(s); imports.add(info.pkg.importMap?.[w] ?? w); }
  return imports;
}

/** The declared parameter names of a function, '' for unnamed and blank ones. */
export function paramNames(type: ast.FuncType): string[] {
  return type.params.list.flatMap((f) => (f.names.length === 0 ? [''] : f.names.map((n) => (n.name === '_' ? '' : n.name))));
}

function exportPackage(info: PackageInfo): ExportedPackage {
  const ti = info.info;
  const types: Record<string, ExportedType> = {};
  const funcs: Record<string, { sig: SignatureType; pos?: string; params?: string[] }> = {};
  const vars: Record<string, { type: Type; pos?: string }> = {};
  const consts: Record<string, { type: Type; value?: string; pos?: string }> = {};
  const relOf = new Map(info.files.map((f) => [f.path, f.relPath]));
  const posOf = (o: Obj): string | undefined => {
    const r = relOf.get(o.file);
    return r !== undefined && o.decl ? `${r}:${o.decl.start}` : undefined;
  };
  for (const [name, o] of info.res.pkgScope.names) {
    const pos = posOf(o);
    const p = pos ? { pos } : {};
    if (o.kind === 'type') {
      const t = ti.objType(o);
      if (o.isAlias) {
        types[name] = { underlying: t, alias: true, methods: {}, ...p };
        continue;
      }
      if (t.kind !== 'named') continue;
      const ni = ti.namedInfo(t);
      const methods: Record<string, ExportedMethod> = {};
      const decls = info.res.methods.get(name) ?? [];
      for (const [mn, m] of declaredMethods(t, ti)) {
        const decl = isExported(mn) ? decls.find((d) => d.name.name === mn) : undefined;
        methods[mn] = { sig: m.sig, ptr: m.ptrRecv, ...(m.pos ? { pos: m.pos } : {}), ...(decl && { params: paramNames(decl.type) }) };
      }
      types[name] = {
        underlying: underlying(t, ti), methods, ...p,
        ...(ni && ni.typeParams.length ? { typeParams: ni.typeParams } : {}),
      };
    } else if (!isExported(name)) {
      continue;
    } else if (o.kind === 'func') {
      const s = ti.objType(o);
      if (s.kind === 'func') funcs[name] = { sig: s, ...p, ...(o.node?.kind === 'FuncDecl' && { params: paramNames(o.node.type) }) };
    } else if (o.kind === 'var') {
      vars[name] = { type: ti.objType(o), ...p };
    } else if (o.kind === 'const') {
      const v = ti.constOf(o);
      consts[name] = { type: ti.objType(o), ...(v ? { value: constToJSON(v) } : {}), ...p };
    }
  }
  return { path: info.importPath, name: info.pkg.name, types, funcs, vars, consts };
}

/** The caller parameter an argument expression stands for (through conversions and single-assignment locals). */
export function paramIndexOf(info: PackageInfo, e: ast.Expr, params: ReadonlyMap<Obj, number>, reassigned: { has(o: Obj): boolean }, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  e = unparen(e);
  if (e.kind === 'CallExpr' && e.args.length === 1 && info.modeOf(e.fun) === 'type') return paramIndexOf(info, e.args[0]!, params, reassigned, depth + 1);
  if (e.kind === 'UnaryExpr' && e.op === '&') return undefined;
  if (e.kind !== 'Ident') return undefined;
  const o = info.objectOf(e);
  if (!o) return undefined;
  const p = params.get(o);
  if (p !== undefined) return reassigned.has(o) ? undefined : p;
  if (o.kind !== 'var' || reassigned.has(o) || o.isPackageLevel) return undefined;
  const n = o.node;
  if (n && n.kind === 'AssignStmt' && n.tok === ':=' && n.lhs.length === n.rhs.length) return paramIndexOf(info, n.rhs[o.index ?? 0]!, params, reassigned, depth + 1);
  if (n && n.kind === 'ValueSpec' && n.values.length === n.names.length) return paramIndexOf(info, n.values[o.index ?? 0]!, params, reassigned, depth + 1);
  return undefined;
}

/** The fact kinds by role, split once per package. */
interface KindsByRole {
  readonly param: readonly ParamFactKind[];
  readonly func: readonly FuncFactKind[];
  /** Kinds seeded by calls anywhere in the body ('any-callee' and 'none'). */
  readonly anyCallee: readonly FuncFactKind[];
  readonly allPaths: readonly FuncFactKind[];
}

function kindsByRole(kinds: readonly FactKind[]): KindsByRole {
  const param = kinds.filter((k): k is ParamFactKind => k.level === 'param');
  const func = kinds.filter((k): k is FuncFactKind => k.level === 'func');
  return { param, func, anyCallee: func.filter((k) => k.propagate !== 'all-paths' && k.seedCall), allPaths: func.filter((k) => k.propagate === 'all-paths') };
}

/**
 * Variables whose aliasing is not trusted: assigned after their declaration,
 * or (parameters excepted) address-taken. A variable only rederived from
 * itself (`p = filepath.Join(root, p)`) still stands for its value.
 * Collected by the resolver while it walked the body.
 */
class Reassigned {
  constructor(private readonly body: FuncBodyInfo, private readonly params: ReadonlyMap<Obj, number>) {}
  has(o: Obj): boolean {
    return this.body.assigned.has(o) || (this.body.addressed.has(o) && !this.params.has(o));
  }
}

const NO_PARAM_OBJS: ReadonlyMap<Obj, number> = new Map();

/** A function's seeds, before its call edges (see `withEdges`). */
interface SeededFunc {
  readonly key: string;
  readonly pos: string;
  readonly nparams: number;
  readonly calls: readonly ast.CallExpr[];
  /** The caller parameter argument j (-1: the receiver) of a call stands for, if any. */
  readonly argParam: (call: ast.CallExpr, j: number) => number | undefined;
  /** Whether the function has named parameters (else no argument stands for one). */
  readonly hasParams: boolean;
  readonly seeds: Record<string, number[]> | undefined;
  readonly fseeds: ReadonlySet<string>;
  readonly skel: CfgSkeleton | undefined;
}

/** A function's seeds: parameter seeds of its calls, function and parameter seeds of its body, its CFG skeleton. */
function seedFunc(info: PackageInfo, fn: ast.FuncDecl, kinds: KindsByRole, mayCut: boolean, callMayCut: CallFilter | undefined): SeededFunc {
  const key = info.keyOfFunc(fn);
  const file = info.res.funcFile.get(fn);
  const pos = `${file?.file.relPath ?? ''}:${fn.name.start}`;
  // parameter objects → indices (receiver -1); a function without named parameters shares an empty map
  let named: Map<Obj, number> | undefined;
  let nparams = 0;
  const recv = fn.recv?.list[0];
  if (recv) for (let i = 0; i < recv.names.length; i++) { const o = info.res.defs.get(recv.names[i]!); if (o) (named ??= new Map()).set(o, -1); }
  const plist = fn.type.params.list;
  for (let i = 0; i < plist.length; i++) {
    const names = plist[i]!.names;
    if (names.length === 0) { nparams++; continue; }
    for (let j = 0; j < names.length; j++) { const o = info.res.defs.get(names[j]!); if (o) (named ??= new Map()).set(o, nparams); nparams++; }
  }
  const params: ReadonlyMap<Obj, number> = named ?? NO_PARAM_OBJS;
  const body = info.res.bodies.get(fn)!;
  const reassigned = new Reassigned(body, params);
  const argParam = (call: ast.CallExpr, j: number): number | undefined => {
    if (j >= 0) return paramIndexOf(info, call.args[j]!, params, reassigned);
    const fun = unparen(call.fun);
    return fun.kind === 'SelectorExpr' && info.calleeOf(call).kind === 'method' ? paramIndexOf(info, fun.x, params, reassigned) : undefined;
  };
  const hasParams = params.size > 0;

  const seeds: Record<string, Set<number>> = {};
  const fseeds = new Set<string>();
  const calls = body.calls;
  // parameter seeds: the predicates first (cheap), an argument mapped to a parameter only when one fires
  const paramSeeds = kinds.param.filter((k) => k.seed !== undefined);
  for (let ci = 0; ci < calls.length; ci++) {
    const call = calls[ci]!;
    if (hasParams) {
      for (let j = -1; j < call.args.length; j++) {
        let p: number | undefined | null = null;
        for (let ki = 0; ki < paramSeeds.length; ki++) {
          const k = paramSeeds[ki]!;
          if (!k.seed!(call, j, info)) continue;
          if (p === null) p = argParam(call, j);
          if (p === undefined) break;
          (seeds[k.id] ??= new Set()).add(p);
        }
      }
    }
    for (let ki = 0; ki < kinds.anyCallee.length; ki++) { const k = kinds.anyCallee[ki]!; if (k.seedCall!(call, info)) fseeds.add(k.id); }
  }
  for (const k of kinds.func) if (k.seedFunc?.(fn, info)) fseeds.add(k.id);
  for (const k of kinds.param) {
    if (!k.seedParams) continue;
    const ps = k.seedParams(fn, info, params);
    for (let i = 0; i < ps.length; i++) { const p = ps[i]!; if (p >= -1 && p < nparams) (seeds[k.id] ??= new Set()).add(p); }
  }
  let seedsOut: Record<string, number[]> | undefined;
  for (const k in seeds) (seedsOut ??= {})[k] = [...seeds[k]!].sort((a, b) => a - b);
  // CFG skeleton for all-paths kinds
  const skel = kinds.allPaths.length && mayCut ? skeleton(info, fn, kinds.allPaths, callMayCut) : undefined;
  return { key, pos, nparams, calls, argParam, hasParams, seeds: seedsOut, fseeds, skel };
}

/** A function's summary: its seeds and the edges of its calls flagged in `worth` (all without it). */
function withEdges(info: PackageInfo, f: SeededFunc, worth: Uint8Array | undefined): FuncSummary {
  /** Callee key → [callee param, caller param] pairs (deduplicated, in first-seen order), null for none. */
  const edges = new Map<string, Array<[number, number]> | null>();
  const calls = f.calls;
  for (let ci = 0; ci < calls.length; ci++) {
    const call = calls[ci]!;
    if (worth !== undefined && worth[ci] === 0) continue;
    const callee = info.calleeOf(call);
    const ckey = info.calleeKey(callee) || undefined;
    if (ckey === undefined) continue;
    let pairs = edges.get(ckey);
    if (pairs === undefined) edges.set(ckey, (pairs = null));
    if (!f.hasParams) continue;
    let sig: SignatureType | undefined | null = null;
    for (let j = callee.kind === 'method' ? -1 : 0; j < call.args.length; j++) {
      const p = f.argParam(call, j);
      if (p === undefined) continue;
      // variadic: map extra args onto the last parameter (the receiver needs no signature)
      let cj = j;
      if (j >= 0) {
        if (sig === null) sig = info.signatureOf(call);
        if (sig && sig.variadic && j >= sig.params.length - 1) cj = sig.params.length - 1;
      }
      if (pairs === null) edges.set(ckey, (pairs = []));
      let dup = false;
      for (let qi = 0; qi < pairs.length; qi++) if (pairs[qi]![0] === cj && pairs[qi]![1] === p) { dup = true; break; }
      if (!dup) pairs.push([cj, p]);
    }
  }
  const calledges: CallEdge[] = [];
  edges.forEach((args, callee) => calledges.push(args ? { callee, args } : { callee }));
  const out: { -readonly [K in keyof FuncSummary]: FuncSummary[K] } = { key: f.key, pos: f.pos, params: f.nparams, calls: calledges };
  if (f.seeds) out.seeds = f.seeds;
  if (f.fseeds.size) out.fseeds = [...f.fseeds].sort();
  if (f.skel) out.skel = f.skel;
  return out;
}

/** The CFG skeleton of a function for all-paths kinds: live blocks, their successors and statement calls. */
function skeleton(info: PackageInfo, fn: ast.FuncDecl, allPaths: readonly FuncFactKind[], mayMatter: CallFilter | undefined): CfgSkeleton {
  const cfg = buildCFG(fn, { isNoReturn: (c) => info.isNoReturnCall(c) });
  // skeleton index of each live block (and the exit), -1 for the others; blocks are numbered by `index`
  const idx = new Int32Array(cfg.blocks.length).fill(-1);
  const live: Block[] = [];
  for (let i = 0; i < cfg.blocks.length; i++) {
    const b = cfg.blocks[i]!;
    if (b.live || b === cfg.exit) {
      idx[b.index] = live.length;
      live.push(b);
    }
  }
  const succ: number[][] = [];
  const callsPer: Record<number, string[]> = {};
  const seededPer: Record<number, string[]> = {};
  let seeded = false;
  for (let i = 0; i < live.length; i++) {
    const b = live[i]!;
    const out: number[] = [];
    for (let j = 0; j < b.succs.length; j++) { const s = b.succs[j]!; if (idx[s.index]! >= 0) out.push(idx[s.index]!); }
    succ.push(out);
    for (let j = 0; j < b.nodes.length; j++) {
      const n = b.nodes[j]!;
      if (n.kind !== 'ExprStmt') continue;
      const x = unparen(n.x);
      if (x.kind !== 'CallExpr') continue;
      // the callees of calls that cannot end a path are not needed
      const k = mayMatter && !mayMatter(x) ? undefined : info.calleeKey(info.calleeOf(x));
      if (k) (callsPer[i] ??= []).push(k);
      for (let ki = 0; ki < allPaths.length; ki++) {
        const fk = allPaths[ki]!;
        if (fk.seedCall?.(x, info)) {
          (seededPer[i] ??= []).push(fk.id);
          seeded = true;
        }
      }
    }
  }
  return { succ, exit: idx[cfg.exit.index]!, calls: callsPer, ...(seeded ? { seeded: seededPer } : {}) };
}

/**
 * Which of the functions may have paths cut, so that all-paths kinds need
 * their CFG skeleton. A path can only be cut by a statement call that may
 * not return (panic, a never-returning or seeded call, a callee that may
 * have an all-paths fact), an infinite loop, select or goto; a function
 * without any can never have an all-paths fact. With final facts of the
 * other packages (`depsFinal`), a call of a function of this package cuts
 * only if that function may itself have paths cut (fixpoint over the
 * package's calls), or already has a fact.
 */
function mayCutFuncs(
  info: PackageInfo,
  decls: readonly ast.FuncDecl[],
  allPaths: readonly FuncFactKind[],
  depsFinal: boolean,
  mayMatter: CallFilter | undefined,
): Uint8Array {
  const n = decls.length;
  const cut = new Uint8Array(n);
  const keys: string[] = [];
  /** Key of a function of this package → its declarations (keys of invalid code may repeat). */
  const byKey = new Map<string, number[]>();
  if (depsFinal) {
    for (let i = 0; i < n; i++) {
      const k = info.keyOfFunc(decls[i]!);
      keys.push(k);
      const l = byKey.get(k);
      if (l) l.push(i);
      else byKey.set(k, [i]);
    }
  }
  /** Key of a function of this package → the declarations that call it in statement position. */
  const callers = new Map<string, number[]>();
  const seeded = (c: ast.CallExpr): boolean => {
    for (const k of allPaths) if (k.seedCall?.(c, info)) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    const body = info.res.bodies.get(decls[i]!)!;
    if (body.mayCut) { cut[i] = 1; continue; }
    for (const c of body.stmtCalls) {
      if (mayMatter && !mayMatter(c)) continue;
      const callee = info.calleeOf(c);
      if (callee.kind === 'builtin') {
        if (callee.name === 'panic') { cut[i] = 1; break; }
        continue;
      }
      if (callee.kind !== 'func' && callee.kind !== 'method') continue;
      const key = callee.key;
      if (depsFinal && callee.pkg === info.importPath && key !== undefined && byKey.has(key)) {
        if (info.isNoReturnCall(c) || seeded(c) || hasAllPathsFact(info, key, allPaths)) { cut[i] = 1; break; }
        const l = callers.get(key);
        if (l) l.push(i);
        else callers.set(key, [i]);
        continue;
      }
      if (mayGainFact(info, callee, allPaths, depsFinal) || info.isNoReturnCall(c) || seeded(c)) { cut[i] = 1; break; }
    }
  }
  if (depsFinal) {
    const work: number[] = [];
    for (let i = 0; i < n; i++) if (cut[i]) work.push(i);
    while (work.length > 0) {
      const i = work.pop()!;
      for (const j of callers.get(keys[i]!) ?? []) if (!cut[j]) { cut[j] = 1; work.push(j); }
    }
  }
  // A function with a path from entry to its normal exit that passes no statement call able to cut
  // (through its top-level statements) cannot have an all-paths fact either: no skeleton.
  const mayCutCall = (c: ast.CallExpr): boolean => {
    if (mayMatter && !mayMatter(c)) return false;
    const callee = info.calleeOf(c);
    if (callee.kind === 'builtin') return callee.name === 'panic';
    if (callee.kind !== 'func' && callee.kind !== 'method') return false;
    if (info.isNoReturnCall(c) || seeded(c)) return true;
    const key = callee.key;
    const own = depsFinal && callee.pkg === info.importPath && key !== undefined ? byKey.get(key) : undefined;
    if (own) return hasAllPathsFact(info, key!, allPaths) || own.some((j) => cut[j] === 1);
    return mayGainFact(info, callee, allPaths, depsFinal);
  };
  const needs = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (cut[i] && !cutFreePath(decls[i]!.body!.list, mayCutCall)) needs[i] = 1;
  return needs;
}

/**
 * Is there a path from the start of a body to its normal exit through its
 * top-level statements alone (each simple, an `if` without `else`, or a
 * loop that may run zero times), passing no statement call that may cut
 * (as the CFG builder lays them out: conditions always have both edges)?
 */
function cutFreePath(list: readonly ast.Stmt[], mayCut: (c: ast.CallExpr) => boolean): boolean {
  const simple = (st: ast.Stmt | null): boolean => {
    if (!st || st.kind !== 'ExprStmt') return true;
    const x = unparen(st.x);
    return x.kind !== 'CallExpr' || !mayCut(x);
  };
  for (const st of list) {
    switch (st.kind) {
      case 'ReturnStmt': return true;
      case 'ExprStmt': if (!simple(st)) return false; break;
      case 'AssignStmt': case 'IncDecStmt': case 'SendStmt': case 'GoStmt': case 'DeferStmt': case 'DeclStmt':
      case 'EmptyStmt': case 'BadStmt':
        break;
      case 'IfStmt': if (st.else || !simple(st.init)) return false; break;
      case 'ForStmt': if (!st.cond || !simple(st.init)) return false; break;
      case 'RangeStmt': break;
      default: return false;
    }
  }
  return true; // falling off the end
}

function hasAllPathsFact(info: PackageInfo, key: string, allPaths: readonly FuncFactKind[]): boolean {
  for (const k of allPaths) if (info.hasFuncFact(key, k.id)) return true;
  return false;
}

/**
 * Can a call's callee have an all-paths fact that is not known yet (a
 * module function: facts come with buildProgram)? With final facts of the
 * other packages, only this package's functions can; the others have
 * theirs already, and packages outside the scan have none.
 */
function mayGainFact(info: PackageInfo, callee: Callee & { kind: 'func' | 'method' }, allPaths: readonly FuncFactKind[], depsFinal: boolean): boolean {
  if (isKnownPackage(info, callee.pkg)) return false;
  if (!depsFinal || callee.pkg === info.importPath) return true;
  if (!info.program.packages[callee.pkg]) return false;
  const key = callee.key;
  return key !== undefined && hasAllPathsFact(info, key, allPaths);
}

/** A package whose API comes from the stdlib/third-party tables (so no module function facts). */
function isKnownPackage(info: PackageInfo, pkg: string): boolean {
  return pkg !== info.importPath && !info.program.packages[pkg] && knownPackageName(pkg) !== undefined;
}

// ---------------------------------------------------------------------------
// Main thread: merge and fixpoint

/**
 * Merges package summaries and computes facts to a fixpoint (monotone;
 * terminates with recursion). With `base`, the facts of the packages it
 * holds are final (packages that only the summarised ones import, as in
 * dependency order): calls into them use their facts, and the result holds
 * only the summarised packages' exports and facts.
 */
export function buildProgram(summaries: readonly PackageSummary[], kinds: readonly FactKind[] = [], base: ProgramView = EMPTY_PROGRAM): ProgramView {
  const allKinds = withCore(kinds);
  const packages: Record<string, ExportedPackage> = {};
  for (const s of summaries) packages[s.path] = s.exports;
  const graph = new CallGraph(summaries);
  const funcs = graph.funcs;
  // the summarised functions in `funcs` order (the loops below index this array: no iterator objects)
  const funcList = Array.from(funcs.values());
  const callers = { get: (k: string) => graph.callersOf(k) };
  const funcFacts = new Map<string, Set<string>>();
  const paramFacts = new Map<string, Map<string, Set<number>>>();
  const hasF = (key: string, id: string): boolean => !!funcFacts.get(key)?.has(id) || !!base.facts.func[key]?.includes(id);
  /** Calls from the summarised functions into functions whose facts `base` holds. */
  const baseCalls: CallGraphEdge[] = [];
  for (let fi = 0; fi < funcList.length; fi++) {
    const callees = graph.calleesOf(funcList[fi]!.key);
    for (let i = 0; i < callees.length; i++) {
      const e = callees[i]!;
      if (!funcs.has(e.callee) && (base.facts.func[e.callee] || base.facts.param[e.callee])) baseCalls.push(e);
    }
  }
  const addF = (key: string, id: string): boolean => {
    let s = funcFacts.get(key);
    if (!s) funcFacts.set(key, (s = new Set()));
    if (s.has(id)) return false;
    s.add(id);
    return true;
  };
  const addP = (key: string, id: string, i: number): boolean => {
    let m = paramFacts.get(key);
    if (!m) paramFacts.set(key, (m = new Map()));
    let s = m.get(id);
    if (!s) m.set(id, (s = new Set()));
    if (s.has(i)) return false;
    s.add(i);
    return true;
  };

  for (const k of allKinds) {
    if (k.level === 'package') continue; // exported with the package (packageFactsOf)
    if (k.level === 'param') {
      const work: [string, number][] = [];
      for (let fi = 0; fi < funcList.length; fi++) {
        const f = funcList[fi]!;
        const seeds = f.seeds?.[k.id];
        if (seeds) for (let i = 0; i < seeds.length; i++) if (addP(f.key, k.id, seeds[i]!)) work.push([f.key, seeds[i]!]);
      }
      for (let bi = 0; bi < baseCalls.length; bi++) {
        const e = baseCalls[bi]!;
        const fixed = base.facts.param[e.callee]?.[k.id];
        if (fixed) for (let i = 0; i < e.args.length; i++) { const a = e.args[i]!; if (fixed.includes(a[0]) && addP(e.caller, k.id, a[1])) work.push([e.caller, a[1]]); }
      }
      while (work.length) {
        const w = work.pop()!;
        const cs = callers.get(w[0]);
        for (let ci = 0; ci < cs.length; ci++) {
          const c = cs[ci]!;
          for (let i = 0; i < c.args.length; i++) { const a = c.args[i]!; if (a[0] === w[1] && addP(c.caller, k.id, a[1])) work.push([c.caller, a[1]]); }
        }
      }
    } else if (k.propagate === 'none') {
      for (let fi = 0; fi < funcList.length; fi++) { const f = funcList[fi]!; if (f.fseeds?.includes(k.id)) addF(f.key, k.id); }
    } else if (k.propagate === 'any-callee') {
      const work: string[] = [];
      for (let fi = 0; fi < funcList.length; fi++) { const f = funcList[fi]!; if (f.fseeds?.includes(k.id) && addF(f.key, k.id)) work.push(f.key); }
      for (let bi = 0; bi < baseCalls.length; bi++) { const e = baseCalls[bi]!; if (base.facts.func[e.callee]?.includes(k.id) && addF(e.caller, k.id)) work.push(e.caller); }
      while (work.length) {
        const callee = work.pop()!;
        const cs = callers.get(callee);
        for (let ci = 0; ci < cs.length; ci++) if (addF(cs[ci]!.caller, k.id)) work.push(cs[ci]!.caller);
      }
    } else {
      // all-paths: re-evaluate a function when one of its callees gains the fact
      const check = (f: FuncSummary): boolean => {
        const sk = f.skel;
        if (!sk) return false;
        const cut = (b: number): boolean =>
          !!sk.seeded?.[b]?.includes(k.id) || !!sk.calls[b]?.some((c) => hasF(c, k.id));
        const seen = new Uint8Array(sk.succ.length);
        const stack = [0];
        seen[0] = 1;
        while (stack.length) {
          const b = stack.pop()!;
          if (b === sk.exit) return false;
          if (cut(b)) continue;
          const succ = sk.succ[b]!;
          for (let i = 0; i < succ.length; i++) { const s = succ[i]!; if (!seen[s]) { seen[s] = 1; stack.push(s); } }
        }
        return true;
      };
      const work: string[] = [];
      for (let fi = 0; fi < funcList.length; fi++) { const f = funcList[fi]!; if (check(f) && addF(f.key, k.id)) work.push(f.key); }
      while (work.length) {
        const callee = work.pop()!;
        const cs = callers.get(callee);
        for (let ci = 0; ci < cs.length; ci++) {
          const c = cs[ci]!;
          if (hasF(c.caller, k.id)) continue;
          const f = funcs.get(c.caller);
          if (f && check(f) && addF(f.key, k.id)) work.push(f.key);
        }
      }
    }
  }
  const func: Record<string, string[]> = {};
  funcFacts.forEach((v, k) => { func[k] = [...v].sort(); });
  const param: Record<string, Record<string, number[]>> = {};
  paramFacts.forEach((m, k) => {
    const o: Record<string, number[]> = {};
    m.forEach((s, id) => { o[id] = [...s].sort((a, b) => a - b); });
    param[k] = o;
  });
  const facts: FactTable = { func, param };
  return { packages, facts };
}

/**
 * Summarizes the packages of a module in dependency order (each package
 * sees the exports of the module packages it imports) and builds the
 * program. The sequential reference for what workers do in waves.
 */
export function summarizeModule(pkgs: readonly PackageInput[], kinds: readonly FactKind[] = []): { summaries: PackageSummary[]; program: ProgramView } {
  const byPath = new Map(pkgs.map((p) => [p.importPath, p]));
  const order = dependencyOrder(pkgs);
  const done = new Map<string, PackageSummary>();
  const packages: Record<string, ExportedPackage> = {};
  const deps: ProgramView = { packages, facts: { func: {}, param: {} } };
  for (const p of order) {
    const s = summarizePackage(p, kinds, deps);
    done.set(p.importPath, s);
    if (!p.name.endsWith('_test')) packages[p.importPath] = s.exports;
  }
  void byPath;
  const summaries = order.map((p) => done.get(p.importPath)!);
  return { summaries, program: buildProgram(summaries, kinds) };
}

/** Topological order of packages by their imports (cycles broken arbitrarily). */
export function dependencyOrder(pkgs: readonly PackageInput[]): PackageInput[] {
  const byPath = new Map<string, PackageInput[]>();
  for (const p of pkgs) {
    let l = byPath.get(p.importPath);
    if (!l) byPath.set(p.importPath, (l = []));
    l.push(p);
  }
  const out: PackageInput[] = [];
  const state = new Map<PackageInput, number>();
  const visit = (p: PackageInput): void => {
    if (state.get(p)) return;
    state.set(p, 1);
    for (const f of p.files) for (const s of f.ast.imports) {
      const w = importPathOf(s);
      const ip = p.importMap?.[w] ?? w;
      for (const d of byPath.get(ip) ?? []) if (d !== p) visit(d);
    }
    // an external test package depends on its package under test
    if (p.name.endsWith('_test')) for (const d of byPath.get(p.importPath.replace(/_test$/, '')) ?? []) if (d !== p) visit(d);
    out.push(p);
  };
  for (const p of pkgs) visit(p);
  return out;
}


