/**
 * Which fields of a struct value can hold anything: a value built from
 * keyed composite literals (`reg := &Registry{Host: h}`), or declared with
 * its zero value (`var r Rule`), has only the fields that its literals, its
 * assignments (`reg.Host = h`) and the addresses taken of its fields
 * (`rows.Scan(&r.ID)`) and the decoders it is given to (`json.Unmarshal(data,
 * &r)`: all but the fields its tags skip, `json:"-"`) set; the others are
 * empty. The same holds for the
 * value a module function returns when it builds it so (`reg, err :=
 * util.ParseRegistryRef(s)`): the package fact `secrets/result-fields`
 * carries the fields such functions set to the packages that import them.
 */
import type { CallExpr, CompositeLit, Expr, FuncDecl, Ident, Node } from '../../syntax/ast.js';
import { forEachChild, returnsOf } from '../../syntax/walk.js';
import { keyedPackageFacts, type PackageFactKind } from '../../semantics/facts.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import { unparen, withoutAddress } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { perPackage } from '../../semantics/package-memo.js';
import { isExported, type Obj } from '../../semantics/scope.js';
import { isBuiltinCall } from '../../semantics/call-shapes.js';
import { deref, underlying, type Type } from '../../semantics/types.js';
import { credentialLikeName } from './detect/index.js';

/**
 * The fields set on a value, as paths: `Host` for a field set whole,
 * `Connect.ClientIdentifier` for one set by a keyed literal nested in the
 * value's literal (which leaves the rest of `Connect` empty); undefined
 * when any field may be set.
 */
type FieldSet = ReadonlySet<string> | undefined;

/** Whether a field path may hold something: a path set, one within it, or one it is within. */
function isSet(set: ReadonlySet<string>, path: string): boolean {
  for (const s of set) if (s === path || path.startsWith(`${s}.`) || s.startsWith(`${path}.`)) return true;
  return false;
}

/**
 * For a logged local struct, whether a field path (`Options.Proxy.Password`)
 * is never set before the log: no literal sets it or a field around it, and no
 * assignment or address taken in the function writes it. Any other use of
 * the variable before the log (passed somewhere, a method called, its
 * address taken) may set it, and then no field counts as unset. A call
 * logged directly has the fields its module function sets on its result.
 */
export function unsetFields(pkg: PackageInfo, logged: Expr): (path: string) => boolean {
  const x = unparen(logged);
  if (x.kind === 'CallExpr') {
    // a call logged directly: the fields its function sets on the result
    const set = resultFields(pkg, x, new Set());
    return set ? (path) => !isSet(set, path) : NEVER;
  }
  const o = logged.kind === 'Ident' ? pkg.objectOf(logged) : undefined;
  if (!o || o.kind !== 'var' || o.isPackageLevel || o.isField || o.isParam || !o.func) return NEVER;
  // uses after the log matter only when a loop around the log runs them before it again
  // (a loop that also holds the declaration starts each iteration with a fresh variable)
  const loops: Node[] = [];
  const declared = o.decl?.start ?? -1;
  for (let n = pkg.parentOf(logged); n && n !== o.func; n = pkg.parentOf(n)) {
    if ((n.kind === 'ForStmt' || n.kind === 'RangeStmt') && !(n.start <= declared && declared < n.end)) loops.push(n);
  }
  const before = (use: Ident) => use !== logged && (use.start < logged.end || loops.some((l) => l.start <= use.start && use.end <= l.end));
  const set = fieldsSetOn(pkg, o, before, new Set());
  return set ? (path) => !isSet(set, path) : NEVER;
}

const NEVER = (): boolean => false;

/**
 * The fields set on a local struct variable by its values and by the uses
 * `counts` selects; undefined when a value or a use may set any field. A
 * use that returns the variable (`return r, nil`) sets nothing.
 */
function fieldsSetOn(pkg: PackageInfo, o: Obj, counts: (use: Ident) => boolean, following: Set<Node>): FieldSet {
  if (!o.func) return undefined;
  const values = assignedValues(pkg, o);
  // `var r T`: the zero value, which sets no field
  const zero = o.node?.kind === 'ValueSpec' && o.node.values.length === 0;
  if (values.length === 0 && !zero) return undefined;
  const set = new Set<string>();
  let byValue: boolean | undefined;
  for (const v of values) {
    const fields = valueFields(pkg, v, following);
    if (!fields) return undefined;
    for (const f of fields) set.add(f);
  }
  for (const use of usesOf(pkg, o.func, o)) {
    if (!counts(use)) continue;
    const p = pkg.parentOf(use);
    // `o = &T{...}` (a value above), `return o`, `o.F = ...` and reads of fields
    if (p?.kind === 'AssignStmt' && p.lhs.includes(use)) continue;
    // `return o` and `ch <- o` hand the value on; `f(*o)`, and `f(o)` of a struct value, pass a copy
    if (p?.kind === 'ReturnStmt' || (p?.kind === 'SendStmt' && p.value === use)) continue;
    if (p?.kind === 'CallExpr' && p.args.includes(use) && (byValue ??= underlying(pkg.typeOfObj(o), pkg.info).kind === 'struct')) continue;
    if (p?.kind === 'StarExpr') {
      const at = pkg.parentOf(p);
      if (at?.kind === 'CallExpr' && at.args.includes(p)) continue;
      return undefined;
    }
    if (p?.kind === 'UnaryExpr' && p.op === '&') {
      // `return &o`, `ch <- &o`; `json.Unmarshal(data, &o)`, which sets the fields its tags do not skip
      const at = pkg.parentOf(p);
      if (at?.kind === 'ReturnStmt' || (at?.kind === 'SendStmt' && at.value === p)) continue;
      const decoded = at?.kind === 'CallExpr' ? decodedFields(pkg, at, p, o) : undefined;
      if (!decoded) return undefined;
      for (const f of decoded) set.add(f);
      continue;
    }
    if (p?.kind !== 'SelectorExpr' || p.x !== use || pkg.objectOf(p.sel)?.isField !== true) return undefined;
    const { top, path } = selectorChain(pkg, use);
    const at = pkg.parentOf(top);
    // `o.F.G = v`, and `&o.F` (as in `rows.Scan(&o.ID, &o.Name)`), which can set that field and nothing else
    if ((at?.kind === 'AssignStmt' && at.lhs.includes(top)) || (at?.kind === 'UnaryExpr' && at.op === '&')) set.add(path.join('.'));
    else if (at?.kind === 'CallExpr' && at.fun === top) return undefined; // a method of a field may set it
  }
  return set;
}

/** Decoders that fill a value through its address: callee key → the argument it is, and the struct tag key that names (or skips, `-`) fields. */
const DECODERS: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['encoding/json.Unmarshal', [1, 'json']], ['(encoding/json.Decoder).Decode', [0, 'json']],
  ['encoding/xml.Unmarshal', [1, 'xml']], ['(encoding/xml.Decoder).Decode', [0, 'xml']],
  ['gopkg.in/yaml.v2.Unmarshal', [1, 'yaml']], ['gopkg.in/yaml.v3.Unmarshal', [1, 'yaml']],
  ['(gopkg.in/yaml.v2.Decoder).Decode', [0, 'yaml']], ['(gopkg.in/yaml.v3.Decoder).Decode', [0, 'yaml']],
  ['sigs.k8s.io/yaml.Unmarshal', [1, 'json']], ['github.com/ghodss/yaml.Unmarshal', [1, 'json']],
  ['github.com/BurntSushi/toml.Unmarshal', [1, 'toml']], ['github.com/BurntSushi/toml.Decode', [1, 'toml']],
  ['github.com/pelletier/go-toml/v2.Unmarshal', [1, 'toml']],
] as const);

/** The fields a decoder call can set on the struct variable `o` whose address `arg` it is given: all but those its tags skip. */
function decodedFields(pkg: PackageInfo, call: CallExpr, arg: Expr, o: Obj): FieldSet {
  const c = pkg.calleeOf(call);
  const key = c.kind === 'func' || c.kind === 'method' ? pkg.calleeKey(c) : undefined;
  const decoder = key === undefined ? undefined : DECODERS.get(key);
  if (!decoder || call.args[decoder[0]] !== arg) return undefined;
  const u = underlying(deref(pkg.typeOfObj(o)), pkg.info);
  if (u.kind !== 'struct') return undefined;
  return new Set(u.fields.filter((f) => tagValue(f.tag, decoder[1])?.split(',')[0] !== '-').map((f) => f.name));
}

/**
 * The fields a value sets: the keys of a keyed composite literal (with the
 * paths of keyed literals nested in it), or those the module function that
 * returns it sets.
 */
function valueFields(pkg: PackageInfo, v: Expr, following: Set<Node>): FieldSet {
  const x = withoutAddress(v);
  if (x.kind === 'CallExpr') return resultFields(pkg, x, following);
  if (x.kind === 'UnaryExpr' && x.op === '<-') return receivedFields(pkg, x.x, following);
  return x.kind === 'CompositeLit' ? literalFields(x) : undefined;
}

/**
 * The fields of a value handed on (returned, sent on a channel): a local
 * built as `fieldsSetOn` allows (also `&local`), or what `valueFields` sees.
 */
function handedOnFields(pkg: PackageInfo, v: Expr, following: Set<Node>): FieldSet {
  let x = unparen(v);
  if (x.kind === 'UnaryExpr' && x.op === '&' && unparen(x.x).kind === 'Ident') x = unparen(x.x);
  const o = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (o?.kind !== 'var' || o.isParam || o.isPackageLevel || o.isField) return valueFields(pkg, x, following);
  const key = o.decl ?? x;
  if (following.has(key)) return undefined;
  following.add(key);
  const set = fieldsSetOn(pkg, o, ALL_USES, following);
  following.delete(key);
  return set;
}

/**
 * The fields of a value received from an unexported channel field of a
 * struct of this package (`pk := <-cl.outbound`): those of every value the
 * package sends on it (its tests' sends only for a receive in a test), when
 * the field only ever holds channels it makes.
 */
function receivedFields(pkg: PackageInfo, ch: Expr, following: Set<Node>): FieldSet {
  const x = unparen(ch);
  const f = x.kind === 'SelectorExpr' ? pkg.objectOf(x.sel) : undefined;
  if (!f?.isField || f.pkg !== pkg.importPath || isExported(f.name)) return undefined;
  const flow = channelFields(pkg).get(f);
  if (!flow || flow.aliased) return undefined;
  // what tests send does not reach production code
  const inTest = pkg.fileOf(ch)?.isTest ?? false;
  const set = new Set<string>();
  for (const v of flow.sends) {
    if (!inTest && pkg.fileOf(v)?.isTest) continue;
    const fields = handedOnFields(pkg, v, following);
    if (!fields) return undefined;
    for (const p of fields) set.add(p);
  }
  return set;
}

interface ChannelFlow {
  /** Values sent on the field's channels. */
  readonly sends: Expr[];
  /**
   * The field's channel may carry values this index does not see: the field
   * is given something other than `make(...)`, or its channel is handed on
   * (passed, returned, stored, its address taken), where others may send on it.
   */
  aliased: boolean;
}

/**
 * Per channel-typed field of the package: what the package sends on it,
 * and whether that is all it can carry. A use of the field is a send, a
 * receive, a `range`, `len`/`cap`/`close`, or a `make(...)` given to it;
 * any other use hands the channel on.
 */
const channelFields = perPackage((pkg): ReadonlyMap<Obj, ChannelFlow> => {
  const out = new Map<Obj, ChannelFlow>();
  const channelField = (x: Expr): Obj | undefined => {
    const id = x.kind === 'SelectorExpr' ? x.sel : x.kind === 'Ident' ? x : undefined;
    const f = id && pkg.objectOf(id);
    return f?.isField && underlying(pkg.typeOfObj(f), pkg.info).kind === 'chan' ? f : undefined;
  };
  const isMake = (e: Expr): boolean => { const v = unparen(e); return v.kind === 'CallExpr' && isBuiltinCall(pkg, v, 'make'); };
  /** Whether the field expression `x` (its parent `p`) is used only as a channel of the package. */
  const channelUse = (x: Expr, p: Node | null): boolean => {
    switch (p?.kind) {
      case 'SendStmt': return p.chan === x;
      case 'UnaryExpr': return p.op === '<-';
      case 'RangeStmt': return p.x === x;
      case 'ParenExpr': return channelUse(p, pkg.parentOf(p));
      case 'CallExpr': return ['len', 'cap', 'close'].some((b) => isBuiltinCall(pkg, p, b));
      case 'AssignStmt': {
        const i = p.lhs.indexOf(x);
        return i >= 0 && p.lhs.length === p.rhs.length && isMake(p.rhs[i]!);
      }
      case 'KeyValueExpr': return p.key === x && isMake(p.value);
      default: return false;
    }
  };
  for (const file of pkg.files) {
    const note = (x: Expr, p: Node | null): void => {
      const f = channelField(x);
      if (!f) return;
      let flow = out.get(f);
      if (!flow) out.set(f, (flow = { sends: [], aliased: false }));
      if (p?.kind === 'SendStmt' && p.chan === x) flow.sends.push(p.value);
      if (!channelUse(x, p)) flow.aliased = true;
    };
    const visit = (n: Node): void => {
      if (n.kind === 'SelectorExpr') note(n, pkg.parentOf(n));
      else if (n.kind === 'KeyValueExpr' && n.key.kind === 'Ident') note(n.key, n);
      forEachChild(n, visit);
    };
    visit(file.ast);
  }
  return out;
});

/** The field paths a keyed composite literal sets; undefined when it is not keyed by field names. */
function literalFields(lit: CompositeLit, prefix = ''): Set<string> | undefined {
  const paths = new Set<string>();
  for (const el of lit.elts) {
    if (el.kind !== 'KeyValueExpr' || el.key.kind !== 'Ident') return undefined;
    const path = prefix + el.key.name;
    let value = unparen(el.value);
    if (value.kind === 'UnaryExpr' && value.op === '&') value = unparen(value.x);
    // a nested keyed literal with a type (`Connect: ConnectParams{ClientIdentifier: id}`) sets only its own keys
    const nested = value.kind === 'CompositeLit' && value.type !== null && prefix.split('.').length < 4 ? literalFields(value, `${path}.`) : undefined;
    if (nested) for (const n of nested) paths.add(n);
    else paths.add(path);
  }
  return paths;
}

/**
 * The fields set on the first result of the function a call invokes: this
 * package's, by its body; another's, by the fact. A setter method
 * (`func (o Options) WithReadOnly(v bool) Options { o.ReadOnly = v; return o }`)
 * gives its receiver's fields plus those it sets: `DefaultOptions(dir).WithReadOnly(true)`.
 */
function resultFields(pkg: PackageInfo, call: CallExpr, following: Set<Node>): FieldSet {
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func' && c.kind !== 'method') return undefined;
  const decl = c.obj?.node;
  if (decl?.kind === 'FuncDecl' && pkg.fileOf(decl)) {
    const setter = setterFields(pkg, decl);
    return setter ? withReceiverFields(pkg, call, setter, following) : ownResultFields(pkg, decl, following);
  }
  const key = pkg.calleeKey(c);
  const fact = key === undefined ? undefined : importedResultFields(pkg).get(key);
  return fact?.addsToReceiver ? withReceiverFields(pkg, call, fact.fields, following) : fact?.fields;
}

/** The fields of the receiver of a method call (`x` of `x.M()`) plus `added`. */
function withReceiverFields(pkg: PackageInfo, call: CallExpr, added: ReadonlySet<string>, following: Set<Node>): FieldSet {
  const f = unparen(call.fun);
  const base = f.kind === 'SelectorExpr' ? handedOnFields(pkg, f.x, following) : undefined;
  return base && new Set([...base, ...added]);
}

/**
 * The fields a setter method sets on its value receiver before returning
 * it: every `return` gives the receiver, and the body uses it only as the
 * target of field assignments (`o.ReadOnly = v`). Undefined for any other method.
 */
function setterFields(pkg: PackageInfo, fn: FuncDecl): Set<string> | undefined {
  const recvField = fn.recv?.list[0];
  if (!recvField || recvField.names.length !== 1 || !fn.body || recvField.type?.kind === 'StarExpr') return undefined;
  const recv = pkg.objectOf(recvField.names[0]!);
  if (!recv) return undefined;
  const returns = returnsOf(fn);
  const returnsRecv = (r: Expr | undefined) => { const x = r && unparen(r); return x?.kind === 'Ident' && pkg.objectOf(x) === recv; };
  if (returns.length === 0 || !returns.every((r) => r.results.length === 1 && returnsRecv(r.results[0]))) return undefined;
  const set = new Set<string>();
  for (const use of usesOf(pkg, fn.body, recv)) {
    const p = pkg.parentOf(use);
    if (p?.kind === 'ReturnStmt') continue;
    const { path, top } = selectorChain(pkg, use);
    const assign = pkg.parentOf(top);
    if (path.length === 0 || assign?.kind !== 'AssignStmt' || assign.tok !== '=' || !assign.lhs.includes(top)) return undefined;
    set.add(path.join('.'));
  }
  return set;
}

/**
 * The fields set on the first result of a function of this package, when
 * every return gives nil, a keyed composite literal, a local built as
 * `fieldsSetOn` allows, or the result of another such function.
 */
function ownResultFields(pkg: PackageInfo, fn: FuncDecl, following: Set<Node>): FieldSet {
  if (!fn.body || following.has(fn)) return undefined;
  following.add(fn);
  const set = new Set<string>();
  for (const ret of returnsOf(fn)) {
    const r = ret.results[0];
    if (r === undefined) return undefined;
    const x = unparen(r);
    if (x.kind === 'Ident' && x.name === 'nil' && pkg.objectOf(x)?.kind === 'nil') continue;
    const fields = handedOnFields(pkg, x, following); // `return result`, `return &result, nil`, a literal, a call
    if (!fields) return undefined;
    for (const f of fields) set.add(f);
  }
  following.delete(fn);
  return set;
}

const ALL_USES = (): boolean => true;

/**
 * "`pkg.F` returns a value it builds itself, with only the fields `A,B`
 * set" (`key A,B`), or "the setter `pkg.T.M` returns its receiver with the
 * fields `A,B` set too" (`key +A,B`), for the package's functions whose
 * first result is a struct (or a pointer to one) that could hold a
 * credential: the only ones a log call asks about.
 */
export const RESULT_FIELDS: PackageFactKind = {
  id: 'secrets/result-fields',
  level: 'package',
  seedPackage: (pkg) => {
    const out: string[] = [];
    for (const fn of pkg.res.funcs) {
      if (fn.kind !== 'FuncDecl' || !fn.body || !fn.type.results?.list.length || !mayHoldCredential(pkg, firstResultType(pkg, fn), 0)) continue;
      // a setter's fields add to its receiver's (`+A,B`)
      const setter = setterFields(pkg, fn);
      const fields = setter ?? ownResultFields(pkg, fn, new Set());
      if (fields) out.push(`${pkg.keyOfFunc(fn)} ${setter ? '+' : ''}${[...fields].sort().join(',')}`);
    }
    return out;
  },
};

/** The type of a function's first result, from its signature. */
function firstResultType(pkg: PackageInfo, fn: FuncDecl): Type | undefined {
  const o = pkg.objectOf(fn.name);
  const t = o && pkg.typeOfObj(o);
  return t?.kind === 'func' ? t.results[0] : undefined;
}

/** Whether a struct type has, within three levels, a field whose name could hold a credential (answers for named types kept per package). */
function mayHoldCredential(pkg: PackageInfo, t: Type | undefined, depth: number): boolean {
  if (!t || depth > 3) return false;
  const d = deref(t);
  const id = d.kind === 'named' ? `${d.pkg}.${d.name}` : undefined;
  const known = id === undefined ? undefined : credentialTypes(pkg).get(id);
  if (known !== undefined) return known;
  const u = underlying(d, pkg.info);
  const may = u.kind === 'struct' && u.fields.some((f) => credentialLikeName(f.name) || mayHoldCredential(pkg, f.type, depth + 1));
  // a named type judged at depth 0 is judged whole; deeper, its own fields were cut short
  if (id !== undefined && (depth === 0 || may)) credentialTypes(pkg).set(id, may);
  return may;
}

const credentialTypes = perPackage((): Map<string, boolean> => new Map());

/** A result-fields fact: the fields set, and whether they add to the receiver's (a setter method). */
interface ResultFieldsFact {
  readonly fields: ReadonlySet<string>;
  readonly addsToReceiver: boolean;
}

/** The result-fields facts of the packages this one imports, by function key. */
const importedResultFields = perPackage((pkg): ReadonlyMap<string, ResultFieldsFact> => {
  const out = new Map<string, ResultFieldsFact>();
  for (const [fn, text] of keyedPackageFacts(pkg, RESULT_FIELDS.id)) {
    const addsToReceiver = text.startsWith('+');
    out.set(fn, { fields: new Set((addsToReceiver ? text.slice(1) : text).split(',').filter((f) => f !== '')), addsToReceiver });
  }
  return out;
});

/** The selectors applied to `use` (`o.A.B`: path `['A', 'B']`) and the outermost of them (`use` itself when none). */
export function selectorChain(pkg: PackageInfo, use: Expr): { path: string[]; top: Expr } {
  const path: string[] = [];
  let top = use;
  for (let p = pkg.parentOf(top); p?.kind === 'SelectorExpr' && p.x === top; p = pkg.parentOf(top)) {
    path.push(p.sel.name);
    top = p;
  }
  return { path, top };
}

/** The value of `key:"..."` in a struct tag, or undefined. */
export function tagValue(tag: string | undefined, key: string): string | undefined {
  if (!tag) return undefined;
  const m = new RegExp(`(?:^|\\s)${key}:"((?:[^"\\\\]|\\\\.)*)"`).exec(tag);
  return m ? m[1] : undefined;
}
