/**
 * Where a value comes from, backwards from a use: the constant strings and
 * the parameters it is built from, through parentheses, conversions,
 * concatenation, `fmt.Sprint*`, constants and local copies. The secrets
 * rules use it to tell a hardcoded secret at a log call or goroutine from a
 * value computed at run time, and to seed the parameter facts.
 */
import type { BasicLit, Expr, Node } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { unparen } from '../../syntax/ast.js';
import { perPackage } from '../../semantics/package-memo.js';

/** A step of a value's way from its definition to a use (a related location). */
export interface Step {
  readonly node: Node;
  /** The part of the node to show, when not all of it (the `go` keyword of a statement). */
  readonly range?: { readonly start: number; readonly end: number };
  readonly message: string;
}

/** A constant string a value contains. */
export interface ConstLeaf {
  readonly kind: 'const';
  /** The constant expression in this package that holds it (absent for constants of other packages). */
  readonly root?: Expr;
  readonly value: string;
  /** The constant or variable the value is bound to, for name-based detection. */
  readonly name?: string;
  /** Copies between the binding and the use, in flow order. */
  readonly steps: readonly Step[];
}

/** A parameter of the enclosing function a value contains. */
export interface ParamLeaf {
  readonly kind: 'param';
  readonly obj: Obj;
  readonly steps: readonly Step[];
}

/** A part computed at run time (a call, a field, a parameter of a closure...). */
export interface OpaqueLeaf {
  readonly kind: 'opaque';
}

export type Leaf = ConstLeaf | ParamLeaf | OpaqueLeaf;

const OPAQUE: OpaqueLeaf = { kind: 'opaque' };
const MAX_DEPTH = 12;

/** `fmt` functions whose result contains their arguments. */
const FMT_BUILDERS = new Set(['Sprint', 'Sprintf', 'Sprintln']);

/** The leaves a value is built from. */
export function leavesOf(pkg: PackageInfo, e: Expr): Leaf[] {
  return leaves(pkg, e, new Set(), 0);
}

/** The constant strings a value contains (hardcoded parts). */
export function constLeaves(pkg: PackageInfo, e: Expr): ConstLeaf[] {
  return leavesOf(pkg, e).filter((l): l is ConstLeaf => l.kind === 'const');
}

function leaves(pkg: PackageInfo, e: Expr, seen: Set<Obj>, depth: number): Leaf[] {
  if (depth > MAX_DEPTH) return [OPAQUE];
  e = unparen(e);
  switch (e.kind) {
    case 'BasicLit': {
      const v = pkg.constValue(e);
      return v?.kind === 'string' ? [{ kind: 'const', root: e, value: v.value, steps: [] }] : [OPAQUE];
    }
    case 'Ident':
      return identLeaves(pkg, e, pkg.objectOf(e), seen, depth);
    case 'SelectorExpr': {
      const o = pkg.objectOf(e.sel);
      if (o && (o.kind === 'const' || (o.kind === 'var' && o.isPackageLevel && !o.isField))) return identLeaves(pkg, e, o, seen, depth);
      return [OPAQUE];
    }
    case 'BinaryExpr':
      if (e.op !== '+') return [OPAQUE];
      return [...leaves(pkg, e.x, seen, depth + 1), ...leaves(pkg, e.y, seen, depth + 1)];
    case 'CallExpr': {
      const c = pkg.calleeOf(e);
      if (c.kind === 'conversion' && e.args.length === 1) return leaves(pkg, e.args[0]!, seen, depth + 1);
      if (c.kind === 'func' && c.pkg === 'fmt' && FMT_BUILDERS.has(c.name)) return e.args.flatMap((a) => leaves(pkg, a, seen, depth + 1));
      return [OPAQUE];
    }
    default:
      return [OPAQUE];
  }
}

function identLeaves(pkg: PackageInfo, e: Expr, o: Obj | undefined, seen: Set<Obj>, depth: number): Leaf[] {
  if (!o) return [OPAQUE];
  if (o.kind === 'const') {
    const v = pkg.constValue(e);
    if (v?.kind !== 'string') return [OPAQUE];
    const root = constRoot(pkg, o);
    return [{ kind: 'const', ...(root && { root }), value: v.value, name: o.name, steps: [] }];
  }
  if (o.kind !== 'var' || o.isField) return [OPAQUE];
  if (o.isParam || o.isRecv) return [{ kind: 'param', obj: o, steps: [] }];
  if (seen.has(o)) return [];
  seen.add(o);
  const v = initialValue(pkg, o);
  if (!v) return [OPAQUE];
  const out: Leaf[] = [];
  const binding = isDirectConst(pkg, v);
  for (const l of leaves(pkg, v, seen, depth + 1)) {
    if (l.kind === 'opaque') out.push(l);
    else if (l.kind === 'const' && binding) out.push({ ...l, name: l.name ?? o.name });
    else out.push({ ...l, steps: [...l.steps, { node: o.decl ?? v, message: `copied to \`${o.name}\`` }] });
  }
  return out;
}

/**
 * The value a variable is declared with, when it is its only value: not
 * assigned again anywhere (a variable sometimes set at run time, as in
 * `tok := fallback; if s != "" { tok = s }`, is not hardcoded) and not
 * addressed. Undefined otherwise, or for a multi-value declaration.
 */
function initialValue(pkg: PackageInfo, o: Obj): Expr | undefined {
  if (reassignedVars(pkg).has(o)) return undefined;
  const n = o.node;
  if (n?.kind === 'AssignStmt' && n.tok === ':=' && n.lhs.length === n.rhs.length) {
    const i = n.lhs.findIndex((l) => l === o.decl);
    return i >= 0 ? n.rhs[i] : undefined;
  }
  if (n?.kind === 'ValueSpec' && n.values.length === n.names.length) return n.values[o.index ?? n.names.findIndex((x) => x === o.decl)];
  return undefined;
}

/** Variables assigned after their declaration (rederivations included), or addressed, in any function of the package (from the resolver's records). */
const reassignedVars = perPackage((pkg): ReadonlySet<Obj> => {
  const s = new Set<Obj>();
  for (const body of pkg.res.bodies.values()) {
    for (const o of body.assigned) s.add(o);
    for (const o of body.rederived) s.add(o);
    for (const o of body.addressed) s.add(o);
  }
  return s;
});

/** Whether an assigned value is itself a literal (the variable is its binding, not a copy). */
function isDirectConst(pkg: PackageInfo, v: Expr): boolean {
  const u = unparen(v);
  if (u.kind === 'BasicLit') return true;
  if (u.kind === 'CallExpr' && u.args.length === 1 && pkg.calleeOf(u).kind === 'conversion') return isDirectConst(pkg, u.args[0]!);
  return false;
}

/** The constant expression a constant of this package is declared with. */
export function constRoot(pkg: PackageInfo, o: Obj): Expr | undefined {
  const spec = o.node;
  if (!spec || spec.kind !== 'ValueSpec' || o.pkg !== pkg.importPath) return undefined;
  const v = spec.values[o.index ?? 0];
  return v && spec.values.length === spec.names.length ? v : undefined;
}

/** The string literals of a constant expression (its parts, for masking). */
export function literalsOf(e: Expr): BasicLit[] {
  e = unparen(e);
  if (e.kind === 'BasicLit') return e.litKind === 'STRING' ? [e] : [];
  if (e.kind === 'BinaryExpr') return [...literalsOf(e.x), ...literalsOf(e.y)];
  if (e.kind === 'CallExpr' && e.args.length === 1) return literalsOf(e.args[0]!);
  return [];
}

/**
 * The source ranges to mask for the part [start, end) of a constant
 * expression's value: exact for a literal without escapes, else the whole
 * literal body (every literal of a concatenation).
 */
export function maskRanges(pkg: PackageInfo, root: Expr, start: number, end: number): Array<{ start: number; end: number }> {
  const lits = literalsOf(root);
  if (lits.length === 1) {
    const lit = lits[0]!;
    const body = lit.value.slice(1, -1);
    const v = pkg.constValue(lit);
    if (v?.kind === 'string' && v.value === body) return [{ start: lit.start + 1 + Math.min(start, body.length), end: lit.start + 1 + Math.min(end, body.length) }];
  }
  // concatenations and escaped literals: mask each literal's body that the secret may overlap
  const out: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const lit of lits) {
    const v = pkg.constValue(lit);
    const len = v?.kind === 'string' ? v.value.length : 0;
    if (offset < end && offset + len > start) out.push({ start: lit.start + 1, end: lit.end - 1 });
    offset += len;
  }
  return out.length > 0 ? out : lits.map((l) => ({ start: l.start + 1, end: l.end - 1 }));
}
