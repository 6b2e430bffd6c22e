/**
 * Scan benchmark: `npm run bench:scan -- [DIR] [--jobs N] [--runs N]`
 * (default DIR: $(go env GOROOT)/src, default jobs 2, default runs 3).
 *
 * Runs a full Redline scan of DIR (./..., every rule enabled, the built
 * dist/ in a fresh process) and reports files, MB, wall time, MB/s and the
 * process's peak memory and CPU time; then parses the same files with
 * tree-sitter-go, single-threaded, in this process, and prints the ratio.
 * The two alternate `runs` times, and the best run of each is compared:
 * the speed of a shared machine drifts from minute to minute, and
 * alternating gives both the same conditions. The scan's own per-stage
 * thread times show what the semantic layer costs next to parsing; for
 * scale, when Go is installed, tools/gotypestime times Go's own type
 * checker (go/types) against go/parser over the standard library. Last,
 * a scan with a fresh `--cache` file and a second one with nothing changed
 * show what the cache saves (not part of the comparison: that is cold).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { timeTreeSitter } from './tree-sitter.js';

const repo = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
/** The value of `--name N`, or `fallback`; its index is left out of the positional arguments. */
const numberFlag = (name: string, fallback: number): [number, number] => {
  const at = args.indexOf(name);
  return [at >= 0 ? Number(args[at + 1]) : fallback, at];
};
const [jobs, jobsAt] = numberFlag('--jobs', 2);
const [runs, runsAt] = numberFlag('--runs', 3);
const positional = args.filter((a, i) => !a.startsWith('--') && i !== jobsAt + 1 && i !== runsAt + 1);
const dir = path.resolve(positional[0] ?? path.join(execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim(), 'src'));

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repo, stdio: 'inherit' });

// The scan, in its own process, so its memory is measured alone.
const child = (cache?: string) => `
  const { scan } = await import(${JSON.stringify(path.join(repo, 'dist/engine/scan.js'))});
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await scan({ cwd: ${JSON.stringify(dir)}, paths: ['./...'], jobs: ${jobs}, baseline: false${cache ? `, cache: ${JSON.stringify(cache)}` : ''} });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ wall, cpuMs: (c.user + c.system) / 1000, stats: r.stats, findings: r.findings.length, maxRssKb: process.resourceUsage().maxRSS }));
`;
interface ScanRun {
  wall: number;
  /** CPU time of the whole scan process: every thread, V8's compiler and GC threads included. */
  cpuMs: number;
  findings: number;
  maxRssKb: number;
  stats: { files: number; packages: number; bytes: number; cachedPackages: number; times: { parseMs: number; semanticsMs: number; rulesMs: number } };
}
function scanOnce(cache?: string): ScanRun {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', child(cache)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout) as ScanRun;
}

// The same files for tree-sitter: those the scan planned.
const listing = spawnSync(process.execPath, ['--input-type=module', '-e', `
  const { discoverFiles } = await import(${JSON.stringify(path.join(repo, 'dist/engine/discover.js'))});
  const { planScan } = await import(${JSON.stringify(path.join(repo, 'dist/engine/scan-plan.js'))});
  const { ModuleResolver } = await import(${JSON.stringify(path.join(repo, 'dist/semantics/module.js'))});
  const { DEFAULT_BUILD_TARGET } = await import(${JSON.stringify(path.join(repo, 'dist/semantics/build-target.js'))});
  const d = discoverFiles({ cwd: ${JSON.stringify(dir)}, args: ['./...'] });
  const plan = planScan(d.files, new ModuleResolver({ cwd: ${JSON.stringify(dir)} }), DEFAULT_BUILD_TARGET);
  process.stdout.write(JSON.stringify(plan.packages.flatMap(p => p.files.map(f => f.path))));
`], { encoding: 'utf8', maxBuffer: 1 << 28 });
const files = JSON.parse(listing.stdout) as string[];
const sources = files.map((f) => readFileSync(f, 'utf8'));

const scans: ScanRun[] = [];
const tsRuns: number[] = [];
for (let i = 0; i < runs; i++) {
  scans.push(scanOnce());
  tsRuns.push(await timeTreeSitter(sources));
}
const result = scans.reduce((a, b) => (b.wall < a.wall ? b : a));
const tsSec = Math.min(...tsRuns);

const MB = result.stats.bytes / 1e6;
const scanSec = result.wall / 1000;
const t = result.stats.times;
const secs = (xs: number[]): string => xs.map((x) => x.toFixed(2)).join(', ');
const row = (name: string, sec: number, extra = '') => console.log(`${name.padEnd(34)} ${sec.toFixed(2).padStart(7)} s ${(MB / sec).toFixed(1).padStart(7)} MB/s ${extra}`);
console.log(`dir: ${dir}`);
console.log(`files: ${result.stats.files}, packages: ${result.stats.packages}, ${MB.toFixed(1)} MB, findings: ${result.findings}`);
console.log(`best of ${runs} alternating runs each (scan: ${secs(scans.map((r) => r.wall / 1000))} s; tree-sitter: ${secs(tsRuns)} s)`);
row(`redline scan (${jobs} workers, all rules)`, scanSec, `peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB, process CPU ${(result.cpuMs / 1000).toFixed(2)} s`);
row('tree-sitter-go parse only (1 thread)', tsSec, `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process: the sources, tree-sitter and its WASM heap)`);
console.log(`ratio: Redline full scan is ${(tsSec / scanSec).toFixed(2)}x faster than tree-sitter-go parsing alone`);
console.log(`thread time by stage (best scan): parse ${(t.parseMs / 1000).toFixed(2)} s, semantics ${(t.semanticsMs / 1000).toFixed(2)} s (${(t.semanticsMs / t.parseMs).toFixed(2)}x parse), rules ${(t.rulesMs / 1000).toFixed(2)} s`);

// For scale: what go/types adds to go/parser (best of 3 passes by check time), when Go is present.
const goTypes = spawnSync('go', ['run', './gotypestime', '3'], { cwd: path.join(repo, 'tools'), encoding: 'utf8' });
if (goTypes.status === 0) {
  const passes = goTypes.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
  const [pkgs, nfiles, nbytes, parseSec, checkSec] = passes.reduce((a, b) => (b[4]! < a[4]! ? b : a));
  console.log(
    `for scale, Go's own type checker (go/types, one thread) on the standard library (${pkgs} packages, ${nfiles} files, ${(nbytes! / 1e6).toFixed(1)} MB): ` +
      `go/parser ${parseSec!.toFixed(2)} s, go/types ${checkSec!.toFixed(2)} s (${(checkSec! / parseSec!).toFixed(2)}x parse)`,
  );
} else {
  console.log(`go/types timing unavailable: ${(goTypes.stderr || String(goTypes.error)).trim().split('\n')[0]}`);
}

const cacheDir = mkdtempSync(path.join(tmpdir(), 'redline-bench-'));
try {
  const file = path.join(cacheDir, 'scan.bin');
  const filling = scanOnce(file);
  const warm = scanOnce(file);
  console.log(`with --cache: ${(filling.wall / 1000).toFixed(2)} s filling a new cache, ${(warm.wall / 1000).toFixed(2)} s again with nothing changed (${warm.stats.cachedPackages} of ${warm.stats.packages} packages from the cache; a package whose exports hold a struct tag that could be a secret is never stored)`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
