/**
 * The order of analysis: a deterministic dependency DAG, and the same
 * results whatever the number of threads.
 */
import path from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/rules/index.js';
import { discoverFiles } from '../../src/engine/discover.js';
import { scan, scanSetup } from '../../src/engine/scan.js';
import { defaultPolicy, resolveRuleSettings } from '../../src/engine/policy.js';
import { planScan, type PlannedPackage } from '../../src/engine/scan-plan.js';
import { analysePackages, InlineRunner, PoolRunner, type Runner } from '../../src/engine/scan-runner.js';
import { inlineOrder, packageGraph, PackageScheduler } from '../../src/engine/scan-schedule.js';
import type { Knowledge } from '../../src/engine/scan-tasks.js';
import { DEFAULT_BUILD_TARGET } from '../../src/semantics/build-target.js';
import { ModuleResolver } from '../../src/semantics/module.js';
import { goInfo, isCI } from '../support/go.js';

const pkg = (importPath: string, deps: string[], size = 1, name = 'p'): PlannedPackage => ({
  importPath,
  dir: `/m/${importPath}`,
  name,
  module: { path: 'm', goVersion: '1.22' },
  files: [{ path: `/m/${importPath}/a.go`, relPath: `${importPath}/a.go`, isTest: false, size }],
  deps,
});

describe('packageGraph', () => {
  it('orders imports before importers and releases the heaviest chain first', () => {
    const pkgs = [pkg('a', []), pkg('b', ['a']), pkg('c', ['b'], 1), pkg('d', [], 2)];
    const g = packageGraph(pkgs);
    expect(g.deps).toEqual([[], [0], [1], []]);
    expect(g.weight).toEqual([3, 2, 1, 2]);
    expect(inlineOrder(pkgs).map((p) => p.importPath)).toEqual(['a', 'b', 'd', 'c']);
  });
  it('breaks import cycles the same way whatever the input order', () => {
    const cycle = [pkg('x', ['y']), pkg('y', ['z']), pkg('z', ['x'])];
    const g1 = packageGraph(cycle);
    const g2 = packageGraph([...cycle].reverse());
    const edges = (g: ReturnType<typeof packageGraph>) =>
      g.deps.flatMap((ds, i) => ds.map((d) => `${g.packages[i]!.importPath}->${g.packages[d]!.importPath}`)).sort();
    expect(edges(g1)).toEqual(['x->y', 'y->z']);
    expect(edges(g2)).toEqual(edges(g1));
    expect(inlineOrder(cycle).map((p) => p.importPath)).toEqual(['z', 'y', 'x']);
  });
  it('chains packages that share an import path, and their importers wait for all of them', () => {
    const pkgs = [pkg('a', [], 1, 'a'), pkg('a', [], 1, 'main'), pkg('b', ['a'])];
    const g = packageGraph(pkgs);
    expect(g.deps).toEqual([[], [0], [0, 1]]);
    const s = new PackageScheduler(g);
    expect(s.next()).toBe(0);
    expect(s.next()).toBeUndefined();
    s.complete(0);
    expect(s.next()).toBe(1);
    s.complete(1);
    expect(s.next()).toBe(2);
    s.complete(2);
    expect(s.pending).toBe(0);
  });
});

const go = goInfo();
const corpus = go && path.join(go.root, 'src/cmd/link');

describe.skipIf(!corpus && !isCI())('a scan of GOROOT/src/cmd/link', () => {
  it('gives every package the same exports, facts and findings with one thread and with two', async () => {
    const dir = corpus!;
    const files = discoverFiles({ cwd: dir, args: ['./...'] }).files;
    const plan = planScan(files, new ModuleResolver({ cwd: dir }), DEFAULT_BUILD_TARGET);
    expect(plan.packages.filter((p) => p.deps.length > 0).length).toBeGreaterThan(5);
    const policy = defaultPolicy(dir);
    const setup = scanSetup(dir, policy, resolveRuleSettings(policy, CATALOG, {}));
    const perPackage = async (runner: Runner): Promise<string[]> => {
      try {
        await runner.broadcast({ kind: 'setup', setup });
        const results = await analysePackages(plan.packages, runner);
        // results are in plan order
        return results.map((r) => {
          const k = (r.knowledge instanceof Uint8Array ? deserialize(r.knowledge) : r.knowledge) as Knowledge;
          return JSON.stringify([k.packages, k.facts, r.findings]);
        });
      } finally {
        await runner.close();
      }
    };
    const inline = await perPackage(new InlineRunner());
    const pooled = await perPackage(new PoolRunner(2));
    expect(inline.length).toBe(plan.packages.length);
    expect(pooled).toEqual(inline);
  }, 300_000);
  it('reports the same findings with one thread and with two', async () => {
    const one = await scan({ cwd: corpus!, paths: ['./...'], jobs: 1, baseline: false });
    const two = await scan({ cwd: corpus!, paths: ['./...'], jobs: 2, workerThreshold: 0, baseline: false });
    expect(two.stats.workers).toBe(2);
    expect(JSON.stringify(two.findings)).toBe(JSON.stringify(one.findings));
  }, 300_000);
});
