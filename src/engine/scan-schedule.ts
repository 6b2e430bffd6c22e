/**
 * The order in which a scan analyses packages: a dependency DAG over the
 * planned packages, released package by package (no waves: a package is
 * ready as soon as the packages it imports are done), longest remaining
 * chain first, so that worker threads stay busy.
 *
 * The DAG is deterministic, so the result of a scan does not depend on the
 * number of threads or on timing: every package is analysed after all of
 * its DAG dependencies, and a thread never knows, while it analyses a
 * package, the exports of a package that imports it.
 *  - Import cycles (forbidden in Go, possible in broken trees) are broken by
 *    a depth-first search in import-path order: an import that closes a
 *    cycle is dropped (the importer sees the imported package as unknown).
 *  - Planned packages sharing an import path (a directory with two package
 *    clauses) are chained in plan order, so the last one's exports win
 *    everywhere.
 */
import type { PlannedPackage } from './scan-plan.js';

export interface PackageGraph {
  readonly packages: readonly PlannedPackage[];
  /** Indices of the packages each package waits for. */
  readonly deps: readonly (readonly number[])[];
  /** Indices of the packages waiting for each package. */
  readonly dependents: readonly (readonly number[])[];
  /** Bytes of the package plus the heaviest chain of dependents after it: the dispatch priority. */
  readonly weight: readonly number[];
  /** Every package after the packages it waits for (a topological order). */
  readonly order: readonly number[];
}

export function packageGraph(packages: readonly PlannedPackage[]): PackageGraph {
  const byPath = new Map<string, number[]>();
  packages.forEach((p, i) => {
    let l = byPath.get(p.importPath);
    if (!l) byPath.set(p.importPath, (l = []));
    l.push(i);
  });
  const candidates = packages.map((p, i): number[] => {
    const out: number[] = [];
    for (const d of p.deps) for (const j of byPath.get(d) ?? []) if (j !== i) out.push(j);
    const same = byPath.get(p.importPath)!;
    const at = same.indexOf(i);
    if (at > 0) out.push(same[at - 1]!);
    return out;
  });
  // depth-first search in import-path order; an edge to a package on the stack closes a cycle
  const order = packages.map((_, i) => i).sort((a, b) => cmp(packages[a]!.importPath, packages[b]!.importPath) || a - b);
  const state = new Uint8Array(packages.length); // 0 new, 1 on the stack, 2 done
  const deps: number[][] = packages.map(() => []);
  const finished: number[] = [];
  for (const root of order) {
    if (state[root] !== 0) continue;
    // iterative DFS: [node, next candidate index]
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [n, k] = top;
      const cs = candidates[n]!;
      if (k === cs.length) {
        state[n] = 2;
        finished.push(n);
        stack.pop();
        continue;
      }
      top[1]++;
      const c = cs[k]!;
      if (state[c] === 1) continue; // closes a cycle: dropped
      deps[n]!.push(c);
      if (state[c] === 0) {
        state[c] = 1;
        stack.push([c, 0]);
      }
    }
  }
  const dependents: number[][] = packages.map(() => []);
  deps.forEach((ds, i) => {
    for (const d of ds) dependents[d]!.push(i);
  });
  // weights: dependents first (the reverse of the DFS finishing order, which is topological)
  const weight = new Array<number>(packages.length).fill(0);
  for (let k = finished.length - 1; k >= 0; k--) {
    const n = finished[k]!;
    let max = 0;
    for (const d of dependents[n]!) max = Math.max(max, weight[d]!);
    weight[n] = packages[n]!.files.reduce((sum, f) => sum + f.size, 0) + max;
  }
  return { packages, deps, dependents, weight, order: finished };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Releases packages as their dependencies complete, heaviest first. */
export class PackageScheduler {
  private readonly waiting: number[];
  /** Ready package indices, a max-heap by weight (ties: plan order). */
  private readonly heap: number[] = [];
  private remaining: number;

  constructor(private readonly graph: PackageGraph) {
    this.waiting = graph.deps.map((d) => d.length);
    this.remaining = graph.packages.length;
    this.waiting.forEach((w, i) => {
      if (w === 0) this.push(i);
    });
  }

  /** Packages not yet completed. */
  get pending(): number {
    return this.remaining;
  }

  /** The next package to analyse, or undefined when none is ready. */
  next(): number | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  complete(i: number): void {
    this.remaining--;
    for (const d of this.graph.dependents[i]!) if (--this.waiting[d]! === 0) this.push(d);
  }

  private before(a: number, b: number): boolean {
    const w = this.graph.weight;
    return w[a]! > w[b]! || (w[a] === w[b] && a < b);
  }

  private push(i: number): void {
    const h = this.heap;
    h.push(i);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.before(h[c]!, h[p]!)) break;
      [h[c], h[p]] = [h[p]!, h[c]!];
      c = p;
    }
  }

  private down(c: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
      if (m === c) return;
      [h[c], h[m]] = [h[m]!, h[c]!];
      c = m;
    }
  }
}

/** The order in which one thread analyses the packages. */
export function inlineOrder(packages: readonly PlannedPackage[]): PlannedPackage[] {
  const graph = packageGraph(packages);
  const s = new PackageScheduler(graph);
  const out: PlannedPackage[] = [];
  for (let i = s.next(); i !== undefined; i = s.next()) {
    out.push(packages[i]!);
    s.complete(i);
  }
  return out;
}
