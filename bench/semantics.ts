/**
 * Semantic-layer benchmark: `npm run bench:semantics -- [DIR]` (default:
 * $(go env GOROOT)/src).
 *
 * Parses every .go file under DIR (tests and testdata included), groups
 * files into packages by directory and package clause, then runs the whole
 * semantic pipeline (runSemantics: summarize in dependency order,
 * buildProgram, checkPackage with every identifier resolved, every
 * expression typed and every function's CFG built) and prints parse time
 * vs semantic time. Single-threaded. With --reuse, phase 2 reuses each
 * package's phase-1 PackageInfo (resolution and types) and only rebinds
 * the facts.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseFile } from '../src/syntax/index.js';
import { runSemantics } from '../src/semantics/bench.js';
import type { PackageFileInput, PackageInput } from '../src/semantics/package.js';

function goRoot(): string {
  return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
}

const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const dir = path.resolve(args.filter((a) => !a.startsWith('--'))[0] ?? path.join(goRoot(), 'src'));
const files: string[] = [];
for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
  if (e.isFile() && e.name.endsWith('.go')) files.push(path.join(e.parentPath, e.name));
}
files.sort();
const bytes = files.map((f) => readFileSync(f));
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now();
const c0 = cpu();
const parsed = bytes.map((b, i) => parseFile(b, files[i]));
const parseMs = performance.now() - t0;
const parseCpu = cpu() - c0;
const heapAfterParse = process.memoryUsage().heapUsed;

const groups = new Map<string, PackageFileInput[]>();
parsed.forEach((r, i) => {
  const abs = files[i]!;
  const d = path.dirname(abs);
  const key = `${d}\x00${r.file.name.name}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = []));
  const rel = path.relative(dir, abs).split(path.sep).join('/');
  g.push({ path: abs, relPath: rel, source: r.source, ast: r.file, positions: r.positions, isTest: abs.endsWith('_test.go'), isCgo: r.file.imports.some((s) => s.path.value === '"C"') });
});
const pkgs: PackageInput[] = [];
for (const [key, fs] of groups) {
  const [d, name] = key.split('\x00') as [string, string];
  const rel = path.relative(dir, d).split(path.sep).join('/');
  const importPath = name.endsWith('_test') ? `${rel}_test` : rel;
  pkgs.push({ importPath, dir: d, name, module: { path: '', goVersion: '' }, files: fs });
}
const c1 = cpu();
// vendored imports (GOROOT/src/vendor, cmd/vendor) resolve like the go command does
const paths = new Set(pkgs.map((p) => p.importPath));
for (const [i, p] of pkgs.entries()) {
  const importMap: Record<string, string> = {};
  for (const f of p.files) for (const s of f.ast.imports) {
    const w = s.path.value.slice(1, -1);
    if (paths.has(w)) continue;
    const v = (p.importPath.startsWith('cmd/') ? 'cmd/vendor/' : 'vendor/') + w;
    if (paths.has(v)) importMap[w] = v;
  }
  if (Object.keys(importMap).length) pkgs[i] = { ...p, importMap };
}
const r = runSemantics(pkgs, [], { reuse });
const semCpu = cpu() - c1;
if (reuse) console.log('(phase 2 reuses the phase-1 PackageInfo of each package)');
const sem = r.summarizeMs + r.buildProgramMs + r.checkMs;
console.log(`${files.length} files, ${pkgs.length} packages, ${r.funcs} functions, ${r.exprs} expressions, ${r.idents} identifiers`);
console.log(`parse        ${parseMs.toFixed(0).padStart(7)} ms`);
console.log(`summarize    ${r.summarizeMs.toFixed(0).padStart(7)} ms  (phase 1: check + exports + fact seeds, dependency order)`);
console.log(`buildProgram ${r.buildProgramMs.toFixed(0).padStart(7)} ms`);
console.log(`check        ${r.checkMs.toFixed(0).padStart(7)} ms  (phase 2: all idents, all expr types, all CFGs)`);
console.log(`semantics    ${sem.toFixed(0).padStart(7)} ms  = ${(sem / parseMs).toFixed(2)}x parse (wall)`);
console.log(`cpu time: parse ${parseCpu.toFixed(0)} ms, semantics ${semCpu.toFixed(0)} ms = ${(semCpu / parseCpu).toFixed(2)}x parse (includes GC helper threads)`);
console.log(`unknown types ${(100 * r.unknownExprs / r.exprs).toFixed(2)}% of expressions; unresolved ${(100 * r.unresolvedIdents / r.idents).toFixed(2)}% of identifiers`);
console.log(`heap after parse ${(heapAfterParse / 2 ** 20).toFixed(0)} MiB (all ASTs retained), at end ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
if (r.failures.length) {
  console.log(`${r.failures.length} packages failed:`);
  for (const f of r.failures.slice(0, 10)) console.log(`  ${f.importPath}: ${f.error.split('\n').slice(0, 4).join(' | ')}`);
}
