/**
 * The package's own functions seen from their call sites: every call of a
 * function whose callers are all in the package (unexported, or in package
 * main, which nothing imports), and the parameter each argument binds.
 * Rules follow a value across a call with these (a config returned to its
 * callers, an address passed in by them).
 */
import type * as ast from '../syntax/ast.js';
import { calledName } from './fact-names.js';
import type { PackageInfo } from './package.js';
import { isExported, type Obj } from './scope.js';

/** Whether every use of a package-level name is in its own package: unexported, or in package main. */
export function usedOnlyInPackage(info: PackageInfo, name: string): boolean {
  return !isExported(name) || info.pkg.name === 'main';
}

/** Every call of a function or method declared in the package, when all its callers are in the package; undefined otherwise. */
export function packageCallsOf(info: PackageInfo, fn: ast.FuncDecl): ast.CallExpr[] | undefined {
  const obj = info.objectOf(fn.name);
  if (!obj || !usedOnlyInPackage(info, fn.name.name)) return undefined;
  const out: ast.CallExpr[] = [];
  for (const body of info.res.bodies.values()) {
    for (const call of body.calls) {
      if (calledName(call) !== fn.name.name) continue;
      const c = info.calleeOf(call);
      if ((c.kind === 'func' || c.kind === 'method') && c.obj === obj) out.push(call);
    }
  }
  return out;
}

/**
 * The parameters of a function by argument index: the object each argument
 * binds, undefined for an unnamed parameter and for a variadic one (its
 * arguments make a slice).
 */
export function paramObjects(info: PackageInfo, fn: ast.FuncDecl): (Obj | undefined)[] {
  const out: (Obj | undefined)[] = [];
  for (const f of fn.type.params.list) {
    const variadic = f.type?.kind === 'Ellipsis';
    if (f.names.length === 0) out.push(undefined);
    for (const n of f.names) out.push(variadic ? undefined : info.objectOf(n));
  }
  return out;
}
