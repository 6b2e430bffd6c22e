/**
 * The semantic pipeline over a set of packages, timed: phase 1 (summarize in
 * dependency order), buildProgram, phase 2 (check, with every identifier
 * resolved, every expression typed and every CFG built). For benchmarks.
 */
import type * as ast from '../syntax/ast.js';
import { eachChild as forEachChild } from './visit.js';
import { buildProgram, dependencyOrder, summarizeChecked, type FactKind, type PackageSummary } from './facts.js';
import { checkPackage, type PackageInput } from './package.js';

export interface SemanticsTimings {
  readonly packages: number;
  readonly summarizeMs: number;
  readonly buildProgramMs: number;
  readonly checkMs: number;
  readonly exprs: number;
  readonly idents: number;
  readonly funcs: number;
  readonly unknownExprs: number;
  readonly unresolvedIdents: number;
  readonly failures: { importPath: string; error: string }[];
}

const EXPR = new Set(['Ident', 'BasicLit', 'FuncLit', 'CompositeLit', 'ParenExpr', 'SelectorExpr', 'IndexExpr', 'IndexListExpr', 'SliceExpr', 'TypeAssertExpr', 'CallExpr', 'StarExpr', 'UnaryExpr', 'BinaryExpr', 'ArrayType', 'StructType', 'FuncType', 'InterfaceType', 'MapType', 'ChanType']);

/** Runs the whole semantic pipeline over `pkgs` (e.g. all packages of a module), forcing everything. */
export function runSemantics(pkgs: readonly PackageInput[], kinds: readonly FactKind[] = [], opts: { reuse?: boolean } = {}): SemanticsTimings {
  const failures: { importPath: string; error: string }[] = [];
  const t0 = performance.now();
  const order = dependencyOrder(pkgs);
  const done = new Map<string, PackageSummary>();
  const summaries: PackageSummary[] = [];
  let t1Check = 0, t1Sum = 0;
  // one growing view of the exports summarized so far (each package only reads its imports)
  const depsPackages: Record<string, PackageSummary['exports']> = {};
  const depsView = { packages: depsPackages, facts: { func: {}, param: {} } };
  const infos = new Map<PackageInput, import('./package.js').PackageInfo>();
  for (const p of order) {
    try {
      const ta = performance.now();
      const info1 = checkPackage(p, depsView);
      const tb = performance.now();
      const s = summarizeChecked(info1, kinds);
      if (opts.reuse) Object.defineProperty(s, 'info', { value: info1, enumerable: false });
      t1Check += tb - ta;
      t1Sum += performance.now() - tb;
      if (!p.name.endsWith('_test')) { done.set(p.importPath, s); depsPackages[p.importPath] = s.exports; }
      summaries.push(s);
      if (s.info) infos.set(p, s.info);
    } catch (e) {
      failures.push({ importPath: p.importPath, error: String((e as Error).stack ?? e) });
    }
  }
  const t1 = performance.now();
  const program = buildProgram(summaries, kinds);
  const t2 = performance.now();
  let exprs = 0, idents = 0, funcs = 0, unknownExprs = 0, unresolvedIdents = 0;
  let tResolve = 0, tForce = 0, tCfg = 0;
  for (const p of order) {
    try {
      const reuse = infos.get(p);
      const ta = performance.now();
      const info = checkPackage(p, program, reuse ? { reuse } : {});
      const tb = performance.now();
      tResolve += tb - ta;
      for (const f of p.files) {
        const visit = (n: ast.Node): void => {
          if (n.kind === 'Ident') {
            idents++;
            if (n.name !== '_' && !info.objectOf(n)) unresolvedIdents++;
          }
          if (EXPR.has(n.kind)) {
            exprs++;
            if (info.typeOf(n as ast.Expr).kind === 'unknown') unknownExprs++;
          }
          forEachChild(n, visit);
        };
        visit(f.ast);
      }
      const tc = performance.now();
      tForce += tc - tb;
      for (const fn of info.funcs) {
        funcs++;
        info.cfgOf(fn);
      }
      tCfg += performance.now() - tc;
    } catch (e) {
      failures.push({ importPath: p.importPath, error: String((e as Error).stack ?? e) });
    }
  }
  const t3 = performance.now();
  if (process.env['REDLINE_BENCH_DETAIL']) console.log(`phase 1 detail: resolve ${t1Check.toFixed(0)} ms, summaries ${t1Sum.toFixed(0)} ms`);
  if (process.env['REDLINE_BENCH_DETAIL']) console.log(`phase 2 detail: resolve ${tResolve.toFixed(0)} ms, idents+exprs ${tForce.toFixed(0)} ms, cfgs ${tCfg.toFixed(0)} ms`);
  return {
    packages: pkgs.length, summarizeMs: t1 - t0, buildProgramMs: t2 - t1, checkMs: t3 - t2,
    exprs, idents, funcs, unknownExprs, unresolvedIdents, failures,
  };
}
