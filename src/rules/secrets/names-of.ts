/**
 * Names of values and bindings: the identifier, field, map key or
 * parameter a value is bound to (for name-based secret detection), and the
 * name an expression reads as (`u.Password`, `r.Header.Get("Authorization")`).
 */
import type { CallExpr, Expr, Node } from '../../syntax/ast.js';
import { paramNames } from '../../semantics/facts.js';
import type { Callee, PackageInfo } from '../../semantics/package.js';
import { unparen } from '../../syntax/ast.js';
import { deref } from '../../semantics/types.js';
import { constString } from '../shared/log-sinks.js';

/** Calls that read a value by a key: the key names the value (`os.Getenv("API_TOKEN")`, `r.FormValue("password")`). */
const KEYED_GETTERS = new Set([
  'Get', 'GetString', 'Getenv', 'LookupEnv', 'FormValue', 'PostFormValue', 'Value', 'Param', 'Query', 'QueryParam',
  'DefaultQuery', 'PostForm', 'GetHeader', 'Values',
]);

/**
 * The name an expression reads as, for judging whether it holds a
 * credential: `password`, `u.Token` → Token, `c.GetSecret()` → Secret,
 * `r.Header.Get("Authorization")` → Authorization, `m["api_key"]` → api_key.
 * Undefined for computed values.
 */
export function nameOfValue(pkg: PackageInfo, e: Expr): string | undefined {
  e = unparen(e);
  switch (e.kind) {
    case 'Ident':
      return e.name === '_' ? undefined : e.name;
    case 'SelectorExpr':
      return e.sel.name;
    case 'StarExpr':
      return nameOfValue(pkg, e.x);
    case 'UnaryExpr':
      return e.op === '&' ? nameOfValue(pkg, e.x) : undefined;
    case 'IndexExpr':
      return constString(pkg, e.index) ?? undefined;
    case 'CallExpr': {
      const c = pkg.calleeOf(e);
      if (c.kind === 'conversion' && e.args.length === 1) return nameOfValue(pkg, e.args[0]!);
      if (c.kind !== 'func' && c.kind !== 'method') return undefined;
      if (e.args.length === 0) {
        const n = c.name.replace(/^[Gg]et(?=[A-Z_])/, '');
        return n === 'String' ? undefined : n;
      }
      if (KEYED_GETTERS.has(c.name) && e.args[0]) return constString(pkg, e.args[0]);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** What a constant string is bound to. */
export interface Binding {
  /** The name that says what the value is (variable, field, map key, parameter, compared operand). */
  readonly name?: string;
  /** The node that binds it, for messages: declaration, assignment, literal key, call. */
  readonly kind: 'declaration' | 'assignment' | 'field' | 'key' | 'comparison' | 'argument' | 'result' | 'none';
}

/** Credential parameters of well-known functions: callee key → argument index. */
const CREDENTIAL_PARAMS: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['net/url.UserPassword', [1, 'password']],
  ['golang.org/x/crypto/ssh.Password', [0, 'password']],
  ['net/smtp.PlainAuth', [2, 'password']],
  ['net/smtp.CRAMMD5Auth', [1, 'secret']],
  ['crypto/hmac.New', [1, 'hmacKey']],
]);

/**
 * The binding of a constant expression: walks up through parentheses and
 * conversions (`[]byte("...")`) to the declaration, assignment, composite
 * literal element, comparison, call argument or return that holds it.
 */
export function bindingOf(pkg: PackageInfo, root: Expr, ancestors: readonly Node[]): Binding {
  let e: Expr = root;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const p = ancestors[i]!;
    if (p.kind === 'ParenExpr' || (p.kind === 'CallExpr' && p.args.length === 1 && p.args[0] === e && pkg.calleeOf(p).kind === 'conversion')) {
      e = p;
      continue;
    }
    return bindingAt(pkg, p, e, ancestors.slice(0, i));
  }
  return { kind: 'none' };
}

function bindingAt(pkg: PackageInfo, p: Node, e: Expr, outer: readonly Node[]): Binding {
  switch (p.kind) {
    case 'ValueSpec': {
      const i = p.values.indexOf(e);
      const n = i >= 0 && p.values.length === p.names.length ? p.names[i] : undefined;
      return n ? { name: n.name, kind: 'declaration' } : { kind: 'none' };
    }
    case 'AssignStmt': {
      const i = p.rhs.indexOf(e);
      if (i < 0 || p.lhs.length !== p.rhs.length) return { kind: 'none' };
      const name = nameOfTarget(pkg, p.lhs[i]!);
      return name !== undefined ? { name, kind: 'assignment' } : { kind: 'none' };
    }
    case 'KeyValueExpr': {
      if (p.value !== e) return { kind: 'none' };
      const k = p.key;
      if (k.kind === 'Ident' && pkg.objectOf(k)?.isField) return { name: k.name, kind: 'field' };
      const key = constString(pkg, k);
      return key !== undefined ? { name: key, kind: 'key' } : { kind: 'none' };
    }
    case 'BinaryExpr': {
      if (p.op !== '==' && p.op !== '!=') return { kind: 'none' };
      const other = p.x === e ? p.y : p.x;
      if (pkg.constValue(other) !== undefined) return { kind: 'none' };
      const name = nameOfValue(pkg, other);
      return name !== undefined ? { name, kind: 'comparison' } : { kind: 'none' };
    }
    case 'CallExpr': {
      const i = p.args.indexOf(e);
      if (i < 0) return { kind: 'none' };
      const name = parameterName(pkg, p, i);
      return name !== undefined ? { name, kind: 'argument' } : { kind: 'none' };
    }
    case 'ReturnStmt': {
      const fn = [...outer].reverse().find((x) => x.kind === 'FuncDecl' || x.kind === 'FuncLit');
      if (fn?.kind === 'FuncDecl' && p.results.length === 1) return { name: fn.name.name, kind: 'result' };
      return { kind: 'none' };
    }
    default:
      return { kind: 'none' };
  }
}

/** The name of an assignment target: `x`, `s.Field`, `m["key"]`. */
function nameOfTarget(pkg: PackageInfo, lhs: Expr): string | undefined {
  lhs = unparen(lhs);
  if (lhs.kind === 'Ident') return lhs.name === '_' ? undefined : lhs.name;
  if (lhs.kind === 'SelectorExpr') return lhs.sel.name;
  if (lhs.kind === 'IndexExpr') return constString(pkg, lhs.index);
  if (lhs.kind === 'StarExpr') return nameOfTarget(pkg, lhs.x);
  return undefined;
}

/**
 * The name of the parameter argument `i` binds: a known credential
 * parameter, the key of `os.Setenv`/`flag.String`, or the declared name of
 * a parameter of a function of the module.
 */
function parameterName(pkg: PackageInfo, call: CallExpr, i: number): string | undefined {
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func' && c.kind !== 'method') return undefined;
  const key = pkg.calleeKey(c);
  if (key) {
    const known = CREDENTIAL_PARAMS.get(key);
    if (known) return known[0] === i ? known[1] : undefined;
  }
  if (c.kind === 'func') {
    // os.Setenv("API_TOKEN", value), flag.String("password", default, usage), flag.StringVar(&p, "password", default, usage)
    if (c.pkg === 'os' && c.name === 'Setenv' && i === 1) return constString(pkg, call.args[0]!);
    if (c.pkg === 'flag' && c.name === 'String' && i === 1) return constString(pkg, call.args[0]!);
    if (c.pkg === 'flag' && c.name === 'StringVar' && i === 2) return constString(pkg, call.args[1]!);
  }
  return calleeParamName(pkg, c, i);
}

/** The name of the parameter argument `i` binds, among a function's parameter names (the last one takes the rest when variadic). */
function nthName(names: readonly string[], i: number, variadic: boolean): string | undefined {
  const n = i < names.length ? names[i] : variadic ? names[names.length - 1] : undefined;
  return n || undefined;
}

/**
 * The name of the parameter argument `i` of a call binds: from the
 * declaration for functions of this package, from the exports for
 * functions of other module packages (methods of other packages: unknown).
 */
export function calleeParamName(pkg: PackageInfo, callee: Callee, i: number): string | undefined {
  if (callee.kind !== 'func' && callee.kind !== 'method') return undefined;
  const decl = callee.obj?.node;
  // a function or method of this package, or a method of one of its interfaces
  const type = decl?.kind === 'FuncDecl' ? decl.type : decl?.kind === 'Field' && decl.type?.kind === 'FuncType' ? decl.type : undefined;
  if (type && callee.obj?.pkg === pkg.importPath) {
    const last = type.params.list[type.params.list.length - 1];
    return nthName(paramNames(type), i, last?.type?.kind === 'Ellipsis');
  }
  const api = pkg.program.packages[callee.pkg];
  if (callee.kind === 'func') {
    const f = api?.funcs[callee.name];
    return f?.params ? nthName(f.params, i, f.sig.variadic) : undefined;
  }
  // a method of another module package: its receiver's type name finds it
  const recv = deref(callee.recv);
  const m = recv.kind === 'named' && recv.pkg === callee.pkg ? api?.types[recv.name]?.methods[callee.name] : undefined;
  return m?.params ? nthName(m.params, i, m.sig.variadic) : undefined;
}
