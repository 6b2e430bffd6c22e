/**
 * Approximate type inference and constant evaluation for one package.
 *
 * `typeOf(expr)` follows go/types' `Types` map: the type of a value
 * expression, or the denoted type for a type expression. Untyped constant
 * expressions keep their untyped type (go/types later converts them to the
 * type the context requires; use `defaultType` when needed). When the type
 * cannot be determined the answer is `unknown`, never a guess.
 */
import type * as ast from '../syntax/ast.js';
import { NO_POS, unparen } from '../syntax/ast.js';
import type { ExportedPackage, ExportedType } from './exports.js';
import {
  binaryOp, intConst, intTypeInfo, literalValue, strConst, unaryOp, utf8Len, type ConstValue,
} from './consts.js';
import { EMPTY_PREAMBLE, goTypeOfC, mergePreambles, parsePreamble, quotedIncludes, type CPreamble } from './cgo-preamble.js';
import { embeddedIdent, recvBaseName, type Resolution, type FuncNode } from './resolve.js';
import type { Obj } from './scope.js';
import { RecentAnswers } from './recent-answers.js';
import {
  hasUnknown, BOOL, EMPTY_INTERFACE, EMPTY_TUPLE, INT, INT32, STRING, UINT8, UNKNOWN, UNSAFE_POINTER, UNTYPED_BOOL, UNTYPED_FLOAT,
  UNTYPED_INT, UNTYPED_NIL, UNTYPED_RUNE, UNTYPED_STRING, basic, defaultType, deref, isInteger, isString, isUntyped,
  lookupFieldOrMethod, mentionsTypeParam, named, pointer, slice, subst, tuple, typeParamKey, underlying, unify,
  type MethodInfo, type NamedInfo, type NamedType, type Selection, type SignatureType, type StructField, type Type,
  type TypeEnv, type TypeParamType,
} from './types.js';

/** How the checker reaches other packages. */
export interface PackageEnv {
  lookupPackage(path: string): ExportedPackage | undefined;
  memberObj(path: string, name: string): Obj | undefined;
  /** Object for a field or method of another package's type, by (pkg, type, name). */
  foreignObj(kind: 'field' | 'method', pkg: string, typeName: string, name: string, pos: string | undefined, type: Type): Obj;
}

/** Known C types of cgo, with their Go underlying types. */
export const CGO_TYPES: Readonly<Record<string, Type>> = {
  char: basic('int8'), schar: basic('int8'), uchar: basic('uint8'), short: basic('int16'), ushort: basic('uint16'),
  int: basic('int32'), uint: basic('uint32'), long: basic('int64'), ulong: basic('uint64'), longlong: basic('int64'),
  ulonglong: basic('uint64'), float: basic('float32'), double: basic('float64'), size_t: basic('uint64'),
  int8_t: basic('int8'), int16_t: basic('int16'), int32_t: basic('int32'), int64_t: basic('int64'),
  uint8_t: basic('uint8'), uint16_t: basic('uint16'), uint32_t: basic('uint32'), uint64_t: basic('uint64'),
  uintptr_t: basic('uintptr'), intptr_t: basic('int64'), ssize_t: basic('int64'),
};
const cchar = named('C', 'char');
/** Signatures of the cgo helper functions. */
export const CGO_FUNCS: Readonly<Record<string, SignatureType>> = {
  CString: { kind: 'func', params: [STRING], results: [pointer(cchar)], variadic: false },
  CBytes: { kind: 'func', params: [slice(UINT8)], results: [UNSAFE_POINTER], variadic: false },
  GoString: { kind: 'func', params: [pointer(cchar)], results: [STRING], variadic: false },
  GoStringN: { kind: 'func', params: [pointer(cchar), named('C', 'int')], results: [STRING], variadic: false },
  GoBytes: { kind: 'func', params: [UNSAFE_POINTER, named('C', 'int')], results: [slice(UINT8)], variadic: false },
  free: { kind: 'func', params: [UNSAFE_POINTER], results: [], variadic: false },
  malloc: { kind: 'func', params: [named('C', 'size_t')], results: [UNSAFE_POINTER], variadic: false },
  calloc: { kind: 'func', params: [named('C', 'size_t'), named('C', 'size_t')], results: [UNSAFE_POINTER], variadic: false },
  realloc: { kind: 'func', params: [UNSAFE_POINTER, named('C', 'size_t')], results: [UNSAFE_POINTER], variadic: false },
  strdup: { kind: 'func', params: [pointer(cchar)], results: [pointer(cchar)], variadic: false },
};

export function isCgoTypeName(name: string): boolean {
  return name in CGO_TYPES || /^(struct|union|enum)_/.test(name);
}

/** What an expression is. */
export type ExprMode = 'value' | 'type' | 'pkgname' | 'builtin' | 'novalue' | 'unknown';

const localKey = (file: string, offset: number): string => `${file}:${offset}`;


/** NamedInfo of imported types by their exported description (immutable, shared by all packages). */
const IMPORTED_INFO = new WeakMap<ExportedType, { readonly pkg: string; readonly info: NamedInfo }>();

export class TypeInfo implements TypeEnv {
  private readonly types = new Map<ast.Expr, Type>();
  private readonly inProgress = new Set<unknown>();
  private readonly constMemo = new Map<ast.Expr, ConstValue | null>();
  private readonly objConsts = new Map<Obj, ConstValue | null>();
  private readonly namedInfos = new Map<string, Map<string, NamedInfo | null>>();
  private readonly selCache = new Map<ast.Ident, Obj | null>();
  private readonly selections = new Map<ast.SelectorExpr, Selection | null>();
  /** Local named types by id. */
  private readonly localTypes = new Map<string, Obj>();
  /** Current iota during constant evaluation. */
  private iota: number | undefined;
  private cgo: CPreamble | undefined;

  constructor(
    readonly res: Resolution,
    readonly env: PackageEnv,
    /** The texts of the package's C files, by path relative to its directory (PackageInput.cgoFiles). */
    readonly cgoFiles: Readonly<Record<string, string>> = {},
  ) {}

  get pkgPath(): string {
    return this.res.pkgPath;
  }

  /** The C declarations of the package's cgo preambles, merged (parsed on first use). */
  cgoDecls(): CPreamble {
    if (!this.cgo) {
      const texts = this.res.files.filter((f) => f.isCgo && f.cgoPreamble).map((f) => f.cgoPreamble);
      // headers of the package directory included with `#include "name.h"`, and the ones they include, once each
      const seen = new Set<string>();
      for (let i = 0; i < texts.length; i++) {
        for (const name of quotedIncludes(texts[i]!).map((n) => n.replace(/^(\.\/)+/, ''))) {
          const header = Object.hasOwn(this.cgoFiles, name) ? this.cgoFiles[name] : undefined;
          if (header === undefined || seen.has(name)) continue;
          seen.add(name);
          texts.push(header);
        }
      }
      // sources compiled with the package define functions the preambles declare
      for (const [name, text] of Object.entries(this.cgoFiles)) if (name.endsWith('.c') && !seen.has(name)) texts.push(text);
      const list = texts.map((t) => parsePreamble(t));
      this.cgo = list.length ? mergePreambles(list) : EMPTY_PREAMBLE;
    }
    return this.cgo;
  }

  /** Is `C.name` a type: a cgo type name or a typedef of the preamble? */
  private isCgoType(name: string): boolean {
    return isCgoTypeName(name) || this.cgoDecls().typedefs.has(name);
  }

  /** The type of a `C.name` value declared in the preamble (functions and variables), or unknown. */
  private cgoValueType(name: string): Type {
    const decls = this.cgoDecls();
    const f = decls.funcs.get(name);
    if (f) {
      const result = goTypeOfC(f.result);
      return { kind: 'func', params: f.params.map((p) => goTypeOfC(p.type) ?? UNKNOWN), results: result ? [result] : [], variadic: false };
    }
    const v = decls.vars.get(name);
    return v ? goTypeOfC(v) ?? UNKNOWN : UNKNOWN;
  }

  // -------------------------------------------------------------------------
  // Objects

  /** The object an identifier denotes or declares (selectors and struct keys resolved via types). */
  objectOf(id: ast.Ident): Obj | undefined {
    if (this.recentObjects.has(id)) return this.recentObjects.get(id);
    const o = this.objectOf0(id);
    this.recentObjects.set(id, o);
    return o;
  }
  private readonly recentObjects = new RecentAnswers<ast.Ident, Obj | undefined>();

  private objectOf0(id: ast.Ident): Obj | undefined {
    const u = this.res.uses.get(id);
    if (u) return u.kind === 'type' && this.res.embeddedType.has(id) ? this.res.defs.get(id) : u;
    const o = this.res.defs.get(id);
    if (o) return o;
    const sel = this.res.pendingSel.get(id);
    if (sel) return this.selectorObj(sel);
    const key = this.res.pendingKeys.get(id);
    if (key) return this.keyObj(id, key.lit, key.scope);
    return undefined;
  }

  private keyObj(id: ast.Ident, lit: ast.CompositeLit, scope: import('./scope.js').Scope): Obj | undefined {
    let c = this.selCache.get(id);
    if (c !== undefined) return c ?? undefined;
    c = null;
    const lt = lit.type ? this.typeExpr(lit.type) : this.typeOf(lit);
    const u = underlying(deref(lt), this);
    if (u.kind === 'struct') {
      const f = u.fields.find((x) => x.name === id.name);
      if (f) c = this.fieldObj(f, deref(lt)) ?? null;
    } else if (u.kind !== 'unknown') {
      c = scope.lookup(id.name) ?? null;
    }
    this.selCache.set(id, c);
    return c ?? undefined;
  }

  private fieldObj(f: StructField, owner: Type, base?: ast.Expr): Obj | undefined {
    if (f.pos) {
      const own = this.res.objByPos.get(f.pos);
      if (own) return own;
    }
    const o = deref(owner);
    if (o.kind === 'named') return this.env.foreignObj('field', o.pkg, o.name, f.name, f.pos, f.type);
    // a field of an unnamed struct type declared in another package: attribute it to the package of the base object
    let b = base ? unparen(base) : undefined;
    while (b && (b.kind === 'SelectorExpr' || b.kind === 'IndexExpr' || b.kind === 'StarExpr')) b = b.kind === 'SelectorExpr' ? b.sel : b.x;
    const bo = b && b.kind === 'Ident' ? this.objectOf(b) : undefined;
    if (bo && bo.pkg !== this.pkgPath) return this.env.foreignObj('field', bo.pkg, '', f.name, f.pos, f.type);
    return undefined;
  }

  /** The selection (field or method) of a selector expression on a value or type, if it is one. */
  selection(sel: ast.SelectorExpr): Selection | undefined {
    let s = this.selections.get(sel);
    if (s !== undefined) return s ?? undefined;
    s = null;
    const x = sel.x;
    const xo = x.kind === 'Ident' ? this.res.uses.get(x) : undefined;
    if (!(xo && xo.kind === 'pkgname')) {
      const mode = this.modeOf(x);
      const xt = mode === 'type' ? this.typeExpr(x) : mode === 'value' ? this.typeOf(x) : UNKNOWN;
      if (xt.kind !== 'unknown') s = lookupFieldOrMethod(xt, sel.sel.name, this) ?? null;
    }
    this.selections.set(sel, s);
    return s ?? undefined;
  }

  private selectorObj(sel: ast.SelectorExpr): Obj | undefined {
    let c = this.selCache.get(sel.sel);
    if (c !== undefined) return c ?? undefined;
    c = null;
    const s = this.selection(sel);
    if (s) {
      if (s.kind === 'field') c = this.fieldObj(s.field, s.owner, sel.x) ?? null;
      else if (s.method) {
        const own = s.method.pos ? this.res.objByPos.get(s.method.pos) : undefined;
        const ow = deref(s.owner);
        c = own ?? (ow.kind === 'named' ? this.env.foreignObj('method', ow.pkg, ow.name, s.name, s.method.pos, s.method.sig) : null);
      } else if (s.iface) {
        const found = this.ifaceMethodOwner(deref(s.owner), s.name, 0);
        if (found) {
          const own = found.method.pos ? this.res.objByPos.get(found.method.pos) : undefined;
          c = own ?? (found.owner ? this.env.foreignObj('method', found.owner.pkg, found.owner.name, s.name, found.method.pos, found.method.sig) : null);
        }
      }
    }
    this.selCache.set(sel.sel, c);
    return c ?? undefined;
  }

  /** The (named) interface that declares method `name`, searching embedded interfaces. */
  private ifaceMethodOwner(t: Type, name: string, depth: number): { owner?: NamedType; method: import('./types.js').InterfaceMethod } | undefined {
    if (depth > 10) return undefined;
    const u = underlying(t, this);
    if (u.kind !== 'interface') return undefined;
    const m = u.methods.find((x) => x.name === name);
    if (m) return { ...(t.kind === 'named' ? { owner: t } : {}), method: m };
    for (const e of u.embeddeds) {
      const r = this.ifaceMethodOwner(e, name, depth + 1);
      if (r) return r;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // TypeEnv

  namedInfo(t: NamedType): NamedInfo | undefined {
    // two-level cache (package → name) avoids building a key string per lookup
    let byName = this.namedInfos.get(t.pkg);
    if (!byName) this.namedInfos.set(t.pkg, (byName = new Map()));
    const key = t.local ? '#' + t.local : t.name;
    let i = byName.get(key);
    if (i !== undefined) return i ?? undefined;
    const guard = `${t.pkg}#${key}`;
    if (this.inProgress.has(guard)) return undefined;
    this.inProgress.add(guard);
    try {
      i = this.computeNamedInfo(t) ?? null;
    } finally {
      this.inProgress.delete(guard);
    }
    byName.set(key, i);
    return i ?? undefined;
  }

  private computeNamedInfo(t: NamedType): NamedInfo | undefined {
    if (t.pkg === 'C') {
      const td = CGO_TYPES[t.name] ? undefined : this.cgoDecls().typedefs.get(t.name);
      const tdType = td ? goTypeOfC(td) : null;
      const u = CGO_TYPES[t.name] ?? (tdType ? underlying(tdType, this) : UNKNOWN);
      return { underlying: u, typeParams: [], methods: new Map() };
    }
    if (t.pkg === this.pkgPath) {
      const obj = t.local ? this.localTypes.get(t.local) : this.res.pkgScope.lookupLocal(t.name);
      if (!obj || obj.kind !== 'type' || obj.node?.kind !== 'TypeSpec') return undefined;
      const spec = obj.node;
      const tps = this.typeParamsOf(spec);
      const rhs = this.typeExpr(spec.type);
      const u = underlying(rhs, this);
      const methods = new Map<string, MethodInfo>();
      if (!t.local) {
        for (const m of this.res.methods.get(t.name) ?? []) {
          const mi = this.methodInfo(m, tps);
          if (mi) methods.set(mi.name, mi);
        }
      }
      return { underlying: u, typeParams: tps, methods };
    }
    const exp = this.env.lookupPackage(t.pkg);
    const et = exp?.types[t.name];
    if (!et) return undefined;
    if (et.alias) return undefined;
    // the same exported type (shared by every package that imports it) gives the same info: built once
    const shared = IMPORTED_INFO.get(et);
    if (shared && shared.pkg === t.pkg) return shared.info;
    const methods = new Map<string, MethodInfo>();
    for (const [name, m] of Object.entries(et.methods)) {
      methods.set(name, { name, sig: m.sig, ptrRecv: m.ptr, pkg: t.pkg, ...(m.pos ? { pos: m.pos } : {}) });
    }
    const info: NamedInfo = { underlying: et.underlying, typeParams: et.typeParams ?? [], methods };
    if (!shared) IMPORTED_INFO.set(et, { pkg: t.pkg, info });
    return info;
  }

  private methodInfo(m: ast.FuncDecl, typeTps: readonly TypeParamType[]): MethodInfo | undefined {
    const recv = m.recv?.list[0];
    if (!recv || !recv.type) return undefined;
    let rt: ast.Expr = recv.type;
    while (rt.kind === 'ParenExpr') rt = rt.x;
    const ptrRecv = rt.kind === 'StarExpr';
    let sig = this.funcSig(m.type, m);
    if (typeTps.length) {
      // map the receiver's type params onto the type's own
      const rtps = this.recvTypeParamObjs(m);
      const mp = new Map<string, Type>();
      rtps.forEach((o, i) => {
        const tp = this.objType(o);
        if (tp.kind === 'typeparam' && typeTps[i]) mp.set(typeParamKey(tp), typeTps[i]!);
      });
      sig = subst(sig, mp) as SignatureType;
    }
    const fi = this.res.funcFile.get(m)?.file.relPath ?? this.fileInfoOfDecl(m);
    const pos = fi ? localKey(fi, m.name.start) : undefined;
    return { name: m.name.name, sig, ptrRecv, pkg: this.pkgPath, ...(pos ? { pos } : {}) };
  }

  private fileInfoOfDecl(m: ast.FuncDecl): string | undefined {
    const o = this.res.defs.get(m.name);
    if (!o) return undefined;
    const f = this.res.files.find((x) => x.file.path === o.file);
    return f?.file.relPath;
  }

  private recvTypeParamObjs(m: ast.FuncDecl): Obj[] {
    const out: Obj[] = [];
    let e: ast.Expr | null = m.recv?.list[0]?.type ?? null;
    while (e && (e.kind === 'StarExpr' || e.kind === 'ParenExpr')) e = e.x;
    const ids = !e ? [] : e.kind === 'IndexExpr' ? [e.index] : e.kind === 'IndexListExpr' ? e.indices : [];
    for (const id of ids) {
      if (id.kind !== 'Ident') continue;
      const o = this.res.defs.get(id);
      if (o) out.push(o);
    }
    return out;
  }

  private typeParamsOf(spec: ast.TypeSpec | ast.FuncType): TypeParamType[] {
    const list = spec.typeParams;
    if (!list) return [];
    const out: TypeParamType[] = [];
    for (const f of list.list) for (const n of f.names) {
      const o = this.res.defs.get(n);
      if (!o) continue;
      const t = this.objType(o);
      if (t.kind === 'typeparam') out.push(t);
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Types of objects

  objType(o: Obj): Type {
    // computed types are cached on the object itself (objects belong to this package's check)
    if (o.type) return o.type;
    if (this.inProgress.has(o)) return UNKNOWN;
    this.inProgress.add(o);
    let t: Type;
    try {
      t = this.computeObjType(o);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      t = UNKNOWN;
    } finally {
      this.inProgress.delete(o);
    }
    o.type = t;
    return t;
  }

  private ownerId(o: Obj): string {
    return `${this.pkgPath}:${o.file}:${o.decl?.start ?? 0}`;
  }

  private computeObjType(o: Obj): Type {
    const node = o.node;
    switch (o.kind) {
      case 'nil': return UNTYPED_NIL;
      case 'pkgname': case 'label': case 'builtin': return UNKNOWN;
      case 'type': {
        if (!node) return UNKNOWN;
        if (node.kind === 'Field') {
          // a type parameter (of a type, a function, or a receiver)
          let owner = this.ownerId(o);
          let constraint: Type | undefined;
          if (o.isRecv) {
            // receiver type params: constraint from the type declaration
            constraint = undefined;
          } else {
            constraint = node.type ? this.typeExpr(node.type) : undefined;
            owner = this.tpOwner(o) ?? owner;
          }
          const tp: TypeParamType = { kind: 'typeparam', name: o.name, index: o.index ?? 0, owner, ...(constraint ? { constraint } : {}) };
          return tp;
        }
        if (node.kind !== 'TypeSpec') return UNKNOWN;
        if (node.assign !== NO_POS) return this.typeExpr(node.type);
        const args = node.typeParams ? this.typeParamsOf(node) : undefined;
        if (o.isPackageLevel) return named(this.pkgPath, o.name, args);
        const id = localKey(o.file, o.decl?.start ?? 0);
        this.localTypes.set(id, o);
        return named(this.pkgPath, o.name, args, id);
      }
      case 'func': {
        if (!node) return UNKNOWN;
        if (node.kind === 'FuncDecl') return this.funcSig(node.type, node);
        if (node.kind === 'Field' && node.type?.kind === 'FuncType') return this.funcSig(node.type, null);
        return UNKNOWN;
      }
      case 'const': return this.constObjType(o);
      case 'var': return this.varObjType(o);
    }
  }

  /** Owner id for type params: the TypeSpec or FuncDecl declaring the list. */
  private tpOwner(o: Obj): string | undefined {
    return `${this.pkgPath}:${o.file}:tp@${o.node?.start ?? 0}`;
  }

  funcSig(ft: ast.FuncType, decl: ast.FuncDecl | null): SignatureType {
    const params: Type[] = [];
    let variadic = false;
    for (const f of ft.params.list) {
      let t: Type;
      if (f.type && f.type.kind === 'Ellipsis') {
        variadic = true;
        t = slice(f.type.elt ? this.typeExpr(f.type.elt) : UNKNOWN);
      } else t = f.type ? this.typeExpr(f.type) : UNKNOWN;
      const n = Math.max(1, f.names.length);
      for (let i = 0; i < n; i++) params.push(t);
    }
    const results: Type[] = [];
    for (const f of ft.results?.list ?? []) {
      const t = f.type ? this.typeExpr(f.type) : UNKNOWN;
      const n = Math.max(1, f.names.length);
      for (let i = 0; i < n; i++) results.push(t);
    }
    const sig: SignatureType = { kind: 'func', params, results, variadic };
    void decl;
    if (ft.typeParams && ft.typeParams.list.length) return { ...sig, typeParams: this.typeParamsOf(ft) };
    return sig;
  }

  private varObjType(o: Obj): Type {
    const node = o.node;
    if (!node) return UNKNOWN;
    switch (node.kind) {
      case 'Field': {
        if (!node.type) return UNKNOWN;
        if (node.type.kind === 'Ellipsis') return slice(node.type.elt ? this.typeExpr(node.type.elt) : UNKNOWN);
        if (o.isRecv) return this.recvType(node.type);
        return this.typeExpr(node.type);
      }
      case 'ValueSpec': {
        if (node.type) return this.typeExpr(node.type);
        const i = o.index ?? 0;
        if (node.values.length === node.names.length) return defaultType(this.typeOf(node.values[i]!));
        if (node.values.length === 1) return this.tupleElem(node.values[0]!, i, node.names.length);
        return UNKNOWN;
      }
      case 'AssignStmt': {
        const i = o.index ?? 0;
        if (node.rhs.length === node.lhs.length) {
          const t = this.typeOf(node.rhs[i]!);
          return t.kind === 'basic' && t.name === 'untyped nil' ? UNKNOWN : defaultType(t);
        }
        if (node.rhs.length === 1) return this.tupleElem(node.rhs[0]!, i, node.lhs.length);
        return UNKNOWN;
      }
      case 'RangeStmt': return this.rangeTypes(node)[o.index ?? 0] ?? UNKNOWN;
      case 'CaseClause': {
        const list = node.list ?? [];
        if (list.length === 1) {
          const e = list[0]!;
          if (!(e.kind === 'Ident' && this.res.uses.get(e)?.kind === 'nil')) return this.typeExpr(e);
        }
        // the type of the switched expression
        const ts = this.typeSwitchOf(node);
        if (!ts) return UNKNOWN;
        const a = ts.assign;
        if (a.kind === 'AssignStmt' && a.rhs[0]) {
          const ta = unparen(a.rhs[0]);
          if (ta.kind === 'TypeAssertExpr') return this.typeOf(ta.x);
        }
        return UNKNOWN;
      }
      default: return UNKNOWN;
    }
  }

  private tsParents: Map<ast.CaseClause, ast.TypeSwitchStmt> | undefined;
  private typeSwitchOf(c: ast.CaseClause): ast.TypeSwitchStmt | undefined {
    if (!this.tsParents) {
      this.tsParents = new Map();
      for (const sc of this.res.scopeList) {
        const node = sc.node!;
        if (node.kind === 'TypeSwitchStmt') for (const cc of node.body.list) if (cc.kind === 'CaseClause') this.tsParents.set(cc, node);
      }
    }
    return this.tsParents.get(c);
  }

  /** Receiver type: like typeExpr, but `T[K]` receivers use the receiver's own type params. */
  private recvType(e: ast.Expr): Type {
    return this.typeExpr(e);
  }

  /** Element i of a multi-value expression assigned to n variables. */
  tupleElem(e: ast.Expr, i: number, n: number): Type {
    const x = unparen(e);
    if (n === 2 && i === 1) {
      if (x.kind === 'IndexExpr' || x.kind === 'TypeAssertExpr' || (x.kind === 'UnaryExpr' && x.op === '<-')) return BOOL;
    }
    if (n === 2 && i === 0) {
      if (x.kind === 'IndexExpr' || x.kind === 'TypeAssertExpr' || (x.kind === 'UnaryExpr' && x.op === '<-')) return defaultType(this.typeOf(x));
    }
    const t = this.typeOf(x);
    if (t.kind === 'tuple') return t.types[i] ?? UNKNOWN;
    return UNKNOWN;
  }

  rangeTypes(r: ast.RangeStmt): [Type, Type] {
    const xt = this.typeOf(r.x);
    let u = underlying(xt, this);
    if (u.kind === 'pointer') {
      const e = underlying(u.elem, this);
      if (e.kind === 'array') u = e;
    }
    switch (u.kind) {
      case 'basic':
        if (isString(u)) return [INT, INT32];
        if (isInteger(u)) return [defaultType(xt), UNKNOWN];
        return [UNKNOWN, UNKNOWN];
      case 'array': case 'slice': return [INT, u.elem];
      case 'map': return [u.key, u.elem];
      case 'chan': return [u.elem, UNKNOWN];
      case 'func': {
        const y = u.params[0] ? underlying(u.params[0], this) : undefined;
        if (y && y.kind === 'func') return [y.params[0] ?? UNKNOWN, y.params[1] ?? UNKNOWN];
        return [UNKNOWN, UNKNOWN];
      }
      default: return [UNKNOWN, UNKNOWN];
    }
  }

  // -------------------------------------------------------------------------
  // Constants

  private constSpecOf(o: Obj): { spec: ast.ValueSpec; iota: number; effective: ast.ValueSpec } | undefined {
    const spec = o.node;
    if (!spec || spec.kind !== 'ValueSpec') return undefined;
    return this.constSpecs().get(spec) ?? { spec, iota: 0, effective: spec };
  }

  /** For every const spec: its iota and the spec whose values (and type) it repeats. Built once, linear. */
  private constSpecInfo: Map<ast.ValueSpec, { spec: ast.ValueSpec; iota: number; effective: ast.ValueSpec }> | undefined;
  private constSpecs(): Map<ast.ValueSpec, { spec: ast.ValueSpec; iota: number; effective: ast.ValueSpec }> {
    if (this.constSpecInfo) return this.constSpecInfo;
    const out = new Map<ast.ValueSpec, { spec: ast.ValueSpec; iota: number; effective: ast.ValueSpec }>();
    const visit = (d: ast.GenDecl): void => {
      if (d.tok !== 'const') return;
      let eff: ast.ValueSpec | undefined;
      d.specs.forEach((s, iota) => {
        if (s.kind !== 'ValueSpec') return;
        if (s.values.length > 0 || !eff) eff = s;
        else this.repeatedSpecs.add(eff);
        out.set(s, { spec: s, iota, effective: eff });
      });
    };
    for (const f of this.res.files) for (const d of f.file.ast.decls) if (d.kind === 'GenDecl') visit(d);
    const scopes = this.res.scopeList;
    for (let i = 0; i < scopes.length; i++) {
      const node = scopes[i]!.node!;
      const list = node.kind === 'BlockStmt' ? node.list : node.kind === 'CaseClause' || node.kind === 'CommClause' ? node.body
        : node.kind === 'FuncDecl' ? node.body?.list ?? [] : node.kind === 'FuncLit' ? node.body.list : [];
      for (let j = 0; j < list.length; j++) { const s = list[j]!; if (s.kind === 'DeclStmt' && s.decl.kind === 'GenDecl') visit(s.decl); }
    }
    this.constSpecInfo = out;
    return out;
  }

  private constObjType(o: Obj): Type {
    const cs = this.constSpecOf(o);
    if (!cs) return UNKNOWN;
    // explicit type of the spec providing the (possibly repeated) values
    const eff = cs.spec.values.length > 0 || cs.spec.type ? cs.spec : cs.effective;
    if (eff.type) return this.typeExpr(eff.type);
    const v = eff.values[o.index ?? 0];
    if (!v) return UNKNOWN;
    return this.withIota(cs.iota, () => this.typeOf(v));
  }

  private withIota<T>(iota: number, fn: () => T): T {
    const save = this.iota;
    this.iota = iota;
    try {
      return fn();
    } finally {
      this.iota = save;
    }
  }

  /** The value of a constant object. */
  constOf(o: Obj): ConstValue | undefined {
    if (o.kind !== 'const') return undefined;
    if (o.value) return o.value;
    let c = this.objConsts.get(o);
    if (c !== undefined) return c ?? undefined;
    if (this.inProgress.has(o)) return undefined;
    this.inProgress.add(o);
    try {
      const cs = this.constSpecOf(o);
      const eff = cs ? (cs.spec.values.length > 0 ? cs.spec : cs.effective) : undefined;
      const v = eff?.values[o.index ?? 0];
      c = (v && cs ? this.withIota(cs.iota, () => this.evalConst(v)) : undefined) ?? null;
      if (c && eff?.type) c = this.convertConst(c, this.typeExpr(eff.type)) ?? null;
    } finally {
      this.inProgress.delete(o);
    }
    this.objConsts.set(o, c);
    return c ?? undefined;
  }

  /** The constant value of an expression, if it is a constant. */
  constValue(e: ast.Expr): ConstValue | undefined {
    if (this.iota !== undefined) return this.evalConst(e);
    let c = this.constMemo.get(e);
    if (c !== undefined) return c ?? undefined;
    // expressions directly inside const specs need their spec's iota
    c = this.evalConst(e) ?? null;
    this.constMemo.set(e, c);
    return c ?? undefined;
  }

  /** Is the expression a constant expression (iota counts, whatever its value)? */
  isConstExpr(e: ast.Expr): boolean {
    switch (e.kind) {
      case 'BasicLit': return e.litKind !== 'IMAG' || true;
      case 'ParenExpr': return this.isConstExpr(e.x);
      case 'Ident': { const o = this.objectOf(e); return !!o && o.kind === 'const'; }
      case 'SelectorExpr': { const o = this.objectOf(e.sel); return !!o && o.kind === 'const'; }
      case 'UnaryExpr': return e.op !== '<-' && e.op !== '&' && this.isConstExpr(e.x);
      case 'BinaryExpr': return this.isConstExpr(e.x) && this.isConstExpr(e.y);
      case 'CallExpr': return this.constValue(e) !== undefined || (this.modeOf(e.fun) === 'type' && e.args.length === 1 && this.isConstExpr(e.args[0]!));
      default: return false;
    }
  }

  /** The const spec whose value list has `root` as an element, with its iota. */
  constSpecOfValue(root: ast.Expr): { spec: ast.ValueSpec; iota: number } | undefined {
    if (!this.valueRoots) {
      this.valueRoots = new Map();
      for (const info of this.constSpecs().values()) for (const v of info.spec.values) this.valueRoots.set(v, info);
    }
    return this.valueRoots.get(root);
  }
  private valueRoots: Map<ast.Expr, { spec: ast.ValueSpec; iota: number }> | undefined;
  /** Const specs whose values are implicitly repeated by later specs (their expressions have several values). */
  private readonly repeatedSpecs = new Set<ast.ValueSpec>();
  isRepeatedSpec(spec: ast.ValueSpec): boolean {
    this.constSpecs();
    return this.repeatedSpecs.has(spec);
  }

  /** Sets the iota for an expression that appears inside a const spec (for callers evaluating arbitrary subexpressions). */
  constValueIn(e: ast.Expr, iota: number): ConstValue | undefined {
    return this.withIota(iota, () => this.evalConst(e));
  }

  private evalConst(e: ast.Expr): ConstValue | undefined {
    switch (e.kind) {
      case 'BasicLit': return literalValue(e);
      case 'ParenExpr': return this.evalConst(e.x);
      case 'Ident': {
        const o = this.objectOf(e);
        if (!o) return undefined;
        if (o.kind === 'const' && o.name === 'iota' && o.pkg === '' && !o.decl) return this.iota !== undefined ? intConst(this.iota) : undefined;
        if (o.kind === 'const') return this.constOf(o);
        return undefined;
      }
      case 'SelectorExpr': {
        const o = this.objectOf(e.sel);
        return o && o.kind === 'const' ? this.constOf(o) : undefined;
      }
      case 'UnaryExpr': {
        const x = this.evalConst(e.x);
        if (!x) return undefined;
        const t = underlying(this.typeOf(e.x), this);
        const info = t.kind === 'basic' ? intTypeInfo(t.name) : undefined;
        return unaryOp(e.op, x, info?.bits, info?.unsigned);
      }
      case 'BinaryExpr': {
        const x = this.evalConst(e.x);
        if (!x) return undefined;
        const y = this.evalConst(e.y);
        if (!y) return undefined;
        const tx = this.typeOf(e.x), ty = this.typeOf(e.y);
        const intDiv = isInteger(underlying(tx, this)) && isInteger(underlying(ty, this));
        const r = binaryOp(e.op, x, y, intDiv || (x.kind === 'int' && y.kind === 'int' && isUntypedIntLike(tx) && isUntypedIntLike(ty)));
        if (!r) return undefined;
        const rt = this.typeOf(e);
        return this.convertConst(r, rt) ?? r;
      }
      case 'CallExpr': {
        const fun = unparen(e.fun);
        if (this.modeOf(fun) === 'type') {
          if (e.args.length !== 1) return undefined;
          const v = this.evalConst(e.args[0]!);
          if (!v) return undefined;
          return this.convertConst(v, this.typeExpr(fun), true);
        }
        const b = this.builtinName(fun);
        if ((b === 'len' || b === 'cap') && e.args.length === 1) {
          const v = this.evalConst(e.args[0]!);
          if (v && v.kind === 'string' && b === 'len') return intConst(utf8Len(v.value));
          const at = underlying(deref(this.typeOf(e.args[0]!)), this);
          if (at.kind === 'array' && at.len !== null && !containsCallOrRecv(e.args[0]!)) return intConst(at.len);
          return undefined;
        }
        if ((b === 'min' || b === 'max') && e.args.length >= 1) {
          const vs = e.args.map((a) => this.evalConst(a));
          if (vs.some((v) => !v)) return undefined;
          let best = vs[0]!;
          for (const v of vs.slice(1)) {
            const lt = binaryOp('<', v!, best, false);
            if (!lt || lt.kind !== 'bool') return undefined;
            if (lt.value === (b === 'min')) best = v!;
          }
          return best;
        }
        if ((b === 'Sizeof') && e.args.length === 1) return undefined;
        return undefined;
      }
      default: return undefined;
    }
  }

  /** Converts a constant to a type (truncation is not modelled; string(rune) is). */
  private convertConst(v: ConstValue, t: Type, explicit = false): ConstValue | undefined {
    const u = underlying(t, this);
    if (u.kind !== 'basic') return undefined;
    if (isString(u)) {
      if (v.kind === 'string') return v;
      if (v.kind === 'int' && explicit) {
        const n = Number(v.value);
        return strConst(n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd');
      }
      return undefined;
    }
    if (isInteger(u)) {
      if (v.kind === 'int') return v;
      // floats are doubles here, not Go's exact rationals: only small integral values are exact
      if (v.kind === 'float' && Number.isInteger(v.value) && Math.abs(v.value) < 2 ** 53) return intConst(BigInt(v.value));
      return undefined;
    }
    if (u.name === 'float32') {
      if (v.kind === 'int') return { kind: 'float', value: Math.fround(Number(v.value)) };
      return v.kind === 'float' ? { kind: 'float', value: Math.fround(v.value) } : undefined;
    }
    if (u.name === 'float64' || u.name === 'untyped float') {
      if (v.kind === 'int') return { kind: 'float', value: Number(v.value) };
      return v.kind === 'float' ? v : undefined;
    }
    if (u.name === 'bool' || u.name === 'untyped bool') return v.kind === 'bool' ? v : undefined;
    return v;
  }

  // -------------------------------------------------------------------------
  // Modes and type expressions

  modeOf(e: ast.Expr): ExprMode {
    switch (e.kind) {
      case 'ParenExpr': return this.modeOf(e.x);
      case 'Ident': {
        const o = this.objectOf(e);
        if (!o) return 'unknown';
        if (o.kind === 'type') return 'type';
        if (o.kind === 'pkgname') return 'pkgname';
        if (o.kind === 'builtin') return 'builtin';
        return 'value';
      }
      case 'SelectorExpr': {
        const x = e.x;
        const xo = x.kind === 'Ident' ? this.res.uses.get(x) : undefined;
        if (xo && xo.kind === 'pkgname') {
          if (xo.importPath === 'C') {
            if (this.isCgoType(e.sel.name)) return 'type';
            return 'value';
          }
          const o = this.res.uses.get(e.sel);
          if (!o) return 'unknown';
          return o.kind === 'type' ? 'type' : o.kind === 'builtin' ? 'builtin' : 'value';
        }
        return 'value';
      }
      case 'StarExpr': return this.modeOf(e.x) === 'type' ? 'type' : 'value';
      case 'ArrayType': case 'MapType': case 'ChanType': case 'FuncType': case 'StructType': case 'InterfaceType': return 'type';
      case 'IndexExpr': case 'IndexListExpr': {
        const m = this.modeOf(e.x);
        return m === 'type' ? 'type' : 'value';
      }
      case 'CallExpr': {
        const t = this.typeOf(e);
        return t.kind === 'tuple' && t.types.length === 0 ? 'novalue' : 'value';
      }
      case 'Ellipsis': return 'type';
      case 'UnaryExpr': return e.op === '~' ? 'type' : 'value';
      case 'BinaryExpr': return e.op === '|' && this.modeOf(e.x) === 'type' ? 'type' : 'value';
      default: return 'value';
    }
  }

  /** Is the expression a type expression? */
  isType(e: ast.Expr): boolean {
    return this.modeOf(e) === 'type';
  }

  /** The type denoted by a type expression. */
  typeExpr(e: ast.Expr): Type {
    const t0 = this.types.get(e);
    if (t0) return t0;
    const stack = this.typing;
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i] === e) return UNKNOWN;
    stack.push(e);
    let t: Type;
    try {
      t = this.computeTypeExpr(e);
    } finally {
      stack.pop();
    }
    this.types.set(e, t);
    return t;
  }

  private computeTypeExpr(e: ast.Expr): Type {
    switch (e.kind) {
      case 'ParenExpr': return this.typeExpr(e.x);
      case 'Ident': {
        const o = this.res.embeddedType.get(e) ?? this.objectOf(e);
        if (!o || o.kind !== 'type') return UNKNOWN;
        return this.objType(o);
      }
      case 'SelectorExpr': {
        const x = e.x;
        const xo = x.kind === 'Ident' ? this.res.uses.get(x) : undefined;
        if (!xo || xo.kind !== 'pkgname') return UNKNOWN;
        if (xo.importPath === 'C') return named('C', e.sel.name);
        const o = this.res.embeddedType.get(e.sel) ?? this.res.uses.get(e.sel);
        return o && o.kind === 'type' ? this.objType(o) : UNKNOWN;
      }
      case 'StarExpr': return pointer(this.typeExpr(e.x));
      case 'ArrayType': {
        const elem = this.typeExpr(e.elt);
        if (!e.len) return slice(elem);
        if (e.len.kind === 'Ellipsis') return { kind: 'array', elem, len: null };
        const n = this.constValue(e.len);
        return { kind: 'array', elem, len: n && n.kind === 'int' ? Number(n.value) : null };
      }
      case 'MapType': return { kind: 'map', key: this.typeExpr(e.key), elem: this.typeExpr(e.value) };
      case 'ChanType': return { kind: 'chan', dir: e.dir, elem: this.typeExpr(e.value) };
      case 'FuncType': return this.funcSig(e, null);
      case 'Ellipsis': return slice(e.elt ? this.typeExpr(e.elt) : UNKNOWN);
      case 'StructType': {
        const fields: StructField[] = [];
        const fi = this.fileOfNode(e);
        for (const f of e.fields.list) {
          const ft = f.type ? this.typeExpr(f.type) : UNKNOWN;
          const tag = f.tag ? (literalValue(f.tag) as { value: string } | undefined)?.value : undefined;
          if (f.names.length === 0) {
            const id = f.type ? embeddedIdent(f.type) : null;
            fields.push({ name: id?.name ?? '?', type: ft, embedded: true, ...(tag !== undefined ? { tag } : {}), ...(id && fi ? { pos: `${fi}:${id.start}` } : {}) });
          } else for (const n of f.names) {
            fields.push({ name: n.name, type: ft, embedded: false, ...(tag !== undefined ? { tag } : {}), ...(fi ? { pos: `${fi}:${n.start}` } : {}) });
          }
        }
        return { kind: 'struct', fields };
      }
      case 'InterfaceType': {
        const methods: { name: string; sig: SignatureType; pos?: string }[] = [];
        const embeddeds: Type[] = [];
        const fi = this.fileOfNode(e);
        for (const f of e.methods.list) {
          if (f.names.length && f.type && f.type.kind === 'FuncType') {
            const sig = this.funcSig(f.type, null);
            for (const n of f.names) methods.push({ name: n.name, sig, ...(fi ? { pos: `${fi}:${n.start}` } : {}) });
          } else if (f.type) embeddeds.push(this.constraintTerm(f.type));
        }
        return { kind: 'interface', methods, embeddeds };
      }
      case 'IndexExpr': case 'IndexListExpr': {
        const base = this.typeExpr(e.x);
        const idx = e.kind === 'IndexExpr' ? [e.index] : e.indices;
        if (base.kind !== 'named') return UNKNOWN;
        return named(base.pkg, base.name, idx.map((i) => this.typeExpr(i)), base.local);
      }
      case 'BinaryExpr': case 'UnaryExpr': return this.constraintTerm(e);
      default: return UNKNOWN;
    }
  }

  private constraintTerm(e: ast.Expr): Type {
    const terms: { tilde: boolean; type: Type }[] = [];
    const visit = (x: ast.Expr): void => {
      if (x.kind === 'BinaryExpr' && x.op === '|') { visit(x.x); visit(x.y); return; }
      if (x.kind === 'UnaryExpr' && x.op === '~') { terms.push({ tilde: true, type: this.typeExpr(x.x) }); return; }
      terms.push({ tilde: false, type: this.typeExpr(x) });
    };
    visit(e);
    if (terms.length === 1 && !terms[0]!.tilde) return terms[0]!.type;
    return { kind: 'union', terms };
  }

  /** relPath of the file containing a struct or interface type literal. */
  fileOfNode(n: ast.Node): string | undefined {
    return this.res.typeLitFile.get(n);
  }

  // -------------------------------------------------------------------------
  // Types of expressions

  typeOf(e: ast.Expr): Type {
    // identifiers and literals are cheap to type again: no memo entry (halves the memo)
    if (e.kind === 'Ident') {
      const o = this.res.uses.get(e);
      if (o && (o.kind === 'var' || o.kind === 'nil' || (o.kind === 'const' && o.decl) || (o.kind === 'type' && !this.res.embeddedType.has(e)))) {
        const t = this.objType(o);
        if (t.kind !== 'func' || !t.typeParams) return t;
      }
    } else if (e.kind === 'BasicLit') {
      return this.computeTypeOf0(e);
    }
    const t0 = this.types.get(e);
    if (t0) return t0;
    // cycle guard: the (short) stack of expressions being typed
    const stack = this.typing;
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i] === e) return UNKNOWN;
    stack.push(e);
    let t: Type;
    try {
      t = this.computeTypeOf(e);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err; // stack overflow on pathological input
      t = UNKNOWN;
    } finally {
      stack.pop();
    }
    this.types.set(e, t);
    return t;
  }
  private readonly typing: ast.Expr[] = [];

  private computeTypeOf(e: ast.Expr): Type {
    const t = this.computeTypeOf0(e);
    if (t.kind === 'func' && t.typeParams && t.typeParams.length && (e.kind === 'Ident' || e.kind === 'SelectorExpr')) {
      // a generic function called with inferred type arguments: the instantiated signature (like go/types)
      // (a generic function value is always instantiated in Go; unknown when we cannot infer how)
      const call = this.res.callOfFun.get(e);
      const inst = call ? this.instantiate(t, call) : undefined;
      return inst ?? UNKNOWN;
    }
    return t;
  }

  /** Infers all type arguments of a generic signature from a call's arguments; undefined if some stay unbound. */
  private instantiate(sig: SignatureType, call: ast.CallExpr): SignatureType | undefined {
    const m = new Map<string, Type>();
    const n = sig.params.length;
    call.args.forEach((a, i) => {
      let p = i < n ? sig.params[i]! : sig.params[n - 1];
      if (!p) return;
      if (sig.variadic && i >= n - 1 && call.ellipsis === NO_POS && p.kind === 'slice') p = p.elem;
      const at = this.typeOf(a);
      if (at.kind === 'func' && at.typeParams?.length) return;
      unify(p, at, m);
    });
    for (const [k, v] of m) m.set(k, defaultType(v));
    // constraint type inference: a single-term constraint (`~[]E`, `*T`) relates type params
    for (let round = 0; round < 2; round++) {
      for (const tp of sig.typeParams ?? []) {
        const k = typeParamKey(tp);
        const term = tp.constraint ? this.coreTerm(tp.constraint) : undefined;
        if (!term) continue;
        const bound = m.get(k);
        if (bound) unify(term.type, term.tilde ? underlying(bound, this) : bound, m);
        else if (!term.tilde) m.set(k, subst(term.type, m)); // a ~T term does not pin the type down
      }
    }
    // resolve params bound to types mentioning other bound params
    for (let i = 0; i < 3; i++) for (const [k, v] of m) m.set(k, subst(v, m));
    const own = new Set((sig.typeParams ?? []).map(typeParamKey));
    for (const tp of sig.typeParams ?? []) {
      const v = m.get(typeParamKey(tp));
      if (!v || hasUnknown(v) || (v.kind === 'basic' && v.name === 'untyped nil') || mentionsOwn(v, own)) return undefined;
    }
    const r = subst(sig, m) as SignatureType;
    return { kind: 'func', params: r.params, results: r.results, variadic: r.variadic };
  }

  /** The single type term of a constraint (`~[]E` → {tilde, []E}), if it has exactly one. */
  private coreTerm(c: Type): { tilde: boolean; type: Type } | undefined {
    if (c.kind === 'union') return c.terms.length === 1 ? c.terms[0] : undefined;
    if (c.kind !== 'named' && c.kind !== 'interface') return { tilde: false, type: c };
    const u = underlying(c, this);
    if (u.kind !== 'interface' || u.methods.length || u.embeddeds.length !== 1) return undefined;
    const only = u.embeddeds[0]!;
    if (only.kind === 'union') return only.terms.length === 1 ? only.terms[0] : undefined;
    if (only.kind === 'unknown' || underlying(only, this).kind === 'interface') return undefined;
    return { tilde: false, type: only };
  }

  private computeTypeOf0(e: ast.Expr): Type {
    switch (e.kind) {
      case 'BadExpr': return UNKNOWN;
      case 'Ident': {
        const used = this.res.uses.get(e);
        if (used && used.kind !== 'const' && used.kind !== 'pkgname' && used.kind !== 'builtin' && used.kind !== 'label' && (used.kind !== 'type' || !this.res.embeddedType.has(e))) {
          return this.objType(used);
        }
        const key = used ? undefined : this.res.pendingKeys.get(e);
        if (key) {
          // a struct field key in a composite literal: the field's type in the (instantiated) literal type
          const lt = key.lit.type ? this.typeExpr(key.lit.type) : this.typeOf(key.lit);
          const u = underlying(deref(lt), this);
          if (u.kind === 'struct') return u.fields.find((f) => f.name === e.name)?.type ?? UNKNOWN;
        }
        const o = this.objectOf(e);
        if (!o) return UNKNOWN;
        if (o.kind === 'const' && o.name === 'iota' && !o.decl) return UNTYPED_INT;
        if (o.kind === 'pkgname' || o.kind === 'builtin' || o.kind === 'label') return UNKNOWN;
        return this.objType(o);
      }
      case 'BasicLit':
        switch (e.litKind) {
          case 'INT': return UNTYPED_INT;
          case 'FLOAT': return UNTYPED_FLOAT;
          case 'IMAG': return basic('untyped complex');
          case 'CHAR': return UNTYPED_RUNE;
          case 'STRING': return UNTYPED_STRING;
        }
        return UNKNOWN;
      case 'ParenExpr': return this.typeOf(e.x);
      case 'FuncLit': return this.funcSig(e.type, null);
      case 'CompositeLit': return this.compositeType(e);
      case 'SelectorExpr': return this.selectorType(e);
      case 'IndexExpr': case 'IndexListExpr': return this.indexType(e);
      case 'SliceExpr': {
        const xt = this.typeOf(e.x);
        const u = underlying(xt, this);
        if (u.kind === 'basic') return isString(u) ? (isUntyped(u) ? STRING : xt) : UNKNOWN;
        if (u.kind === 'slice') return xt;
        if (u.kind === 'array') return slice(u.elem);
        if (u.kind === 'pointer') {
          const a = underlying(u.elem, this);
          if (a.kind === 'array') return slice(a.elem);
        }
        return UNKNOWN;
      }
      case 'TypeAssertExpr': return e.type ? this.typeExpr(e.type) : UNKNOWN;
      case 'CallExpr': return this.callType(e);
      case 'StarExpr': {
        if (this.modeOf(e.x) === 'type') return pointer(this.typeExpr(e.x));
        const u = underlying(this.typeOf(e.x), this);
        return u.kind === 'pointer' ? u.elem : UNKNOWN;
      }
      case 'UnaryExpr': {
        const xt = this.typeOf(e.x);
        switch (e.op) {
          case '&': return xt.kind === 'unknown' ? UNKNOWN : pointer(xt);
          case '<-': {
            const u = underlying(xt, this);
            return u.kind === 'chan' ? u.elem : UNKNOWN;
          }
          case '!': return xt;
          case '~': return UNKNOWN;
          default: return xt;
        }
      }
      case 'BinaryExpr': return this.binaryType(e);
      case 'KeyValueExpr': return UNKNOWN;
      case 'Ellipsis': case 'ArrayType': case 'StructType': case 'FuncType': case 'InterfaceType': case 'MapType': case 'ChanType':
        return this.computeTypeExpr(e);
    }
  }

  private binaryType(e: ast.BinaryExpr): Type {
    switch (e.op) {
      case '==': case '!=': case '<': case '<=': case '>': case '>=': return UNTYPED_BOOL;
      case '&&': case '||': {
        const x = this.typeOf(e.x), y = this.typeOf(e.y);
        if (!isUntyped(x)) return x;
        if (!isUntyped(y)) return y;
        return UNTYPED_BOOL;
      }
      case '<<': case '>>': {
        const x = this.typeOf(e.x);
        if (isUntyped(x) && !this.isConstExpr(e.y)) return UNKNOWN; // type comes from the context
        if (isUntyped(x) && x.kind === 'basic' && x.name === 'untyped float') return UNTYPED_INT;
        return x;
      }
      default: {
        if (e.op === '|' && this.modeOf(e.x) === 'type') return UNKNOWN;
        const x = this.typeOf(e.x), y = this.typeOf(e.y);
        if (x.kind === 'unknown' || y.kind === 'unknown') return !isUntyped(x) && x.kind !== 'unknown' ? x : !isUntyped(y) && y.kind !== 'unknown' ? y : UNKNOWN;
        if (!isUntyped(x)) return x;
        if (!isUntyped(y)) return y;
        return untypedMax(x, y);
      }
    }
  }

  private compositeType(e: ast.CompositeLit): Type {
    if (e.type) {
      if (e.type.kind === 'ArrayType' && e.type.len && e.type.len.kind === 'Ellipsis') {
        const t: Type = { kind: 'array', elem: this.typeExpr(e.type.elt), len: this.literalLength(e) };
        this.types.set(e.type, t);
        return t;
      }
      return this.typeExpr(e.type);
    }
    const p = this.res.litParent.get(e);
    if (!p) return UNKNOWN;
    const pt = this.typeOf(p.parent);
    let u = underlying(pt, this);
    if (u.kind === 'pointer') u = underlying(u.elem, this);
    switch (u.kind) {
      case 'array': case 'slice': return u.elem;
      case 'map': return p.isKey ? u.key : u.elem;
      default: return UNKNOWN;
    }
  }

  private literalLength(e: ast.CompositeLit): number | null {
    let max = 0, idx = 0;
    for (const el of e.elts) {
      if (el.kind === 'KeyValueExpr') {
        const k = this.constValue(el.key);
        if (!k || k.kind !== 'int') return null;
        idx = Number(k.value);
      }
      idx++;
      if (idx > max) max = idx;
    }
    return max;
  }

  private selectorType(e: ast.SelectorExpr): Type {
    const x = e.x;
    const xo = x.kind === 'Ident' ? this.res.uses.get(x) : undefined;
    if (xo && xo.kind === 'pkgname') {
      if (xo.importPath === 'C') {
        const name = e.sel.name;
        if (this.isCgoType(name)) return named('C', name);
        return CGO_FUNCS[name] ?? this.cgoValueType(name);
      }
      const o = this.res.uses.get(e.sel);
      if (!o || o.kind === 'builtin' || o.kind === 'pkgname') return UNKNOWN;
      return this.objType(o);
    }
    const s = this.selection(e);
    if (!s) return UNKNOWN;
    if (s.kind === 'field') return s.type;
    // method expression T.m: receiver becomes the first parameter
    if (this.modeOf(e.x) === 'type') {
      const recv = this.typeExpr(e.x);
      return { kind: 'func', params: [recv, ...s.sig.params], results: s.sig.results, variadic: s.sig.variadic };
    }
    return s.sig;
  }

  private indexType(e: ast.IndexExpr | ast.IndexListExpr): Type {
    if (this.modeOf(e.x) === 'type') return this.typeExpr(e);
    const x0 = unparen(e.x);
    const xt = x0.kind === 'Ident' || x0.kind === 'SelectorExpr' ? this.computeTypeOf0(x0) : this.typeOf(e.x);
    const u = underlying(xt, this);
    if (u.kind === 'func' && u.typeParams && u.typeParams.length) {
      // explicit instantiation
      const idx = e.kind === 'IndexExpr' ? [e.index] : e.indices;
      const m = new Map<string, Type>();
      idx.forEach((ix, i) => { const tp = u.typeParams![i]; if (tp) m.set(typeParamKey(tp), this.typeExpr(ix)); });
      const r = subst(u, m) as SignatureType;
      return r.typeParams && r.typeParams.length ? r : { kind: 'func', params: r.params, results: r.results, variadic: r.variadic };
    }
    if (e.kind !== 'IndexExpr') return UNKNOWN;
    switch (u.kind) {
      case 'basic': return isString(u) ? UINT8 : UNKNOWN;
      case 'slice': case 'array': return u.elem;
      case 'pointer': {
        const a = underlying(u.elem, this);
        return a.kind === 'array' ? a.elem : UNKNOWN;
      }
      case 'map': return u.elem;
      case 'typeparam': return UNKNOWN;
      default: return UNKNOWN;
    }
  }

  /** The name of the builtin called by `fun` (incl. unsafe.X), if any. */
  builtinName(fun: ast.Expr): string | undefined {
    fun = unparen(fun);
    const id = fun.kind === 'Ident' ? fun : fun.kind === 'SelectorExpr' ? fun.sel : undefined;
    if (!id) return undefined;
    if (fun.kind === 'SelectorExpr' && !(fun.x.kind === 'Ident' && this.res.uses.get(fun.x)?.kind === 'pkgname')) return undefined;
    const o = this.res.uses.get(id);
    return o && o.kind === 'builtin' ? o.name : undefined;
  }

  private callType(e: ast.CallExpr): Type {
    const fun = unparen(e.fun);
    const mode = this.modeOf(fun);
    if (mode === 'type') return this.typeExpr(fun);
    if (mode === 'builtin') return this.builtinType(fun, e);
    let ft = this.typeOf(fun);
    if (ft.kind === 'unknown' && (fun.kind === 'Ident' || fun.kind === 'SelectorExpr')) ft = this.computeTypeOf0(fun);
    const u = underlying(ft, this);
    if (u.kind !== 'func') return UNKNOWN;
    let sig = u;
    if (sig.typeParams && sig.typeParams.length && sig.results.some(mentionsTypeParam)) {
      const inst = this.instantiate(sig, e);
      if (!inst) {
        const own = new Set(sig.typeParams.map(typeParamKey));
        if (sig.results.some((r) => mentionsOwn(r, own))) return UNKNOWN;
      } else sig = inst;
    }
    if (sig.results.length === 1) return sig.results[0]!;
    if (sig.results.length === 0) return EMPTY_TUPLE;
    return tuple(sig.results);
  }

  private builtinType(fun: ast.Expr, e: ast.CallExpr): Type {
    const name = this.builtinName(fun);
    const a0 = e.args[0];
    switch (name) {
      case 'len': case 'cap': case 'copy': return INT;
      case 'append': {
        if (!a0) return UNKNOWN;
        const t = this.typeOf(a0);
        return t.kind === 'basic' && t.name === 'untyped nil' ? UNKNOWN : t;
      }
      case 'new': return a0 ? pointer(this.typeExpr(a0)) : UNKNOWN;
      case 'make': return a0 ? this.typeExpr(a0) : UNKNOWN;
      case 'recover': return EMPTY_INTERFACE;
      case 'close': case 'delete': case 'clear': case 'panic': case 'print': case 'println': return EMPTY_TUPLE;
      case 'min': case 'max': {
        let res: Type | undefined;
        for (const a of e.args) {
          const t = this.typeOf(a);
          if (t.kind === 'unknown') return UNKNOWN;
          if (!isUntyped(t)) return t;
          res = res ? untypedMax(res, t) : t;
        }
        return res ?? UNKNOWN;
      }
      case 'complex': {
        const x = a0 ? this.typeOf(a0) : UNKNOWN;
        const y = e.args[1] ? this.typeOf(e.args[1]) : UNKNOWN;
        const t = !isUntyped(x) ? x : y;
        if (t.kind === 'basic') return t.name === 'float32' ? basic('complex64') : t.name === 'float64' ? basic('complex128') : isUntyped(t) ? basic('untyped complex') : UNKNOWN;
        return UNKNOWN;
      }
      case 'real': case 'imag': {
        const x = a0 ? this.typeOf(a0) : UNKNOWN;
        if (x.kind === 'basic') return x.name === 'complex64' ? basic('float32') : x.name === 'complex128' ? basic('float64') : isUntyped(x) ? UNTYPED_FLOAT : UNKNOWN;
        return UNKNOWN;
      }
      case 'Sizeof': case 'Alignof': case 'Offsetof': return basic('uintptr');
      case 'Add': return UNSAFE_POINTER;
      case 'Slice': {
        const p = a0 ? underlying(this.typeOf(a0), this) : UNKNOWN;
        return p.kind === 'pointer' ? slice(p.elem) : UNKNOWN;
      }
      case 'SliceData': {
        const s = a0 ? underlying(this.typeOf(a0), this) : UNKNOWN;
        return s.kind === 'slice' ? pointer(s.elem) : UNKNOWN;
      }
      case 'String': return STRING;
      case 'StringData': return pointer(UINT8);
      default: return UNKNOWN;
    }
  }

  // -------------------------------------------------------------------------
  // Helpers for rules

  /** The signature a call invokes (after instantiation when possible), or undefined. */
  signatureOf(call: ast.CallExpr): SignatureType | undefined {
    const fun = unparen(call.fun);
    const m = this.modeOf(fun);
    if (m === 'type' || m === 'builtin') return undefined;
    const u = underlying(this.typeOf(fun), this);
    return u.kind === 'func' ? u : undefined;
  }

  /** The method declarations of a receiver base type name in this package. */
  methodDecls(typeName: string): readonly ast.FuncDecl[] {
    return this.res.methods.get(typeName) ?? [];
  }

  recvNamed(decl: ast.FuncDecl): NamedType | undefined {
    const base = recvBaseName(decl.recv?.list[0]?.type ?? null);
    if (!base) return undefined;
    const o = this.res.uses.get(base);
    if (!o || o.kind !== 'type') return undefined;
    const t = this.objType(o);
    return t.kind === 'named' ? t : undefined;
  }

  funcNodeSig(fn: FuncNode): SignatureType {
    return fn.kind === 'FuncDecl' ? this.funcSig(fn.type, fn) : this.funcSig(fn.type, null);
  }
}

function mentionsOwn(t: Type, own: Set<string>): boolean {
  switch (t.kind) {
    case 'typeparam': return own.has(typeParamKey(t));
    case 'basic': case 'unknown': return false;
    case 'named': return !!t.args && t.args.some((a) => mentionsOwn(a, own));
    case 'pointer': case 'slice': case 'array': case 'chan': return mentionsOwn(t.elem, own);
    case 'map': return mentionsOwn(t.key, own) || mentionsOwn(t.elem, own);
    case 'func': return t.params.some((p) => mentionsOwn(p, own)) || t.results.some((p) => mentionsOwn(p, own));
    case 'tuple': return t.types.some((p) => mentionsOwn(p, own));
    case 'struct': return t.fields.some((f) => mentionsOwn(f.type, own));
    case 'interface': return t.methods.some((m) => mentionsOwn(m.sig, own)) || t.embeddeds.some((x) => mentionsOwn(x, own));
    case 'union': return t.terms.some((x) => mentionsOwn(x.type, own));
  }
}

const untypedRank: Record<string, number> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3, 'untyped complex': 4 };
function untypedMax(x: Type, y: Type): Type {
  if (x.kind !== 'basic' || y.kind !== 'basic') return UNKNOWN;
  const rx = untypedRank[x.name], ry = untypedRank[y.name];
  if (rx && ry) return rx >= ry ? x : y;
  if (x.name === y.name) return x;
  if (x.name === 'untyped nil') return y;
  if (y.name === 'untyped nil') return x;
  return UNKNOWN;
}

function isUntypedIntLike(t: Type): boolean {
  return t.kind === 'basic' && (t.name === 'untyped int' || t.name === 'untyped rune');
}

function containsCallOrRecv(e: ast.Expr): boolean {
  switch (e.kind) {
    case 'CallExpr': return true;
    case 'UnaryExpr': return e.op === '<-' || containsCallOrRecv(e.x);
    case 'ParenExpr': case 'StarExpr': return containsCallOrRecv(e.x);
    case 'SelectorExpr': return containsCallOrRecv(e.x);
    case 'IndexExpr': return containsCallOrRecv(e.x) || containsCallOrRecv(e.index);
    default: return false;
  }
}

export { UNTYPED_BOOL, UNTYPED_INT, UNKNOWN };
