/**
 * What the syntax of a call says about its callee, before any type
 * inference: the cheap pre-check of analyses that only care about calls of
 * certain functions (resolving a method call's callee means inferring its
 * receiver's type).
 */
import type * as ast from '../syntax/ast.js';
import { calledName } from './fact-names.js';
import { unparen } from '../syntax/ast.js';
import type { PackageInfo } from './package.js';

/** What the syntax of a call says about its callee: its name, whether a method, whether maybe declared in this package. */
export interface CallShape {
  readonly name: string;
  readonly method: boolean;
  readonly own: boolean;
}

/** The expression naming a call's callee, without parentheses and instantiations (`F` of `(F[int])(x)`). */
function calleeExpr(call: ast.CallExpr): ast.Expr {
  let f = call.fun;
  while (f.kind === 'ParenExpr' || f.kind === 'IndexExpr' || f.kind === 'IndexListExpr') f = f.x;
  return f;
}

/**
 * How a call names its callee: `func` for `F(...)`, `package-func` for
 * `pkg.F(...)` of an imported package, `method` for `x.M(...)` (also a
 * method expression `T.M(x)`); undefined for a function value built by an
 * expression. Through parentheses and instantiations.
 */
export function calleeForm(info: PackageInfo, call: ast.CallExpr): 'func' | 'package-func' | 'method' | undefined {
  const f = calleeExpr(call);
  if (f.kind === 'Ident') return 'func';
  if (f.kind !== 'SelectorExpr') return undefined;
  return selectedPackage(info, f) !== undefined ? 'package-func' : 'method';
}

/** Whether a call calls the builtin `name` (`len(x)`, not a shadowing function of that name). */
export function isBuiltinCall(info: PackageInfo, call: ast.CallExpr, name: string): boolean {
  if (calledName(call) !== name) return false;
  const c = info.calleeOf(call);
  return c.kind === 'builtin' && c.name === name;
}

/** The import path of the package a `pkg.F(...)` call names, undefined for other forms. */
export function calledPackage(info: PackageInfo, call: ast.CallExpr): string | undefined {
  const f = calleeExpr(call);
  return f.kind === 'SelectorExpr' ? selectedPackage(info, f) : undefined;
}

/** The import path of `pkg` in `pkg.Name` (a resolver use: no type inference), undefined when `x` is not a package. */
export function selectedPackage(info: PackageInfo, sel: ast.SelectorExpr): string | undefined {
  const x = unparen(sel.x);
  const o = x.kind === 'Ident' ? info.res.uses.get(x) : undefined;
  return o?.kind === 'pkgname' ? o.importPath : undefined;
}

/**
 * The shape of calls (undefined for function values built by expressions):
 * the name and form of the callee (`calleeForm`); `own` when the package
 * declares a function or method of that name and form.
 */
export function callShapes(info: PackageInfo): (call: ast.CallExpr) => CallShape | undefined {
  const funcs = new Set<string>();
  const methods = new Set<string>();
  for (const fn of info.res.funcs) if (fn.kind === 'FuncDecl') (fn.recv ? methods : funcs).add(fn.name.name);
  return (call) => {
    const form = calleeForm(info, call);
    if (form === undefined) return undefined;
    const name = calledName(call)!;
    if (form === 'method') return { name, method: true, own: methods.has(name) };
    return { name, method: false, own: form === 'func' && funcs.has(name) };
  };
}
