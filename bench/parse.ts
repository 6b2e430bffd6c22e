/**
 * Parser benchmark: `npm run bench:parse -- [DIR]` (default: $(go env GOROOT)/src).
 *
 * Parses every .go file under DIR with Redline's parser and with
 * tree-sitter-go (web-tree-sitter + wasm), single-threaded, in this process:
 * each gets one warm-up pass over all files, then timed passes (4 for
 * Redline, 2 for the slower tree-sitter) of which the best is reported.
 * When Go is installed, go/parser is timed on the same files by
 * tools/goastdump (parse only, one goroutine, GOMAXPROCS=1; a warm-up pass
 * and one timed pass) after each Redline pass, and the best of those runs
 * is reported. Then measures the heap needed to keep the ASTs of all files
 * alive (needs --expose-gc), and what go/parser needs for the same. All files are read into memory before timing;
 * decoding the bytes is part of each parser's time. Redline runs as
 * shipped: compiled by tsc (see loadSyntax).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { timeTreeSitter } from './tree-sitter.js';
import type { File } from '../src/syntax/ast.js';
import type { KindVisitors } from '../src/syntax/index.js';

const repo = path.resolve(import.meta.dirname, '..');

function goRoot(): string | null {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

function listGoFiles(root: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.go')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Timed passes after the warm-up pass; the best is reported (the machine's speed varies). */
const PASSES = 4;
const TS_PASSES = 2;
const MB = 1024 * 1024;
const fmt = (n: number, d = 1): string => n.toFixed(d);

type SyntaxModule = typeof import('../src/syntax/index.js');

/**
 * The syntax module as shipped: compiled by tsc (const enums inlined) into
 * node_modules/.cache/redline/bench-dist; the TypeScript sources through
 * tsx if that fails.
 */
async function loadSyntax(): Promise<[SyntaxModule, string]> {
  const out = path.join(repo, 'node_modules/.cache/redline/bench-dist');
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n');
    const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'], {
      cwd: repo,
      stdio: 'ignore',
    });
    const mod = (await import(pathToFileURL(path.join(out, 'syntax/index.js')).href)) as SyntaxModule;
    return [mod, 'tsc build (as shipped)'];
  } catch {
    return [await import('../src/syntax/index.js'), 'TypeScript sources via tsx'];
  }
}

async function main(): Promise<void> {
  const [{ parseFile, Inspector }, how] = await loadSyntax();
  const root = goRoot();
  const dir = path.resolve(process.argv[2] ?? (root ? path.join(root, 'src') : '.'));
  const files = listGoFiles(dir);
  const datas = files.map((f) => readFileSync(f));
  const bytes = datas.reduce((s, d) => s + d.length, 0);
  console.log(`dir: ${dir}`);
  console.log(`files: ${files.length}, ${fmt(bytes / MB)} MB`);
  console.log(`redline code: ${how}`);

  // go/parser, timed by tools/goastdump in its own process (a warm-up pass
  // and one timed pass per call, so both parsers get as many samples)
  let goTool: string | null = null;
  if (root) {
    try {
      const outDir = path.join(repo, 'node_modules/.cache/redline');
      mkdirSync(outDir, { recursive: true });
      goTool = path.join(outDir, 'goastdump');
      execFileSync('go', ['build', '-o', goTool, '.'], { cwd: path.join(repo, 'tools/goastdump'), stdio: 'ignore' });
    } catch (e) {
      console.log(`go/parser timing unavailable: ${(e as Error).message}`);
      goTool = null;
    }
  }
  const timeGo = (): number => {
    const out = execFileSync(goTool!, ['bench', dir, '1'], { encoding: 'utf8', env: { ...process.env, GOMAXPROCS: '1' } });
    const [, gobytes, sec] = out.trim().split(' ');
    return Number(gobytes) === bytes ? Number(sec) : Number(sec) * (bytes / Number(gobytes));
  };

  // Redline: a first (cold, JIT warm-up) pass, then timed passes, each
  // followed by a go/parser run so both see the same machine conditions
  // (this machine's speed drifts over a minute)
  let t0 = performance.now();
  for (let i = 0; i < datas.length; i++) parseFile(datas[i]!, files[i]!);
  const redlineColdSec = (performance.now() - t0) / 1000;
  let errorsFiles = 0;
  let redlineSec = Infinity;
  let goSec: number | null = null;
  for (let pass = 0; pass < PASSES; pass++) {
    errorsFiles = 0;
    t0 = performance.now();
    for (let i = 0; i < datas.length; i++) {
      const r = parseFile(datas[i]!, files[i]!);
      if (r.errors.length > 0) errorsFiles++;
    }
    redlineSec = Math.min(redlineSec, (performance.now() - t0) / 1000);
    if (goTool !== null) goSec = Math.min(goSec ?? Infinity, timeGo());
  }
  const redlineHeapPeak = process.memoryUsage();

  // Inspector: build per file and dispatch 30 visitor sets (2 kinds each)
  const kinds = ['CallExpr', 'SelectorExpr', 'GoStmt', 'FuncLit', 'Ident', 'BasicLit', 'AssignStmt', 'RangeStmt', 'SendStmt', 'UnaryExpr'] as const;
  let visits = 0;
  const sets: KindVisitors[] = [];
  for (let r = 0; r < 30; r++) {
    const set: Record<string, () => void> = {};
    set[kinds[r % kinds.length]!] = () => void visits++;
    set[`${kinds[(r * 3 + 1) % kinds.length]!}:exit`] = () => void visits++;
    sets.push(set as KindVisitors);
  }
  let inspBuild = 0;
  let inspVisit = 0;
  let nodeCount = 0;
  for (let i = 0; i < datas.length; i++) {
    const f = parseFile(datas[i]!, files[i]!).file;
    let t = performance.now();
    const insp = new Inspector(f);
    inspBuild += performance.now() - t;
    t = performance.now();
    insp.visit(...sets);
    inspVisit += performance.now() - t;
    nodeCount += insp.nodes.length;
  }

  // tree-sitter-go
  const tsSec = await timeTreeSitter(datas, TS_PASSES);

  const mbs = (sec: number): number => bytes / MB / sec;
  console.log('');
  console.log('parser            seconds      MB/s   (best timed pass after a warm-up pass)');
  console.log(`redline         ${fmt(redlineSec, 3).padStart(9)} ${fmt(mbs(redlineSec)).padStart(9)}`);
  console.log(`redline (cold)  ${fmt(redlineColdSec, 3).padStart(9)} ${fmt(mbs(redlineColdSec)).padStart(9)}   (first pass, includes JIT warm-up)`);
  console.log(`tree-sitter-go  ${fmt(tsSec, 3).padStart(9)} ${fmt(mbs(tsSec)).padStart(9)}`);
  if (goSec !== null) console.log(`go/parser (1 goroutine, GOMAXPROCS=1) ${fmt(goSec, 3)} s, ${fmt(mbs(goSec))} MB/s`);
  console.log(`ratio redline / tree-sitter-go: ${fmt(tsSec / redlineSec, 2)}x`);
  if (goSec !== null) console.log(`ratio redline / go/parser:      ${fmt(goSec / redlineSec, 2)}x`);
  console.log(`files with syntax errors (redline): ${errorsFiles}`);
  console.log(
    `inspector: ${nodeCount} nodes; build ${fmt(inspBuild / 1000, 3)} s, visit with 30 visitor sets ${fmt(inspVisit / 1000, 3)} s`,
  );
  console.log(`heap after redline pass: ${fmt(redlineHeapPeak.heapUsed / MB)} MB`);

  // memory: all ASTs alive at once
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: File[] = new Array(datas.length);
    for (let i = 0; i < datas.length; i++) kept[i] = parseFile(datas[i]!, files[i]!).file;
    gc();
    const after = process.memoryUsage().heapUsed;
    console.log(
      `heap to keep all ${kept.length} ASTs alive: ${fmt((after - before) / MB)} MB ` +
        `(${fmt((after - before) / bytes, 2)} bytes of heap per source byte; includes source text referenced by sliced strings)`,
    );
  } else {
    console.log('heap for all ASTs: run node with --expose-gc to measure');
  }
  if (goTool !== null) {
    // the same files kept by go/parser (ParseComments, no object resolution), for scale
    const [, , heapBytes] = execFileSync(goTool, ['keep', dir], { encoding: 'utf8' }).trim().split(' ').map(Number);
    console.log(`go/parser heap to keep all ${files.length} ASTs alive: ${fmt(heapBytes! / MB)} MB (sources not counted: go/ast copies the text it keeps)`);
  }
  const ru = process.resourceUsage();
  console.log(`peak RSS: ${fmt(ru.maxRSS / 1024)} MB`);
}

await main();
