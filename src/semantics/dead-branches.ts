/**
 * Code Go never runs because a constant decides its branch: the body of
 * `if debug { ... }` with `const debug = false` (the compiler drops it), or
 * the `else` of an `if` whose condition is constant true. A boolean field
 * that nothing can set is constant false too (`if info.selfCert {` when no
 * code of the package gives `selfCert` a value). Rules that report what
 * code does at run time (a log call) skip such code.
 */
import type * as ast from '../syntax/ast.js';
import { unparen } from '../syntax/ast.js';
import { neverWritten } from './fields.js';
import type { PackageInfo } from './package.js';
import { isBoolean, underlying } from './types.js';

/** Whether `node`, under `ancestors` (outermost first, as a walk gives them), sits in a branch a constant condition rules out. */
export function inDeadBranch(info: PackageInfo, ancestors: readonly ast.Node[], node: ast.Node, opts: DeadOptions = {}): boolean {
  let child = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.kind === 'IfStmt') {
      if (a.body === child && constantly(info, a.cond, false, opts)) return true;
      if (a.else === child && constantly(info, a.cond, true, opts)) return true;
    }
    child = a;
  }
  return false;
}

export interface DeadOptions {
  /** Count a boolean field nothing in the package sets as constant false. */
  readonly unsetFields?: boolean;
}

/** Whether `node` sits in a branch a constant condition rules out, its ancestors found through the package's parent links. */
export function isDeadCode(info: PackageInfo, node: ast.Node, opts: DeadOptions = {}): boolean {
  const ancestors: ast.Node[] = [];
  for (let p = info.parentOf(node); p; p = info.parentOf(p)) ancestors.push(p);
  return inDeadBranch(info, ancestors.reverse(), node, opts);
}

/** Whether a condition is always `value`: a boolean constant, or `&&`/`||`/`!` that a constant operand decides. */
function constantly(info: PackageInfo, e: ast.Expr, value: boolean, opts: DeadOptions): boolean {
  const c = info.constValue(e);
  if (c) return c.kind === 'bool' && c.value === value;
  e = unparen(e);
  if (e.kind === 'UnaryExpr' && e.op === '!') return constantly(info, e.x, !value, opts);
  if (e.kind === 'SelectorExpr' && !value && opts.unsetFields) return isUnsetBool(info, e);
  if (e.kind === 'BinaryExpr') {
    // false && x is false, true || x is true; the other way both operands must be constant
    if (e.op === '&&') return value ? constantly(info, e.x, true, opts) && constantly(info, e.y, true, opts) : constantly(info, e.x, false, opts) || constantly(info, e.y, false, opts);
    if (e.op === '||') return value ? constantly(info, e.x, true, opts) || constantly(info, e.y, true, opts) : constantly(info, e.x, false, opts) && constantly(info, e.y, false, opts);
  }
  return false;
}

/** `x.f` where `f` is a boolean field that nothing in the package sets: always false. */
function isUnsetBool(info: PackageInfo, e: ast.SelectorExpr): boolean {
  const o = info.objectOf(e.sel);
  if (!o?.isField) return false;
  return isBoolean(underlying(info.typeOf(e), info.info)) && neverWritten(info, o);
}
