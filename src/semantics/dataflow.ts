/**
 * Path questions over a CFG, for rules: must-happen, leaking paths,
 * double events, reachability. Events are predicates over CFG nodes (see
 * cfg.ts for what the nodes are); a `DeferStmt` node matching the event
 * means the event happens at function exit (deferred calls run at every
 * exit), so a deferred event covers every path on which the `defer` was
 * executed. Each search visits every (block, state) pair at most once:
 * linear in the size of the CFG.
 */
import type * as ast from '../syntax/ast.js';
import type { Block, CFG } from './cfg.js';

export type NodePred = (n: ast.Node) => boolean;

export interface PathOptions {
  /** A node that, reached before the event, makes the path a violation (e.g. "use after", "return"). */
  readonly before?: NodePred;
  /** A node that ends the path as fine (e.g. the value escapes, ownership is transferred). */
  readonly kill?: NodePred;
  /** Count deferred events at exits (default true). */
  readonly defers?: boolean;
  /** Which exits end a path: 'normal' (default: returns and falling off the end) or 'all' (also panics and never-returning calls). */
  readonly exits?: 'normal' | 'all';
  /**
   * An edge that ends the path as fine: the path cannot be taken, or the
   * obligation does not hold on it (the branch of `if p == nil` for a value
   * that is nil when allocation failed). `from` ends with the condition.
   */
  readonly prune?: (from: Block, to: Block) => boolean;
}

export interface LeakWitness {
  /**
   * Where the path leaves: the last node before the exit (usually a
   * `return`, or the last statement when falling off the end; the function
   * node itself for an empty path), or the `before` node that was reached
   * first.
   */
  readonly node: ast.Node;
  readonly reason: 'exit' | 'panic' | 'before';
}

function startOf(cfg: CFG, from: ast.Node | null): { block: Block; index: number } | undefined {
  if (!from) return { block: cfg.entry, index: 0 };
  const loc = cfg.locate(from);
  if (!loc) return undefined;
  return { block: loc.block, index: loc.index + 1 };
}

/**
 * Paths from just after `from` (or from entry when null) to a function exit
 * on which `event` does not happen (before `opts.before`). Returns the
 * witnesses (deduplicated), empty when the event happens on every path.
 * Returns undefined when `from` is not in the CFG.
 */
export function pathsAvoiding(cfg: CFG, from: ast.Node | null, event: NodePred, opts: PathOptions = {}): LeakWitness[] | undefined {
  const start = startOf(cfg, from);
  if (!start) return undefined;
  const useDefers = opts.defers !== false;
  const allExits = opts.exits === 'all';
  let deferSeen0 = false;
  if (useDefers && from) deferSeen0 = (cfg.defersAt(from)?.must ?? []).some(event);
  const out: LeakWitness[] = [];
  const seenW = new Set<ast.Node>();
  const witness = (node: ast.Node, reason: LeakWitness['reason']): void => {
    if (!seenW.has(node)) { seenW.add(node); out.push({ node, reason }); }
  };
  const visited = new Set<number>();
  const work: [Block, number, boolean][] = [[start.block, start.index, deferSeen0]];
  while (work.length) {
    const [block, idx, ds0] = work.pop()!;
    let ds = ds0;
    let ended = false;
    for (let i = idx; i < block.nodes.length; i++) {
      const n = block.nodes[i]!;
      if (event(n)) {
        if (n.kind === 'DeferStmt' && useDefers) { ds = true; continue; }
        if (n.kind !== 'DeferStmt') { ended = true; break; }
      }
      if (opts.kill?.(n)) { ended = true; break; }
      if (opts.before?.(n)) { witness(n, 'before'); ended = true; break; }
    }
    if (ended) continue;
    if (block === cfg.exit || block === cfg.panicExit) {
      if (!ds) witness(cfg.fn, block === cfg.exit ? 'exit' : 'panic');
      continue;
    }
    for (const s of block.succs) {
      if (opts.prune?.(block, s)) continue;
      if (s === cfg.exit || (s === cfg.panicExit && allExits)) {
        if (!ds) witness(lastNode(cfg, block), s === cfg.exit ? 'exit' : 'panic');
        continue;
      }
      if (s === cfg.panicExit) continue;
      const key = s.index * 2 + (ds ? 1 : 0);
      if (visited.has(key)) continue;
      visited.add(key);
      work.push([s, 0, ds]);
    }
  }
  return out;
}

function lastNode(cfg: CFG, b: Block): ast.Node {
  // walk back through empty blocks to find the statement that led here
  const seen = new Set<Block>();
  let x: Block | undefined = b;
  while (x && !seen.has(x)) {
    seen.add(x);
    if (x.nodes.length) return x.nodes[x.nodes.length - 1]!;
    x = x.preds.length === 1 ? x.preds[0] : undefined;
  }
  return cfg.fn;
}

/** On every path from just after `from` to a normal exit, does `event` happen (before `opts.before`)? */
export function mustHappen(cfg: CFG, from: ast.Node | null, event: NodePred, opts: PathOptions = {}): boolean {
  const w = pathsAvoiding(cfg, from, event, opts);
  return w !== undefined && w.length === 0;
}

/** Is `to` (a CFG node or a node inside one) reachable from just after `from` (entry when null)? */
export function reachable(cfg: CFG, from: ast.Node | null, to: ast.Node): boolean {
  const start = startOf(cfg, from);
  const target = cfg.locate(to);
  if (!start || !target) return false;
  if (start.block === target.block && target.index >= start.index) return true;
  const visited = new Set<Block>();
  const work = [...start.block.succs];
  while (work.length) {
    const b = work.pop()!;
    if (visited.has(b)) continue;
    visited.add(b);
    if (b === target.block) return true;
    work.push(...b.succs);
  }
  return false;
}

/** Can the event happen on some path from `from` (entry when null)? Returns the first matching nodes found. */
export function mayHappen(cfg: CFG, from: ast.Node | null, event: NodePred): ast.Node[] {
  const start = startOf(cfg, from);
  if (!start) return [];
  const out: ast.Node[] = [];
  const visited = new Set<Block>();
  const work: [Block, number][] = [[start.block, start.index]];
  while (work.length) {
    const [b, idx] = work.pop()!;
    for (let i = idx; i < b.nodes.length; i++) if (event(b.nodes[i]!)) out.push(b.nodes[i]!);
    for (const s of b.succs) if (!visited.has(s)) { visited.add(s); work.push([s, 0]); }
  }
  return [...new Set(out)];
}

export interface DoubleEvent {
  readonly first: ast.Node;
  /** The second occurrence; the function node when both are deferred calls running at exit. */
  readonly second: ast.Node;
}

/**
 * Does the event happen twice on some path (e.g. double free, double
 * close)? `reset` nodes (e.g. reassignment of the variable) forget earlier
 * events. Deferred events count at exit.
 */
export function happensTwice(cfg: CFG, event: NodePred, opts: {
  from?: ast.Node | null;
  reset?: NodePred;
  /**
   * A reset also forgets deferred events registered before it: the deferred
   * calls received the old value as an argument (`defer C.free(p)` in a loop
   * whose `p` is new in every iteration).
   */
  resetDefers?: boolean;
  exits?: 'normal' | 'all';
  /**
   * Whether the immediate event `first` did not happen after all when the
   * path takes the edge `from` → `to` (the branch of `if q == nil` after
   * `q := C.realloc(p, n)`: a failed realloc frees nothing).
   */
  undone?: (first: ast.Node, from: Block, to: Block) => boolean;
} = {}): DoubleEvent[] {
  const start = startOf(cfg, opts.from ?? null);
  if (!start) return [];
  const out: DoubleEvent[] = [];
  const seen = new Set<ast.Node>();
  // state: count of immediate events (0/1) and of registered deferred events (0/1/2)
  const visited = new Map<number, true>();
  type St = { b: Block; i: number; c: number; d: number; first: ast.Node | null };
  const work: St[] = [{ b: start.block, i: start.index, c: 0, d: 0, first: null }];
  const report = (first: ast.Node, second: ast.Node): void => {
    if (!seen.has(second)) { seen.add(second); out.push({ first, second }); }
  };
  while (work.length) {
    const st = work.pop()!;
    let { c, d, first } = st;
    let stop = false;
    for (let i = st.i; i < st.b.nodes.length; i++) {
      const n = st.b.nodes[i]!;
      if (event(n)) {
        if (n.kind === 'DeferStmt') {
          if (d >= 1) { report(first ?? n, n); stop = true; break; }
          d = 1;
          first ??= n;
        } else {
          if (c >= 1) { report(first!, n); stop = true; break; }
          c = 1;
          first ??= n;
        }
      } else if (opts.reset?.(n)) {
        c = 0;
        if (opts.resetDefers) d = 0;
        if (d === 0) first = null;
      }
    }
    if (stop) continue;
    const atExit = (b: Block): boolean => b === cfg.exit || (b === cfg.panicExit && opts.exits === 'all');
    if (atExit(st.b)) {
      if (c + d >= 2 && first) report(first, cfg.fn);
      continue;
    }
    for (const s of st.b.succs) {
      if (s === cfg.panicExit && opts.exits !== 'all') continue;
      if (atExit(s)) {
        if (c + d >= 2 && first) report(first, lastNode(cfg, st.b));
        continue;
      }
      // the immediate event did not happen on this edge after all: forget it (its node stays `first` while a deferred one is pending)
      const undone = c === 1 && first !== null && first.kind !== 'DeferStmt' && opts.undone?.(first, st.b, s) === true;
      const cNext = undone ? 0 : c;
      const key = (s.index * 2 + cNext) * 2 + d;
      if (visited.has(key)) continue;
      visited.set(key, true);
      work.push({ b: s, i: 0, c: cNext, d, first: undone && d === 0 ? null : first });
    }
  }
  return out;
}
