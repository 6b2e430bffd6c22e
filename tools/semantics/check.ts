/**
 * Agreement of Redline's semantic layer with go/types on real packages.
 *
 *   npm run check:semantics -- [--no-deps] [--show N] [pkg ...]
 *
 * Packages are import paths under GOROOT/src (default: a set of ~30). With
 * deps (the default), the transitive imports are parsed and summarized
 * from source in dependency order, exercising the cross-package summaries;
 * with --no-deps, only the built-in stdlib tables are used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeModule } from '../../src/semantics/facts.js';
import { loadDir, loadFile } from '../../src/semantics/load.js';
import { checkPackage, EMPTY_PROGRAM, type PackageInput, type ProgramView } from '../../src/semantics/package.js';
import { importPathOf } from '../../src/semantics/resolve.js';
import { comparePackage, emptyReport, formatReport, mergeReports, runGoTypesDump, type Report } from './compare.js';

export const DEFAULT_PACKAGES = [
  'bufio', 'bytes', 'context', 'crypto/tls', 'crypto/x509', 'database/sql', 'encoding/json', 'encoding/pem', 'errors',
  'flag', 'fmt', 'go/ast', 'go/parser', 'go/scanner', 'go/token', 'io', 'log', 'log/slog', 'math/big', 'net', 'net/http',
  'net/url', 'os', 'os/exec', 'sort', 'strconv', 'strings', 'sync', 'text/template', 'time',
];

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function goroot(): string {
  return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
}

export function buildTool(name: string): string {
  const outDir = path.join(repo, 'node_modules/.cache/redline');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, name);
  execFileSync('go', ['build', '-o', out, '.'], { cwd: path.join(repo, 'tools', name), stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, GOTOOLCHAIN: 'local' } });
  return out;
}

/** Loads the std packages `paths` and their transitive imports (non-test files, linux/amd64, no cgo). */
export function loadStdClosure(root: string, paths: readonly string[]): PackageInput[] {
  const src = path.join(root, 'src');
  const loaded = new Map<string, PackageInput | null>();
  const queue = [...paths];
  const resolveImport = (fromPath: string, imp: string): string => {
    if (existsSync(path.join(src, imp))) return imp;
    // vendored: GOROOT/src/vendor or cmd/vendor
    const v = (fromPath.startsWith('cmd/') ? 'cmd/vendor/' : 'vendor/') + imp;
    if (existsSync(path.join(src, v))) return v;
    return imp;
  };
  while (queue.length) {
    const p = queue.pop()!;
    if (loaded.has(p) || p === 'unsafe' || p === 'C') continue;
    const dir = path.join(src, p);
    if (!existsSync(dir)) { loaded.set(p, null); continue; }
    const d = loadDir(dir, { root: src, modulePath: '' });
    const pkg = d.packages.find((x) => !x.name.endsWith('_test') && x.name !== 'documentation') ?? null;
    if (!pkg) { loaded.set(p, null); continue; }
    const importMap: Record<string, string> = {};
    for (const f of pkg.files) for (const s of f.ast.imports) {
      const w = importPathOf(s);
      const r = resolveImport(p, w);
      if (r !== w) importMap[w] = r;
      queue.push(r);
    }
    loaded.set(p, { ...pkg, importMap });
  }
  return [...loaded.values()].filter((x): x is PackageInput => !!x);
}

export interface CheckResult {
  readonly perPackage: { path: string; report: Report; ms: number }[];
  readonly total: Report;
  readonly summarizeMs: number;
}

export function runCheck(opts: { root?: string; packages?: readonly string[]; deps?: boolean; dumpBin?: string }): CheckResult {
  const root = opts.root ?? goroot();
  const src = path.join(root, 'src');
  const pkgs = opts.packages ?? DEFAULT_PACKAGES;
  const bin = opts.dumpBin ?? buildTool('gotypesdump');
  let program: ProgramView = EMPTY_PROGRAM;
  let importMaps = new Map<string, Readonly<Record<string, string>> | undefined>();
  const t0 = performance.now();
  if (opts.deps !== false) {
    const all = loadStdClosure(root, pkgs);
    importMaps = new Map(all.map((p) => [p.importPath, p.importMap]));
    program = summarizeModule(all).program;
  }
  const summarizeMs = performance.now() - t0;
  const dumps = runGoTypesDump(bin, src, src, pkgs.map((p) => path.join(src, p)));
  const perPackage: CheckResult['perPackage'] = [];
  let total = emptyReport();
  for (const d of dumps) {
    const files = d.files.map((f) => loadFile(f, path.relative(src, f).split(path.sep).join('/')));
    const t1 = performance.now();
    const importMap = importMaps.get(d.path);
    const info = checkPackage({ importPath: d.path, dir: d.dir, name: d.name, module: { path: '', goVersion: '' }, files, ...(importMap ? { importMap } : {}) }, program);
    const report = comparePackage(info, d);
    perPackage.push({ path: d.path, report, ms: performance.now() - t1 });
    total = mergeReports(total, report);
  }
  return { perPackage, total, summarizeMs };
}

function main(): void {
  const args = process.argv.slice(2);
  let deps = true;
  let show = 0;
  const pkgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--no-deps') deps = false;
    else if (a === '--show') show = Number(args[++i]);
    else pkgs.push(a);
  }
  const r = runCheck({ packages: pkgs.length ? pkgs : DEFAULT_PACKAGES, deps });
  for (const p of r.perPackage) {
    const i = p.report.idents;
    const all = Object.values(p.report.exprs).reduce((a, b) => ({ typed: a.typed + b.typed, mismatch: a.mismatch + b.mismatch, total: a.total + b.total, unknown: a.unknown + b.unknown }), { typed: 0, mismatch: 0, total: 0, unknown: 0 });
    console.log(`${p.path.padEnd(20)} idents ${String(i.total).padStart(6)} resolved ${(100 * i.resolved / Math.max(1, i.total)).toFixed(2)}%  decl ${(100 * i.declMatch / Math.max(1, i.resolved)).toFixed(2)}%  exprs ${String(all.total).padStart(6)} typed ${(100 * all.typed / Math.max(1, all.total)).toFixed(1)}% wrong ${all.mismatch}  unknown ${(100 * all.unknown / Math.max(1, all.total)).toFixed(1)}%  ${p.ms.toFixed(0)}ms`);
    if (show) for (const m of p.report.mismatches.slice(0, show)) console.log('    ' + m);
  }
  console.log(`\nsummarize (deps) ${r.summarizeMs.toFixed(0)}ms`);
  console.log(formatReport(r.total, 'TOTAL'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
