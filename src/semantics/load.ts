/**
 * A simple loader of Go package directories into `PackageInput`s, for
 * benchmarks, tests and scripts. (The scanner proper uses the engine's
 * module and package planning; this one targets linux/amd64, cgo off, with
 * the same file selection.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../syntax/index.js';
import { decideFile, DEFAULT_BUILD_TARGET, parseFileHeader, type BuildTarget } from './build-target.js';
import type { PackageFileInput, PackageInput } from './package.js';

/** The target of this loader: the scanner's default, with cgo off (cgo files are left out). */
const TARGET: BuildTarget = { ...DEFAULT_BUILD_TARGET, cgoEnabled: false };

export interface LoadedFile extends PackageFileInput {
  readonly parseMs: number;
}

export function loadFile(abs: string, relPath: string): LoadedFile {
  const bytes = readFileSync(abs);
  const t0 = performance.now();
  const r = parseFile(bytes, abs);
  const parseMs = performance.now() - t0;
  const hasC = r.file.imports.some((s) => s.path.value === '"C"');
  return { path: abs, relPath, source: r.source, ast: r.file, positions: r.positions, isTest: abs.endsWith('_test.go'), isCgo: hasC, parseMs };
}

/** Builds a PackageInput from explicit files. */
export function packageFromFiles(files: readonly LoadedFile[], importPath: string, dir: string, module: { path: string; goVersion: string }): PackageInput {
  const name = files[0]?.ast.name.name ?? '';
  return { importPath, dir, name, module, files };
}

export interface DirPackages {
  readonly dir: string;
  readonly relDir: string;
  /** Packages by package clause name (a directory may hold `p`, `p_test`, and ignored `main` files). */
  readonly packages: PackageInput[];
  readonly parseMs: number;
  readonly files: number;
}

/**
 * Loads the packages of a directory: .go files matching the target, grouped
 * by package clause; `_test.go` files only when `tests` is set (in-package
 * test files join their package; `x_test` files form their own).
 */
export function loadDir(dir: string, opts: { root: string; modulePath: string; tests?: boolean }): DirPackages {
  const relDir = path.relative(opts.root, dir).split(path.sep).join('/');
  const importPath = relDir === '' ? opts.modulePath : opts.modulePath ? `${opts.modulePath}/${relDir}` : relDir;
  const groups = new Map<string, LoadedFile[]>();
  let parseMs = 0;
  let n = 0;
  for (const ent of readdirSync(dir).sort()) {
    if (!ent.endsWith('.go') || ent.startsWith('.') || ent.startsWith('_')) continue;
    if (!opts.tests && ent.endsWith('_test.go')) continue;
    const abs = path.join(dir, ent);
    let src: string;
    try { src = readFileSync(abs, 'utf8'); } catch { continue; }
    if (!decideFile(ent, parseFileHeader(src), TARGET).included) continue;
    if (/^\s*import\s+"C"|^import \(\s*\n(\s*"[^"]*"\s*\n)*\s*"C"/m.test(src)) continue;
    const f = loadFile(abs, relDir ? `${relDir}/${ent}` : ent);
    parseMs += f.parseMs;
    n++;
    const name = f.ast.name.name;
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(f);
  }
  const packages: PackageInput[] = [];
  for (const [name, files] of groups) {
    const ip = name.endsWith('_test') && groups.size > 1 ? importPath + '_test' : importPath;
    packages.push({ importPath: ip, dir, name, module: { path: opts.modulePath, goVersion: '' }, files });
  }
  // the main package first: the one whose name is not _test and has the most files
  packages.sort((a, b) => Number(a.name.endsWith('_test')) - Number(b.name.endsWith('_test')) || b.files.length - a.files.length);
  return { dir, relDir, packages, parseMs, files: n };
}

/** All directories under root (skipping testdata, vendor-less hidden dirs). */
export function walkDirs(root: string, opts: { skipTestdata?: boolean } = {}): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    out.push(d);
    let ents: string[];
    try { ents = readdirSync(d).sort(); } catch { return; }
    for (const e of ents) {
      if (e.startsWith('.') || e.startsWith('_')) continue;
      if (opts.skipTestdata !== false && e === 'testdata') continue;
      const p = path.join(d, e);
      try { if (statSync(p).isDirectory()) visit(p); } catch { /* ignore */ }
    }
  };
  visit(root);
  return out;
}
