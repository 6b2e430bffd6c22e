/**
 * Shared knowledge about `crypto/tls.Config` for the TLS rules: recognising
 * the type, reading fields set in composite literals and assignments,
 * resolving the values a field may take (constants, variables, flag
 * defaults, configuration struct fields), and where a config is installed
 * (servers, clients, listeners).
 */
import type * as ast from '../../syntax/ast.js';
import type { CompositeLit, Expr, KeyValueExpr, Node, SelectorExpr } from '../../syntax/ast.js';
import { forEachChild, returnsOf } from '../../syntax/walk.js';
import { isBuiltinCall } from '../../semantics/call-shapes.js';
import { calledName, lastName } from '../../semantics/fact-names.js';
import type { ConstValue } from '../../semantics/consts.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import { importPathsOf } from '../../semantics/resolve.js';
import { conjuncts, unparen } from '../../syntax/ast.js';
import type { FileData, PackageInfo } from '../../semantics/package.js';
import { isFunctionVariable, type Obj } from '../../semantics/scope.js';
import { deref, underlying, type Type } from '../../semantics/types.js';
import { flowsOnlyToServers, variableOnlyInServers } from './server-only.js';

export const TLS = 'crypto/tls';

/** Whether an expression has type `tls.Config` or `*tls.Config`. */
export function isTLSConfig(pkg: PackageInfo, e: Expr): boolean {
  return pkg.isNamedType(pkg.typeOf(e), TLS, 'Config');
}

/** Whether a type is `tls.Config` itself (a value, not a pointer). */
export function isTLSConfigValueType(t: Type): boolean {
  return t.kind === 'named' && t.pkg === TLS && t.name === 'Config';
}

/** The `Field: value` entries of a `tls.Config` literal, by field name; null if it is not one. */
export function tlsConfigFields(pkg: PackageInfo, lit: CompositeLit): Map<string, KeyValueExpr> | null {
  if (!isTLSConfig(pkg, lit)) return null;
  const fields = new Map<string, KeyValueExpr>();
  for (const elt of lit.elts) {
    if (elt.kind === 'KeyValueExpr' && elt.key.kind === 'Ident') fields.set(elt.key.name, elt);
  }
  return fields;
}

/** The `cfg.Field` selector if a node assigns to a field of a `tls.Config`, else null. */
export function tlsConfigFieldTarget(pkg: PackageInfo, lhs: Expr, field: string): SelectorExpr | null {
  return lhs.kind === 'SelectorExpr' && lhs.sel.name === field && isTLSConfig(pkg, lhs.x) ? lhs : null;
}

/** Whether an expression is the constant `true`. */
export function isConstTrue(pkg: PackageInfo, e: Expr): boolean {
  const v = pkg.constValue(e);
  return v?.kind === 'bool' && v.value;
}

/** Whether an expression is the untyped `nil`. */
export function isNil(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  return x.kind === 'Ident' && x.name === 'nil' && pkg.objectOf(x)?.kind === 'nil';
}

/** The outermost node standing for the same value as `n`: through parentheses, and with `address` also through `&` (`&(tls.Config{...})`). */
export function valueAt(pkg: PackageInfo, n: Node, address: boolean): Node {
  for (let p = pkg.parentOf(n); p?.kind === 'ParenExpr' || (address && p?.kind === 'UnaryExpr' && p.op === '&'); p = pkg.parentOf(n)) n = p;
  return n;
}

/** The name a value (as `valueAt` gives it) is bound to: `v := value` and `var v = value` (`define`), or `v = value`. */
export function bindingOf(pkg: PackageInfo, value: Node): { name: ast.Ident; define: boolean } | undefined {
  const p = pkg.parentOf(value);
  let name: Expr | undefined;
  if (p?.kind === 'AssignStmt' && p.lhs.length === p.rhs.length) name = p.lhs[p.rhs.indexOf(value as Expr)];
  else if (p?.kind === 'ValueSpec' && p.names.length === p.values.length) name = p.names[p.values.indexOf(value as Expr)];
  if (name?.kind !== 'Ident') return undefined;
  return { name, define: p?.kind === 'ValueSpec' || (p?.kind === 'AssignStmt' && p.tok === ':=') };
}

/** What the TLS rules' documentation says about test code (the engine lowers their findings there: engine/policy.ts). */
export const TEST_CODE_LIMITS = 'In test code, where such settings are usually deliberate (a local test server with a self-signed certificate), findings are one severity lower: in `_test.go` files unless the policy sets `tests.severity`, and in test support code (files that import `testing` or a test framework such as Gomega, files named as fixtures or mocks such as `user_fixtures.go` or `store_mock.go`, or files that sit in test directories such as `e2e/`, `testutil/`, `fixtures/` or `fuzz/`).';

/** Normalised source text of an expression, to compare two mentions of the same object path. */
export function exprText(source: string, n: Node): string {
  return source.slice(n.start, n.end).replace(/\s+/g, '');
}

/**
 * Source text of a node, whitespace collapsed, shortened for messages. A
 * binary expression keeps a short operand whole and shortens the other, so
 * `strings.ToLower(env["SKIP_…"]) == "true"` still shows what it is compared with.
 */
export function shortText(source: string, n: Node, max = 60): string {
  const text = (x: Node) => source.slice(x.start, x.end).replace(/\s+/g, ' ');
  const t = text(n);
  if (t.length <= max) return t;
  if (n.kind === 'BinaryExpr') {
    const room = max - n.op.length - 2;
    const x = text(n.x), y = text(n.y);
    if (y.length <= room / 2) return `${shortText(source, n.x, room - y.length)} ${n.op} ${y}`;
    if (x.length <= room / 2) return `${x} ${n.op} ${shortText(source, n.y, room - x.length)}`;
  }
  return `${t.slice(0, max - 1)}…`;
}

/** The local name under which a file imports crypto/tls (for suggested fixes), if it does. */
export function tlsImportName(file: FileData): string | undefined {
  for (const [name, path] of file.imports) if (path === TLS) return name;
  return undefined;
}

// ---------------------------------------------------------------------------
// Callees

/** `pkg.Name` for a package-level function callee, `(pkg.Type).Name` for a method, else undefined. */
export function calleeName(pkg: PackageInfo, call: ast.CallExpr): string | undefined {
  const c = pkg.calleeOf(call);
  if (c.kind === 'func') return `${c.pkg}.${c.name}`;
  if (c.kind === 'method') {
    const r = deref(c.recv);
    return r.kind === 'named' ? `(${r.pkg}.${r.name}).${c.name}` : undefined;
  }
  return undefined;
}

/** The function or method declaration a call or function value invokes, when it is in this package. */
export function declOf(pkg: PackageInfo, e: Expr): ast.FuncDecl | undefined {
  const x = unparen(e);
  const id = x.kind === 'Ident' ? x : x.kind === 'SelectorExpr' ? x.sel : undefined;
  if (!id) return undefined;
  const o = pkg.objectOf(id);
  if (o?.kind !== 'func' || o.node?.kind !== 'FuncDecl') return undefined;
  return o.node.body ? o.node : undefined;
}

// ---------------------------------------------------------------------------
// Where a config is used: servers, clients

export type Role = 'server' | 'client';

/** Functions that take a config and use it as a server / client (argument index of the config). */
const INSTALL_FUNCS: ReadonlyMap<string, { role: Role; arg: number }> = new Map([
  ['crypto/tls.Listen', { role: 'server', arg: 2 }],
  ['crypto/tls.NewListener', { role: 'server', arg: 1 }],
  ['crypto/tls.Server', { role: 'server', arg: 1 }],
  ['crypto/tls.Dial', { role: 'client', arg: 2 }],
  ['crypto/tls.DialWithDialer', { role: 'client', arg: 3 }],
  ['crypto/tls.Client', { role: 'client', arg: 1 }],
  ['crypto/tls.QUICServer', { role: 'server', arg: 0 }],
  ['crypto/tls.QUICClient', { role: 'client', arg: 0 }],
]);

/** The last names of INSTALL_FUNCS (`Listen`, `Dial`): calls named otherwise are not resolved. */
const INSTALL_FUNC_NAMES: ReadonlySet<string> = new Set([...INSTALL_FUNCS.keys()].map(lastName));

/** Struct fields that hold a config for a server / client. */
const INSTALL_FIELDS: ReadonlyMap<string, Role> = new Map([
  ['(net/http.Server).TLSConfig', 'server'],
  ['(net/http.Transport).TLSClientConfig', 'client'],
  ['(crypto/tls.Dialer).Config', 'client'],
  ['(net/http/httptest.Server).TLS', 'server'],
]);

/** Fields whose presence marks a server / client config. */
const SERVER_FIELDS = ['GetCertificate', 'GetConfigForClient', 'ClientAuth', 'ClientCAs', 'SessionTicketsDisabled'];
const CLIENT_FIELDS = ['RootCAs', 'ServerName', 'GetClientCertificate', 'ClientSessionCache', 'InsecureSkipVerify'];

export interface Installation {
  readonly role: Role;
  /** What installs it, for messages: `tls.Listen`, `http.Server.TLSConfig`. */
  readonly what: string;
  /** The installing node: the call, the key-value or the assignment. */
  readonly node: Node;
  /** A function that starts using the config at once (the tls package's "passed to a TLS function"). */
  readonly tlsFunction: boolean;
}

/** `tls.Listen` for `crypto/tls.Listen`, `http.Server.TLSConfig` for `(net/http.Server).TLSConfig`. */
function short(qualified: string): string {
  const m = /^\(?(.*?)\.(\w+)\)?(?:\.(\w+))?$/.exec(qualified);
  if (!m) return qualified;
  const path = m[1]!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return m[3] !== undefined ? `${last}.${m[2]}.${m[3]}` : `${last}.${m[2]}`;
}

/**
 * If the expression `e` (a config, or a pointer to one) sits where it is
 * installed — a key of an http.Server/http.Transport/tls.Dialer literal, the
 * right side of an assignment to such a field, an argument of tls.Listen,
 * tls.Server, tls.Dial... — what installs it.
 */
export function installationAt(pkg: PackageInfo, e: Expr): Installation | undefined {
  let child: Node = e;
  let p = pkg.parentOf(e);
  while (p && (p.kind === 'ParenExpr' || (p.kind === 'UnaryExpr' && p.op === '&'))) {
    child = p;
    p = pkg.parentOf(p);
  }
  if (!p) return undefined;
  if (p.kind === 'CallExpr' && p.fun !== child) {
    const name = calleeName(pkg, p);
    const f = name ? INSTALL_FUNCS.get(name) : undefined;
    if (f && p.args[f.arg] === child) return { role: f.role, what: short(name!), node: p, tlsFunction: true };
    return undefined;
  }
  if (p.kind === 'KeyValueExpr' && p.value === child && p.key.kind === 'Ident') {
    const lit = pkg.parentOf(p);
    if (lit?.kind !== 'CompositeLit') return undefined;
    const t = pkg.namedOf(pkg.typeOf(lit));
    const key = t ? `(${t.pkg}.${t.name}).${p.key.name}` : '';
    const role = INSTALL_FIELDS.get(key);
    return role ? { role, what: short(key), node: p, tlsFunction: false } : undefined;
  }
  if (p.kind === 'AssignStmt' && p.lhs.length === p.rhs.length) {
    const i = p.rhs.indexOf(child as Expr);
    const lhs = i >= 0 ? unparen(p.lhs[i]!) : undefined;
    if (lhs?.kind !== 'SelectorExpr') return undefined;
    const t = pkg.namedOf(pkg.typeOf(lhs.x));
    const key = t ? `(${t.pkg}.${t.name}).${lhs.sel.name}` : '';
    const role = INSTALL_FIELDS.get(key);
    return role ? { role, what: short(key), node: p, tlsFunction: false } : undefined;
  }
  return undefined;
}

/**
 * Where a config literal (or the local variable it initialises) is
 * installed in its function, and the role its own fields suggest.
 */
export function installationsOfLiteral(pkg: PackageInfo, lit: CompositeLit): Installation[] {
  const p = pkg.parentOf(lit);
  return installationsOfValue(pkg, p?.kind === 'UnaryExpr' && p.op === '&' ? p : lit);
}

/**
 * Where a config value is installed: where the expression itself is, and
 * where the variable it initialises is used in the same function.
 */
export function installationsOfValue(pkg: PackageInfo, value: Expr): Installation[] {
  const out: Installation[] = [];
  const direct = installationAt(pkg, value);
  if (direct) out.push(direct);
  const v = definedVariable(pkg, value);
  if (v) {
    const fn = pkg.enclosingFunc(value);
    for (const id of usesOf(pkg, fn ?? pkg.fileOf(value)?.ast ?? value, v)) {
      const at = installationAt(pkg, id);
      if (at) out.push(at);
    }
  }
  return out;
}

/**
 * Whether the config at `config` (a literal, or the local variable a field
 * of it is set on) is only ever a server's: installed where servers take a
 * config (`tls.NewListener`, `http.Server.TLSConfig`), directly or through
 * the package's variables, parameters, unexported fields and unexported
 * functions' results (server-only.ts). crypto/tls reads client-only fields
 * (`InsecureSkipVerify`) only when dialling.
 */
export function onlyServerConfig(pkg: PackageInfo, config: Expr): boolean {
  if (config.kind !== 'Ident') return flowsOnlyToServers(pkg, config);
  const v = pkg.objectOf(config);
  return isLocalVariable(v) && variableOnlyInServers(pkg, v);
}

/**
 * Whether the config at `config` (a literal, or the local variable a field
 * of it is set on) reaches nothing: it is that variable, or is stored in a
 * field of a local variable (`tr.TLSClientConfig = &tls.Config{...}`), and
 * the variable is used only to set its fields. No connection can read it.
 */
export function unusedConfig(pkg: PackageInfo, config: Expr): boolean {
  let holder: ast.Expr | undefined = config;
  if (config.kind !== 'Ident') {
    const top = valueAt(pkg, config, true);
    const p = pkg.parentOf(top);
    if (p?.kind !== 'AssignStmt' || p.lhs.length !== p.rhs.length) return false;
    const lhs = unparen(p.lhs[p.rhs.indexOf(top as Expr)]!);
    holder = lhs.kind === 'SelectorExpr' ? unparen(lhs.x) : undefined;
  }
  const v = holder?.kind === 'Ident' ? pkg.objectOf(holder) : undefined;
  return isLocalVariable(v) && usesOf(pkg, v.func, v).every((use) => isFieldStoreBase(pkg, use));
}

/** `use` in `use.f = x` (a field set, the variable itself not read as a value). */
function isFieldStoreBase(pkg: PackageInfo, use: ast.Ident): boolean {
  const sel = pkg.parentOf(use);
  if (sel?.kind !== 'SelectorExpr' || sel.x !== use || pkg.objectOf(sel.sel)?.isField !== true) return false;
  const assign = pkg.parentOf(sel);
  return assign?.kind === 'AssignStmt' && assign.lhs.includes(sel);
}

/** A variable of a function, not one of its parameters or results. */
export function isLocalVariable(v: Obj | undefined): v is Obj & { readonly func: Node } {
  return isFunctionVariable(v) && !v.isResult && v.func !== undefined;
}

/** The uses of a local variable as a value: not `v.Field` (reads and writes of its fields), not the target of an assignment. */
export function valueUses(pkg: PackageInfo, v: Obj & { readonly func: Node }): ast.Ident[] {
  return usesOf(pkg, v.func, v).filter((use) => {
    const p = pkg.parentOf(use);
    if (p?.kind === 'SelectorExpr' && p.x === use && pkg.objectOf(p.sel)?.isField === true) return false;
    return !(p?.kind === 'AssignStmt' && p.lhs.includes(use));
  });
}

/** A callback literal whose body is only `return nil`: it checks nothing, accepts everything. */
export function acceptsAll(pkg: PackageInfo, callback: Expr): boolean {
  const fn = unparen(callback);
  if (fn.kind !== 'FuncLit') return false;
  const body = fn.body.list;
  if (body.length !== 1) return false;
  const s = body[0]!;
  return s.kind === 'ReturnStmt' && s.results.length === 1 && isNil(pkg, s.results[0]!);
}

/** The variable an expression initialises (`v := e`, `var v = e`, `v = e`), if any. */
export function definedVariable(pkg: PackageInfo, e: Expr): Obj | undefined {
  const p = pkg.parentOf(e);
  if (p?.kind === 'AssignStmt' && p.lhs.length === p.rhs.length && (p.tok === ':=' || p.tok === '=')) {
    const l = unparen(p.lhs[p.rhs.indexOf(e)]!);
    if (l.kind === 'Ident') {
      const o = pkg.objectOf(l);
      return o?.kind === 'var' && !o.isField ? o : undefined;
    }
  }
  if (p?.kind === 'ValueSpec' && p.names.length === p.values.length) {
    const o = pkg.objectOf(p.names[p.values.indexOf(e)]!);
    return o?.kind === 'var' ? o : undefined;
  }
  return undefined;
}

/** The role a config literal plays, from where it is installed, else from its fields (`field`: the literal's, and those assigned to it later); undefined when unknown. */
export function roleOfLiteral(pkg: PackageInfo, lit: CompositeLit, field: (name: string) => Expr | undefined): Role | undefined {
  return roleOf(pkg, installationsOfLiteral(pkg, lit), field);
}

/** The role of a config installed at `installed` whose fields are `field`: from where it is installed, else from the fields set. */
export function roleOf(pkg: PackageInfo, installed: readonly Installation[], field: (name: string) => Expr | undefined): Role | undefined {
  const roles = new Set(installed.map((i) => i.role));
  if (roles.size === 1) return [...roles][0];
  if (roles.size > 1) return undefined;
  const has = (names: string[]) => names.some((n) => { const v = field(n); return v !== undefined && !isNil(pkg, v); });
  const server = has(SERVER_FIELDS);
  const client = has(CLIENT_FIELDS);
  return server && !client ? 'server' : client && !server ? 'client' : undefined;
}


// ---------------------------------------------------------------------------
// Values a field may take

export type ValueSource = 'constant' | 'variable' | 'flag' | 'field' | 'function';

export interface PossibleValue {
  readonly value: ConstValue;
  /** The expression that produced the value (a literal, a flag default, ...). */
  readonly at: Expr;
  /** How the value reaches the resolved expression (the first indirection). */
  readonly source: ValueSource;
  /** For `flag`, `field` and `function` sources: the flag name, `Type.Field` or the function's name. */
  readonly through?: string;
  /** The expression negates the source (`!verify`): the source holds the opposite boolean. */
  readonly negated?: boolean;
}

export interface Resolution {
  readonly values: readonly PossibleValue[];
  /** Every value the expression can take is among `values`. */
  readonly complete: boolean;
}

const UNKNOWN: Resolution = { values: [], complete: false };

/**
 * The constant values an expression may take: itself when constant; the
 * values assigned to a local or package variable (zero value included when
 * declared without one and not bound to a flag); the default of a flag (`*flag.Bool("k", true, "")`,
 * `flag.BoolVar(&v, "k", true, "")`, and the pflag `P` forms); the values
 * written to a field of a struct type of this package anywhere in the
 * package (configuration structs; never complete). Values written in test
 * files count only when `inTest`.
 */
export function resolveValues(pkg: PackageInfo, e: Expr, inTest: boolean): Resolution {
  return resolve(pkg, e, { inTest, depth: 0, seen: new Set() }, undefined);
}

interface ResolveCtx {
  readonly inTest: boolean;
  readonly depth: number;
  readonly seen: Set<Obj>;
}

function resolve(pkg: PackageInfo, e: Expr, ctx: ResolveCtx, source: ValueSource | undefined, through?: string): Resolution {
  const x = unparen(e);
  const c = pkg.constValue(x);
  if (c) return { values: [{ value: c, at: x, source: source ?? 'constant', ...(through !== undefined && { through }) }], complete: true };
  if (ctx.depth > 5) return UNKNOWN;
  const next: ResolveCtx = { ...ctx, depth: ctx.depth + 1 };
  switch (x.kind) {
    case 'CallExpr':
      if (x.args.length === 1 && pkg.calleeOf(x).kind === 'conversion') return resolve(pkg, x.args[0]!, next, source, through);
      return constantResults(pkg, x, next, source, through);
    case 'UnaryExpr': {
      if (x.op !== '!') return UNKNOWN;
      const r = resolve(pkg, x.x, next, source, through);
      return { values: r.values.map((v) => (v.value.kind === 'bool' ? { ...v, value: { kind: 'bool', value: !v.value.value }, negated: !v.negated } : v)), complete: r.complete };
    }
    case 'Ident': {
      const o = pkg.objectOf(x);
      return o?.kind === 'var' ? resolveVar(pkg, o, next, source ?? 'variable', through ?? o.name) : UNKNOWN;
    }
    case 'StarExpr': {
      // *p where p := flag.Bool(name, default, usage)
      const p = unparen(x.x);
      const o = p.kind === 'Ident' ? pkg.objectOf(p) : undefined;
      if (o?.kind !== 'var' || o.isParam || o.isField || ctx.seen.has(o)) return UNKNOWN;
      const values: PossibleValue[] = [];
      let complete = true;
      const assigned = assignedValues(pkg, o);
      if (assigned.length === 0) return UNKNOWN;
      for (const a of assigned) {
        const d = flagDefault(pkg, unparen(a), false);
        if (!d) return UNKNOWN;
        const r = resolveFlagDefault(pkg, d, next, source ?? 'flag', through ?? d.name);
        values.push(...r.values);
        complete &&= r.complete;
      }
      return { values, complete: complete && !valueIndex(pkg).addressed.has(o) };
    }
    case 'SelectorExpr': {
      const o = pkg.objectOf(x.sel);
      if (!o?.isField || o.pkg !== pkg.importPath || ctx.seen.has(o)) return UNKNOWN;
      ctx.seen.add(o);
      const owner = pkg.namedOf(o.ownerType ?? pkg.typeOf(x.x));
      const name = `${owner ? `${owner.name}.` : ''}${o.name}`;
      const values: PossibleValue[] = [];
      for (const w of fieldWrites(pkg, o)) {
        if (!ctx.inTest && isInTestFile(pkg, w)) continue;
        // a write under a condition is configuration plumbing (a parsed option turned on): the operator's choice
        if (isConditional(pkg, w)) continue;
        values.push(...resolve(pkg, w, next, source ?? 'field', through ?? name).values);
      }
      for (const d of valueIndex(pkg).flagDefaults.get(o) ?? []) {
        if (!ctx.inTest && isInTestFile(pkg, d.value)) continue;
        values.push(...resolveFlagDefault(pkg, d, next, source ?? 'flag', through ?? d.name).values);
      }
      return { values, complete: false };
    }
    default:
      return UNKNOWN;
  }
}

function resolveVar(pkg: PackageInfo, o: Obj, ctx: ResolveCtx, source: ValueSource, through: string): Resolution {
  if (o.isParam || o.isRecv || o.isResult || o.isField || ctx.seen.has(o)) return UNKNOWN;
  if (o.node?.kind === 'RangeStmt' || (o.pkg !== pkg.importPath)) return UNKNOWN;
  ctx.seen.add(o);
  const index = valueIndex(pkg);
  const values: PossibleValue[] = [];
  let complete = !index.addressed.has(o);
  const node = o.node;
  const flags = index.flagDefaults.get(o) ?? [];
  // `flag.BoolVar(&v, name, def, usage)` writes its default when the flag is defined: that replaces the zero value
  if (node?.kind === 'ValueSpec' && node.values.length === 0 && flags.length === 0) {
    const zero = zeroValue(pkg, pkg.typeOfObj(o));
    if (zero && o.decl) values.push({ value: zero, at: o.decl, source, through });
    else complete = false;
  }
  for (const a of assignedValues(pkg, o)) {
    if (!ctx.inTest && isInTestFile(pkg, a)) continue;
    const r = resolve(pkg, a, ctx, source, through);
    values.push(...r.values);
    complete &&= r.complete;
  }
  for (const d of flags) {
    const r = resolveFlagDefault(pkg, d, ctx, 'flag', d.name);
    values.push(...r.values);
    complete &&= r.complete;
  }
  return { values, complete: complete && values.length > 0 };
}

function zeroValue(pkg: PackageInfo, t: Type): ConstValue | undefined {
  const u = underlying(t, pkg.info);
  if (u.kind !== 'basic') return undefined;
  if (u.name === 'bool') return { kind: 'bool', value: false };
  if (/^u?int(8|16|32|64)?$|^uintptr$/.test(u.name)) return { kind: 'int', value: 0n };
  if (u.name === 'string') return { kind: 'string', value: '' };
  return undefined;
}

/** Whether a node runs only under a condition of its function: inside an if or else branch, a case or a select clause. */
export function isConditional(pkg: PackageInfo, n: Node): boolean {
  let child: Node = n;
  for (let p = pkg.parentOf(n); p; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'FuncDecl' || p.kind === 'FuncLit') return false;
    if (p.kind === 'IfStmt' && child !== p.init && child !== p.cond) return true;
    if (p.kind === 'CaseClause' || p.kind === 'CommClause') return true;
  }
  return false;
}

function isInTestFile(pkg: PackageInfo, n: Node): boolean {
  return pkg.fileOf(n)?.isTest ?? false;
}

// ---------------------------------------------------------------------------
// Flags

const FLAG_KINDS = /^(Bool|Int|Int64|Uint|Uint64|Uint16|String|Duration|Float64)(Var)?(P)?$/;

/** A flag definition's default: an expression, or what the flag holds when it sets none. */
export interface FlagDefault {
  /** `-name` of the flag, or `a flag` when it is not a constant. */
  readonly name: string;
  /**
   * The default: the flag function's argument; for kingpin, the string of
   * `Default("...")` (to parse, see `parse`) or, without one, the call that
   * defines the flag (the default is then `zero`).
   */
  readonly value: Expr;
  /** kingpin parses its string default for the flag's kind: a Bool flag with strconv.ParseBool. */
  readonly parse?: 'bool';
  /** The flag holds its kind's zero value: kingpin without `Default(...)`. */
  readonly zero?: ConstValue;
}

/**
 * The default value and name of a flag definition: `flag.Bool(name, def,
 * usage)` (when `wantVar` is false) or `flag.BoolVar(&x, name, def, usage)`
 * (when true), on the flag package, a flag.FlagSet, or pflag-like sets
 * (`BoolP`, `BoolVarP` with a shorthand); and kingpin's
 * `Flag(name, help).Default("false").Bool()` and `.BoolVar(&x)` chains.
 */
export function flagDefault(pkg: PackageInfo, e: Expr, wantVar: boolean): FlagDefault | undefined {
  if (e.kind !== 'CallExpr') return undefined;
  const fun = unparen(e.fun);
  if (fun.kind !== 'SelectorExpr') return undefined;
  const m = FLAG_KINDS.exec(fun.sel.name);
  if (!m || (m[2] !== undefined) !== wantVar) return undefined;
  const c = pkg.calleeOf(e);
  const known = c.kind === 'func' ? c.pkg === 'flag' : c.kind === 'method' ? pkg.isNamedType(c.recv, 'flag', 'FlagSet') : c.kind === 'unknown';
  if (!known) return undefined;
  if (c.kind === 'unknown' && m[3] === undefined) {
    const k = kingpinFlag(pkg, e, fun, m[1]!, wantVar);
    if (k !== null) return k;
  }
  // unknown callees (third-party flag sets such as pflag/cobra): only on something named like a flag set
  if (c.kind === 'unknown' && !/flag/i.test(pkg.fileOf(e)?.source.slice(fun.x.start, fun.x.end) ?? '')) return undefined;
  const base = (wantVar ? 1 : 0) + (m[3] ? 1 : 0);
  const nameArg = e.args[wantVar ? 1 : 0];
  const value = e.args[base + 1];
  if (!value || !nameArg) return undefined;
  return { value, name: flagName(pkg, nameArg) };
}

function flagName(pkg: PackageInfo, nameArg: Expr): string {
  const n = pkg.constValue(nameArg);
  return n?.kind === 'string' ? `-${n.value}` : 'a flag';
}

/** kingpin's import paths (github.com/alecthomas/kingpin, its /v2, gopkg.in/alecthomas/kingpin.v2). */
const KINGPIN = /^(?:github\.com\/alecthomas\/kingpin(?:\/v2)?|gopkg\.in\/alecthomas\/kingpin\.v[23])$/;

/** Methods of kingpin's FlagClause that return the clause and leave its default alone. */
const KINGPIN_CLAUSE = new Set(['Envar', 'Short', 'Required', 'Hidden', 'PlaceHolder', 'Help', 'NoEnvar', 'OverrideDefaultFromEnvar', 'Action', 'PreAction']);

/**
 * A kingpin flag definition, `<app>.Flag(name, help)[.Default("false")][.Envar(...)...].Bool()`
 * (or `.BoolVar(&x)`), in a file that imports kingpin: undefined when the
 * default cannot be told (a kind other than Bool or String), null when the
 * call is not one.
 */
function kingpinFlag(pkg: PackageInfo, call: ast.CallExpr, fun: SelectorExpr, kind: string, wantVar: boolean): FlagDefault | undefined | null {
  if (call.args.length !== (wantVar ? 1 : 0)) return null;
  let defaultArg: Expr | undefined;
  let x = unparen(fun.x);
  for (;;) {
    if (x.kind !== 'CallExpr') return null;
    const f = unparen(x.fun);
    if (f.kind !== 'SelectorExpr') return null;
    if (f.sel.name === 'Flag' && x.args.length === 2) break;
    if (f.sel.name === 'Default') defaultArg ??= x.args.length === 1 ? x.args[0] : undefined;
    else if (!KINGPIN_CLAUSE.has(f.sel.name)) return null;
    x = unparen(f.x);
  }
  const file = pkg.fileOf(call);
  if (!file || !importPathsOf(file.ast).some((path) => KINGPIN.test(path))) return null;
  const name = flagName(pkg, x.args[0]!);
  if (kind !== 'Bool' && kind !== 'String') return undefined;
  if (defaultArg) return { value: defaultArg, name, ...(kind === 'Bool' && { parse: 'bool' as const }) };
  return { value: call, name, zero: kind === 'Bool' ? { kind: 'bool', value: false } : { kind: 'string', value: '' } };
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** The values a flag definition gives its variable before the command line is parsed. */
function resolveFlagDefault(pkg: PackageInfo, d: FlagDefault, ctx: ResolveCtx, source: ValueSource, through: string): Resolution {
  if (d.zero) return { values: [{ value: d.zero, at: d.value, source, through }], complete: true };
  const r = resolve(pkg, d.value, ctx, source, through);
  if (d.parse !== 'bool') return r;
  const values: PossibleValue[] = [];
  for (const v of r.values) {
    const b = v.value.kind === 'string' ? parseBool(v.value.value) : undefined;
    if (b !== undefined) values.push({ ...v, value: { kind: 'bool', value: b } });
  }
  return { values, complete: r.complete && values.length === r.values.length };
}

// ---------------------------------------------------------------------------
// Package-wide index of writes (built on first use, once per package)

interface ValueIndex {
  /**
   * Field name → the written field's identifier (a literal's key, an
   * assignment's selector) and the value written, in literals and
   * assignments: found by syntax alone, resolved per field on demand.
   */
  readonly writesByName: Map<string, Array<{ site: ast.Ident; value: Expr }>>;
  /** Field object (of a struct type of this package) → values written to it, as resolved so far. */
  readonly fieldWrites: Map<Obj, readonly Expr[]>;
  /** Variable or field → flag definitions binding it (`flag.BoolVar(&x, ...)`). */
  readonly flagDefaults: Map<Obj, FlagDefault[]>;
  /** Variables whose address is taken other than by a flag definition. */
  readonly addressed: Set<Obj>;
}

const indexes = new WeakMap<PackageInfo, ValueIndex>();

function valueIndex(pkg: PackageInfo): ValueIndex {
  let index = indexes.get(pkg);
  if (index) return index;
  const idx: ValueIndex = { writesByName: new Map(), fieldWrites: new Map(), flagDefaults: new Map(), addressed: new Set() };
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  const fieldOf = (e: Expr): Obj | undefined => {
    const x = unparen(e);
    if (x.kind !== 'SelectorExpr') return undefined;
    const o = pkg.objectOf(x.sel);
    return o?.isField && o.pkg === pkg.importPath ? o : undefined;
  };
  const flagBound = new Set<Node>();
  for (const f of pkg.files) {
    const stack: Node[] = [f.ast];
    while (stack.length > 0) {
      const n = stack.pop()!;
      switch (n.kind) {
        case 'KeyValueExpr': {
          if (n.key.kind === 'Ident') push(idx.writesByName, n.key.name, { site: n.key, value: n.value });
          break;
        }
        case 'AssignStmt': {
          if (n.tok === '=' && n.lhs.length === n.rhs.length) {
            n.lhs.forEach((l, i) => {
              const x = unparen(l);
              if (x.kind === 'SelectorExpr') push(idx.writesByName, x.sel.name, { site: x.sel, value: n.rhs[i]! });
            });
          }
          break;
        }
        case 'CallExpr': {
          const d = flagDefault(pkg, n, true);
          const target = d ? unparen(n.args[0]!) : undefined;
          if (d && target?.kind === 'UnaryExpr' && target.op === '&') {
            const t = unparen(target.x);
            const o = t.kind === 'Ident' ? pkg.objectOf(t) : fieldOf(t);
            if (o) {
              push(idx.flagDefaults, o, d);
              flagBound.add(target);
            }
          }
          break;
        }
        case 'UnaryExpr': {
          if (n.op === '&' && !flagBound.has(n)) {
            const t = unparen(n.x);
            const o = t.kind === 'Ident' ? pkg.objectOf(t) : undefined;
            if (o?.kind === 'var') idx.addressed.add(o);
          }
          break;
        }
        default:
          break;
      }
      // children after the node itself (in any order): a flag call is seen before the & in its arguments
      forEachChild(n, (c) => { stack.push(c); });
    }
  }
  indexes.set(pkg, idx);
  return idx;
}

/**
 * A call of a function declared in the package that always returns the
 * same constant (`func useInsecureSkipVerify() bool { return true }`, the
 * debug build's half of a build-tag pair): that constant. A function that
 * returns different constants on different paths is a switch, not a value.
 */
function constantResults(pkg: PackageInfo, call: ast.CallExpr, ctx: ResolveCtx, source: ValueSource | undefined, through: string | undefined): Resolution {
  const c = pkg.calleeOf(call);
  const fn = c.kind === 'func' && c.pkg === pkg.importPath ? c.obj?.node : undefined;
  if (fn?.kind !== 'FuncDecl' || !fn.body) return UNKNOWN;
  const returns = returnsOf(fn);
  const constants = returns.map((r) => (r.results.length === 1 ? pkg.constValue(r.results[0]!) : undefined));
  const first = constants[0];
  if (first === undefined || constants.some((v) => v === undefined || v.kind !== first.kind || v.value !== first.value)) return UNKNOWN;
  return resolve(pkg, returns[0]!.results[0]!, ctx, source ?? 'function', through ?? fn.name.name);
}

/** Human description of where a resolved value comes from, for messages. */
export function describeSource(v: PossibleValue): string {
  const source = ((): string => {
    switch (v.source) {
      case 'constant': return 'a constant';
      case 'variable': return `the variable ${v.through ?? ''}`.trim();
      case 'flag': return `the flag ${v.through ?? ''}`.trim();
      case 'field': return `the configuration field ${v.through ?? ''}`.trim();
      case 'function': return `the function ${v.through ?? ''}`.trim();
    }
  })();
  return v.negated ? `the negation of ${source}` : source;
}


// ---------------------------------------------------------------------------
// Test code

/** The values written to a field of a struct type of this package, anywhere in the package (literals and assignments). */
export function fieldWrites(pkg: PackageInfo, field: Obj): readonly Expr[] {
  const index = valueIndex(pkg);
  let writes = index.fieldWrites.get(field);
  if (writes === undefined) {
    // only writes named like the field are resolved (a literal's key needs the literal's type)
    const named = index.writesByName.get(field.name) ?? [];
    writes = field.isField && field.pkg === pkg.importPath ? named.filter((w) => pkg.objectOf(w.site) === field).map((w) => w.value) : [];
    index.fieldWrites.set(field, writes);
  }
  return writes;
}

const INSTALL_KEYS = new Set(['TLSConfig', 'TLSClientConfig', 'Config', 'TLS']);
const installIndexes = new WeakMap<PackageInfo, Array<{ inst: Installation; expr: Expr }>>();

/** Every place in the package where a config is installed (built on first use, once per package). */
export function installations(pkg: PackageInfo): ReadonlyArray<{ inst: Installation; expr: Expr }> {
  let list = installIndexes.get(pkg);
  if (list) return list;
  list = [];
  const add = (e: Expr | undefined) => {
    if (!e) return;
    const inst = installationAt(pkg, e);
    if (inst) list!.push({ inst, expr: e });
  };
  for (const f of pkg.files) {
    const stack: Node[] = [f.ast];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.kind === 'KeyValueExpr' && n.key.kind === 'Ident' && INSTALL_KEYS.has(n.key.name)) add(n.value);
      else if (n.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) {
        n.lhs.forEach((l, i) => { if (l.kind === 'SelectorExpr' && INSTALL_KEYS.has(l.sel.name)) add(n.rhs[i]); });
      } else if (n.kind === 'CallExpr' && INSTALL_FUNC_NAMES.has(calledName(n) ?? '')) {
        const name = calleeName(pkg, n);
        const spec = name ? INSTALL_FUNCS.get(name) : undefined;
        if (spec) add(n.args[spec.arg]);
      }
      forEachChild(n, (c) => { stack.push(c); });
    }
  }
  installIndexes.set(pkg, list);
  return list;
}

// ---------------------------------------------------------------------------
// Explicit insecure switches

/** A switch named for what it does: `insecure`, `skipVerify`, `tlsNoVerify`, `InsecureSkipTLSVerify`, `selfSigned`... */
/** Words that may stand between "skip" and what is skipped: `SKIP_SMTP_TLS_VERIFY`, `skipServerCertCheck`. */
const SKIPPED_WHAT = '((tls|ssl|server|host|smtp|imap|pop3?|ldap|grpc|https?|redis|mysql|postgres|pg|db|kafka|amqp|mqtt|nats|etcd|s3|proxy|upstream|backend)[-_]?)*';
/** Connection-string TLS modes that encrypt without verifying: libpq's sslmode, MySQL's ssl-mode and the Go driver's `tls=preferred`. */
const UNVERIFIED_MODES = new Set(['allow', 'prefer', 'require', 'preferred', 'required']);
const VERIFIED_MODES = new Set(['verify-ca', 'verify-full', 'verify_ca', 'verify_identity', 'verify-identity']);

/**
 * The first value of a `case "require":` (libpq's "allow", "prefer" too;
 * MySQL's "preferred", "required") in a switch on a connection string's TLS
 * mode, known by a sibling case that verifies (`"verify-ca"`,
 * `"verify-full"`, `"verify_identity"`) or that skips verification by name
 * (`"skip-verify"`): the mode the operator chose in the connection string
 * encrypts without verifying, by the database's definition.
 */
function unverifiedConnectionMode(pkg: PackageInfo, sw: ast.SwitchStmt, clause: ast.CaseClause): Expr | undefined {
  const text = (v: Expr): string => {
    const c = pkg.constValue(v);
    return c?.kind === 'string' ? c.value.toLowerCase() : '';
  };
  if (!clause.list?.length || !clause.list.every((v) => UNVERIFIED_MODES.has(text(v)))) return undefined;
  const known = sw.body.list.some((c) => c !== clause && c.kind === 'CaseClause' && c.list?.some((v) => VERIFIED_MODES.has(text(v)) || insecureConstant(pkg, v)));
  return known ? clause.list[0] : undefined;
}

/** Whether a name says its switch turns something insecure on (`InsecureSkipVerify`, `skipTLSVerify`, `trustAll`). */
export function isInsecureName(name: string): boolean {
  return INSECURE_NAME.test(name);
}

const INSECURE_NAME = new RegExp(`insecure|(skip|no|not|do[-_]?not|dont|disable|ignore)[-_]?${SKIPPED_WHAT}((cert|certificate)[-_]?)?(verif|validat|check)|accept[-_]?(invalid|any|all|untrusted)[-_]?(certs?|certificates?)|allow[-_]?(invalid|untrusted)[-_]?(tls|ssl|https?|certs?|certificates?)|trust[-_]?all([-_]?(certs?|certificates?|hosts?))?(?![a-z])|(unsafe|dangerous)[-_]?(tls|ssl|cert|accept)|(skip|ignore)[-_]?${SKIPPED_WHAT}cert(ificate)?s?([-_]?(errors?|checks?|validation))?(?![a-z])|(skip|ignore|disable)[-_]?(ssl|tls)([-_]?(errors?|checks?|validation))?(?![a-z])|self[-_]?(signed|cert)|(allow|accept|permit|trust)[-_]?unverif(ied|iable)`, 'i');

/**
 * The condition under which a node runs, when it tests a switch named as
 * insecure (or as self-signed): an enclosing `if` one of whose `&&`
 * operands is such a switch, not negated or compared (`if o.Insecure {`,
 * `if cfg != nil && *skipVerify {`, `if info.selfCert {`), a `case
 * insecureRedis:` of a tagless switch, a `case "skip-verify":` or `case
 * TLSModeNoVerify:` of a switch on a setting, a guard clause before it (`if !c.SkipVerify { return }`),
 * or a declared function named so
 * (`newInsecureClient`, the functional option `WithInsecure()` through its
 * closure). An explicit opt-in by whoever runs the program or calls it.
 * A connection mode that encrypts without verifying (libpq's `require`,
 * MySQL's `preferred`, numeric modes picked by a condition) is the opt-in
 * `by: 'mode'`.
 */
export function insecureSwitch(pkg: PackageInfo, source: string, n: Node): OptIn | undefined {
  const namedSwitch = (x: Expr): boolean => x.kind !== 'UnaryExpr' && x.kind !== 'BinaryExpr' &&
    (INSECURE_NAME.test(source.slice(x.start, x.end)) || readFromNamedSetting(pkg, x)) && !onByDefault(pkg, x);
  // a switch, or a setting named so compared with a value that turns it on: `os.Getenv("MICRO_TLS_INSECURE") == "true"`
  const named = (x: Expr): boolean => namedSwitch(x) || (x.kind === 'BinaryExpr' && (turnedOn(x) || isSet(x)));
  const turnedOn = (x: ast.BinaryExpr) => x.op === '==' && (
    (namedSwitch(unparen(x.x)) && isStringConst(pkg, x.y, isTruthy)) || (namedSwitch(unparen(x.y)) && isStringConst(pkg, x.x, isTruthy)));
  // a setting named so that is merely present: `os.Getenv("SMTP_INSECURE") != ""`, `len(os.Getenv("SKIP_TLS_VERIFY")) > 0`
  const isSet = (x: ast.BinaryExpr) => {
    const l = unparen(x.x);
    if (x.op === '!=' && namedSwitch(l) && isStringConst(pkg, x.y, (v) => v === '')) return true;
    const n = l.kind === 'CallExpr' && l.args.length === 1 && isBuiltinCall(pkg, l, 'len') ? unparen(l.args[0]!) : undefined;
    return n !== undefined && namedSwitch(n) && ((x.op === '>' && isZero(pkg, x.y)) || (x.op === '!=' && isZero(pkg, x.y)));
  };
  const binding = insecureBinding(pkg, n);
  if (binding) return binding.chosen ? switchOptIn(`${binding.text} is used`) : { condition: `${binding.text} is used`, by: 'name', name: binding.text };
  const keptBy = keptOnlyWhenOn(pkg, source, n, namedSwitch);
  if (keptBy) return switchOptIn(`${shortText(source, keptBy, 50)} is set`);
  let child: Node = n;
  /** Inside the `else` of `if on {` on a boolean parameter: the branch for the switch turned off. */
  let switchedOff = false;
  for (let p = pkg.parentOf(n); p; child = p, p = pkg.parentOf(p)) {
    // a function named as insecure: `newInsecureClient()`, the option `WithInsecure()` (through its closure),
    // unless this is the branch for its switch turned off (`WithInsecure(on bool)`, `if on { ... } else { here }`)
    if (p.kind === 'FuncDecl') return INSECURE_NAME.test(p.name.name) && !switchedOff ? switchOptIn(`${p.name.name} is called`) : undefined;
    if (p.kind === 'FuncLit') continue;
    if (p.kind === 'IfStmt' && child === p.else && p.cond) {
      const c = unparen(p.cond);
      if (c.kind === 'Ident' && pkg.objectOf(c)?.isParam) switchedOff = true;
      // the `else` of a switch tested off is its branch turned on: `if !b.SkipVerify { safe } else { here }`, `if cfg.VerifyTLS { ... } else { here }`
      if (c.kind === 'UnaryExpr' && c.op === '!' && namedSwitch(unparen(c.x))) return switchOptIn(`${shortText(source, unparen(c.x), 50)} is set`);
      if (verifySwitch(pkg, source, c)) return switchOptIn(`${shortText(source, c, 50)} is false`);
    }
    if (p.kind === 'IfStmt' && child === p.body && p.cond) {
      const hit = conjuncts(p.cond).find(named);
      if (hit) return switchOptIn(hit.kind === 'BinaryExpr' ? shortText(source, p.cond, 50) : `${shortText(source, p.cond, 50)} is set`);
      // a verification switch turned off: `if !c.VerifyTLS {` (not `if !skipVerify {`, which is a bug)
      const off = conjuncts(p.cond).find((x) => x.kind === 'UnaryExpr' && x.op === '!' && verifySwitch(pkg, source, unparen(x.x)));
      if (off?.kind === 'UnaryExpr') return switchOptIn(`${shortText(source, unparen(off.x), 50)} is false`);
      // a setting compared with a value named so: `if strings.ToLower(caFile) == "insecure" {`
      if (someConjunct(p.cond, (x) => x.kind === 'BinaryExpr' && x.op === '==' && (insecureConstant(pkg, x.x) || insecureConstant(pkg, x.y)))) return switchOptIn(shortText(source, p.cond, 50));
      // a TLS mode of the configuration picked by its values: `if config.SSLMode == 2 || config.SSLMode == 3 {`
      if (selectsConnectionMode(pkg, p.cond)) return { condition: shortText(source, p.cond, 50), by: 'mode' };
    }
    // a guard clause before it: `if !c.SkipVerify { return ctx }`
    if (p.kind === 'BlockStmt') {
      for (const st of p.list.slice(0, p.list.indexOf(child as ast.Stmt))) {
        const guard = guardedSwitch(st, named);
        if (guard) return switchOptIn(`${shortText(source, guard, 50)} is set`);
      }
    }
    if (p.kind === 'CaseClause' && p.body.includes(child as ast.Stmt) && p.list) {
      const sw = switchOfClause(pkg, p);
      if (!sw) continue;
      if (!sw.tag && p.list.length === 1 && someConjunct(p.list[0]!, named)) return switchOptIn(`${shortText(source, p.list[0]!, 50)} is set`);
      // a setting read from configuration: `switch cfg.TLSMode { case "skip-verify": ... }`, `case TLSModeNoVerify:`
      if (!sw.tag) continue;
      // a switch named so, in the clause that turns it on: `switch insecureSkipVerify { case "true": ... }`
      const on = namedSwitch(unparen(sw.tag)) ? p.list.find((v) => isStringConst(pkg, v, isTruthy) || isConstTrue(pkg, v)) : undefined;
      if (on) return switchOptIn(`${shortText(source, sw.tag, 40)} is ${shortText(source, on, 20)}`);
      const byName = p.list.find((v) => insecureConstant(pkg, v));
      const mode = byName ? undefined : unverifiedConnectionMode(pkg, sw, p);
      const value = byName ?? mode;
      if (value) return { condition: `${shortText(source, sw.tag, 40)} is ${shortText(source, value, 50)}`, by: mode ? 'mode' : 'switch' };
    }
  }
  return undefined;
}

/**
 * How code turns verification off on purpose: under a switch named so, in a
 * connection mode that encrypts without verifying, or in a config held by a
 * variable, field or key named as insecure (`insecureClient`).
 */
export type OptIn =
  | {
    /** The condition, for messages: `opts.Insecure is set`, `sslmode is "require"`. */
    readonly condition: string;
    readonly by: 'switch' | 'mode';
  }
  | { readonly condition: string; readonly by: 'name'; readonly name: string };

const switchOptIn = (condition: string): OptIn => ({ condition, by: 'switch' });

const insecureValue = (s: string) => INSECURE_NAME.test(s);

/**
 * The switch a config literal survives only under: it initialises a local
 * variable that every other assignment replaces in the body of `if !switch {`
 * (`cfg := &tls.Config{InsecureSkipVerify: true}; if !allowInsecure { cfg = nil }`).
 */
function keptOnlyWhenOn(pkg: PackageInfo, source: string, n: Node, isSwitch: (x: Expr) => boolean): Expr | undefined {
  // from the field up to the outermost literal holding it, and its address
  let value: Node = n;
  for (let p = pkg.parentOf(value); p && (p.kind === 'KeyValueExpr' || p.kind === 'CompositeLit' || p.kind === 'ParenExpr' || (p.kind === 'UnaryExpr' && p.op === '&')); p = pkg.parentOf(value)) {
    value = p;
  }
  if (value.kind !== 'CompositeLit' && value.kind !== 'UnaryExpr') return undefined;
  const v = definedVariable(pkg, value as Expr);
  if (!isLocalVariable(v)) return undefined;
  let by: Expr | undefined;
  for (const other of assignedValues(pkg, v)) {
    if (other === value) continue;
    const x = negatedGuard(pkg, pkg.parentOf(other));
    if (!x || !isSwitch(x) || (by && exprText(source, by) !== exprText(source, x))) return undefined;
    by = x;
  }
  return by;
}

/** `x` when `stmt` sits directly in the body of `if !x {`. */
function negatedGuard(pkg: PackageInfo, stmt: Node | null | undefined): Expr | undefined {
  const block = stmt && pkg.parentOf(stmt);
  const ifStmt = block?.kind === 'BlockStmt' ? pkg.parentOf(block) : undefined;
  if (ifStmt?.kind !== 'IfStmt' || ifStmt.body !== block || !ifStmt.cond) return undefined;
  const c = unparen(ifStmt.cond);
  return c.kind === 'UnaryExpr' && c.op === '!' ? unparen(c.x) : undefined;
}

/** A local variable declared `true` (`skipTLS := true`, later set false under a condition): a default, not an opt-in. */
function onByDefault(pkg: PackageInfo, x: Expr): boolean {
  const v = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (!isLocalVariable(v)) return false;
  return assignedValues(pkg, v).some((value) => {
    const p = pkg.parentOf(value);
    const declares = p?.kind === 'ValueSpec' || (p?.kind === 'AssignStmt' && p.tok === ':=');
    return declares && isConstTrue(pkg, value);
  });
}

/**
 * A local variable only ever given the value of a setting named as
 * insecure, read by its name: `on, _ := cmd.Flags().GetBool("skip-cert-checks")`,
 * `v := viper.GetBool("tls.insecure")`.
 */
function readFromNamedSetting(pkg: PackageInfo, x: Expr): boolean {
  if (x.kind !== 'Ident') return false;
  const v = pkg.objectOf(x);
  if (!isFunctionVariable(v)) return false;
  const values = assignedValues(pkg, v);
  return values.length > 0 && values.every((a) => {
    const c = unparen(a);
    return c.kind === 'CallExpr' && c.args.length > 0 && isStringConst(pkg, c.args[0]!, insecureValue);
  });
}

/** A constant that says it turns verification off, by its value (`"skip-verify"`) or by its name (`TLSModeNoVerify` of an iota enum, `sslModeInsecure`). */
function insecureConstant(pkg: PackageInfo, e: Expr): boolean {
  if (isStringConst(pkg, e, insecureValue)) return true;
  const x = unparen(e);
  const id = x.kind === 'Ident' ? x : x.kind === 'SelectorExpr' ? x.sel : undefined;
  return id !== undefined && INSECURE_NAME.test(id.name) && pkg.objectOf(id)?.kind === 'const';
}

/** The constant 0. */
function isZero(pkg: PackageInfo, e: Expr): boolean {
  const c = pkg.constValue(e);
  return c?.kind === 'int' && c.value === 0n;
}

/** Values that turn a switch read as text on: `"true"`, `"1"`, `"yes"`, `"on"`. */
const isTruthy = (s: string) => /^(true|1|yes|y|on|enabled?)$/i.test(s);

/** A switch named for verification (`VerifyTLS`, `tlsVerify`, `verifyCert`, a setting read by such a name), not for skipping it. */
function verifySwitch(pkg: PackageInfo, source: string, x: Expr): boolean {
  const verifying = (text: string) => /verif/i.test(text) && !INSECURE_NAME.test(text);
  // a setting read by its name: `cfg.GetBool("enable_tls_verify")`
  if (x.kind === 'CallExpr') return x.args.length === 1 && isStringConst(pkg, x.args[0]!, verifying);
  return (x.kind === 'Ident' || x.kind === 'SelectorExpr') && verifying(source.slice(x.start, x.end));
}

/**
 * The name a config is bound to, when it says the config is insecure: the
 * variable, field or key that holds the literal `n` stands in, directly or
 * inside a transport or client literal (`var insecureTransport =
 * &http.Transport{TLSClientConfig: &tls.Config{...}}`), or the holder whose
 * field the literal is assigned to (`insecureTransport.TLSClientConfig =
 * ...`, or a local `transport` that only goes into an `insecureClient`).
 */
/** A name a config is bound to; `chosen` when a run-time setting picks the config by it (a switch-keyed map, a map of named configs). */
interface Binding {
  readonly text: string;
  readonly chosen: boolean;
}

function insecureBinding(pkg: PackageInfo, n: Node, hops = 0): Binding | undefined {
  let child: Node = n;
  let literal = false; // a variable named insecure that holds `true` is not a config
  for (let p = pkg.parentOf(n); p; child = p, p = pkg.parentOf(p)) {
    let name: Expr | undefined;
    switch (p.kind) {
      case 'CompositeLit': literal = true; continue;
      case 'ParenExpr': continue;
      case 'UnaryExpr': if (p.op === '&') continue; return undefined;
      // handed to a constructor of the package, whose result is bound: `InsecureTransport: newTransport(&tls.Config{...})`
      case 'CallExpr': {
        const c = p.args.includes(child as Expr) ? pkg.calleeOf(p) : undefined;
        if (literal && (c?.kind === 'func' || c?.kind === 'method') && c.pkg === pkg.importPath) continue;
        return undefined;
      }
      case 'KeyValueExpr':
        if (p.value !== child) return undefined;
        if (literal && p.key.kind === 'Ident' && INSECURE_NAME.test(p.key.name)) return { text: p.key.name, chosen: false };
        // a map of named configs: `"skip-verify": {InsecureSkipVerify: true}`, chosen by that name
        if (literal && isStringConst(pkg, p.key, insecureValue)) return { text: shortText(pkg.fileOf(p)?.source ?? '', p.key, 40), chosen: true };
        continue;
      case 'ValueSpec': name = p.names[p.values.indexOf(child as Expr)]; break;
      case 'AssignStmt': name = p.lhs.length === p.rhs.length ? p.lhs[p.rhs.indexOf(child as Expr)] : undefined; break;
      default: return undefined;
    }
    const id = name && (name.kind === 'SelectorExpr' ? name.sel : name);
    if (!literal) return undefined;
    if (id?.kind === 'Ident' && INSECURE_NAME.test(id.name)) return { text: id.name, chosen: false };
    if (name?.kind === 'Ident') {
      const chosen = chosenBySwitch(pkg, name);
      return chosen === undefined ? undefined : { text: chosen, chosen: true };
    }
    return name?.kind === 'SelectorExpr' && hops < 2 ? insecureHolder(pkg, name.x, hops + 1) : undefined;
  }
  return undefined;
}

/**
 * How a variable holding an insecure client is chosen, when its only use
 * is as the `true:` value of a `map[bool]…` literal held by a variable that
 * is only ever indexed by a switch named as insecure:
 * `httpClients[t.InsecureSkipVerify]` for `httpClients = map[bool]*http.Client{true: httpClientSkip}`.
 */
function chosenBySwitch(pkg: PackageInfo, holder: ast.Ident): string | undefined {
  const v = pkg.objectOf(holder);
  if (v?.kind !== 'var' || v.isField || v.isParam) return undefined;
  const uses = usesInScope(pkg, v);
  const kv = uses.length === 1 ? pkg.parentOf(uses[0]!) : undefined;
  if (kv?.kind !== 'KeyValueExpr' || kv.value !== uses[0] || kv.key.kind !== 'Ident' || kv.key.name !== 'true' || pkg.objectOf(kv.key)?.kind !== 'const') return undefined;
  const lit = pkg.parentOf(kv);
  if (lit?.kind !== 'CompositeLit' || lit.type?.kind !== 'MapType') return undefined;
  const spec = pkg.parentOf(lit);
  const mapName = spec?.kind === 'ValueSpec' ? spec.names[spec.values.indexOf(lit)] : spec?.kind === 'AssignStmt' && spec.lhs.length === spec.rhs.length ? spec.lhs[spec.rhs.indexOf(lit)] : undefined;
  const m = mapName?.kind === 'Ident' ? pkg.objectOf(mapName) : undefined;
  if (m?.kind !== 'var' || m.isField || m.isParam) return undefined;
  const source = pkg.fileOf(lit)?.source ?? '';
  const indices = usesInScope(pkg, m).map((u) => { const ix = pkg.parentOf(u); return ix?.kind === 'IndexExpr' && ix.x === u ? ix.index : undefined; });
  if (indices.length === 0 || indices.some((k) => k === undefined || k.kind === 'UnaryExpr' || !INSECURE_NAME.test(exprText(source, k)))) return undefined;
  return shortText(source, pkg.parentOf(indices[0]!)!, 50);
}

/** The uses of a variable: in its function, or in every file of the package for a package-level one. */
function usesInScope(pkg: PackageInfo, v: Obj): ast.Ident[] {
  if (v.func) return usesOf(pkg, v.func, v);
  return pkg.files.flatMap((f) => usesOf(pkg, f.ast, v));
}

/**
 * The insecure name of a variable whose field a config literal is
 * assigned to: its own name, or, for a local variable, the name every
 * value it is used as (apart from its own fields) is bound to.
 */
function insecureHolder(pkg: PackageInfo, holder: Expr, hops: number): Binding | undefined {
  const x = unparen(holder);
  if (x.kind !== 'Ident') return undefined;
  if (INSECURE_NAME.test(x.name)) return { text: x.name, chosen: false };
  const v = pkg.objectOf(x);
  if (!isFunctionVariable(v) || !v.func) return undefined;
  const values = usesOf(pkg, v.func, v).filter((u) => {
    const p = pkg.parentOf(u);
    return !(p?.kind === 'SelectorExpr' && p.x === u);
  });
  const names = values.map((u) => insecureBinding(pkg, u, hops));
  return names.length > 0 && names.every((nm) => nm !== undefined) ? names[0] : undefined;
}

/** Whether `e` is a string constant whose value passes `test`. */
function isStringConst(pkg: PackageInfo, e: Expr, test: (s: string) => boolean): boolean {
  const c = pkg.constValue(e);
  return c?.kind === 'string' && test(c.value);
}

/** The `switch` statement a `case` clause belongs to (the clause's parent is the switch's body). */
export function switchOfClause(pkg: PackageInfo, clause: ast.CaseClause): ast.SwitchStmt | undefined {
  const body = pkg.parentOf(clause);
  const sw = body && pkg.parentOf(body);
  return sw?.kind === 'SwitchStmt' ? sw : undefined;
}

/** `x == "..."` with a string constant on either side whose value passes `test`. */
export function comparedWithString(pkg: PackageInfo, x: Expr, test: (s: string) => boolean): boolean {
  return x.kind === 'BinaryExpr' && x.op === '==' && (isStringConst(pkg, x.x, test) || isStringConst(pkg, x.y, test));
}

/** The switch `x` of a guard clause `if !x { return ... }` (no else), when `named` accepts it. */
function guardedSwitch(st: ast.Stmt, named: (x: Expr) => boolean): Expr | undefined {
  if (st.kind !== 'IfStmt' || st.else || st.init || !st.cond) return undefined;
  const c = unparen(st.cond);
  if (c.kind !== 'UnaryExpr' || c.op !== '!') return undefined;
  const last = st.body.list[st.body.list.length - 1];
  const x = unparen(c.x);
  return last?.kind === 'ReturnStmt' && named(x) ? x : undefined;
}

/** A setting named as a connection's TLS mode: `SSLMode`, `tls_mode`, `sslmode`. */
const TLS_MODE_NAME = /(?:ssl|tls)[-_]?mode$/i;

/**
 * A condition that picks values of a setting named as a TLS mode (`config.SSLMode == 2 ||
 * config.SSLMode == 3`): every `||` operand compares it with a constant, as a switch on the
 * mode the operator configured would.
 */
function selectsConnectionMode(pkg: PackageInfo, cond: Expr): boolean {
  const x = unparen(cond);
  if (x.kind === 'BinaryExpr' && x.op === '||') return selectsConnectionMode(pkg, x.x) && selectsConnectionMode(pkg, x.y);
  if (x.kind !== 'BinaryExpr' || x.op !== '==') return false;
  const named = (e: Expr) => { const u = unparen(e); const id = u.kind === 'SelectorExpr' ? u.sel : u.kind === 'Ident' ? u : undefined; return id !== undefined && TLS_MODE_NAME.test(id.name); };
  return (named(x.x) && pkg.constValue(x.y) !== undefined) || (named(x.y) && pkg.constValue(x.x) !== undefined);
}

/** Whether some operand of a chain of `&&` (parentheses removed) satisfies `test`. */
function someConjunct(e: Expr, test: (x: Expr) => boolean): boolean {
  return conjuncts(e).some(test);
}

const LOOPBACK_CHECK = /^is_?(local_?host|loopback)(_?(host|addr|address|ip))?$/i;
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * The condition of an enclosing `if` (in the same function) that makes sure
 * the peer is on this machine: one of its `&&` operands calls a check named
 * so (`docker.IsLocalhost(host)`, `ip.IsLoopback()`) or compares with `==`
 * to `"localhost"`, `"127.0.0.1"` or `"::1"`.
 */
export function loopbackCondition(pkg: PackageInfo, source: string, n: Node): string | undefined {
  const local = (x: Expr): boolean =>
    x.kind === 'CallExpr' ? LOOPBACK_CHECK.test(calledName(x) ?? '') : comparedWithString(pkg, x, (s) => LOOPBACK_NAMES.has(s));
  let child: Node = n;
  for (let p = pkg.parentOf(n); p && p.kind !== 'FuncDecl' && p.kind !== 'FuncLit'; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'IfStmt' && child === p.body && p.cond && someConjunct(p.cond, local)) return shortText(source, p.cond, 50);
  }
  return undefined;
}
