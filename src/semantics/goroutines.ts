/**
 * Goroutine starts: `go` statements, and calls that run their function
 * argument on a new goroutine, `(*errgroup.Group).Go`/`TryGo`
 * (golang.org/x/sync/errgroup) and `(*sync.WaitGroup).Go` (Go 1.25). Both
 * start code that runs concurrently with what follows the start, so rules
 * that ask "does this run on another goroutine" treat them alike.
 */
import type * as ast from '../syntax/ast.js';
import { isExported } from './scope.js';
import { identsIn } from './flow.js';
import { unparen } from '../syntax/ast.js';
import type { PackageInfo } from './package.js';

export type GoroutineStart = ast.GoStmt | ast.CallExpr;

/** The method names that start a goroutine on the types of GOROUTINE_GROUPS. */
const STARTING_METHODS = new Set(['Go', 'TryGo']);
/** Types whose `Go`/`TryGo` method runs its function argument on a new goroutine. */
const GOROUTINE_GROUPS: readonly (readonly [string, string])[] = [
  ['golang.org/x/sync/errgroup', 'Group'],
  ['sync', 'WaitGroup'],
];

/** Shaped like a starting call, before any type is known: `x.Go(f)` or `x.TryGo(f)`, one argument. */
export function mayStartGoroutine(call: ast.CallExpr): boolean {
  return call.args.length === 1 && call.fun.kind === 'SelectorExpr' && STARTING_METHODS.has(call.fun.sel.name);
}

/** Is the call one that runs its argument on a new goroutine (`g.Go(func() error {...})`, `wg.Go(work)`)? */
export function isStartingCall(info: PackageInfo, call: ast.CallExpr): boolean {
  if (!mayStartGoroutine(call)) return false;
  const callee = info.calleeOf(call);
  if (callee.kind !== 'method' || callee.iface) return false;
  const recv = (call.fun as ast.SelectorExpr).x;
  const t = info.typeOf(recv);
  return GOROUTINE_GROUPS.some(([pkg, name]) => info.isNamedType(t, pkg, name));
}

/** The call a start runs on the new goroutine: `f(x)` of `go f(x)`, or the argument of `g.Go(f)`, called with no arguments. */
export function startedCall(start: GoroutineStart): { readonly fun: ast.Expr; readonly args: readonly ast.Expr[]; readonly call?: ast.CallExpr } {
  if (start.kind === 'GoStmt') return start.call.kind === 'CallExpr' ? { fun: start.call.fun, args: start.call.args, call: start.call } : { fun: start.call, args: [] };
  return { fun: start.args[0]!, args: [] };
}

/** The function literal the start runs, if it runs one (`go func() {...}()`, `g.Go(func() error {...})`). */
export function startedLiteral(start: GoroutineStart): ast.FuncLit | null {
  const f = unparen(startedCall(start).fun);
  return f.kind === 'FuncLit' ? f : null;
}

/** Where to point at a start: the `go` keyword, or the method name of `g.Go`. */
export function startKeyword(start: GoroutineStart): { start: number; end: number } {
  if (start.kind === 'GoStmt') return { start: start.start, end: start.start + 2 };
  const sel = (start.fun as ast.SelectorExpr).sel;
  return { start: sel.start, end: sel.end };
}

/**
 * The start whose function literal `lit` is, when `lit` is run on a new
 * goroutine: `go lit(...)`, or `g.Go(lit)` on a goroutine group.
 */
export function startOfLiteral(info: PackageInfo, lit: ast.FuncLit): GoroutineStart | null {
  let child: ast.Node = lit;
  let p = info.parentOf(lit);
  while (p?.kind === 'ParenExpr') {
    child = p;
    p = info.parentOf(p);
  }
  if (p?.kind !== 'CallExpr') return null;
  if (p.fun === child) {
    const stmt = info.parentOf(p);
    return stmt?.kind === 'GoStmt' ? stmt : null;
  }
  return p.args[0] === child && isStartingCall(info, p) ? p : null;
}

/** The innermost goroutine start whose function literal contains the node, or null: the node then runs on the goroutine it starts. */
export function enclosingStart(info: PackageInfo, node: ast.Node): GoroutineStart | null {
  for (let p = info.parentOf(node); p; p = info.parentOf(p)) {
    if (p.kind === 'FuncLit') {
      const start = startOfLiteral(info, p);
      if (start) return start;
    }
  }
  return null;
}

/** The start a statement is: `go f()`, `g.Go(f)`, `ok := g.TryGo(f)`; null for any other statement. */
export function startOfStatement(info: PackageInfo, n: ast.Node): GoroutineStart | null {
  if (n.kind === 'GoStmt') return n;
  const call = n.kind === 'ExprStmt' ? n.x : n.kind === 'AssignStmt' && n.rhs.length === 1 ? n.rhs[0]! : undefined;
  return call?.kind === 'CallExpr' && isStartingCall(info, call) ? call : null;
}

/** The goroutine starts of a function, its closures included, in source order (candidates recorded by the resolver, typed here). */
export function startsIn(info: PackageInfo, fn: ast.FuncDecl): readonly GoroutineStart[] {
  const recorded = info.res.bodies.get(fn)?.goStarts;
  if (!recorded || recorded.length === 0) return NO_STARTS;
  return recorded.every((s) => s.kind === 'GoStmt') ? recorded : recorded.filter((s) => s.kind === 'GoStmt' || isStartingCall(info, s));
}

const NO_STARTS: readonly GoroutineStart[] = Object.freeze([]);

const goroutineOnly = new WeakMap<ast.FuncDecl, ast.GoStmt | null>();

/**
 * The first `go` statement that runs `fn`, when every reference to `fn` is
 * the called function of a `go` statement (`go s.record(tok)`): its whole
 * body then runs on a new goroutine. Null for exported functions (other
 * packages may call them) and for any other reference (a call, a method
 * value). Looks at every identifier of the package named like `fn`: meant
 * for the rare question a finding asks, not for every function.
 */
export function goroutineOnlyStart(info: PackageInfo, fn: ast.FuncDecl): ast.GoStmt | null {
  const known = goroutineOnly.get(fn);
  if (known !== undefined) return known;
  let first: ast.GoStmt | null = null;
  let only = !isExported(fn.name.name);
  const key = info.keyOfFunc(fn);
  for (const f of info.files) {
    if (!only) break;
    for (const id of identsIn(f.ast)) {
      if (id.name !== fn.name.name || id === fn.name) continue;
      const p = info.parentOf(id);
      const ref = p?.kind === 'SelectorExpr' && p.sel === id ? p : id;
      const call = info.parentOf(ref);
      const isCall = call?.kind === 'CallExpr' && call.fun === ref;
      const denotes = isCall ? info.calleeKey(info.calleeOf(call)) === key : fn.recv ? true : info.objectOf(id) === info.objectOf(fn.name);
      if (!denotes) continue;
      const stmt = isCall ? info.parentOf(call) : undefined;
      if (stmt?.kind !== 'GoStmt') {
        only = false;
        break;
      }
      if (!first || stmt.start < first.start) first = stmt;
    }
  }
  const out = only ? first : null;
  goroutineOnly.set(fn, out);
  return out;
}
