/**
 * What the syntax of a call says about its callee, before any type
 * inference: the cheap pre-check of analyses that only care about calls of
 * certain functions (resolving a method call's callee means inferring its
 * receiver's type).
 */
import type * as ast from '../syntax/ast.js';
import { unparenExpr } from './infer.js';
import type { PackageInfo } from './package.js';

/** What the syntax of a call says about its callee: its name, whether a method, whether maybe declared in this package. */
export interface CallShape {
  readonly name: string;
  readonly method: boolean;
  readonly own: boolean;
}

/**
 * The shape of calls (undefined for function values built by expressions):
 * `F(...)` calls a function named F, `pkg.F(...)` one of an imported
 * package, `x.M(...)` a method named M; `own` when the package declares a
 * function or method of that name and kind.
 */
export function callShapes(info: PackageInfo): (call: ast.CallExpr) => CallShape | undefined {
  const funcs = new Set<string>();
  const methods = new Set<string>();
  for (const fn of info.res.funcs) if (fn.kind === 'FuncDecl') (fn.recv ? methods : funcs).add(fn.name.name);
  return (call) => {
    let f = call.fun;
    while (f.kind === 'ParenExpr' || f.kind === 'IndexExpr' || f.kind === 'IndexListExpr') f = f.x;
    if (f.kind === 'Ident') return { name: f.name, method: false, own: funcs.has(f.name) };
    if (f.kind !== 'SelectorExpr') return undefined;
    const name = f.sel.name;
    const x = unparenExpr(f.x);
    if (x.kind === 'Ident' && info.res.uses.get(x)?.kind === 'pkgname') return { name, method: false, own: false };
    return { name, method: true, own: methods.has(name) };
  };
}
