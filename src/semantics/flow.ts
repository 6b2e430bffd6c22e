/**
 * Where values go inside a function: what a `go` statement hands to the new
 * goroutine, which code runs on a goroutine started here, and the local
 * copies and assignments of a variable. Rules of several families ask these
 * questions (a secret captured by a goroutine, a C pointer crossing
 * goroutines, a tls.Config shared by goroutines).
 */
import { unparen } from '../syntax/ast.js';
import type * as ast from '../syntax/ast.js';
import { pushChildrenReversed } from '../syntax/walk.js';
import { startedCall, type GoroutineStart } from './goroutines.js';
import type { PackageInfo } from './package.js';
import type { Obj } from './scope.js';

export interface Handoff {
  /** A variable of an enclosing function, or a package-level variable. */
  readonly obj: Obj;
  /** `capture`: used inside the goroutine's function literal; `argument`/`receiver`: evaluated by the `go` statement. */
  readonly via: 'capture' | 'argument' | 'receiver';
  /** The use inside the literal, or the argument expression. */
  readonly at: ast.Expr;
  /** For an argument of `go func(p T){...}(x)`: the parameter it binds. */
  readonly param?: Obj;
}

/**
 * The variables a goroutine start (goroutines.ts) hands to the goroutine:
 * those its function literal captures (one entry per variable, at its first
 * use) and those a `go` call passes as arguments or receiver (`wg.Go(w.run)`
 * passes `w`). Package-level variables used inside the literal are
 * included; constants, types and functions are not.
 */
export function goroutineHandoffs(info: PackageInfo, start: GoroutineStart): Handoff[] {
  const call = startedCall(start);
  const out: Handoff[] = [];
  const fun = unparen(call.fun);
  if (fun.kind === 'FuncLit') {
    const params = fun.type.params.list.flatMap((f) => f.names.map((n) => info.objectOf(n)));
    call.args.forEach((arg, i) => {
      for (const obj of variablesIn(info, arg)) out.push({ obj, via: 'argument', at: arg, ...(params[i] && { param: params[i] }) });
    });
    const seen = new Set<Obj>();
    for (const id of identsIn(fun.body)) {
      const obj = info.objectOf(id);
      if (!obj || obj.kind !== 'var' || obj.isField || seen.has(obj) || declaredWithin(obj, fun)) continue;
      seen.add(obj);
      out.push({ obj, via: 'capture', at: id });
    }
    return out;
  }
  if (fun.kind === 'SelectorExpr' && (call.call ? info.calleeOf(call.call).kind === 'method' : info.objectOf(fun.sel)?.kind === 'func')) {
    for (const obj of variablesIn(info, fun.x)) out.push({ obj, via: 'receiver', at: fun.x });
  }
  for (const arg of call.args) for (const obj of variablesIn(info, arg)) out.push({ obj, via: 'argument', at: arg });
  return out;
}

/**
 * The expressions assigned to a variable anywhere in the package: its
 * initializer and the right-hand sides of assignments to it (`=`, `:=`).
 * A multi-value assignment from one call gives the call. Range variables
 * and parameters have none.
 */
export function assignedValues(info: PackageInfo, obj: Obj): readonly ast.Expr[] {
  return flowIndex(info).assigned.get(obj) ?? [];
}

/**
 * The targets of the multi-value assignment whose only value is `value`
 * (`a, err := f()`: `a` and `err`, by result index); undefined when `value`
 * is not the one value of such an assignment.
 */
export function multiValueTargets(info: PackageInfo, value: ast.Node): readonly ast.Expr[] | undefined {
  const p = info.parentOf(value);
  if (p?.kind === 'AssignStmt' && p.rhs.length === 1 && p.lhs.length > 1) return p.lhs;
  if (p?.kind === 'ValueSpec' && p.values.length === 1 && p.names.length > 1) return p.names;
  return undefined;
}

/**
 * Variables that hold a copy of `obj`'s value, transitively: `y := obj`,
 * `var y = obj`, `y = obj`. The original is not included.
 */
export function copiesOf(info: PackageInfo, obj: Obj): Obj[] {
  const index = flowIndex(info);
  const copies: Obj[] = [];
  const seen = new Set<Obj>([obj]);
  const work = [obj];
  while (work.length > 0) {
    for (const dst of index.copies.get(work.pop()!) ?? []) {
      if (seen.has(dst)) continue;
      seen.add(dst);
      copies.push(dst);
      work.push(dst);
    }
  }
  return copies;
}

interface FlowIndex {
  /** Variable → expressions assigned to it. */
  readonly assigned: Map<Obj, ast.Expr[]>;
  /** Variable → variables assigned its value directly. */
  readonly copies: Map<Obj, Obj[]>;
}

const indexes = new WeakMap<PackageInfo, FlowIndex>();

/** One pass over the package's assignments and value specs, on first use. */
function flowIndex(info: PackageInfo): FlowIndex {
  let index = indexes.get(info);
  if (index) return index;
  index = { assigned: new Map(), copies: new Map() };
  const add = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const record = (lhs: ast.Expr, rhs: ast.Expr | undefined, single: boolean) => {
    if (!rhs || lhs.kind !== 'Ident') return;
    const dst = info.objectOf(lhs);
    if (!dst || dst.kind !== 'var') return;
    add(index!.assigned, dst, rhs);
    const r = unparen(rhs);
    if (single && r.kind === 'Ident') {
      const src = info.objectOf(r);
      if (src?.kind === 'var' && src !== dst) add(index!.copies, src, dst);
    }
  };
  // the assignments and value specs of all files in source order, as the resolver collected them
  for (const n of info.res.valueFlows) {
    if (n.kind === 'AssignStmt') {
      const single = n.lhs.length === n.rhs.length;
      for (let i = 0; i < n.lhs.length; i++) record(n.lhs[i]!, single ? n.rhs[i] : n.rhs[0], single);
    } else {
      const single = n.names.length === n.values.length;
      for (let i = 0; i < n.names.length; i++) record(n.names[i]!, single ? n.values[i] : n.values[0], single);
    }
  }
  indexes.set(info, index);
  return index;
}

/** The identifiers under `root` that denote `obj`, in source order. */
export function usesOf(info: PackageInfo, root: ast.Node, obj: Obj): ast.Ident[] {
  const out: ast.Ident[] = [];
  walkNodes(root, (n) => {
    if (n.kind === 'Ident' && n.name === obj.name && n !== obj.decl && info.objectOf(n) === obj) out.push(n);
  });
  return out;
}

/** The variables an expression reads directly: `x`, `x.f`, `&x`, `*x`, `x[i]`, conversions `T(x)`. */
export function variablesIn(info: PackageInfo, e: ast.Expr): Obj[] {
  const x = unparen(e);
  switch (x.kind) {
    case 'Ident': {
      const obj = info.objectOf(x);
      return obj?.kind === 'var' ? [obj] : [];
    }
    case 'SelectorExpr':
      return info.objectOf(x.sel)?.isField ? variablesIn(info, x.x) : [];
    case 'UnaryExpr':
    case 'StarExpr':
      return variablesIn(info, x.x);
    case 'IndexExpr':
    case 'SliceExpr':
      return variablesIn(info, x.x);
    case 'CallExpr':
      return info.calleeOf(x).kind === 'conversion' && x.args.length === 1 ? variablesIn(info, x.args[0]!) : [];
    default:
      return [];
  }
}


/** The object an identifier or a selector (`cfg.Key`: the field or package member) names, parentheses removed. */
export function namedObject(info: PackageInfo, e: ast.Expr): Obj | undefined {
  const x = unparen(e);
  return x.kind === 'Ident' ? info.objectOf(x) : x.kind === 'SelectorExpr' ? info.objectOf(x.sel) : undefined;
}

function declaredWithin(obj: Obj, lit: ast.FuncLit): boolean {
  return obj.decl !== null && obj.decl.start >= lit.start && obj.decl.end <= lit.end;
}

/** Every identifier under `root`. */
export function identsIn(root: ast.Node): ast.Ident[] {
  const out: ast.Ident[] = [];
  walkNodes(root, (n) => {
    if (n.kind === 'Ident') out.push(n);
  });
  return out;
}

function walkNodes(root: ast.Node, fn: (n: ast.Node) => void): void {
  const stack: ast.Node[] = [root];
  const children: ast.Node[] = [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    fn(n);
    // children in source order onto the stack (so the last child is visited first), without a callback per child
    children.length = 0;
    pushChildrenReversed(n, children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
