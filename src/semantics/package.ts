/**
 * The per-package semantic view that rules query: `checkPackage(pkg,
 * program)` → `PackageInfo` with objects, types, constants, callees, CFGs,
 * facts and per-file data.
 */
import type * as ast from '../syntax/ast.js';
import { NO_POS } from '../syntax/ast.js';
import type { PositionTable } from '../syntax/position.js';
import { eachChild as forEachChild } from './visit.js';
import { buildCFG, type CFG } from './cfg.js';
import type { CPreamble } from './cgo-preamble.js';
import { constFromJSON, type ConstValue } from './consts.js';
import type { ExportedPackage } from './exports.js';
import { calledName, lastName, type FactNameIndex } from './fact-names.js';
import { calleeForm } from './call-shapes.js';
import { RecentAnswers } from './recent-answers.js';
import { TypeInfo, type PackageEnv, type ExprMode, CGO_FUNCS } from './infer.js';
import { unparen } from '../syntax/ast.js';
import { resolvePackage, type FileScopeInfo, type FuncNode, type ImportLookup, type Resolution } from './resolve.js';
import { newObj, type Obj, type ObjRecord } from './scope.js';
import { knownPackage, knownPackageName } from './stdlib/index.js';
import { basic, BOOL as BOOL_T, defaultType, deref, INT as INT_T, isString, isUntyped, named, typeString, underlying, type MethodInfo, type NamedType, type SignatureType, type Type } from './types.js';

/** Minimal module information (connected to go.mod parsing by the integrator). */
export interface ModuleInfo {
  readonly path: string;
  readonly goVersion: string;
}

export interface PackageFileInput {
  /** Absolute (or scan-relative) path, used as the identity of the file. */
  readonly path: string;
  /** Path relative to the module root (used in declaration positions `relPath:offset`). */
  readonly relPath: string;
  readonly source: string;
  readonly ast: ast.File;
  readonly positions: PositionTable;
  readonly isTest: boolean;
  readonly isCgo: boolean;
}

export interface PackageInput {
  readonly importPath: string;
  readonly dir: string;
  /** Package name from the package clauses (`p` or `p_test`). */
  readonly name: string;
  readonly module: ModuleInfo;
  readonly files: readonly PackageFileInput[];
  /** Import path as written → resolved package path (vendoring), like `go list`'s ImportMap. */
  readonly importMap?: Readonly<Record<string, string>>;
  /** Texts of the C files of the package, by path relative to its directory (`blob.h`, `clib/blob.h`): headers preambles include with `#include "..."`, and sources (`.c`) that define what preambles declare. */
  readonly cgoFiles?: Readonly<Record<string, string>>;
}

/** Facts of functions, keyed by function key (`pkg.F` or `(pkg.T).M`). */
export interface FactTable {
  /** Function-level facts: key → fact ids. */
  readonly func: Readonly<Record<string, readonly string[]>>;
  /** Parameter facts: key → fact id → parameter indices (-1 = receiver). */
  readonly param: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
}

/** The merged view of a module: exported API of its packages plus facts. JSON-serializable. */
export interface ProgramView {
  readonly packages: Readonly<Record<string, ExportedPackage>>;
  readonly facts: FactTable;
  /** Which names hold which facts, over `facts` (kept by scans, never serialized); without it no call is ruled out by name. */
  readonly factNames?: FactNameIndex;
}

export const EMPTY_PROGRAM: ProgramView = { packages: {}, facts: { func: {}, param: {} } };

/** What a call invokes. */
export type Callee =
  | { readonly kind: 'func'; readonly pkg: string; readonly name: string; readonly obj?: Obj; readonly key: string }
  | { readonly kind: 'method'; readonly recv: Type; readonly pkg: string; readonly name: string; readonly obj?: Obj; readonly key?: string; readonly iface: boolean }
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'conversion'; readonly type: Type }
  | { readonly kind: 'funcValue'; readonly type?: Type }
  | { readonly kind: 'unknown' };

export interface Facts {
  readonly func: ReadonlySet<string>;
  /** fact id → parameter indices (-1 = receiver). */
  readonly params: ReadonlyMap<string, ReadonlySet<number>>;
  has(id: string): boolean;
  hasParam(id: string, index: number): boolean;
}

const NO_FACTS: Facts = { func: new Set(), params: new Map(), has: () => false, hasParam: () => false };

export function funcKey(pkg: string, name: string): string {
  return `${pkg}.${name}`;
}
/** The key of function object `o` called as a member of package `pkg` (cached on the object when that is its own package). */
function objFuncKey(o: Obj, pkg: string): string {
  if (o.pkg !== pkg) return funcKey(pkg, o.name);
  const r = o as ObjRecord;
  return r.funcKey ??= funcKey(pkg, o.name);
}

export function methodKey(pkg: string, typeName: string, name: string): string {
  return `(${pkg}.${typeName}).${name}`;
}

const UINT = basic('uint');
/** Standard-library calls that never return. */
const NORETURN_FUNCS = new Set([
  'os.Exit', 'log.Fatal', 'log.Fatalf', 'log.Fatalln', 'log.Panic', 'log.Panicf', 'log.Panicln', 'runtime.Goexit',
  'syscall.Exit', 'github.com/sirupsen/logrus.Fatal', 'github.com/sirupsen/logrus.Fatalf', 'github.com/sirupsen/logrus.Fatalln',
  'github.com/sirupsen/logrus.Panic', 'github.com/sirupsen/logrus.Panicf', 'github.com/sirupsen/logrus.Panicln',
]);
const NORETURN_METHODS = new Set([
  '(testing.common).Fatal', '(testing.common).Fatalf', '(testing.common).FailNow', '(testing.common).Skip',
  '(testing.common).Skipf', '(testing.common).SkipNow',
  '(log.Logger).Fatal', '(log.Logger).Fatalf', '(log.Logger).Fatalln', '(log.Logger).Panic', '(log.Logger).Panicf', '(log.Logger).Panicln',
  '(go.uber.org/zap.Logger).Fatal', '(go.uber.org/zap.Logger).Panic', '(go.uber.org/zap.SugaredLogger).Fatal',
  '(go.uber.org/zap.SugaredLogger).Fatalf', '(go.uber.org/zap.SugaredLogger).Fatalw', '(go.uber.org/zap.SugaredLogger).Panic',
  '(github.com/sirupsen/logrus.Logger).Fatal', '(github.com/sirupsen/logrus.Logger).Fatalf', '(github.com/sirupsen/logrus.Entry).Fatal',
  '(github.com/sirupsen/logrus.Entry).Fatalf',
]);
const TESTING_TYPES = new Set(['T', 'B', 'F', 'TB', 'common']);
const TESTING_NORETURN = new Set(['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow']);
/** The last name of every key above, and `panic`: a call named otherwise is not one of them. */
const NORETURN_NAMES: ReadonlySet<string> = new Set(
  ['panic', ...TESTING_NORETURN, ...[...NORETURN_FUNCS, ...NORETURN_METHODS].map(lastName)],
);

/** The combined import environment: module packages first, then known stdlib/third-party tables. */
export class Importer implements ImportLookup, PackageEnv {
  private readonly members = new Map<string, Map<string, Obj | null>>();
  private readonly foreign = new Map<string, Obj>();
  private readonly foreignFields = new Map<string, Map<string, Map<string, Obj>>>();
  private readonly foreignMethods = new Map<string, Map<string, Map<string, Obj>>>();
  constructor(readonly program: ProgramView, readonly self?: string) {}

  lookupPackage(path: string): ExportedPackage | undefined {
    if (path === this.self) return undefined;
    return this.program.packages[path] ?? knownPackage(path);
  }
  packageName(path: string): string | undefined {
    return this.program.packages[path]?.name ?? knownPackageName(path);
  }
  memberObj(path: string, name: string): Obj | undefined {
    let byName = this.members.get(path);
    if (!byName) this.members.set(path, (byName = new Map()));
    let o = byName.get(name);
    if (o !== undefined) return o ?? undefined;
    o = this.makeMember(path, name) ?? null;
    byName.set(name, o);
    return o ?? undefined;
  }
  private makeMember(path: string, name: string): Obj | undefined {
    if (path === 'C') {
      return newObj(name in CGO_FUNCS ? 'func' : 'var', name, null, null, '', 'C', null);
    }
    const p = this.lookupPackage(path);
    if (!p) return undefined;
    const mk = (kind: Obj['kind'], pos: string | undefined): Obj => newObj(kind, name, null, null, '', path, null, { isPackageLevel: true, pos });
    const t = p.types[name];
    if (t) {
      const o = mk('type', t.pos);
      o.isAlias = !!t.alias;
      o.type = t.alias ? t.underlying : named(path, name, t.typeParams && t.typeParams.length ? t.typeParams : undefined);
      return o;
    }
    const f = p.funcs[name];
    if (f) {
      const o = mk('func', f.pos);
      o.type = f.sig;
      return o;
    }
    const v = p.vars[name];
    if (v) {
      const o = mk('var', v.pos);
      o.type = v.type;
      return o;
    }
    const c = p.consts[name];
    if (c) {
      const o = mk('const', c.pos);
      o.type = c.type;
      const val = c.value ? constFromJSON(c.value) : undefined;
      if (val) o.value = val;
      return o;
    }
    return undefined;
  }
  foreignObj(kind: 'field' | 'method', pkg: string, typeName: string, name: string, pos: string | undefined, type: Type): Obj {
    // instantiated generic types give their members other types: key those by type too
    const generic = mentionsGeneric(type);
    let byName: Map<string, Obj> | undefined;
    let k: string;
    let o: Obj | undefined;
    if (generic) {
      k = `${kind}\x00${pkg}\x00${typeName}\x00${name}\x00${typeString(type)}`;
      o = this.foreign.get(k);
    } else {
      // pkg → type → name (the strings' hashes are cached; no key string is built)
      k = name;
      const byPkg = kind === 'field' ? this.foreignFields : this.foreignMethods;
      let byType = byPkg.get(pkg);
      if (!byType) byPkg.set(pkg, (byType = new Map()));
      byName = byType.get(typeName);
      if (!byName) byType.set(typeName, (byName = new Map()));
      o = byName.get(name);
    }
    if (!o) {
      o = newObj(kind === 'field' ? 'var' : 'func', name, null, null, '', pkg, null,
        kind === 'field' ? { isField: true, pos, ownerType: named(pkg, typeName) } : { isMethod: true, recvTypeName: typeName, pos, ownerType: named(pkg, typeName) });
      o.type = type;
      (byName ?? this.foreign).set(k, o);
    }
    return o;
  }
}

function mentionsGeneric(t: Type): boolean {
  switch (t.kind) {
    case 'named': return !!t.args;
    case 'basic': case 'unknown': return false;
    case 'typeparam': return true;
    case 'pointer': case 'slice': case 'array': case 'chan': return mentionsGeneric(t.elem);
    case 'map': return mentionsGeneric(t.key) || mentionsGeneric(t.elem);
    case 'func': return t.params.some(mentionsGeneric) || t.results.some(mentionsGeneric);
    default: return true;
  }
}

/** A method callee; the method object is looked up on demand (most rules only need the key). */
class MethodCallee {
  readonly kind = 'method' as const;
  readonly #info: TypeInfo;
  readonly #sel: ast.Ident;
  constructor(
    readonly recv: Type, readonly pkg: string, readonly name: string, readonly iface: boolean,
    readonly key: string | undefined, info: TypeInfo, sel: ast.Ident,
  ) {
    this.#info = info;
    this.#sel = sel;
  }
  get obj(): Obj | undefined {
    return this.#info.objectOf(this.#sel);
  }
}

/** Per-file data for rules. */
export interface FileData {
  readonly path: string;
  readonly relPath: string;
  readonly ast: ast.File;
  readonly source: string;
  readonly positions: PositionTable;
  readonly isTest: boolean;
  readonly isCgo: boolean;
  /** The cgo preamble (doc comment of `import "C"`), '' when none. */
  readonly cgoPreamble: string;
  /** Local name → import path (named and unnamed imports; not blank or dot). */
  readonly imports: ReadonlyMap<string, string>;
}

export interface CheckOptions {
  /** Extra never-returning callee keys (beyond stdlib and facts). */
  readonly noReturn?: ReadonlySet<string>;
  /**
   * The PackageInfo of the same package from phase 1 (summarizePackage with
   * `keepInfo`), when this thread still has it: its resolution and types
   * are reused and only the facts are replaced (valid when phase 1 saw the
   * exports of all module packages it imports, as in dependency waves).
   */
  readonly reuse?: PackageInfo;
}

/** Everything rules ask about one package. */
export class PackageInfo {
  readonly res: Resolution;
  readonly info: TypeInfo;
  readonly importer: Importer;
  readonly files: readonly FileData[];
  private readonly fileByAst = new Map<ast.File, FileData>();
  private parents: Map<ast.Node, ast.Node> | undefined;
  private readonly cfgs = new Map<FuncNode, CFG>();
  private readonly callees = new Map<ast.CallExpr, Callee>();

  /** Replaces the program view (facts) of a checked package; types and objects are kept. */
  rebind(program: ProgramView): this {
    (this as { program: ProgramView }).program = program;
    this.cfgs.clear();
    return this;
  }

  constructor(readonly pkg: PackageInput, readonly program: ProgramView, readonly options: CheckOptions = {}) {
    this.importer = new Importer(program, pkg.importPath);
    this.res = resolvePackage(pkg.importPath, pkg.files.map((f) => ({ path: f.path, relPath: f.relPath, ast: f.ast })), this.importer, pkg.importMap);
    this.info = new TypeInfo(this.res, this.importer, pkg.cgoFiles);
    const files: FileData[] = [];
    pkg.files.forEach((f, i) => {
      const fi: FileScopeInfo = this.res.files[i]!;
      const d: FileData = {
        path: f.path, relPath: f.relPath, ast: f.ast, source: f.source, positions: f.positions, isTest: f.isTest,
        isCgo: f.isCgo || fi.isCgo, cgoPreamble: fi.cgoPreamble, imports: fi.imports,
      };
      files.push(d);
      this.fileByAst.set(f.ast, d);
    });
    this.files = files;
  }

  get importPath(): string {
    return this.pkg.importPath;
  }

  /** The object an identifier denotes (use) or declares (def). */
  objectOf(id: ast.Ident): Obj | undefined {
    return this.info.objectOf(id);
  }
  /** The type of an expression (the denoted type for type expressions); `unknown` when not known. */
  typeOf(e: ast.Expr): Type {
    return this.info.typeOf(e);
  }
  /** Value, type, package name, builtin...? */
  modeOf(e: ast.Expr): ExprMode {
    return this.info.modeOf(e);
  }
  /** The constant value of a constant expression. */
  constValue(e: ast.Expr): ConstValue | undefined {
    const v = this.info.constValue(e);
    if (v || !this.info.isConstExpr(e)) return v;
    // a subexpression of a const spec mentioning iota: evaluate with that spec's iota
    for (let x: ast.Node | null = e; x; x = this.parentOf(x)) {
      const spec = this.info.constSpecOfValue(x as ast.Expr);
      // an implicitly repeated spec's expression has one value per repetition: no single answer
      if (spec) return this.info.isRepeatedSpec(spec.spec) ? undefined : this.info.constValueIn(e, spec.iota);
      if (x.kind === 'ValueSpec' || x.kind.endsWith('Stmt') || x.kind === 'FuncDecl') break;
    }
    return undefined;
  }
  /** The type of an object. */
  typeOfObj(o: Obj): Type {
    return this.info.objType(o);
  }

  /** The C declarations of the package's cgo preambles (functions, typedefs, variables), merged over its files. */
  cgoDecls(): CPreamble {
    return this.info.cgoDecls();
  }

  /** The import path a local package name denotes in a file. */
  importPathOf(file: ast.File | FileData, localName: string): string | undefined {
    const d = 'kind' in file ? this.fileByAst.get(file) : file;
    return d?.imports.get(localName);
  }

  fileData(file: ast.File): FileData | undefined {
    return this.fileByAst.get(file);
  }

  /** In front of `callees`. */
  private readonly recentCallees = new RecentAnswers<ast.CallExpr, Callee>();

  /** What a call invokes. */
  calleeOf(call: ast.CallExpr): Callee {
    if (this.recentCallees.has(call)) return this.recentCallees.get(call);
    let c = this.callees.get(call);
    if (!c) {
      c = this.computeCallee(call);
      this.callees.set(call, c);
    }
    this.recentCallees.set(call, c);
    return c;
  }

  private computeCallee(call: ast.CallExpr): Callee {
    let fun = unparen(call.fun);
    const mode = this.info.modeOf(fun);
    if (mode === 'type') return { kind: 'conversion', type: this.info.typeExpr(fun) };
    if (mode === 'builtin') return { kind: 'builtin', name: this.info.builtinName(fun) ?? '' };
    if ((fun.kind === 'IndexExpr' || fun.kind === 'IndexListExpr')) fun = unparen(fun.x);
    if (fun.kind === 'Ident') {
      const o = this.info.objectOf(fun);
      if (o && o.kind === 'func' && !o.isMethod) return { kind: 'func', pkg: o.pkg, name: o.name, obj: o, key: objFuncKey(o, o.pkg) };
      if (o && o.kind === 'var') return { kind: 'funcValue', type: this.info.objType(o) };
      return { kind: 'unknown' };
    }
    if (fun.kind === 'SelectorExpr') {
      const x = fun.x;
      const xo = x.kind === 'Ident' ? this.res.uses.get(x) : undefined;
      if (xo && xo.kind === 'pkgname') {
        const path = xo.importPath!;
        if (path === 'C') return { kind: 'func', pkg: 'C', name: fun.sel.name, key: funcKey('C', fun.sel.name), ...(this.res.uses.get(fun.sel) ? { obj: this.res.uses.get(fun.sel)! } : {}) };
        const o = this.res.uses.get(fun.sel);
        if (o && o.kind === 'func') return { kind: 'func', pkg: path, name: o.name, obj: o, key: objFuncKey(o, path) };
        if (o && o.kind === 'var') return { kind: 'funcValue', type: this.info.objType(o) };
        if (!o) return { kind: 'func', pkg: path, name: fun.sel.name, key: funcKey(path, fun.sel.name) };
        return { kind: 'unknown' };
      }
      const s = this.info.selection(fun);
      if (!s) return { kind: 'unknown' };
      if (s.kind === 'field') return { kind: 'funcValue', type: s.type };
      const owner = deref(s.owner);
      const m = s.method;
      if (s.iface) return new MethodCallee(s.owner, owner.kind === 'named' ? owner.pkg : this.pkg.importPath, s.name, true, undefined, this.info, fun.sel);
      if (owner.kind === 'named') return new MethodCallee(s.owner, m?.pkg ?? owner.pkg, s.name, false, this.methodKeyOf(owner, s.name, m), this.info, fun.sel);
      return { kind: 'unknown' };
    }
    if (fun.kind === 'FuncLit') return { kind: 'funcValue', type: this.info.typeOf(fun) };
    const t = this.info.typeOf(fun);
    return t.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'funcValue', type: t };
  }

  private readonly methodKeys = new Map<MethodInfo, { readonly pkg: string; readonly type: string; readonly key: string }>();
  /** methodKey(owner.pkg, owner.name, name), one string per method of a non-generic type (its hash is computed once). */
  private methodKeyOf(owner: NamedType, name: string, m: MethodInfo | undefined): string {
    if (!m || owner.args || m.name !== name) return methodKey(owner.pkg, owner.name, name);
    const c = this.methodKeys.get(m);
    if (c && c.pkg === owner.pkg && c.type === owner.name) return c.key;
    const key = methodKey(owner.pkg, owner.name, name);
    if (!c) this.methodKeys.set(m, { pkg: owner.pkg, type: owner.name, key });
    return key;
  }

  /** The key used for facts of a callee, if it has one. */
  calleeKey(c: Callee): string | undefined {
    return c.kind === 'func' ? c.key : c.kind === 'method' ? c.key : undefined;
  }

  /** Facts of a callee (or of a function key). */
  factsOf(callee: Callee | string): Facts {
    const key = typeof callee === 'string' ? callee : this.calleeKey(callee);
    if (!key) return NO_FACTS;
    const f = this.program.facts.func[key];
    const p = this.program.facts.param[key];
    if (!f && !p) return NO_FACTS;
    const func = new Set(f ?? []);
    const params = new Map<string, Set<number>>();
    for (const [k, v] of Object.entries(p ?? {})) params.set(k, new Set(v));
    return { func, params, has: (id) => func.has(id), hasParam: (id, i) => !!params.get(id)?.has(i) };
  }

  /** Does the function with this key have the function-level fact? (no allocation) */
  hasFuncFact(key: string, id: string): boolean {
    const f = this.program.facts.func[key];
    return !!f && f.includes(id);
  }

  /** Does the function with this key have the parameter fact for parameter `index` (-1: receiver)? */
  hasParamFact(key: string, id: string, index: number): boolean {
    const p = this.program.facts.param[key]?.[id];
    return !!p && p.includes(index);
  }

  /**
   * Whether the call may invoke a function holding fact `id` (function or
   * parameter level), judged by the name and form it calls (`calleeForm`: a
   * method call cannot invoke a function), without resolving it:
   * false means it certainly does not.
   */
  mayCallFactHolder(call: ast.CallExpr, id: string): boolean {
    const index = this.program.factNames;
    if (!index) return true;
    const name = calledName(call);
    if (name === undefined) return false;
    // the name first (set lookups); the call's form (a resolver lookup) only when both forms could hold it
    const method = index.has(id, name, true);
    const func = index.has(id, name, false);
    if (!method && !func) return false;
    const form = calleeForm(this, call);
    return form !== undefined && (form === 'method' ? method : func);
  }

  /** Key of a declared function or method of this package. */
  keyOfFunc(fn: ast.FuncDecl): string {
    if (fn.recv) {
      const t = this.info.recvNamed(fn);
      return methodKey(this.pkg.importPath, t?.name ?? '?', fn.name.name);
    }
    const o = this.res.defs.get(fn.name);
    return o && o.kind === 'func' ? objFuncKey(o, this.pkg.importPath) : funcKey(this.pkg.importPath, fn.name.name);
  }

  /**
   * A pre-check of `isNoReturnCall` from the called name alone (no callee
   * resolution): false only when the call cannot be one that never returns.
   */
  mayBeNoReturnCall(call: ast.CallExpr): boolean {
    const index = this.program.factNames;
    if (!index) return true;
    const name = calledName(call);
    if (name === undefined) return false;
    if (NORETURN_NAMES.has(name) || index.has(NEVER_RETURNS, name)) return true;
    const extra = this.options.noReturn;
    if (extra) for (const key of extra) if (lastName(key) === name) return true;
    return false;
  }

  /** Does this call never return (panic, os.Exit, log.Fatal, t.Fatal, module functions with the never-returns fact)? */
  isNoReturnCall(call: ast.CallExpr): boolean {
    if (!this.mayBeNoReturnCall(call)) return false;
    const c = this.calleeOf(call);
    if (c.kind === 'builtin') return c.name === 'panic';
    if (c.kind === 'func') {
      if (NORETURN_FUNCS.has(`${c.pkg}.${c.name}`)) return true;
      return !!this.options.noReturn?.has(c.key) || this.hasFuncFact(c.key, NEVER_RETURNS);
    }
    if (c.kind === 'method') {
      const r = deref(c.recv);
      if (r.kind === 'named') {
        if (r.pkg === 'testing' && TESTING_TYPES.has(r.name) && TESTING_NORETURN.has(c.name)) return true;
        if (NORETURN_METHODS.has(`(${r.pkg}.${r.name}).${c.name}`)) return true;
      }
      if (c.key && (this.options.noReturn?.has(c.key) || this.hasFuncFact(c.key, NEVER_RETURNS))) return true;
    }
    return false;
  }

  /** The control-flow graph of a function body (built lazily, cached). */
  cfgOf(fn: FuncNode): CFG | undefined {
    let g = this.cfgs.get(fn);
    if (!g) {
      const body = fn.body;
      if (!body) return undefined;
      g = buildCFG(fn, { isNoReturn: (c) => this.isNoReturnCall(c) });
      this.cfgs.set(fn, g);
    }
    return g;
  }

  /** All functions (FuncDecls with bodies and FuncLits). */
  get funcs(): readonly FuncNode[] {
    return this.res.funcs;
  }

  /**
   * Parents are recorded one top-level declaration at a time, when a node
   * in it is first asked about (rules ask about few declarations of most
   * packages): the declaration is found by position, and its subtree is
   * recorded exactly as a walk of the whole package would record it.
   */
  private parentsInit(): Map<ast.Node, ast.Node> {
    const parents = new Map<ast.Node, ast.Node>();
    this.declDone = [];
    for (const f of this.files) {
      const file = f.ast;
      parents.set(file.name, file);
      for (const d of file.decls) parents.set(d, file);
      this.declDone.push(new Uint8Array(file.decls.length));
    }
    this.parents = parents;
    return parents;
  }

  private declDone: Uint8Array[] = [];
  private parentsComplete = false;
  private lastParentFile = 0;

  /** Records the parents of the nodes under a declaration (iterative, any depth). */
  private addParents(decl: ast.Decl): void {
    const parents = this.parents!;
    const stack: ast.Node[] = [decl];
    let parent: ast.Node;
    const add = (c: ast.Node): void => {
      parents.set(c, parent);
      stack.push(c);
    };
    while (stack.length > 0) {
      parent = stack.pop()!;
      forEachChild(parent, add);
    }
  }

  private parentSlow(n: ast.Node): ast.Node | null {
    const files = this.files;
    const nf = files.length;
    for (let k = 0; k < nf; k++) {
      const fi = (this.lastParentFile + k) % nf;
      const decls = files[fi]!.ast.decls;
      // the last declaration starting at or before the node
      let lo = 0;
      let hi = decls.length - 1;
      let idx = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (decls[mid]!.start <= n.start) { idx = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (idx < 0 || n.end > decls[idx]!.end) continue;
      const done = this.declDone[fi]!;
      if (done[idx]) continue;
      done[idx] = 1;
      this.addParents(decls[idx]!);
      const p = this.parents!.get(n);
      if (p !== undefined) {
        this.lastParentFile = fi;
        return p;
      }
    }
    // not under any declaration by position: record everything
    for (let fi = 0; fi < nf; fi++) {
      const decls = files[fi]!.ast.decls;
      const done = this.declDone[fi]!;
      for (let i = 0; i < decls.length; i++) if (!done[i]) { done[i] = 1; this.addParents(decls[i]!); }
    }
    this.parentsComplete = true;
    return this.parents!.get(n) ?? null;
  }

  /** The parent of a node (null for a File). */
  parentOf(n: ast.Node): ast.Node | null {
    const p = (this.parents ?? this.parentsInit()).get(n);
    if (p !== undefined) return p;
    if (this.parentsComplete || n.kind === 'File') return null;
    return this.parentSlow(n);
  }

  /** The file containing a node. */
  fileOf(n: ast.Node): FileData | undefined {
    let x: ast.Node | null = n;
    while (x && x.kind !== 'File') x = this.parentOf(x);
    return x ? this.fileByAst.get(x) : undefined;
  }

  /** The innermost FuncDecl or FuncLit containing the node (the node itself excluded). */
  enclosingFunc(n: ast.Node): FuncNode | null {
    for (let x = this.parentOf(n); x; x = this.parentOf(x)) {
      if (x.kind === 'FuncDecl' || x.kind === 'FuncLit') return x;
    }
    return null;
  }

  /** The function declaration containing the node, through the function literals around it. */
  enclosingDecl(n: ast.Node): ast.FuncDecl | null {
    for (let x = this.parentOf(n); x; x = this.parentOf(x)) if (x.kind === 'FuncDecl') return x;
    return null;
  }

  /**
   * The type of an expression after the implicit conversion of untyped
   * constants by their context (go/types' recorded type): `5` in
   * `time.Sleep(5)` is time.Duration, in `x := 5` int, in `fmt.Println(5)`
   * int. Typed expressions: same as typeOf. Untyped ones whose context is
   * unknown (or itself untyped, like constant declarations) stay untyped.
   */
  contextTypeOf(e: ast.Expr): Type {
    const t = this.info.typeOf(e);
    if (!isUntyped(t)) return t;
    const target = this.contextTarget(e, t, 0);
    if (!target || target.kind === 'unknown') return t;
    return target;
  }

  /** The type an untyped expression converts to in its context (undefined: stays untyped / unknown). */
  private contextTarget(e: ast.Expr, t: Type, depth: number): Type | undefined {
    if (depth > 50) return undefined;
    const isNil = t.kind === 'basic' && t.name === 'untyped nil';
    if (isNil) return undefined; // go/types records nil as untyped nil
    const to = (target: Type | undefined): Type | undefined => {
      if (!target || target.kind === 'unknown') return undefined;
      const u = underlying(target, this.info);
      if (u.kind === 'interface') return isNil ? undefined : defaultType(t);
      if (u.kind === 'typeparam') return undefined;
      if (isNil) return target;
      return u.kind === 'basic' ? target : undefined;
    };
    const p = this.parentOf(e);
    if (!p) return undefined;
    const ti = this.info;
    switch (p.kind) {
      case 'ParenExpr': return this.upward(p, depth);
      // operands of constant expressions stay untyped (go/types never materializes them)
      case 'UnaryExpr': return p.op === '&' || p.op === '<-' || ti.isConstExpr(p) ? undefined : this.upward(p, depth);
      case 'BinaryExpr': {
        if (p.op === '<<' || p.op === '>>') {
          if (e === p.y) return this.info.isConstExpr(p.y) ? undefined : to(UINT);
          return ti.isConstExpr(p) ? undefined : this.upward(p, depth);
        }
        const cmp = p.op === '==' || p.op === '!=' || p.op === '<' || p.op === '<=' || p.op === '>' || p.op === '>=';
        if (!cmp && ti.isConstExpr(p)) return undefined;
        const other = e === p.x ? p.y : p.x;
        const ot = ti.typeOf(other);
        if (!isUntyped(ot)) return ot.kind === 'unknown' ? undefined : to(ot);
        if (cmp) {
          // both untyped: non-constant comparisons use the default type
          return ti.isConstExpr(p.x) && ti.isConstExpr(p.y) ? undefined : defaultType(t);
        }
        return this.upward(p, depth);
      }
      case 'CallExpr': {
        if (e === p.fun) return undefined;
        const i = p.args.indexOf(e);
        const fun = unparen(p.fun);
        const mode = ti.modeOf(fun);
        if (mode === 'type') {
          // like go/types' conversion: integer constant → string keeps the untyped type; a
          // constant converted to a non-basic (or interface) type takes its default type
          const T = ti.typeExpr(fun);
          const u = underlying(T, ti);
          if (u.kind === 'basic' && (u.name === 'string') && (t.kind === 'basic' && (t.name === 'untyped int' || t.name === 'untyped rune'))) return undefined;
          if (u.kind !== 'basic') return u.kind === 'unknown' || u.kind === 'typeparam' ? undefined : defaultType(t);
          return to(T);
        }
        if (mode === 'builtin') {
          const b = ti.builtinName(fun);
          switch (b) {
            case 'make': return i > 0 ? to(INT_T) : undefined;
            case 'append': {
              const s = i > 0 ? underlying(ti.typeOf(p.args[0]!), ti) : undefined;
              if (s?.kind === 'slice') return to(p.ellipsis !== NO_POS ? s : s.elem);
              return undefined;
            }
            case 'panic': case 'print': case 'println': return isNil ? undefined : defaultType(t);
            case 'min': case 'max': {
              const pt = ti.typeOf(p);
              return isUntyped(pt) ? this.upward(p, depth) : to(pt);
            }
            case 'copy': case 'delete': {
              if (b === 'delete' && i === 1) { const m = underlying(ti.typeOf(p.args[0]!), ti); return m.kind === 'map' ? to(m.key) : undefined; }
              return undefined;
            }
            case 'complex': {
              const pt = ti.typeOf(p);
              if (isUntyped(pt)) return undefined;
              return pt.kind === 'basic' && pt.name === 'complex64' ? to(basic('float32')) : to(basic('float64'));
            }
            case 'Add': return i === 1 ? to(INT_T) : undefined;
            case 'Slice': case 'String': return i === 1 ? to(INT_T) : undefined;
            default: return undefined;
          }
        }
        const sig = ti.signatureOf(p);
        if (!sig || i < 0) return undefined;
        const n = sig.params.length;
        let pt = i < n ? sig.params[i] : sig.params[n - 1];
        if (sig.variadic && i >= n - 1 && p.ellipsis === NO_POS && pt?.kind === 'slice') pt = pt.elem;
        return to(pt);
      }
      case 'AssignStmt': {
        const i = p.rhs.indexOf(e);
        if (i < 0) return undefined;
        if (p.tok === ':=') return isNil ? undefined : defaultType(t);
        if (p.lhs.length !== p.rhs.length) return undefined;
        const l = unparen(p.lhs[i]!);
        if (l.kind === 'Ident' && l.name === '_') return isNil ? undefined : defaultType(t);
        if (p.tok === '<<=' || p.tok === '>>=') return undefined;
        return to(ti.typeOf(l));
      }
      case 'ValueSpec': {
        const i = p.values.indexOf(e);
        if (i < 0) return undefined;
        if (p.type) return to(ti.typeExpr(p.type));
        const o = p.names[i] ? this.res.defs.get(p.names[i]!) : undefined;
        if (o?.kind === 'const') return undefined;
        return isNil ? undefined : defaultType(t);
      }
      case 'ReturnStmt': {
        const i = p.results.indexOf(e);
        const fn = this.enclosingFunc(p);
        if (!fn || i < 0) return undefined;
        const sig = ti.funcNodeSig(fn);
        return sig.results.length === p.results.length ? to(sig.results[i]) : undefined;
      }
      case 'KeyValueExpr': {
        const lit = this.parentOf(p);
        if (!lit || lit.kind !== 'CompositeLit') return undefined;
        const u = underlying(deref(ti.typeOf(lit)), ti);
        if (e === p.key) return u.kind === 'map' ? to(u.key) : u.kind === 'array' || u.kind === 'slice' ? to(INT_T) : undefined;
        if (u.kind === 'map' || u.kind === 'array' || u.kind === 'slice') return to(u.elem);
        if (u.kind === 'struct' && p.key.kind === 'Ident') return to(u.fields.find((f) => f.name === (p.key as ast.Ident).name)?.type);
        return undefined;
      }
      case 'CompositeLit': {
        if (e === p.type) return undefined;
        const u = underlying(deref(ti.typeOf(p)), ti);
        if (u.kind === 'array' || u.kind === 'slice' || u.kind === 'map') return to(u.elem);
        if (u.kind === 'struct') {
          const i = p.elts.indexOf(e);
          return i >= 0 ? to(u.fields[i]?.type) : undefined;
        }
        return undefined;
      }
      case 'IndexExpr': {
        if (e !== p.index) return undefined;
        const u = underlying(ti.typeOf(p.x), ti);
        if (u.kind === 'map') return to(u.key);
        const indexable = u.kind === 'slice' || u.kind === 'array' || (u.kind === 'basic' && isString(u))
          || (u.kind === 'pointer' && underlying(u.elem, ti).kind === 'array');
        return indexable ? to(INT_T) : undefined;
      }
      case 'SliceExpr': return e === p.x || ti.typeOf(p.x).kind === 'unknown' ? undefined : to(INT_T);
      case 'SendStmt': {
        if (e !== p.value) return undefined;
        const c = underlying(ti.typeOf(p.chan), ti);
        return c.kind === 'chan' ? to(c.elem) : undefined;
      }
      case 'IfStmt': case 'ForStmt': return undefined; // go/types leaves conditions untyped
      case 'CaseClause': {
        const sw = this.parentOf(this.parentOf(p) ?? p);
        if (!sw || sw.kind !== 'SwitchStmt') return undefined;
        if (!sw.tag) return BOOL_T;
        const tt = ti.typeOf(sw.tag);
        return isUntyped(tt) ? defaultType(tt) : to(tt);
      }
      case 'SwitchStmt': return e === p.tag ? (isNil ? undefined : defaultType(t)) : undefined;
      case 'RangeStmt': return e === p.x && !isString(t) ? defaultType(t) : undefined;
      case 'IncDecStmt': return undefined;
      case 'ExprStmt': return undefined;
      case 'GoStmt': case 'DeferStmt': return undefined;
      default: return undefined;
    }
  }

  private upward(p: ast.Expr, depth: number): Type | undefined {
    const pt = this.info.typeOf(p);
    if (!isUntyped(pt)) return pt.kind === 'unknown' ? undefined : pt;
    return this.contextTarget(p, pt, depth + 1);
  }

  /** The signature a call invokes, if known. */
  signatureOf(call: ast.CallExpr): SignatureType | undefined {
    return this.info.signatureOf(call);
  }

  /** Is t the named type pkg.name (or a pointer to it)? */
  isNamedType(t: Type, pkg: string, name: string): boolean {
    const d = deref(t);
    return d.kind === 'named' && d.pkg === pkg && d.name === name;
  }

  namedOf(t: Type): NamedType | undefined {
    const d = deref(t);
    return d.kind === 'named' ? d : undefined;
  }
}

export const NEVER_RETURNS = 'never-returns';

/** Type-checks a package against a program view. */
export function checkPackage(pkg: PackageInput, program: ProgramView = EMPTY_PROGRAM, options?: CheckOptions): PackageInfo {
  if (options?.reuse && options.reuse.pkg === pkg) return options.reuse.rebind(program);
  return new PackageInfo(pkg, program, options);
}
