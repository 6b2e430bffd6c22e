/**
 * Fields of the package's own struct types seen from the code that could
 * set them: a field nothing can give a value always holds its zero value
 * (a writer that is always nil, a switch that is always false).
 */
import type { Expr, Node } from '../syntax/ast.js';
import { unparen } from '../syntax/ast.js';
import { forEachChild } from '../syntax/walk.js';
import type { PackageInfo } from './package.js';
import { perPackage } from './package-memo.js';
import type { Obj } from './scope.js';

const answers = perPackage((): Map<Obj, boolean> => new Map());

/**
 * Whether nothing can give an unexported field of a struct type of this
 * package a value: no keyed or unkeyed literal of its type sets it, no
 * assignment (of any arity) targets it, and its address is never taken. It
 * then always holds its zero value. Exported fields are never judged so:
 * other packages may set them.
 */
export function neverWritten(pkg: PackageInfo, field: Obj): boolean {
  if (!field.isField || field.pkg !== pkg.importPath || /^\p{Lu}/u.test(field.name)) return false;
  const memo = answers(pkg);
  const known = memo.get(field);
  if (known !== undefined) return known;
  const owner = declaringType(pkg, field);
  const never = owner !== undefined && !writtenIn(pkg, field, owner);
  memo.set(field, never);
  return never;
}

/** The name of the type declaring a field (`type T struct { f X }`), if it is a declared type. */
function declaringType(pkg: PackageInfo, field: Obj): string | undefined {
  let spec: Node | null = field.decl;
  while (spec && spec.kind !== 'TypeSpec' && spec.kind !== 'File') spec = pkg.parentOf(spec);
  return spec?.kind === 'TypeSpec' ? spec.name.name : undefined;
}

function writtenIn(pkg: PackageInfo, field: Obj, owner: string): boolean {
  const isField = (e: Expr): boolean => {
    const x = unparen(e);
    return x.kind === 'SelectorExpr' && x.sel.name === field.name && pkg.objectOf(x.sel) === field;
  };
  for (const f of pkg.files) {
    const stack: Node[] = [f.ast];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.kind === 'AssignStmt' && n.lhs.some(isField)) return true;
      if (n.kind === 'UnaryExpr' && n.op === '&' && isField(n.x)) return true;
      if (n.kind === 'KeyValueExpr' && n.key.kind === 'Ident' && n.key.name === field.name && pkg.objectOf(n.key) === field) return true;
      if (n.kind === 'CompositeLit' && n.elts.length > 0 && n.elts[0]!.kind !== 'KeyValueExpr') {
        const t = pkg.namedOf(pkg.typeOf(n));
        if (t?.name === owner && t.pkg === pkg.importPath) return true;
      }
      forEachChild(n, (k) => { stack.push(k); });
    }
  }
  return false;
}
