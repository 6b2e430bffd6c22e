/**
 * Code Go never runs because a constant decides its branch: the body of
 * `if debug { ... }` with `const debug = false` (the compiler drops it), or
 * the `else` of an `if` whose condition is constant true. Rules that report
 * what code does at run time (a log call) skip such code.
 */
import type * as ast from '../syntax/ast.js';
import type { PackageInfo } from './package.js';

/** Whether `node`, under `ancestors` (outermost first, as a walk gives them), sits in a branch a constant condition rules out. */
export function inDeadBranch(info: PackageInfo, ancestors: readonly ast.Node[], node: ast.Node): boolean {
  let child = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.kind === 'IfStmt') {
      if (a.body === child && constantly(info, a.cond, false)) return true;
      if (a.else === child && constantly(info, a.cond, true)) return true;
    }
    child = a;
  }
  return false;
}

/** Whether a condition is always `value`: a boolean constant, or `&&`/`||`/`!` that a constant operand decides. */
function constantly(info: PackageInfo, e: ast.Expr, value: boolean): boolean {
  const c = info.constValue(e);
  if (c) return c.kind === 'bool' && c.value === value;
  while (e.kind === 'ParenExpr') e = e.x;
  if (e.kind === 'UnaryExpr' && e.op === '!') return constantly(info, e.x, !value);
  if (e.kind === 'BinaryExpr') {
    // false && x is false, true || x is true; the other way both operands must be constant
    if (e.op === '&&') return value ? constantly(info, e.x, true) && constantly(info, e.y, true) : constantly(info, e.x, false) || constantly(info, e.y, false);
    if (e.op === '||') return value ? constantly(info, e.x, true) || constantly(info, e.y, true) : constantly(info, e.x, false) && constantly(info, e.y, false);
  }
  return false;
}
