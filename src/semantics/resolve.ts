/**
 * Scopes and identifier resolution for one package (all its files), like
 * the object-collection and resolution parts of go/types.
 *
 * Every identifier that denotes something without needing types is resolved
 * eagerly (`uses`/`defs`). Selectors `x.f` where `x` is not a package name,
 * and keys of composite literals that may be struct fields, need types and
 * are recorded as pending; `infer.ts` resolves them on demand.
 */
import type * as ast from '../syntax/ast.js';
import { mayStartGoroutine } from './goroutines.js';
import { NO_POS, unparen } from '../syntax/ast.js';
import type { ExportedPackage } from './exports.js';
import { newObj, newObjRecord, Scope, type Obj, type ObjKind, type ObjRecord } from './scope.js';
import { UNIVERSE, UNSAFE_SCOPE } from './universe.js';

export interface ResolverFile {
  readonly path: string;
  readonly relPath: string;
  readonly ast: ast.File;
}

export interface ImportInfo {
  readonly path: string;
  /** The local name ('' for blank, '.' for dot imports). */
  readonly name: string;
  readonly spec: ast.ImportSpec;
  readonly obj?: Obj;
  readonly guessed: boolean;
}

export interface FileScopeInfo {
  readonly file: ResolverFile;
  readonly scope: Scope;
  /** Local name → import path (not including blank and dot imports). */
  readonly imports: Map<string, string>;
  readonly importList: ImportInfo[];
  readonly isCgo: boolean;
  /** The doc comment text of `import "C"` (the cgo preamble), '' when none. */
  readonly cgoPreamble: string;
  /** Dot-imported packages whose API is unknown: unresolved names may come from them. */
  readonly unknownDotImports: string[];
}

/** Resolves imports: the API of a package (module or known stdlib/third-party), if known. */
export interface ImportLookup {
  lookupPackage(path: string): ExportedPackage | undefined;
  /** Package name of an import path, if known (without parsing its API). */
  packageName(path: string): string | undefined;
  /** Creates (and caches) the object for an exported member of another package. */
  memberObj(path: string, name: string): Obj | undefined;
}

/** goimports' guess of a package name from its path. */
export function guessPackageName(importPath: string): string {
  const parts = importPath.split('/');
  let base = parts[parts.length - 1] ?? importPath;
  if (/^v\d+$/.test(base) && parts.length > 1) base = parts[parts.length - 2]!;
  if (base.startsWith('go-')) base = base.slice(3);
  const m = /^[A-Za-z_0-9]*/.exec(base);
  return m ? m[0] : base;
}

export type FuncNode = ast.FuncDecl | ast.FuncLit;

export interface PendingKey {
  readonly lit: ast.CompositeLit;
  readonly scope: Scope;
}

export class Resolution {
  readonly defs = new Map<ast.Ident, Obj>();
  readonly uses = new Map<ast.Ident, Obj>();
  /** Selector `x.sel` idents whose meaning needs types. */
  readonly pendingSel = new Map<ast.Ident, ast.SelectorExpr>();
  readonly pendingKeys = new Map<ast.Ident, PendingKey>();
  /** Elided composite literal → enclosing literal. */
  readonly litParent = new Map<ast.CompositeLit, { parent: ast.CompositeLit; isKey: boolean }>();
  readonly files: FileScopeInfo[] = [];
  readonly fileOfAst = new Map<ast.File, FileScopeInfo>();
  /** The scopes opened by nodes, in the order they were opened (`scopes` maps them). */
  readonly scopeList: Scope[] = [];
  private scopeMap: Map<ast.Node, Scope> | undefined;
  /** Scopes by the node that opens them (built on first use). */
  get scopes(): ReadonlyMap<ast.Node, Scope> {
    if (!this.scopeMap) {
      const m = new Map<ast.Node, Scope>();
      for (const sc of this.scopeList) m.set(sc.node!, sc);
      this.scopeMap = m;
    }
    return this.scopeMap;
  }
  /** Methods by receiver base type name. */
  readonly methods = new Map<string, ast.FuncDecl[]>();
  /** Objects by `relPath:offset` of their declaring ident (package-level, fields, methods, locals). */
  readonly objByPos = new Map<string, Obj>();
  /** Implicit objects: type-switch symbols per clause, import pkgnames per spec. */
  readonly implicits = new Map<ast.Node, Obj>();
  /** Identifiers that could not be resolved. */
  readonly unresolved = new Set<ast.Ident>();
  /** All function nodes (FuncDecl with body and FuncLit), in source order per file. */
  readonly funcs: FuncNode[] = [];
  /** The file of each FuncDecl/FuncLit. */
  readonly funcFile = new Map<FuncNode, FileScopeInfo>();
  /** The call whose function expression (unparenthesized) is this expression. */
  readonly callOfFun = new Map<ast.Expr, ast.CallExpr>();
  /** Embedded field type idents (which go/types records as field defs) → the type object. */
  readonly embeddedType = new Map<ast.Ident, Obj>();
  /** relPath of the file of each StructType/InterfaceType node. */
  readonly typeLitFile = new Map<ast.Node, string>();
  /** Body facts per FuncDecl (see FuncBodyInfo). */
  readonly bodies = new Map<ast.FuncDecl, FuncBodyInfo>();
  /** Type-switch symbol idents (declared per clause). */
  readonly typeSwitchSymbols = new Set<ast.Ident>();
  /**
   * Every `=` and `:=` assignment and every value spec with values, file by
   * file in source order (the order of a pre-order walk of each file), for
   * the flow index of flow.ts.
   */
  readonly valueFlows: (ast.AssignStmt | ast.ValueSpec)[] = [];

  constructor(readonly pkgPath: string, readonly pkgScope: Scope) {}
}

interface WalkCtx {
  file: FileScopeInfo;
  func: FuncNode | null;
  /** Labels declared so far in the function (labels are function-wide: forward references wait in `pendingLabels`). */
  labels: Map<string, Obj> | null;
  pendingLabels: ast.Ident[] | null;
  /** Body facts of the enclosing top-level function (closures included), for summaries. */
  body: FuncBodyInfo | null;
  /** Inside a function literal of that function. */
  inLit: boolean;
}

/** What summaries need from a function body, collected during resolution (no extra walk). */
export interface FuncBodyInfo {
  /** Every call, closures included, in source order. */
  readonly calls: ast.CallExpr[];
  /** Calls in statement position of the function itself (not of its closures). */
  readonly stmtCalls: ast.CallExpr[];
  /** Every `go` statement and every call shaped like one that starts a goroutine (`g.Go(f)`, goroutines.ts), closures included, in source order. */
  readonly goStarts: (ast.GoStmt | ast.CallExpr)[];
  /** Objects assigned after their declaration (=, op=, ++, redeclaring :=, range =, &x), rederivations excepted. */
  readonly assigned: Set<Obj>;
  /**
   * Objects assigned a value a string function derives from themselves,
   * keeping their content: `p = filepath.Join(root, p)`, `s = strings.TrimSpace(s)`.
   * Such a variable still stands for what it held (a parameter for its
   * argument); it is in `assigned` only when also assigned otherwise.
   */
  readonly rederived: Set<Obj>;
  /** Objects whose address is taken. */
  readonly addressed: Set<Obj>;
  /** The body has an infinite `for`, a `select`, a label or a goto (paths may be cut without calls). */
  mayCut: boolean;
}

export function resolvePackage(pkgPath: string, files: readonly ResolverFile[], imports: ImportLookup, importMap?: Readonly<Record<string, string>>): Resolution {
  const pkgScope = new Scope('package', UNIVERSE, null);
  const r = new Resolution(pkgPath, pkgScope);
  const R = new Resolver(r, imports, importMap);
  for (const f of files) R.collectFile(f);
  for (const fi of r.files) R.walkFileDecls(fi);
  return r;
}

/** Standard-library string functions whose result keeps an argument's content (a path joined to a root, trimmed text). */
const CONTENT_KEEPING: Readonly<Record<string, ReadonlySet<string>>> = {
  'path/filepath': new Set(['Join', 'Clean', 'Abs', 'FromSlash', 'ToSlash', 'EvalSymlinks']),
  path: new Set(['Join', 'Clean']),
  strings: new Set(['TrimSpace', 'Trim', 'TrimPrefix', 'TrimSuffix', 'TrimLeft', 'TrimRight']),
  os: new Set(['ExpandEnv']),
};

/** The base type name of a receiver type expression (`*T`, `T[K]`, `(T)`). */
export function recvBaseName(e: ast.Expr | null): ast.Ident | null {
  while (e) {
    switch (e.kind) {
      case 'StarExpr': e = e.x; break;
      case 'ParenExpr': e = e.x; break;
      case 'IndexExpr': e = e.x; break;
      case 'IndexListExpr': e = e.x; break;
      case 'Ident': return e;
      default: return null;
    }
  }
  return null;
}

/** Type parameter idents declared by a receiver type `T[K, V]`. */
function recvTypeParams(e: ast.Expr | null): ast.Ident[] {
  while (e && (e.kind === 'StarExpr' || e.kind === 'ParenExpr')) e = e.x;
  if (!e) return [];
  if (e.kind === 'IndexExpr') return e.index.kind === 'Ident' ? [e.index] : [];
  if (e.kind === 'IndexListExpr') return e.indices.filter((x): x is ast.Ident => x.kind === 'Ident');
  return [];
}

class Resolver {
  constructor(readonly r: Resolution, readonly imp: ImportLookup, readonly importMap?: Readonly<Record<string, string>>) {}

  posKey(file: FileScopeInfo, id: ast.Ident): string {
    return `${file.file.relPath}:${id.start}`;
  }

  mkObj(kind: ObjKind, id: ast.Ident, node: ast.Node | null, file: FileScopeInfo, parent: Scope | null, extra?: Partial<Obj>): Obj {
    const o = newObj(kind, id.name, id, node, file.file.path, this.r.pkgPath, parent, extra);
    this.r.defs.set(id, o);
    // fields and methods are found again through types by their position
    if (extra && (extra.isField || extra.isMethod)) this.r.objByPos.set(this.posKey(file, id), o);
    return o;
  }

  /** A defined object whose optional fields the caller sets (not a field or method: no position entry). */
  def(kind: ObjKind, id: ast.Ident, node: ast.Node | null, file: FileScopeInfo, parent: Scope | null): ObjRecord {
    const o = newObjRecord(kind, id.name, id, node, file.file.path, this.r.pkgPath, parent);
    this.r.defs.set(id, o);
    return o;
  }

  /** A local variable, constant, type or label declared in function `func` (index: position in its declaration). */
  local(kind: ObjKind, id: ast.Ident, node: ast.Node | null, file: FileScopeInfo, parent: Scope | null, index: number | undefined, func: FuncNode | null): ObjRecord {
    const o = this.def(kind, id, node, file, parent);
    o.index = index;
    o.func = func ?? undefined;
    return o;
  }

  declare(scope: Scope, o: Obj): void {
    if (o.name !== '_') scope.insert(o);
  }

  // -------------------------------------------------------------------------
  // Collection of package-level objects

  collectFile(f: ResolverFile): void {
    const file = f.ast;
    const scope = new Scope('file', this.r.pkgScope, file);
    const info: FileScopeInfo = {
      file: f, scope, imports: new Map(), importList: [], isCgo: false, cgoPreamble: '', unknownDotImports: [],
    };
    this.r.files.push(info);
    this.r.fileOfAst.set(file, info);
    this.r.scopeList.push(scope);
    let isCgo = false;
    let preamble = '';
    for (const decl of file.decls) {
      if (decl.kind === 'GenDecl' && decl.tok === 'import') {
        for (const spec of decl.specs) {
          if (spec.kind !== 'ImportSpec') continue;
          const written = importPathOf(spec);
          const path = this.importMap?.[written] ?? written;
          if (path === 'C') {
            isCgo = true;
            const doc = spec.doc ?? (decl.lparen === NO_POS ? decl.doc : null);
            if (doc) preamble += commentText(doc);
          }
          this.collectImport(info, spec, path);
        }
        continue;
      }
      this.collectDecl(info, decl);
    }
    (info as { isCgo: boolean }).isCgo = isCgo;
    (info as { cgoPreamble: string }).cgoPreamble = preamble;
  }

  collectImport(info: FileScopeInfo, spec: ast.ImportSpec, path: string): void {
    const alias = spec.name?.name;
    if (spec.name && (alias === '_' || alias === '.')) {
      const o = newObj('pkgname', alias, spec.name, spec, info.file.path, this.r.pkgPath, info.scope, { importPath: path, guessed: false });
      this.r.defs.set(spec.name, o);
    }
    if (alias === '_') {
      info.importList.push({ path, name: '', spec, guessed: false });
      return;
    }
    if (alias === '.') {
      info.importList.push({ path, name: '.', spec, guessed: false });
      const exp = this.imp.lookupPackage(path);
      if (!exp || exp.partial) info.unknownDotImports.push(path);
      if (exp) {
        for (const kind of ['types', 'funcs', 'vars', 'consts'] as const) {
          for (const name of Object.keys(exp[kind])) {
            const o = this.imp.memberObj(path, name);
            if (o) info.scope.insert(o);
          }
        }
      }
      return;
    }
    let name = alias;
    let guessed = false;
    if (!name) {
      if (path === 'C') name = 'C';
      else if (path === 'unsafe') name = 'unsafe';
      else {
        name = this.imp.packageName(path);
        if (!name) { name = guessPackageName(importPathOf(spec)); guessed = true; }
      }
    }
    const id = spec.name ?? { kind: 'Ident', start: spec.path.start, end: spec.path.end, name } as ast.Ident;
    const o = newObj('pkgname', name, spec.name, spec, info.file.path, this.r.pkgPath, info.scope, { importPath: path, guessed });
    if (spec.name) {
      this.r.defs.set(spec.name, o);
      this.r.objByPos.set(this.posKey(info, spec.name), o);
    } else this.r.implicits.set(spec, o);
    void id;
    info.scope.insert(o);
    info.imports.set(name, path);
    info.importList.push({ path, name, spec, obj: o, guessed });
  }

  collectDecl(info: FileScopeInfo, decl: ast.Decl): void {
    const ps = this.r.pkgScope;
    if (decl.kind === 'FuncDecl') {
      if (decl.recv) {
        const base = recvBaseName(decl.recv.list[0]?.type ?? null);
        const o = this.mkObj('func', decl.name, decl, info, null, { isMethod: true, recvTypeName: base?.name ?? '', isPackageLevel: false });
        void o;
        if (base) {
          let l = this.r.methods.get(base.name);
          if (!l) this.r.methods.set(base.name, (l = []));
          l.push(decl);
        }
      } else {
        const o = this.mkObj('func', decl.name, decl, info, ps, { isPackageLevel: true });
        if (decl.name.name !== 'init' && decl.name.name !== '_') ps.insert(o);
      }
      return;
    }
    if (decl.kind !== 'GenDecl') return;
    for (const spec of decl.specs) {
      if (spec.kind === 'ValueSpec') {
        const kind = decl.tok === 'const' ? 'const' : 'var';
        const names = spec.names;
        for (let index = 0; index < names.length; index++) {
          const o = this.def(kind, names[index]!, spec, info, ps);
          o.isPackageLevel = true;
          o.index = index;
          this.declare(ps, o);
        }
      } else if (spec.kind === 'TypeSpec') {
        const o = this.def('type', spec.name, spec, info, ps);
        o.isPackageLevel = true;
        o.isAlias = spec.assign !== NO_POS;
        this.declare(ps, o);
      }
    }
  }

  // -------------------------------------------------------------------------
  // Walking declarations and bodies

  walkFileDecls(info: FileScopeInfo): void {
    const ctx: WalkCtx = { file: info, func: null, labels: null, pendingLabels: null, body: null, inLit: false };
    const flows = this.r.valueFlows;
    const first = flows.length;
    const decls = info.file.ast.decls;
    for (let i = 0; i < decls.length; i++) {
      const decl = decls[i]!;
      if (decl.kind === 'FuncDecl') this.funcDecl(decl, ctx);
      else if (decl.kind === 'GenDecl' && decl.tok !== 'import') this.genDecl(decl, info.scope, ctx, true);
    }
    // recorded when reached, which is source order except where an operand is resolved before an earlier one (range keys)
    let sorted = true;
    for (let i = first + 1; i < flows.length; i++) if (flows[i]!.start < flows[i - 1]!.start) { sorted = false; break; }
    if (!sorted) {
      const tail = flows.splice(first).sort((a, b) => a.start - b.start);
      for (const n of tail) flows.push(n);
    }
  }

  genDecl(decl: ast.GenDecl, scope: Scope, ctx: WalkCtx, pkgLevel: boolean): void {
    const specs = decl.specs;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i]!;
      if (spec.kind === 'ValueSpec') {
        if (spec.values.length > 0) this.r.valueFlows.push(spec);
        if (spec.type) this.typeExpr(spec.type, scope, ctx);
        this.exprs(spec.values, scope, ctx);
        if (!pkgLevel) {
          const kind = decl.tok === 'const' ? 'const' : 'var';
          const names = spec.names;
          for (let index = 0; index < names.length; index++) this.declare(scope, this.local(kind, names[index]!, spec, ctx.file, scope, index, ctx.func));
        }
      } else if (spec.kind === 'TypeSpec') {
        if (!pkgLevel) {
          const o = this.def('type', spec.name, spec, ctx.file, scope);
          o.isAlias = spec.assign !== NO_POS;
          o.func = ctx.func ?? undefined;
          this.declare(scope, o);
        }
        let s = scope;
        if (spec.typeParams) {
          s = new Scope('typeparams', scope, spec);
          this.r.scopeList.push(s);
          this.typeParams(spec.typeParams, s, ctx);
        }
        this.typeExpr(spec.type, s, ctx);
      }
    }
  }

  typeParams(list: ast.FieldList, scope: Scope, ctx: WalkCtx): void {
    // declare all first: constraints may refer to any of them
    let index = 0;
    for (const f of list.list) {
      for (const n of f.names) { const o = this.def('type', n, f, ctx.file, scope); o.index = index++; this.declare(scope, o); }
    }
    for (const f of list.list) if (f.type) this.typeExpr(f.type, scope, ctx);
  }

  funcDecl(decl: ast.FuncDecl, outer: WalkCtx): void {
    const fs = new Scope('func', outer.file.scope, decl);
    this.r.scopeList.push(fs);
    const body: FuncBodyInfo | null = decl.body ? { calls: [], stmtCalls: [], goStarts: [], assigned: new Set(), rederived: new Set(), addressed: new Set(), mayCut: false } : null;
    if (body) this.r.bodies.set(decl, body);
    const ctx: WalkCtx = { file: outer.file, func: decl, labels: null, pendingLabels: null, body, inLit: false };
    if (decl.recv) {
      // receiver type parameters are declared by the receiver type expression
      const field = decl.recv.list[0];
      if (field) {
        let index = 0;
        for (const tp of recvTypeParams(field.type)) {
          this.declare(fs, this.mkObj('type', tp, field, ctx.file, fs, { index: index++, isRecv: true }));
        }
        const base = recvBaseName(field.type);
        if (base) this.ident(base, fs, ctx);
      }
    }
    if (decl.type.typeParams) this.typeParams(decl.type.typeParams, fs, ctx);
    this.signature(decl.type, fs, ctx, decl.recv);
    if (decl.body) {
      this.r.funcs.push(decl);
      this.r.funcFile.set(decl, ctx.file);
      this.stmts(decl.body.list, fs, ctx);
      this.resolvePendingLabels(ctx);
    }
  }

  resolvePendingLabels(ctx: WalkCtx): void {
    const pending = ctx.pendingLabels;
    if (!pending) return;
    for (let i = 0; i < pending.length; i++) {
      const id = pending[i]!;
      const o = ctx.labels?.get(id.name);
      if (o) this.r.uses.set(id, o);
      else this.r.unresolved.add(id);
    }
  }

  /** Resolves param/result types and declares their names in `fs`. */
  signature(ft: ast.FuncType, fs: Scope, ctx: WalkCtx, recv: ast.FieldList | null): void {
    // the receiver's type was resolved by the caller
    this.fieldTypes(ft.params, fs, ctx);
    if (ft.results) this.fieldTypes(ft.results, fs, ctx);
    if (recv) this.declareFields(recv, 0, fs, ctx);
    this.declareFields(ft.params, 1, fs, ctx);
    if (ft.results) this.declareFields(ft.results, 2, fs, ctx);
  }

  /** Declares the names of a receiver (role 0), parameter (1) or result (2) list. */
  private declareFields(l: ast.FieldList, role: 0 | 1 | 2, fs: Scope, ctx: WalkCtx): void {
    let index = 0;
    const list = l.list;
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      const names = f.names;
      if (names.length === 0) { index++; continue; }
      for (let j = 0; j < names.length; j++) {
        const o = this.def('var', names[j]!, f, ctx.file, fs);
        o.isParam = role !== 2;
        o.isResult = role === 2;
        o.isRecv = role === 0;
        o.index = index++;
        o.func = ctx.func ?? undefined;
        this.declare(fs, o);
      }
    }
  }

  stmts(list: readonly ast.Stmt[], scope: Scope, ctx: WalkCtx): void {
    for (let i = 0; i < list.length; i++) this.stmt(list[i]!, scope, ctx);
  }

  exprs(list: readonly ast.Expr[], scope: Scope, ctx: WalkCtx): void {
    for (let i = 0; i < list.length; i++) this.expr(list[i]!, scope, ctx);
  }

  /** Resolves the types of a field list. */
  fieldTypes(l: ast.FieldList, scope: Scope, ctx: WalkCtx): void {
    const list = l.list;
    for (let i = 0; i < list.length; i++) { const t = list[i]!.type; if (t) this.typeExpr(t, scope, ctx); }
  }

  block(b: ast.BlockStmt, parent: Scope, ctx: WalkCtx, kind: 'block' = 'block'): void {
    const s = new Scope(kind, parent, b);
    this.r.scopeList.push(s);
    this.stmts(b.list, s, ctx);
  }

  stmt(s: ast.Stmt, scope: Scope, ctx: WalkCtx): void {
    switch (s.kind) {
      case 'BadStmt': case 'EmptyStmt': return;
      case 'DeclStmt':
        if (s.decl.kind === 'GenDecl') this.genDecl(s.decl, scope, ctx, false);
        return;
      case 'LabeledStmt': {
        if (ctx.body && !ctx.inLit) ctx.body.mayCut = true;
        const labels = (ctx.labels ??= new Map());
        if (!labels.has(s.label.name)) { const o = this.def('label', s.label, s, ctx.file, null); o.func = ctx.func ?? undefined; labels.set(s.label.name, o); }
        else this.r.uses.set(s.label, labels.get(s.label.name)!); // duplicate label (invalid Go)
        this.stmt(s.stmt, scope, ctx);
        return;
      }
      case 'ExprStmt': {
        this.expr(s.x, scope, ctx);
        if (ctx.body && !ctx.inLit) { const x = unparen(s.x); if (x.kind === 'CallExpr') ctx.body.stmtCalls.push(x); }
        return;
      }
      case 'SendStmt': this.expr(s.chan, scope, ctx); this.expr(s.value, scope, ctx); return;
      case 'IncDecStmt': this.expr(s.x, scope, ctx); this.markAssigned(s.x, ctx); return;
      case 'AssignStmt': this.assign(s, scope, ctx); return;
      case 'GoStmt': ctx.body?.goStarts.push(s); this.expr(s.call, scope, ctx); return;
      case 'DeferStmt': this.expr(s.call, scope, ctx); return;
      case 'ReturnStmt': this.exprs(s.results, scope, ctx); return;
      case 'BranchStmt':
        if (s.tok === 'goto' && ctx.body && !ctx.inLit) ctx.body.mayCut = true;
        if (s.label) {
          const o = ctx.labels?.get(s.label.name);
          if (o) this.r.uses.set(s.label, o);
          else (ctx.pendingLabels ??= []).push(s.label); // a forward goto (or an unknown label)
        }
        return;
      case 'BlockStmt': this.block(s, scope, ctx); return;
      case 'IfStmt': {
        const is = new Scope('if', scope, s);
        this.r.scopeList.push(is);
        if (s.init) this.stmt(s.init, is, ctx);
        this.expr(s.cond, is, ctx);
        this.block(s.body, is, ctx);
        if (s.else) this.stmt(s.else, is, ctx);
        return;
      }
      case 'ForStmt': {
        if (!s.cond && ctx.body && !ctx.inLit) ctx.body.mayCut = true;
        const fs = new Scope('for', scope, s);
        this.r.scopeList.push(fs);
        if (s.init) this.stmt(s.init, fs, ctx);
        if (s.cond) this.expr(s.cond, fs, ctx);
        if (s.post) this.stmt(s.post, fs, ctx);
        this.block(s.body, fs, ctx);
        return;
      }
      case 'RangeStmt': {
        this.expr(s.x, scope, ctx);
        const rs = new Scope('range', scope, s);
        this.r.scopeList.push(rs);
        if (s.tok === ':=') {
          for (let index = 0; index < 2; index++) {
            const k = index === 0 ? s.key : s.value;
            if (k && k.kind === 'Ident') this.declare(rs, this.local('var', k, s, ctx.file, rs, index, ctx.func));
            else if (k) this.expr(k, scope, ctx);
          }
        } else {
          if (s.key) { this.expr(s.key, scope, ctx); this.markAssigned(s.key, ctx); }
          if (s.value) { this.expr(s.value, scope, ctx); this.markAssigned(s.value, ctx); }
        }
        this.block(s.body, rs, ctx);
        return;
      }
      case 'SwitchStmt': {
        const ss = new Scope('switch', scope, s);
        this.r.scopeList.push(ss);
        if (s.init) this.stmt(s.init, ss, ctx);
        if (s.tag) this.expr(s.tag, ss, ctx);
        const clauses = s.body.list;
        for (let i = 0; i < clauses.length; i++) {
          const c = clauses[i]!;
          if (c.kind !== 'CaseClause') continue;
          if (c.list) this.exprs(c.list, ss, ctx);
          const cs = new Scope('case', ss, c);
          this.r.scopeList.push(cs);
          this.stmts(c.body, cs, ctx);
        }
        return;
      }
      case 'TypeSwitchStmt': {
        const ss = new Scope('typeswitch', scope, s);
        this.r.scopeList.push(ss);
        if (s.init) this.stmt(s.init, ss, ctx);
        let sym: ast.Ident | null = null;
        const a = s.assign;
        if (a.kind === 'AssignStmt' && a.tok === ':=' && a.lhs.length === 1 && a.lhs[0]!.kind === 'Ident') {
          sym = a.lhs[0];
          this.r.valueFlows.push(a);
          this.exprs(a.rhs, ss, ctx);
          this.r.typeSwitchSymbols.add(sym);
        } else this.stmt(a, ss, ctx);
        const clauses = s.body.list;
        for (let i = 0; i < clauses.length; i++) {
          const c = clauses[i]!;
          if (c.kind !== 'CaseClause') continue;
          if (c.list) this.exprs(c.list, ss, ctx);
          const cs = new Scope('case', ss, c);
          this.r.scopeList.push(cs);
          if (sym && sym.name !== '_') {
            const o = newObj('var', sym.name, sym, c, ctx.file.file.path, this.r.pkgPath, cs, { clause: c, func: ctx.func ?? undefined });
            cs.insert(o);
            this.r.implicits.set(c, o);
          }
          this.stmts(c.body, cs, ctx);
        }
        return;
      }
      case 'SelectStmt':
        if (ctx.body && !ctx.inLit) ctx.body.mayCut = true;
        for (let i = 0; i < s.body.list.length; i++) {
          const c = s.body.list[i]!;
          if (c.kind !== 'CommClause') continue;
          const cs = new Scope('comm', scope, c);
          this.r.scopeList.push(cs);
          if (c.comm) this.stmt(c.comm, cs, ctx);
          this.stmts(c.body, cs, ctx);
        }
        return;
      case 'CaseClause': case 'CommClause':
        return; // handled by their statements
    }
  }

  assign(s: ast.AssignStmt, scope: Scope, ctx: WalkCtx): void {
    if (s.tok === '=' || s.tok === ':=') this.r.valueFlows.push(s);
    this.exprs(s.rhs, scope, ctx);
    if (s.tok !== ':=') {
      for (let i = 0; i < s.lhs.length; i++) {
        const e = s.lhs[i]!;
        this.expr(e, scope, ctx);
        if (i === 0 && s.tok === '=' && s.rhs.length === 1 && ctx.body && unparen(e).kind === 'Ident' && this.last && this.rederives(s.rhs[0]!, this.last)) ctx.body.rederived.add(this.last);
        else this.markAssigned(e, ctx);
      }
      return;
    }
    const lhs = s.lhs;
    for (let index = 0; index < lhs.length; index++) {
      const e = lhs[index]!;
      if (e.kind !== 'Ident') { this.expr(e, scope, ctx); continue; }
      if (e.name === '_') {
        this.local('var', e, s, ctx.file, scope, index, ctx.func);
        continue;
      }
      const prev = scope.lookupLocal(e.name);
      if (prev) { this.r.uses.set(e, prev); ctx.body?.assigned.add(prev); }
      else this.declare(scope, this.local('var', e, s, ctx.file, scope, index, ctx.func));
    }
  }

  /** Whether `rhs` (resolved) is a content-keeping string function of `o` itself (see FuncBodyInfo.rederived). */
  private rederives(rhs: ast.Expr, o: Obj): boolean {
    const call = unparen(rhs);
    if (call.kind !== 'CallExpr' || call.fun.kind !== 'SelectorExpr' || call.fun.x.kind !== 'Ident') return false;
    const pkg = this.r.uses.get(call.fun.x);
    if (pkg?.kind !== 'pkgname' || !CONTENT_KEEPING[pkg.importPath ?? '']?.has(call.fun.sel.name)) return false;
    return call.args.some((a) => a.kind === 'Ident' && this.r.uses.get(a) === o);
  }

  markAssigned(e: ast.Expr, ctx: WalkCtx): void {
    if (!ctx.body) return;
    const x = unparen(e);
    // the identifier was resolved last (by `expr`, just before)
    if (x.kind === 'Ident') { const o = this.last; if (o) ctx.body.assigned.add(o); }
  }

  /**
   * What the identifier or package member resolved last denotes (undefined:
   * nothing, or a selector that needs types): callers that just resolved an
   * expression read it instead of looking the identifier up again.
   */
  private last: Obj | undefined;

  ident(id: ast.Ident, scope: Scope, ctx: WalkCtx): void {
    if (id.name === '_') { this.last = undefined; return; }
    const o = scope.lookup(id.name);
    this.last = o;
    if (o) this.r.uses.set(id, o);
    else this.r.unresolved.add(id);
    void ctx;
  }

  typeExpr(e: ast.Expr, scope: Scope, ctx: WalkCtx): void {
    this.expr(e, scope, ctx);
  }

  expr(e: ast.Expr, scope: Scope, ctx: WalkCtx): void {
    switch (e.kind) {
      case 'BadExpr': case 'BasicLit': return;
      case 'Ident': this.ident(e, scope, ctx); return;
      case 'Ellipsis': if (e.elt) this.expr(e.elt, scope, ctx); return;
      case 'FuncLit': {
        const fs = new Scope('func', scope, e);
        this.r.scopeList.push(fs);
        const inner: WalkCtx = { file: ctx.file, func: e, labels: null, pendingLabels: null, body: ctx.body, inLit: true };
        this.signature(e.type, fs, inner, null);
        this.r.funcs.push(e);
        this.r.funcFile.set(e, ctx.file);
        this.stmts(e.body.list, fs, inner);
        this.resolvePendingLabels(inner);
        return;
      }
      case 'CompositeLit': {
        if (e.type) this.expr(e.type, scope, ctx);
        let pending: PendingKey | undefined; // one record for all keys of the literal
        const elts = e.elts;
        for (let i = 0; i < elts.length; i++) {
          const el = elts[i]!;
          if (el.kind === 'KeyValueExpr') {
            if (el.key.kind === 'Ident') this.r.pendingKeys.set(el.key, (pending ??= { lit: e, scope }));
            else {
              if (el.key.kind === 'CompositeLit' && !el.key.type) this.r.litParent.set(el.key, { parent: e, isKey: true });
              this.expr(el.key, scope, ctx);
            }
            if (el.value.kind === 'CompositeLit' && !el.value.type) this.r.litParent.set(el.value, { parent: e, isKey: false });
            this.expr(el.value, scope, ctx);
          } else {
            if (el.kind === 'CompositeLit' && !el.type) this.r.litParent.set(el, { parent: e, isKey: false });
            this.expr(el, scope, ctx);
          }
        }
        return;
      }
      case 'ParenExpr': this.expr(e.x, scope, ctx); return;
      case 'SelectorExpr': {
        this.expr(e.x, scope, ctx);
        const x = e.x;
        if (x.kind === 'Ident') {
          const xo = this.last;
          if (xo && xo.kind === 'pkgname') {
            const path = xo.importPath!;
            if (path === 'unsafe') {
              const m = UNSAFE_SCOPE.lookup(e.sel.name);
              this.last = m;
              if (m) this.r.uses.set(e.sel, m);
              else this.r.unresolved.add(e.sel);
              return;
            }
            const m = this.imp.memberObj(path, e.sel.name);
            this.last = m;
            if (m) this.r.uses.set(e.sel, m);
            else this.r.unresolved.add(e.sel);
            return;
          }
        }
        this.last = undefined;
        this.r.pendingSel.set(e.sel, e);
        return;
      }
      case 'IndexExpr': this.expr(e.x, scope, ctx); this.expr(e.index, scope, ctx); return;
      case 'IndexListExpr': this.expr(e.x, scope, ctx); this.exprs(e.indices, scope, ctx); return;
      case 'SliceExpr':
        this.expr(e.x, scope, ctx);
        if (e.low) this.expr(e.low, scope, ctx);
        if (e.high) this.expr(e.high, scope, ctx);
        if (e.max) this.expr(e.max, scope, ctx);
        return;
      case 'TypeAssertExpr': this.expr(e.x, scope, ctx); if (e.type) this.expr(e.type, scope, ctx); return;
      case 'CallExpr': {
        ctx.body?.calls.push(e);
        if (mayStartGoroutine(e)) ctx.body?.goStarts.push(e);
        this.expr(e.fun, scope, ctx);
        // only calls of generic functions need the call for their function expression (type inference)
        const f = unparen(e.fun);
        // what the function identifier or package member denotes was resolved last
        const fo = f.kind === 'Ident' || f.kind === 'SelectorExpr' ? this.last : undefined;
        if (fo && fo.kind === 'func' && isGenericFunc(fo)) this.r.callOfFun.set(f, e);
        this.exprs(e.args, scope, ctx);
        return;
      }
      case 'StarExpr': this.expr(e.x, scope, ctx); return;
      case 'UnaryExpr':
        this.expr(e.x, scope, ctx);
        if (e.op === '&' && ctx.body) { const x = unparen(e.x); if (x.kind === 'Ident') { const o = this.last; if (o) ctx.body.addressed.add(o); } }
        return;
      case 'BinaryExpr': this.expr(e.x, scope, ctx); this.expr(e.y, scope, ctx); return;
      case 'KeyValueExpr': this.expr(e.key, scope, ctx); this.expr(e.value, scope, ctx); return;
      case 'ArrayType': if (e.len) this.expr(e.len, scope, ctx); this.expr(e.elt, scope, ctx); return;
      case 'StructType':
        this.r.typeLitFile.set(e, ctx.file.file.relPath);
        for (let i = 0; i < e.fields.list.length; i++) {
          const f = e.fields.list[i]!;
          if (f.type) this.expr(f.type, scope, ctx);
          for (let j = 0; j < f.names.length; j++) this.mkObj('var', f.names[j]!, f, ctx.file, null, { isField: true });
          if (f.names.length === 0 && f.type) {
            const id = embeddedIdent(f.type);
            if (id) {
              const fo = newObj('var', id.name, id, f, ctx.file.file.path, this.r.pkgPath, null, { isField: true, isEmbedded: true });
              this.r.objByPos.set(this.posKey(ctx.file, id), fo);
              const tu = this.r.uses.get(id);
              if (tu) this.r.embeddedType.set(id, tu);
              this.r.defs.set(id, fo);
            }
          }
        }
        return;
      case 'FuncType': {
        const fs = new Scope('func', scope, e);
        this.r.scopeList.push(fs);
        if (e.typeParams) this.typeParams(e.typeParams, fs, ctx);
        this.signature(e, fs, ctx, null);
        return;
      }
      case 'InterfaceType':
        this.r.typeLitFile.set(e, ctx.file.file.relPath);
        for (let i = 0; i < e.methods.list.length; i++) {
          const f = e.methods.list[i]!;
          if (f.names.length && f.type && f.type.kind === 'FuncType') {
            for (let j = 0; j < f.names.length; j++) this.mkObj('func', f.names[j]!, f, ctx.file, null, { isMethod: true });
            const fs = new Scope('func', scope, f.type);
            this.r.scopeList.push(fs);
            this.signature(f.type, fs, ctx, null);
          } else if (f.type) this.expr(f.type, scope, ctx);
        }
        return;
      case 'MapType': this.expr(e.key, scope, ctx); this.expr(e.value, scope, ctx); return;
      case 'ChanType': this.expr(e.value, scope, ctx); return;
    }
  }
}

function isGenericFunc(o: Obj): boolean {
  if (o.node) return o.node.kind === 'FuncDecl' && !!o.node.type.typeParams && o.node.type.typeParams.list.length > 0;
  const t = o.type;
  return !!t && t.kind === 'func' && !!t.typeParams && t.typeParams.length > 0;
}

/** The type-name ident of an embedded field type (`T`, `*T`, `pkg.T`, `T[A]`). */
export function embeddedIdent(e: ast.Expr): ast.Ident | null {
  for (;;) {
    switch (e.kind) {
      case 'StarExpr': e = e.x; continue;
      case 'ParenExpr': e = e.x; continue;
      case 'IndexExpr': e = e.x; continue;
      case 'IndexListExpr': e = e.x; continue;
      case 'SelectorExpr': return e.sel;
      case 'Ident': return e;
      default: return null;
    }
  }
}

export function importPathOf(spec: ast.ImportSpec): string {
  const v = spec.path.value;
  return v.length >= 2 ? v.slice(1, -1) : v;
}

/** Every path a file imports, as written (named, dot and blank imports included). */
export function importPathsOf(file: ast.File): string[] {
  return file.imports.map(importPathOf);
}

/** The text of a comment group without comment markers (like `CommentGroup.Text`, keeping directives). */
export function commentText(g: ast.CommentGroup): string {
  const lines: string[] = [];
  for (const c of g.list) {
    const t = c.text;
    if (t.startsWith('//')) lines.push(t.slice(2).replace(/^ /, ''));
    else lines.push(...t.slice(2, -2).split('\n'));
  }
  return lines.join('\n') + '\n';
}

export { unparen };
