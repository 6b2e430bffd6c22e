/**
 * Control-flow graphs of function bodies, shaped like
 * golang.org/x/tools/go/cfg, plus explicit exits:
 *
 * - `entry`: where the body starts;
 * - `exit`: normal return (every `return` and falling off the end);
 * - `panicExit`: `panic(...)` and calls that never return.
 *
 * Blocks hold the simple statements and the expressions evaluated for
 * control (conditions, switch tags, case expressions, range operands) in
 * evaluation order; compound statements themselves are not nodes. Short-
 * circuit `&&`/`||` conditions are split into blocks. Function literals are
 * separate functions: their bodies are not part of the enclosing CFG (a
 * `return` inside one does not end the outer function).
 *
 * `defer` statements are nodes where they are executed (registration); the
 * deferred calls run at both exits, in LIFO order (see dataflow.ts).
 */
import type * as ast from '../syntax/ast.js';
import type { FuncNode } from './resolve.js';
import { eachChild } from './visit.js';

export type BlockKind =
  | 'entry' | 'exit' | 'panic' | 'unreachable' | 'body'
  | 'if.then' | 'if.else' | 'if.done' | 'cond.true' | 'cond.false'
  | 'for.loop' | 'for.body' | 'for.post' | 'for.done'
  | 'range.loop' | 'range.body' | 'range.done'
  | 'switch.next' | 'switch.body' | 'switch.done'
  | 'typeswitch.next' | 'typeswitch.body' | 'typeswitch.done'
  | 'select.body' | 'select.done' | 'label';

export interface Block {
  readonly index: number;
  readonly kind: BlockKind;
  /** Statements and control expressions in evaluation order. */
  readonly nodes: ast.Node[];
  readonly succs: Block[];
  readonly preds: Block[];
  /** The statement that created this block (if, for, switch clause, label...). */
  readonly stmt: ast.Node | null;
  /** Reachable from entry. */
  live: boolean;
}

export interface NodeLocation {
  readonly block: Block;
  readonly index: number;
}

export interface CFG {
  readonly fn: FuncNode;
  readonly blocks: readonly Block[];
  readonly entry: Block;
  /** Normal return. */
  readonly exit: Block;
  /** Panics and never-returning calls. */
  readonly panicExit: Block;
  /** Every defer statement of the body (not of nested function literals), in source order. */
  readonly defers: readonly ast.DeferStmt[];
  /** The block and index of a CFG node, or of the CFG node containing `n` (by position). */
  locate(n: ast.Node): NodeLocation | undefined;
  /** Defers registered on every path (must) / some path (may) from entry to just before node `n`. */
  defersAt(n: ast.Node): { must: ast.DeferStmt[]; may: ast.DeferStmt[] } | undefined;
  /** Is the normal exit reachable from entry? (false: the function never returns normally) */
  readonly exitReachable: boolean;
}

export interface CFGOptions {
  /** Does this call (in statement position) never return? `panic` is always treated as such. */
  isNoReturn?(call: ast.CallExpr): boolean;
}

interface LabelBlocks {
  goto: Block;
  break?: Block;
  continue?: Block;
}

interface Targets {
  tail: Targets | null;
  break?: Block;
  continue?: Block;
  fallthrough?: Block;
}

class Builder {
  readonly blocks: Block[] = [];
  current: Block;
  readonly exit: Block;
  readonly panicExit: Block;
  readonly entry: Block;
  targets: Targets | null = null;
  readonly labels = new Map<string, LabelBlocks>();
  readonly defers: ast.DeferStmt[] = [];

  constructor(readonly opts: CFGOptions) {
    this.entry = this.newBlock('entry', null);
    this.exit = this.newBlock('exit', null);
    this.panicExit = this.newBlock('panic', null);
    this.current = this.entry;
  }

  newBlock(kind: BlockKind, stmt: ast.Node | null): Block {
    const b: Block = { index: this.blocks.length, kind, nodes: [], succs: [], preds: [], stmt, live: false };
    this.blocks.push(b);
    return b;
  }

  add(n: ast.Node): void {
    this.current.nodes.push(n);
  }

  edge(from: Block, to: Block): void {
    from.succs.push(to);
    to.preds.push(from);
  }

  jump(to: Block): void {
    this.edge(this.current, to);
    this.current = this.newBlock('unreachable', null);
  }

  ifelse(t: Block, f: Block): void {
    this.edge(this.current, t);
    this.edge(this.current, f);
    this.current = this.newBlock('unreachable', null);
  }

  labelBlocks(label: ast.Ident): LabelBlocks {
    let lb = this.labels.get(label.name);
    if (!lb) {
      lb = { goto: this.newBlock('label', null) };
      this.labels.set(label.name, lb);
    }
    return lb;
  }

  stmtList(list: readonly ast.Stmt[]): void {
    for (const s of list) this.stmt(s, null);
  }

  stmt(s: ast.Stmt, label: LabelBlocks | null): void {
    switch (s.kind) {
      case 'BadStmt': case 'EmptyStmt': return;
      case 'SendStmt': case 'IncDecStmt': case 'GoStmt': case 'AssignStmt': case 'DeclStmt':
        this.add(s);
        return;
      case 'DeferStmt':
        this.add(s);
        this.defers.push(s);
        return;
      case 'ExprStmt': {
        this.add(s);
        let x = s.x;
        while (x.kind === 'ParenExpr') x = x.x;
        if (x.kind === 'CallExpr' && this.noReturn(x)) this.jump(this.panicExit);
        return;
      }
      case 'ReturnStmt':
        this.add(s);
        this.jump(this.exit);
        return;
      case 'LabeledStmt': {
        const lb = this.labelBlocks(s.label);
        this.edge(this.current, lb.goto);
        this.current = lb.goto;
        this.stmt(s.stmt, lb);
        return;
      }
      case 'BlockStmt': this.stmtList(s.list); return;
      case 'BranchStmt': this.branch(s); return;
      case 'IfStmt': {
        if (s.init) this.stmt(s.init, null);
        const then = this.newBlock('if.then', s);
        const done = this.newBlock('if.done', s);
        const els = s.else ? this.newBlock('if.else', s) : done;
        this.cond(s.cond, then, els);
        this.current = then;
        this.stmtList(s.body.list);
        this.jump(done);
        if (s.else) {
          this.current = els;
          this.stmt(s.else, null);
          this.jump(done);
        }
        this.current = done;
        return;
      }
      case 'SwitchStmt': this.switchStmt(s, label); return;
      case 'TypeSwitchStmt': this.typeSwitchStmt(s, label); return;
      case 'SelectStmt': this.selectStmt(s, label); return;
      case 'ForStmt': this.forStmt(s, label); return;
      case 'RangeStmt': this.rangeStmt(s, label); return;
      case 'CaseClause': case 'CommClause': return;
    }
  }

  noReturn(call: ast.CallExpr): boolean {
    let f = call.fun;
    while (f.kind === 'ParenExpr') f = f.x;
    if (f.kind === 'Ident' && f.name === 'panic' && this.opts.isNoReturn === undefined) return true;
    return this.opts.isNoReturn ? this.opts.isNoReturn(call) : false;
  }

  branch(s: ast.BranchStmt): void {
    this.add(s);
    let target: Block | undefined;
    switch (s.tok) {
      case 'break':
        if (s.label) target = this.labels.get(s.label.name)?.break;
        else for (let t = this.targets; t && !target; t = t.tail) target = t.break;
        break;
      case 'continue':
        if (s.label) target = this.labels.get(s.label.name)?.continue;
        else for (let t = this.targets; t && !target; t = t.tail) target = t.continue;
        break;
      case 'fallthrough':
        for (let t = this.targets; t && !target; t = t.tail) target = t.fallthrough;
        break;
      case 'goto':
        if (s.label) target = this.labelBlocks(s.label).goto;
        break;
    }
    if (target) this.jump(target);
    else this.current = this.newBlock('unreachable', null); // invalid branch: treat as dead end
  }

  cond(e: ast.Expr, t: Block, f: Block): void {
    while (e.kind === 'ParenExpr') e = e.x;
    if (e.kind === 'BinaryExpr' && e.op === '&&') {
      const mid = this.newBlock('cond.true', null);
      this.cond(e.x, mid, f);
      this.current = mid;
      this.cond(e.y, t, f);
      return;
    }
    if (e.kind === 'BinaryExpr' && e.op === '||') {
      const mid = this.newBlock('cond.false', null);
      this.cond(e.x, t, mid);
      this.current = mid;
      this.cond(e.y, t, f);
      return;
    }
    this.add(e);
    this.ifelse(t, f);
  }

  switchStmt(s: ast.SwitchStmt, label: LabelBlocks | null): void {
    if (s.init) this.stmt(s.init, null);
    if (s.tag) this.add(s.tag);
    const done = this.newBlock('switch.done', s);
    if (label) label.break = done;
    const clauses = s.body.list.filter((c): c is ast.CaseClause => c.kind === 'CaseClause');
    const bodies = clauses.map((c) => this.newBlock('switch.body', c));
    let defaultBody: Block | null = null;
    clauses.forEach((c, i) => {
      if (c.list === null) { defaultBody = bodies[i]!; return; }
      for (const e of c.list) this.add(e);
      const next = this.newBlock('switch.next', c);
      this.ifelse(bodies[i]!, next);
      this.current = next;
    });
    this.jump(defaultBody ?? done);
    clauses.forEach((c, i) => {
      this.current = bodies[i]!;
      this.targets = { tail: this.targets, break: done, fallthrough: bodies[i + 1] ?? done };
      this.stmtList(c.body);
      this.targets = this.targets.tail;
      this.jump(done);
    });
    this.current = done;
  }

  typeSwitchStmt(s: ast.TypeSwitchStmt, label: LabelBlocks | null): void {
    if (s.init) this.stmt(s.init, null);
    this.add(s.assign);
    const done = this.newBlock('typeswitch.done', s);
    if (label) label.break = done;
    const clauses = s.body.list.filter((c): c is ast.CaseClause => c.kind === 'CaseClause');
    let defaultClause: ast.CaseClause | null = null;
    for (const c of clauses) {
      if (c.list === null) { defaultClause = c; continue; }
      const body = this.newBlock('typeswitch.body', c);
      const next = this.newBlock('typeswitch.next', c);
      this.ifelse(body, next);
      this.current = body;
      this.targets = { tail: this.targets, break: done };
      this.stmtList(c.body);
      this.targets = this.targets.tail;
      this.jump(done);
      this.current = next;
    }
    if (defaultClause) {
      const body = this.newBlock('typeswitch.body', defaultClause);
      this.jump(body);
      this.current = body;
      this.targets = { tail: this.targets, break: done };
      this.stmtList(defaultClause.body);
      this.targets = this.targets.tail;
    }
    this.jump(done);
    this.current = done;
  }

  selectStmt(s: ast.SelectStmt, label: LabelBlocks | null): void {
    const done = this.newBlock('select.done', s);
    if (label) label.break = done;
    const clauses = s.body.list.filter((c): c is ast.CommClause => c.kind === 'CommClause');
    const from = this.current;
    for (const c of clauses) {
      const body = this.newBlock('select.body', c);
      this.edge(from, body);
      this.current = body;
      if (c.comm) this.add(c.comm);
      this.targets = { tail: this.targets, break: done };
      this.stmtList(c.body);
      this.targets = this.targets.tail;
      this.jump(done);
    }
    // `select {}` blocks forever: no successor
    this.current = clauses.length ? done : this.newBlock('unreachable', null);
  }

  forStmt(s: ast.ForStmt, label: LabelBlocks | null): void {
    if (s.init) this.stmt(s.init, null);
    const body = this.newBlock('for.body', s);
    const done = this.newBlock('for.done', s);
    const loop = this.newBlock('for.loop', s);
    let cont = loop;
    const post = s.post ? this.newBlock('for.post', s) : null;
    if (post) cont = post;
    if (label) { label.break = done; label.continue = cont; }
    this.jump(loop);
    this.current = loop;
    if (s.cond) this.cond(s.cond, body, done);
    else this.jump(body);
    this.targets = { tail: this.targets, break: done, continue: cont };
    this.current = body;
    this.stmtList(s.body.list);
    this.targets = this.targets.tail;
    this.jump(cont);
    if (post) {
      this.current = post;
      this.stmt(s.post!, null);
      this.jump(loop);
    }
    this.current = done;
  }

  rangeStmt(s: ast.RangeStmt, label: LabelBlocks | null): void {
    this.add(s.x);
    const loop = this.newBlock('range.loop', s);
    this.jump(loop);
    this.current = loop;
    const body = this.newBlock('range.body', s);
    const done = this.newBlock('range.done', s);
    if (label) { label.break = done; label.continue = loop; }
    this.ifelse(body, done);
    this.current = body;
    if (s.key) this.add(s.key);
    if (s.value) this.add(s.value);
    this.targets = { tail: this.targets, break: done, continue: loop };
    this.stmtList(s.body.list);
    this.targets = this.targets.tail;
    this.jump(loop);
    this.current = done;
  }
}

/** Builds the CFG of a function body. */
export function buildCFG(fn: FuncNode, opts: CFGOptions = {}): CFG {
  const b = new Builder(opts);
  if (fn.body) b.stmtList(fn.body.list);
  b.jump(b.exit); // falling off the end
  // liveness
  const stack = [b.entry];
  b.entry.live = true;
  while (stack.length) {
    const x = stack.pop()!;
    for (const s of x.succs) if (!s.live) { s.live = true; stack.push(s); }
  }
  const blocks = b.blocks;
  let index: Map<ast.Node, NodeLocation> | undefined;
  const locate = (n: ast.Node): NodeLocation | undefined => {
    if (!index) {
      index = new Map();
      for (const blk of blocks) blk.nodes.forEach((node, i) => index!.set(node, { block: blk, index: i }));
    }
    const direct = index.get(n);
    if (direct) return direct;
    // the CFG node containing n (nested expression of a statement)
    let best: NodeLocation | undefined;
    for (const blk of blocks) {
      blk.nodes.forEach((node, i) => {
        if (node.start <= n.start && n.end <= node.end && (!best || best.block.nodes[best.index]!.end - best.block.nodes[best.index]!.start > node.end - node.start)) {
          best = { block: blk, index: i };
        }
      });
    }
    // a node inside a function literal belongs to that literal's CFG, not this one
    if (best && insideFuncLit(best.block.nodes[best.index]!, n)) return undefined;
    return best;
  };
  let defersIn: { must: Set<ast.DeferStmt>; may: Set<ast.DeferStmt> }[] | undefined;
  const computeDefers = (): void => {
    const n = blocks.length;
    const all = new Set(b.defers);
    const must: Set<ast.DeferStmt>[] = blocks.map((blk) => (blk === b.entry ? new Set() : new Set(all)));
    const may: Set<ast.DeferStmt>[] = blocks.map(() => new Set());
    const outOf = (i: number, s: Set<ast.DeferStmt>): Set<ast.DeferStmt> => {
      const o = new Set(s);
      for (const node of blocks[i]!.nodes) if (node.kind === 'DeferStmt') o.add(node);
      return o;
    };
    let changed = true;
    for (let iter = 0; changed && iter < n + 5; iter++) {
      changed = false;
      for (const blk of blocks) {
        if (blk === b.entry || !blk.live) continue;
        const preds = blk.preds.filter((p) => p.live);
        let m = null as Set<ast.DeferStmt> | null;
        const y = new Set<ast.DeferStmt>();
        for (const p of preds) {
          const pm = outOf(p.index, must[p.index]!);
          const py = outOf(p.index, may[p.index]!);
          m = m === null ? pm : new Set([...m].filter((d) => pm.has(d)));
          for (const d of py) y.add(d);
        }
        m ??= new Set();
        if (m.size !== must[blk.index]!.size || y.size !== may[blk.index]!.size) changed = true;
        must[blk.index] = m;
        may[blk.index] = y;
      }
    }
    defersIn = blocks.map((_, i) => ({ must: must[i]!, may: may[i]! }));
  };
  const order = (s: Set<ast.DeferStmt>): ast.DeferStmt[] => b.defers.filter((d) => s.has(d));
  const cfg: CFG = {
    fn, blocks, entry: b.entry, exit: b.exit, panicExit: b.panicExit, defers: b.defers, locate,
    exitReachable: b.exit.live,
    defersAt(n) {
      const loc = locate(n);
      if (!loc) return undefined;
      if (!defersIn) computeDefers();
      const d = defersIn![loc.block.index]!;
      const must = new Set(d.must), may = new Set(d.may);
      for (let i = 0; i < loc.index; i++) {
        const node = loc.block.nodes[i]!;
        if (node.kind === 'DeferStmt') { must.add(node); may.add(node); }
      }
      return { must: order(must), may: order(may) };
    },
  };
  return cfg;
}

function insideFuncLit(root: ast.Node, n: ast.Node): boolean {
  let found = false;
  const visit = (x: ast.Node): void => {
    if (found || x.end <= n.start || x.start > n.start) return;
    if (x.kind === 'FuncLit' && x !== n && x.start <= n.start && n.end <= x.end) { found = true; return; }
    eachChild(x, visit);
  };
  visit(root);
  return found;
}

/** A readable dump of a CFG (for tests and debugging). */
export function formatCFG(cfg: CFG, src: string): string {
  const lines: string[] = [];
  for (const b of cfg.blocks) {
    if (!b.live && b.nodes.length === 0) continue;
    lines.push(`.${b.index}: ${b.kind}${b.live ? '' : ' (dead)'} -> ${b.succs.map((s) => s.index).join(' ')}`);
    for (const n of b.nodes) lines.push('    ' + src.slice(n.start, n.end).split('\n')[0]);
  }
  return lines.join('\n');
}
