/**
 * The static call graph of a module, from package summaries: nodes are
 * function keys (`pkg.F`, `(pkg.T).M`), edges are calls with their argument
 * mapping. Dynamic calls (interface methods, function values) have no edges.
 * Strongly connected components come out in reverse topological order
 * (callees before callers), the order bottom-up analyses want.
 */
import type { CallEdge, FuncSummary, PackageSummary } from './facts.js';

export interface CallGraphEdge {
  readonly caller: string;
  readonly callee: string;
  /** [callee param, caller param] pairs (-1: receiver). */
  readonly args: readonly (readonly [number, number])[];
}

export class CallGraph {
  readonly funcs = new Map<string, FuncSummary>();
  private readonly out = new Map<string, CallGraphEdge[]>();
  private readonly in = new Map<string, CallGraphEdge[]>();

  constructor(summaries: Iterable<PackageSummary>) {
    for (const s of summaries) for (const f of s.funcs) this.funcs.set(f.key, f);
    for (const f of this.funcs.values()) for (const e of f.calls) this.addEdge(f.key, e);
  }

  private addEdge(caller: string, e: CallEdge): void {
    const edge: CallGraphEdge = { caller, callee: e.callee, args: e.args ?? [] };
    let o = this.out.get(caller);
    if (!o) this.out.set(caller, (o = []));
    o.push(edge);
    let i = this.in.get(e.callee);
    if (!i) this.in.set(e.callee, (i = []));
    i.push(edge);
  }

  /** Calls made by a function (callees may be outside the module: stdlib keys). */
  calleesOf(key: string): readonly CallGraphEdge[] {
    return this.out.get(key) ?? [];
  }

  /** Calls of a function from module functions. */
  callersOf(key: string): readonly CallGraphEdge[] {
    return this.in.get(key) ?? [];
  }

  /** Functions that can (transitively) reach `target` through static calls. */
  reachingTo(target: string): Set<string> {
    const seen = new Set<string>();
    const work = [target];
    while (work.length) {
      const k = work.pop()!;
      for (const e of this.callersOf(k)) if (!seen.has(e.caller)) { seen.add(e.caller); work.push(e.caller); }
    }
    return seen;
  }

  /** Strongly connected components of module functions, callees first (Tarjan, iterative). */
  sccs(): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const out: string[][] = [];
    let next = 0;
    for (const root of this.funcs.keys()) {
      if (index.has(root)) continue;
      // explicit DFS stack of [node, edge iterator position]
      const dfs: [string, number][] = [[root, 0]];
      index.set(root, next); low.set(root, next); next++;
      stack.push(root); onStack.add(root);
      while (dfs.length) {
        const top = dfs[dfs.length - 1]!;
        const [v, i] = top;
        const edges = this.calleesOf(v);
        if (i < edges.length) {
          top[1]++;
          const w = edges[i]!.callee;
          if (!this.funcs.has(w)) continue;
          if (!index.has(w)) {
            index.set(w, next); low.set(w, next); next++;
            stack.push(w); onStack.add(w);
            dfs.push([w, 0]);
          } else if (onStack.has(w)) {
            low.set(v, Math.min(low.get(v)!, index.get(w)!));
          }
          continue;
        }
        dfs.pop();
        if (dfs.length) {
          const u = dfs[dfs.length - 1]![0];
          low.set(u, Math.min(low.get(u)!, low.get(v)!));
        }
        if (low.get(v) === index.get(v)) {
          const comp: string[] = [];
          let w: string;
          do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== v);
          out.push(comp);
        }
      }
    }
    return out;
  }
}
