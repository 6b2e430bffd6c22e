/**
 * A representation of Go types without a compiler.
 *
 * Types are plain, acyclic, JSON-serializable objects. A named type is known
 * by its identity `(pkg, name)` (plus `local` for types declared inside a
 * function, and `args` for an instantiation); its underlying type and methods
 * live in a `TypeEnv`, so types from different packages can refer to each
 * other without cycles.
 *
 * `unknown` is the honest answer whenever the type cannot be determined; no
 * helper in this module ever turns an `unknown` into a guess.
 */

export type BasicName =
  | 'bool' | 'string'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex64' | 'complex128'
  | 'unsafe.Pointer'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float'
  | 'untyped complex' | 'untyped string' | 'untyped nil';

export interface BasicType { readonly kind: 'basic'; readonly name: BasicName }

/** A defined (named) type: `pkg` is the import path ('' for the universe's `error`/`comparable`). */
export interface NamedType {
  readonly kind: 'named';
  readonly pkg: string;
  readonly name: string;
  /** Type arguments of an instantiation (or the type parameters themselves inside the generic declaration). */
  readonly args?: readonly Type[];
  /** Distinguishes a type declared inside a function (`file:offset`); absent at package level. */
  readonly local?: string;
}

export interface PointerType { readonly kind: 'pointer'; readonly elem: Type }
export interface SliceType { readonly kind: 'slice'; readonly elem: Type }
/** `len` is null when it is not a known constant. */
export interface ArrayType { readonly kind: 'array'; readonly elem: Type; readonly len: number | null }
export interface MapType { readonly kind: 'map'; readonly key: Type; readonly elem: Type }
export interface ChanType { readonly kind: 'chan'; readonly dir: 'both' | 'send' | 'recv'; readonly elem: Type }

/** A function signature; for a variadic function the last param is a slice. */
export interface SignatureType {
  readonly kind: 'func';
  readonly params: readonly Type[];
  readonly results: readonly Type[];
  readonly variadic: boolean;
  /** Type parameters of a generic function (before instantiation). */
  readonly typeParams?: readonly TypeParamType[];
}

export interface StructField {
  readonly name: string;
  readonly type: Type;
  readonly embedded: boolean;
  readonly tag?: string;
  /** Declaration position `relPath:offset` when known (module packages). */
  readonly pos?: string;
}
export interface StructType { readonly kind: 'struct'; readonly fields: readonly StructField[] }

export interface InterfaceMethod { readonly name: string; readonly sig: SignatureType; readonly pos?: string }
export interface InterfaceType {
  readonly kind: 'interface';
  readonly methods: readonly InterfaceMethod[];
  /** Embedded interfaces, and type terms (unions, `~T`, plain types) of constraints. */
  readonly embeddeds: readonly Type[];
}

/** A union of type terms (constraints only). */
export interface UnionType { readonly kind: 'union'; readonly terms: readonly { tilde: boolean; type: Type }[] }
export interface TupleType { readonly kind: 'tuple'; readonly types: readonly Type[] }
export interface TypeParamType {
  readonly kind: 'typeparam';
  readonly name: string;
  readonly index: number;
  /** Identity of the declaring function or type (`pkg.F`, `pkg.T`, or a local id). */
  readonly owner: string;
  readonly constraint?: Type;
}
export interface UnknownType { readonly kind: 'unknown' }

export type Type =
  | BasicType | NamedType | PointerType | SliceType | ArrayType | MapType | ChanType
  | SignatureType | StructType | InterfaceType | UnionType | TupleType | TypeParamType | UnknownType;

// ---------------------------------------------------------------------------
// Constructors and constants

export const UNKNOWN: UnknownType = Object.freeze({ kind: 'unknown' });

const basicCache = new Map<BasicName, BasicType>();
export function basic(name: BasicName): BasicType {
  let t = basicCache.get(name);
  if (!t) {
    t = Object.freeze({ kind: 'basic', name }) as BasicType;
    basicCache.set(name, t);
  }
  return t;
}
export const BOOL = basic('bool');
export const STRING = basic('string');
export const INT = basic('int');
export const UINT8 = basic('uint8');
export const INT32 = basic('int32');
export const FLOAT64 = basic('float64');
export const COMPLEX128 = basic('complex128');
export const UNSAFE_POINTER = basic('unsafe.Pointer');
export const UNTYPED_BOOL = basic('untyped bool');
export const UNTYPED_INT = basic('untyped int');
export const UNTYPED_RUNE = basic('untyped rune');
export const UNTYPED_FLOAT = basic('untyped float');
export const UNTYPED_STRING = basic('untyped string');
export const UNTYPED_NIL = basic('untyped nil');
export const ERROR: NamedType = Object.freeze({ kind: 'named', pkg: '', name: 'error' }) as NamedType;

/** Whether a type is the predeclared `error`. */
export function isErrorType(t: Type): boolean {
  return t.kind === 'named' && t.pkg === '' && t.name === 'error';
}
export const EMPTY_INTERFACE: InterfaceType = Object.freeze({ kind: 'interface', methods: [], embeddeds: [] }) as InterfaceType;
export const EMPTY_TUPLE: TupleType = Object.freeze({ kind: 'tuple', types: [] }) as TupleType;

export const BASIC_NAMES: ReadonlySet<string> = new Set<BasicName>([
  'bool', 'string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32',
  'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128',
]);

export function named(pkg: string, name: string, args?: readonly Type[], local?: string): NamedType {
  const t: { kind: 'named'; pkg: string; name: string; args?: readonly Type[]; local?: string } = { kind: 'named', pkg, name };
  if (args && args.length) t.args = args;
  if (local) t.local = local;
  return t;
}
export const pointer = (elem: Type): PointerType => ({ kind: 'pointer', elem });
export const slice = (elem: Type): SliceType => ({ kind: 'slice', elem });
export const tuple = (types: readonly Type[]): TupleType => ({ kind: 'tuple', types });
export function signature(params: readonly Type[], results: readonly Type[], variadic = false): SignatureType {
  return { kind: 'func', params, results, variadic };
}

// ---------------------------------------------------------------------------
// Predicates

export const isUnknown = (t: Type | undefined): boolean => !t || t.kind === 'unknown';

/** `isNamed(t, 'crypto/tls', 'Config')`: t is exactly that named type (any instantiation). */
export function isNamed(t: Type | undefined, pkg: string, name: string): boolean {
  return !!t && t.kind === 'named' && t.pkg === pkg && t.name === name && !t.local;
}

/** t is `*pkg.name` or `pkg.name`. */
export function isNamedOrPtr(t: Type | undefined, pkg: string, name: string): boolean {
  return isNamed(t, pkg, name) || (!!t && t.kind === 'pointer' && isNamed(t.elem, pkg, name));
}

export function isUntyped(t: Type): boolean {
  return t.kind === 'basic' && t.name.startsWith('untyped ');
}

export function isInteger(t: Type): boolean {
  if (t.kind !== 'basic') return false;
  const n = t.name;
  return n === 'untyped int' || n === 'untyped rune' || /^u?int(8|16|32|64|ptr)?$/.test(n);
}
export function isFloat(t: Type): boolean {
  return t.kind === 'basic' && (t.name === 'float32' || t.name === 'float64' || t.name === 'untyped float');
}
export function isComplex(t: Type): boolean {
  return t.kind === 'basic' && (t.name === 'complex64' || t.name === 'complex128' || t.name === 'untyped complex');
}
export function isString(t: Type): boolean {
  return t.kind === 'basic' && (t.name === 'string' || t.name === 'untyped string');
}
export function isBoolean(t: Type): boolean {
  return t.kind === 'basic' && (t.name === 'bool' || t.name === 'untyped bool');
}

/** The type an untyped constant gets when nothing else decides (like go/types `Default`). */
export function defaultType(t: Type): Type {
  if (t.kind !== 'basic') return t;
  switch (t.name) {
    case 'untyped bool': return BOOL;
    case 'untyped int': return INT;
    case 'untyped rune': return INT32;
    case 'untyped float': return FLOAT64;
    case 'untyped complex': return COMPLEX128;
    case 'untyped string': return STRING;
    default: return t;
  }
}

/** `*T` → `T`; anything else unchanged. */
export function deref(t: Type): Type {
  return t.kind === 'pointer' ? t.elem : t;
}

// ---------------------------------------------------------------------------
// Printing

/**
 * A stable textual form, matching the normalised go/types form printed by
 * tools/gotypesdump: package-qualified named types (`crypto/tls.Config`),
 * `uint8`/`int32` for byte/rune, signatures without parameter names, struct
 * fields without tags, interface methods sorted by name, `?` for unknown.
 */
export function typeString(t: Type | undefined): string {
  if (!t) return '?';
  switch (t.kind) {
    case 'basic': return t.name;
    case 'named': {
      const base = t.pkg ? `${t.pkg}.${t.name}` : t.name;
      return t.args && t.args.length ? `${base}[${t.args.map(typeString).join(', ')}]` : base;
    }
    case 'pointer': return `*${typeString(t.elem)}`;
    case 'slice': return `[]${typeString(t.elem)}`;
    case 'array': return `[${t.len ?? '?'}]${typeString(t.elem)}`;
    case 'map': return `map[${typeString(t.key)}]${typeString(t.elem)}`;
    case 'chan': {
      if (t.dir === 'send') return `chan<- ${typeString(t.elem)}`;
      if (t.dir === 'recv') return `<-chan ${typeString(t.elem)}`;
      const e = typeString(t.elem);
      return t.elem.kind === 'chan' && t.elem.dir === 'recv' ? `chan (${e})` : `chan ${e}`;
    }
    case 'func': return 'func' + sigString(t);
    case 'struct':
      return `struct{${t.fields.map((f) => (f.embedded ? typeString(f.type) : `${f.name} ${typeString(f.type)}`)).join('; ')}}`;
    case 'interface': {
      const parts = [...t.methods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((m) => m.name + sigString(m.sig));
      for (const e of t.embeddeds) parts.push(typeString(e));
      return `interface{${parts.join('; ')}}`;
    }
    case 'union': return t.terms.map((x) => (x.tilde ? '~' : '') + typeString(x.type)).join(' | ');
    case 'tuple': return `(${t.types.map(typeString).join(', ')})`;
    case 'typeparam': return t.name;
    case 'unknown': return '?';
  }
}

/** `(int, ...string) (int, error)` */
export function sigString(s: SignatureType): string {
  const ps = s.params.map((p, i) =>
    s.variadic && i === s.params.length - 1 && p.kind === 'slice' ? '...' + typeString(p.elem) : typeString(p));
  let out = `(${ps.join(', ')})`;
  if (s.results.length === 1) out += ' ' + typeString(s.results[0]);
  else if (s.results.length > 1) out += ` (${s.results.map(typeString).join(', ')})`;
  return out;
}

// ---------------------------------------------------------------------------
// Identity

/** Type identity (structural for unnamed types, by identity for named ones). Unknown is identical to nothing. */
export function identical(a: Type, b: Type): boolean {
  if (a === b) return a.kind !== 'unknown';
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'basic': return a.name === (b as BasicType).name;
    case 'named': {
      const n = b as NamedType;
      if (a.pkg !== n.pkg || a.name !== n.name || a.local !== n.local) return false;
      const aa = a.args ?? [], ba = n.args ?? [];
      return aa.length === ba.length && aa.every((x, i) => identical(x, ba[i]!));
    }
    case 'pointer': case 'slice': return identical(a.elem, (b as PointerType | SliceType).elem);
    case 'array': return a.len === (b as ArrayType).len && identical(a.elem, (b as ArrayType).elem);
    case 'map': return identical(a.key, (b as MapType).key) && identical(a.elem, (b as MapType).elem);
    case 'chan': return a.dir === (b as ChanType).dir && identical(a.elem, (b as ChanType).elem);
    case 'func': {
      const s = b as SignatureType;
      return a.variadic === s.variadic && a.params.length === s.params.length && a.results.length === s.results.length
        && a.params.every((p, i) => identical(p, s.params[i]!)) && a.results.every((r, i) => identical(r, s.results[i]!));
    }
    case 'struct': {
      const s = b as StructType;
      return a.fields.length === s.fields.length && a.fields.every((f, i) => {
        const g = s.fields[i]!;
        return f.name === g.name && f.embedded === g.embedded && (f.tag ?? '') === (g.tag ?? '') && identical(f.type, g.type);
      });
    }
    case 'interface': return typeString(a) === typeString(b) && !typeString(a).includes('?');
    case 'union': return typeString(a) === typeString(b);
    case 'tuple': {
      const t = b as TupleType;
      return a.types.length === t.types.length && a.types.every((x, i) => identical(x, t.types[i]!));
    }
    case 'typeparam': return a.name === (b as TypeParamType).name && a.owner === (b as TypeParamType).owner;
    case 'unknown': return false;
  }
}

/** True if the type mentions `unknown` anywhere (so it must not be claimed exact). */
export function hasUnknown(t: Type): boolean {
  switch (t.kind) {
    case 'unknown': return true;
    case 'basic': case 'typeparam': return false;
    case 'named': return !!t.args && t.args.some(hasUnknown);
    case 'array': return t.len === null || hasUnknown(t.elem);
    case 'pointer': case 'slice': case 'chan': return hasUnknown(t.elem);
    case 'map': return hasUnknown(t.key) || hasUnknown(t.elem);
    case 'func': return t.params.some(hasUnknown) || t.results.some(hasUnknown);
    case 'struct': return t.fields.some((f) => hasUnknown(f.type));
    case 'interface': return t.methods.some((m) => hasUnknown(m.sig)) || t.embeddeds.some(hasUnknown);
    case 'union': return t.terms.some((x) => hasUnknown(x.type));
    case 'tuple': return t.types.some(hasUnknown);
  }
}

// ---------------------------------------------------------------------------
// Substitution of type parameters

export type TypeParamMap = ReadonlyMap<string, Type>; // key: `${owner}#${name}` or name

const tpKey = (p: TypeParamType): string => `${p.owner}#${p.name}`;
export function typeParamKey(p: TypeParamType): string {
  return tpKey(p);
}

export function subst(t: Type, m: TypeParamMap): Type {
  if (m.size === 0) return t;
  switch (t.kind) {
    case 'typeparam': return m.get(tpKey(t)) ?? t;
    case 'basic': case 'unknown': return t;
    case 'named': return t.args ? { ...t, args: t.args.map((a) => subst(a, m)) } : t;
    case 'pointer': return { kind: 'pointer', elem: subst(t.elem, m) };
    case 'slice': return { kind: 'slice', elem: subst(t.elem, m) };
    case 'array': return { kind: 'array', elem: subst(t.elem, m), len: t.len };
    case 'chan': return { kind: 'chan', dir: t.dir, elem: subst(t.elem, m) };
    case 'map': return { kind: 'map', key: subst(t.key, m), elem: subst(t.elem, m) };
    case 'func': {
      const s: SignatureType = { kind: 'func', params: t.params.map((p) => subst(p, m)), results: t.results.map((r) => subst(r, m)), variadic: t.variadic };
      return t.typeParams ? { ...s, typeParams: t.typeParams.filter((p) => !m.has(tpKey(p))) } : s;
    }
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ ...f, type: subst(f.type, m) })) };
    case 'interface':
      return { kind: 'interface', methods: t.methods.map((x) => ({ ...x, sig: subst(x.sig, m) as SignatureType })), embeddeds: t.embeddeds.map((e) => subst(e, m)) };
    case 'union': return { kind: 'union', terms: t.terms.map((x) => ({ tilde: x.tilde, type: subst(x.type, m) })) };
    case 'tuple': return { kind: 'tuple', types: t.types.map((x) => subst(x, m)) };
  }
}

export function mentionsTypeParam(t: Type): boolean {
  switch (t.kind) {
    case 'typeparam': return true;
    case 'basic': case 'unknown': return false;
    case 'named': return !!t.args && t.args.some(mentionsTypeParam);
    case 'pointer': case 'slice': case 'array': case 'chan': return mentionsTypeParam(t.elem);
    case 'map': return mentionsTypeParam(t.key) || mentionsTypeParam(t.elem);
    case 'func': return t.params.some(mentionsTypeParam) || t.results.some(mentionsTypeParam);
    case 'struct': return t.fields.some((f) => mentionsTypeParam(f.type));
    case 'interface': return t.methods.some((x) => mentionsTypeParam(x.sig)) || t.embeddeds.some(mentionsTypeParam);
    case 'union': return t.terms.some((x) => mentionsTypeParam(x.type));
    case 'tuple': return t.types.some(mentionsTypeParam);
  }
}

/**
 * Unifies a parameter type (mentioning type params) with an argument type,
 * recording bindings. Returns false on a definite mismatch; unknown parts
 * bind nothing.
 */
export function unify(param: Type, arg: Type, out: Map<string, Type>): boolean {
  if (arg.kind === 'unknown') return true;
  switch (param.kind) {
    case 'typeparam': {
      const k = tpKey(param);
      const prev = out.get(k);
      if (!prev || (isUntyped(prev) && !isUntyped(arg))) out.set(k, arg);
      return true;
    }
    case 'pointer': case 'slice':
      return arg.kind === param.kind ? unify(param.elem, (arg as PointerType).elem, out) : true;
    case 'array': return arg.kind === 'array' ? unify(param.elem, arg.elem, out) : true;
    case 'chan': return arg.kind === 'chan' ? unify(param.elem, arg.elem, out) : true;
    case 'map': return arg.kind === 'map' ? unify(param.key, arg.key, out) && unify(param.elem, arg.elem, out) : true;
    case 'func':
      if (arg.kind !== 'func') return true;
      param.params.forEach((p, i) => arg.params[i] && unify(p, arg.params[i]!, out));
      param.results.forEach((p, i) => arg.results[i] && unify(p, arg.results[i]!, out));
      return true;
    case 'named':
      if (arg.kind === 'named' && arg.pkg === param.pkg && arg.name === param.name && param.args && arg.args) {
        param.args.forEach((p, i) => arg.args![i] && unify(p, arg.args![i]!, out));
      }
      return true;
    default: return true;
  }
}

// ---------------------------------------------------------------------------
// Environment: underlying types and methods of named types

export interface MethodInfo {
  readonly name: string;
  /** Signature without receiver. */
  readonly sig: SignatureType;
  readonly ptrRecv: boolean;
  /** Package that declares the method. */
  readonly pkg: string;
  /** Declaration position `relPath:offset` when known. */
  readonly pos?: string;
}

export interface NamedInfo {
  readonly underlying: Type;
  readonly typeParams: readonly TypeParamType[];
  readonly methods: ReadonlyMap<string, MethodInfo>;
}

/** Looks up the declaration of a named type (any package, incl. local types). */
export interface TypeEnv {
  namedInfo(t: NamedType): NamedInfo | undefined;
}

const universeError: NamedInfo = {
  underlying: { kind: 'interface', methods: [{ name: 'Error', sig: signature([], [STRING]) }], embeddeds: [] },
  typeParams: [],
  methods: new Map(),
};
const universeComparable: NamedInfo = { underlying: EMPTY_INTERFACE, typeParams: [], methods: new Map() };

function infoOf(t: NamedType, env: TypeEnv): NamedInfo | undefined {
  if (t.pkg === '') {
    if (t.name === 'error') return universeError;
    if (t.name === 'comparable') return universeComparable;
  }
  return env.namedInfo(t);
}

function instMap(t: NamedType, info: NamedInfo): Map<string, Type> {
  const m = new Map<string, Type>();
  if (t.args && info.typeParams.length) info.typeParams.forEach((p, i) => { if (t.args![i]) m.set(tpKey(p), t.args![i]!); });
  return m;
}

/** The underlying type; named types are looked up in env (unknown when not found). */
export function underlying(t: Type, env: TypeEnv): Type {
  for (let i = 0; i < 50; i++) {
    if (t.kind === 'typeparam') {
      const core = t.constraint ? coreType(t.constraint, env) : undefined;
      return core ?? t;
    }
    if (t.kind !== 'named') return t;
    const info = infoOf(t, env);
    if (!info) return UNKNOWN;
    const u = info.underlying;
    t = t.args ? subst(u, instMap(t, info)) : u;
  }
  return UNKNOWN;
}

/** The single underlying type of a constraint's type set, if there is exactly one term. */
function coreType(c: Type, env: TypeEnv): Type | undefined {
  if (c.kind === 'union') return c.terms.length === 1 ? underlying(c.terms[0]!.type, env) : undefined;
  if (c.kind !== 'named' && c.kind !== 'interface') return c.kind === 'unknown' ? undefined : underlying(c, env);
  const u = underlying(c, env);
  if (u.kind !== 'interface') return undefined;
  const terms: Type[] = [];
  for (const e of u.embeddeds) {
    if (e.kind === 'union') {
      if (e.terms.length !== 1) return undefined;
      terms.push(e.terms[0]!.type);
    } else if (e.kind !== 'named' || underlying(e, env).kind !== 'interface') terms.push(e);
  }
  if (terms.length !== 1) return undefined;
  return underlying(terms[0]!, env);
}

/** Methods declared on a named type (with type args substituted). */
const NO_METHODS: ReadonlyMap<string, MethodInfo> = new Map();
export function declaredMethods(t: NamedType, env: TypeEnv): ReadonlyMap<string, MethodInfo> {
  const info = infoOf(t, env);
  if (!info) return NO_METHODS;
  if (!t.args || !info.typeParams.length) return info.methods;
  const m = instMap(t, info);
  const out = new Map<string, MethodInfo>();
  for (const [k, v] of info.methods) out.set(k, { ...v, sig: subst(v.sig, m) as SignatureType });
  return out;
}

export type Selection =
  | {
      readonly kind: 'field';
      readonly name: string;
      readonly type: Type;
      /** The struct that declares the field (owner type) and the field. */
      readonly owner: Type;
      readonly field: StructField;
      /** Embedded fields traversed (promotion path). */
      readonly path: readonly StructField[];
      readonly indirect: boolean;
    }
  | {
      readonly kind: 'method';
      readonly name: string;
      readonly sig: SignatureType;
      /** The named type declaring the method, or the interface type. */
      readonly owner: Type;
      readonly method?: MethodInfo;
      /** True for interface methods. */
      readonly iface: boolean;
      readonly path: readonly StructField[];
      readonly indirect: boolean;
    };

/**
 * Finds field or method `name` on type `t` (value or pointer), with
 * embedded-field promotion at the shallowest depth like go/types
 * `LookupFieldOrMethod`. Returns undefined when not found or ambiguous or
 * when part of the search hit an unknown type (and might have been shadowed).
 */
/** The promotion path of a selection of a field or method declared on the type itself (shared: paths are read-only). */
const NO_PATH: readonly StructField[] = Object.freeze([]);

export function lookupFieldOrMethod(t: Type, name: string, env: TypeEnv): Selection | undefined {
  if (name === '_') return undefined;
  let indirect0 = false;
  if (t.kind === 'pointer') {
    // a pointer to a named pointer type has no methods; a pointer to a named struct is fine
    t = t.elem;
    indirect0 = true;
  }
  // fast path: a method or field declared directly on t (no promotion)
  if (t.kind === 'named') {
    const info = infoOf(t, env);
    if (!info) return undefined;
    const m = (t.args && info.typeParams.length ? declaredMethods(t, env) : info.methods).get(name);
    if (m) return { kind: 'method', name, sig: m.sig, owner: t, method: m, iface: false, path: NO_PATH, indirect: indirect0 };
    const u = t.args ? underlying(t, env) : info.underlying;
    if (u.kind === 'struct') {
      let direct: StructField | undefined;
      let embedded = false;
      const fields = u.fields;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (f.name === name) direct = f;
        if (f.embedded) embedded = true;
      }
      if (direct) return { kind: 'field', name, type: direct.type, owner: t, field: direct, path: NO_PATH, indirect: indirect0 };
      if (!embedded) return undefined;
    } else if (u.kind === 'interface') {
      // no embedded interfaces: the method set is the declared methods (what the search below finds at depth 0)
      if (u.embeddeds.length === 0) {
        const methods = u.methods;
        for (let i = 0; i < methods.length; i++) {
          const im = methods[i]!;
          if (im.name === name) return { kind: 'method', name, sig: im.sig, owner: t, iface: true, path: NO_PATH, indirect: indirect0 };
        }
        return undefined;
      }
    } else if (u.kind !== 'typeparam') {
      return undefined;
    }
  }
  type Entry = { t: Type; path: readonly StructField[]; indirect: boolean; multiples?: boolean };
  let current: Entry[] = [{ t, path: NO_PATH, indirect: indirect0 }];
  const seen = new Set<string>();
  let sawUnknown = false;
  for (let depth = 0; current.length && depth < 16; depth++) {
    const found: Selection[] = [];
    const next: Entry[] = [];
    for (let ei = 0; ei < current.length; ei++) {
      const e = current[ei]!;
      let typ = e.t;
      if (typ.kind === 'named') {
        const key = typ.args ? typeString(typ) + (typ.local ?? '') : `${typ.pkg}.${typ.name}${typ.local ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const info = infoOf(typ, env);
        if (!info) { sawUnknown = true; continue; }
        const ms = declaredMethods(typ, env);
        const m = ms.get(name);
        if (m) {
          found.push({ kind: 'method', name, sig: m.sig, owner: typ, method: m, iface: false, path: e.path, indirect: e.indirect });
          continue;
        }
        typ = underlying(typ, env);
      } else if (typ.kind === 'typeparam') {
        const c = typ.constraint ? underlying(typ.constraint, env) : undefined;
        if (c && c.kind === 'interface') {
          const ms = interfaceMethods(c, env);
          if (ms === undefined) { sawUnknown = true; continue; }
          const m = ms.find((x) => x.name === name);
          if (m) { found.push({ kind: 'method', name, sig: m.sig, owner: typ, iface: true, path: e.path, indirect: e.indirect }); continue; }
        }
        typ = underlying(typ, env);
        if (typ.kind === 'typeparam') continue;
      }
      if (typ.kind === 'unknown') { sawUnknown = true; continue; }
      if (typ.kind === 'struct') {
        const fields = typ.fields;
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i]!;
          if (f.name === name) {
            found.push({ kind: 'field', name, type: f.type, owner: e.t, field: f, path: e.path, indirect: e.indirect });
          }
          if (f.embedded) {
            const ft = f.type;
            const isPtr = ft.kind === 'pointer';
            next.push({ t: isPtr ? ft.elem : ft, path: [...e.path, f], indirect: e.indirect || isPtr });
          }
        }
      } else if (typ.kind === 'interface') {
        const ms = interfaceMethods(typ, env);
        if (ms === undefined) { sawUnknown = true; continue; }
        const m = ms.find((x) => x.name === name);
        if (m) found.push({ kind: 'method', name, sig: m.sig, owner: e.t, iface: true, path: e.path, indirect: e.indirect });
      }
    }
    if (found.length === 1 && !sawUnknown) return found[0];
    if (found.length > 1 || sawUnknown) return undefined;
    current = next;
  }
  return undefined;
}

/** All methods of an interface type incl. embedded interfaces; undefined if an embedded one is unknown. */
export function interfaceMethods(t: InterfaceType, env: TypeEnv, depth = 0): InterfaceMethod[] | undefined {
  if (depth > 20) return undefined;
  const out: InterfaceMethod[] = [...t.methods];
  for (const e of t.embeddeds) {
    if (e.kind === 'union') continue;
    const u = underlying(e, env);
    if (u.kind === 'unknown') return undefined;
    if (u.kind !== 'interface') continue; // a type term
    const ms = interfaceMethods(u, env, depth + 1);
    if (!ms) return undefined;
    for (const m of ms) if (!out.some((x) => x.name === m.name)) out.push(m);
  }
  return out;
}

/** `fieldOf(t, name)`: the (possibly promoted) field `name` of struct type t or *t. */
export function fieldOf(t: Type, name: string, env: TypeEnv): Extract<Selection, { kind: 'field' }> | undefined {
  const s = lookupFieldOrMethod(t, name, env);
  return s && s.kind === 'field' ? s : undefined;
}

/**
 * The method `name` in the method set of t: for a value receiver type only
 * value-receiver methods are in the set (unless addressable is true, as for a
 * variable, where Go takes `&x` implicitly).
 */
export function methodOf(t: Type, name: string, env: TypeEnv, addressable = true): Extract<Selection, { kind: 'method' }> | undefined {
  const s = lookupFieldOrMethod(t, name, env);
  if (!s || s.kind !== 'method') return undefined;
  if (!addressable && s.method?.ptrRecv && t.kind !== 'pointer' && !s.indirect) return undefined;
  return s;
}

/** The method set of t: names of methods callable on a value of type t (pointer receivers included for *T). */
export function methodSet(t: Type, env: TypeEnv): Map<string, MethodInfo | InterfaceMethod> {
  const out = new Map<string, MethodInfo | InterfaceMethod>();
  const isPtr = t.kind === 'pointer';
  const base = deref(t);
  const u = underlying(base, env);
  if (u.kind === 'interface' && !isPtr) {
    for (const m of interfaceMethods(u, env) ?? []) out.set(m.name, m);
    return out;
  }
  const visit = (x: Type, ptrOk: boolean, depth: number): void => {
    if (depth > 8) return;
    if (x.kind === 'named') {
      declaredMethods(x, env).forEach((m, k) => { if (!out.has(k) && (ptrOk || !m.ptrRecv)) out.set(k, m); });
    }
    const ux = underlying(x, env);
    if (ux.kind === 'struct') {
      const fields = ux.fields;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (f.embedded) visit(deref(f.type), ptrOk || f.type.kind === 'pointer', depth + 1);
      }
    } else if (ux.kind === 'interface' && depth > 0) {
      for (const m of interfaceMethods(ux, env) ?? []) if (!out.has(m.name)) out.set(m.name, m);
    }
  };
  visit(base, isPtr, 0);
  return out;
}

// ---------------------------------------------------------------------------
// Parsing the textual form (used by the compact stdlib tables)

/**
 * Parses a type written in `typeString` form. Bare identifiers that are not
 * basic types are type parameters (resolved through `tparams` when given).
 */
export function parseType(src: string, tparams?: ReadonlyMap<string, TypeParamType>): Type {
  const p = new TypeParser(src, tparams);
  const t = p.type();
  p.skipWs();
  if (p.i !== src.length) throw new Error(`parseType: trailing input at ${p.i} in ${JSON.stringify(src)}`);
  return t;
}

export function parseSignature(src: string, tparams?: ReadonlyMap<string, TypeParamType>): SignatureType {
  const p = new TypeParser(src, tparams);
  const s = p.sig();
  p.skipWs();
  if (p.i !== src.length) throw new Error(`parseSignature: trailing input in ${JSON.stringify(src)}`);
  return s;
}

class TypeParser {
  i = 0;
  constructor(readonly s: string, readonly tparams?: ReadonlyMap<string, TypeParamType>) {}
  skipWs(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
  eat(tok: string): boolean {
    this.skipWs();
    if (this.s.startsWith(tok, this.i)) { this.i += tok.length; return true; }
    return false;
  }
  expect(tok: string): void {
    if (!this.eat(tok)) throw new Error(`parseType: expected ${tok} at ${this.i} in ${JSON.stringify(this.s)}`);
  }
  /** A qualified or bare name: path chars then `.Name`. */
  word(): string {
    this.skipWs();
    const m = /^[A-Za-z0-9_./~-]+/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`parseType: expected name at ${this.i} in ${JSON.stringify(this.s)}`);
    this.i += m[0].length;
    return m[0];
  }
  type(): Type {
    this.skipWs();
    const s = this.s, i = this.i;
    if (s[i] === '*') { this.i++; return pointer(this.type()); }
    if (s[i] === '?') { this.i++; return UNKNOWN; }
    if (s[i] === '(') { // tuple
      this.i++;
      const ts: Type[] = [];
      if (!this.eat(')')) { do ts.push(this.type()); while (this.eat(',')); this.expect(')'); }
      return tuple(ts);
    }
    if (s.startsWith('[]', i)) { this.i += 2; return slice(this.type()); }
    if (s[i] === '[') {
      this.i++;
      const n = this.word();
      this.expect(']');
      return { kind: 'array', len: n === '?' ? null : Number(n), elem: this.type() };
    }
    if (s.startsWith('<-chan ', i)) { this.i += 7; return { kind: 'chan', dir: 'recv', elem: this.type() }; }
    if (s.startsWith('chan<- ', i)) { this.i += 7; return { kind: 'chan', dir: 'send', elem: this.type() }; }
    if (s.startsWith('chan (', i)) { this.i += 6; const e = this.type(); this.expect(')'); return { kind: 'chan', dir: 'both', elem: e }; }
    if (s.startsWith('chan ', i)) { this.i += 5; return { kind: 'chan', dir: 'both', elem: this.type() }; }
    if (s.startsWith('map[', i)) { this.i += 4; const k = this.type(); this.expect(']'); return { kind: 'map', key: k, elem: this.type() }; }
    if (s.startsWith('func(', i)) { this.i += 4; return this.sig(); }
    if (s.startsWith('struct{', i)) {
      this.i += 7;
      const fields: StructField[] = [];
      if (!this.eat('}')) {
        do {
          this.skipWs();
          const save = this.i;
          const w = /^[A-Za-z_][A-Za-z0-9_]*(?= )/.exec(s.slice(this.i));
          if (w && !s.startsWith(w[0] + ' |', this.i)) {
            this.i += w[0].length;
            fields.push({ name: w[0], type: this.type(), embedded: false });
          } else {
            this.i = save;
            const t = this.type();
            const b = deref(t);
            fields.push({ name: b.kind === 'named' ? b.name : '?', type: t, embedded: true });
          }
        } while (this.eat(';'));
        this.expect('}');
      }
      return { kind: 'struct', fields };
    }
    if (s.startsWith('interface{', i)) {
      this.i += 10;
      const methods: InterfaceMethod[] = [];
      const embeddeds: Type[] = [];
      if (!this.eat('}')) {
        do {
          this.skipWs();
          const w = /^[A-Za-z_][A-Za-z0-9_]*\(/.exec(s.slice(this.i));
          if (w) {
            this.i += w[0].length - 1;
            methods.push({ name: w[0].slice(0, -1), sig: this.sig() });
          } else {
            embeddeds.push(this.unionOrType());
          }
        } while (this.eat(';'));
        this.expect('}');
      }
      return { kind: 'interface', methods, embeddeds };
    }
    // named, basic or type parameter
    const w = this.word();
    let t: Type;
    if (w === 'unsafe.Pointer') t = UNSAFE_POINTER;
    else if (w === 'untyped') t = basic(('untyped ' + this.word()) as BasicName);
    else if (BASIC_NAMES.has(w)) t = basic(w as BasicName);
    else if (w === 'error' || w === 'comparable') t = named('', w);
    else if (w === 'any') t = EMPTY_INTERFACE;
    else {
      const dot = w.lastIndexOf('.');
      if (dot < 0) {
        t = this.tparams?.get(w) ?? { kind: 'typeparam', name: w, index: 0, owner: '' };
      } else {
        t = named(w.slice(0, dot), w.slice(dot + 1));
      }
    }
    if (t.kind === 'named' && this.s[this.i] === '[') {
      this.i++;
      const args: Type[] = [];
      do args.push(this.type()); while (this.eat(','));
      this.expect(']');
      t = named(t.pkg, t.name, args);
    }
    return t;
  }
  unionOrType(): Type {
    const terms: { tilde: boolean; type: Type }[] = [];
    do {
      const tilde = this.eat('~');
      terms.push({ tilde, type: this.type() });
    } while (this.eat('|'));
    if (terms.length === 1 && !terms[0]!.tilde) return terms[0]!.type;
    return { kind: 'union', terms };
  }
  sig(): SignatureType {
    this.expect('(');
    const params: Type[] = [];
    let variadic = false;
    if (!this.eat(')')) {
      do {
        if (this.eat('...')) { variadic = true; params.push(slice(this.type())); } else params.push(this.type());
      } while (this.eat(','));
      this.expect(')');
    }
    const results: Type[] = [];
    this.skipWs();
    const c = this.s[this.i];
    if (c === '(') {
      this.i++;
      if (!this.eat(')')) { do results.push(this.type()); while (this.eat(',')); this.expect(')'); }
    } else if (c !== undefined && c !== ';' && c !== '}' && c !== ',' && c !== ')' && c !== ']' && c !== '|') {
      results.push(this.type());
    }
    return { kind: 'func', params, results, variadic };
  }
}
