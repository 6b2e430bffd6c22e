/**
 * A simple loader of Go package directories into `PackageInput`s, for
 * benchmarks, tests and scripts. (The scanner proper uses the engine's
 * module and build-target logic; this one targets linux/amd64, cgo off.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { evalConstraint, parseConstraint } from '../syntax/build-constraint.js';
import { parseFile } from '../syntax/index.js';
import type { PackageFileInput, PackageInput } from './package.js';

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

export interface TargetOptions {
  readonly goos?: string;
  readonly goarch?: string;
  readonly cgo?: boolean;
  readonly tags?: readonly string[];
}

/** Does a file name's _GOOS/_GOARCH suffix and its build constraints match the target? */
export function fileMatchesTarget(name: string, source: string, t: TargetOptions = {}): boolean {
  const goos = t.goos ?? 'linux', goarch = t.goarch ?? 'amd64';
  const base = name.replace(/\.go$/, '').replace(/_test$/, '');
  const parts = base.split('_');
  const last = parts[parts.length - 1]!, prev = parts[parts.length - 2];
  if (parts.length > 1) {
    if (KNOWN_ARCH.has(last)) {
      if (last !== goarch) return false;
      if (prev && parts.length > 2 && KNOWN_OS.has(prev) && !osMatches(prev, goos)) return false;
    } else if (KNOWN_OS.has(last) && !osMatches(last, goos)) return false;
  }
  const tags = new Set([goos, goarch, 'gc', ...(t.tags ?? [])]);
  if (goos !== 'windows' && goos !== 'plan9' && goos !== 'js' && goos !== 'wasip1') tags.add('unix');
  if (t.cgo) tags.add('cgo');
  const has = (tag: string): boolean => tags.has(tag) || /^go1\.\d+$/.test(tag);
  // constraints are in the header, before the package clause
  for (const line of headerLines(source)) {
    if (!line.startsWith('//')) continue;
    const r = parseConstraint(line);
    if (r.ok && /^\/\/go:build/.test(line)) return evalConstraint(r.expr, has);
  }
  for (const line of headerLines(source)) {
    const r = parseConstraint(line);
    if (r.ok && !evalConstraint(r.expr, has)) return false;
  }
  return true;
}

function osMatches(os: string, goos: string): boolean {
  return os === goos || (os === 'unix' && goos !== 'windows');
}

function* headerLines(src: string): Generator<string> {
  let i = 0;
  let inBlock = false;
  while (i < src.length) {
    let j = src.indexOf('\n', i);
    if (j < 0) j = src.length;
    const line = src.slice(i, j).trim();
    i = j + 1;
    if (inBlock) { if (line.includes('*/')) inBlock = false; continue; }
    if (line === '') continue;
    if (line.startsWith('//')) { yield line; continue; }
    if (line.startsWith('/*')) { if (!line.includes('*/')) inBlock = true; continue; }
    return;
  }
}

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
export function loadDir(dir: string, opts: { root: string; modulePath: string; tests?: boolean; target?: TargetOptions }): DirPackages {
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
    if (!fileMatchesTarget(ent, src, opts.target)) continue;
    if (/^\s*import\s+"C"|^import \(\s*\n(\s*"[^"]*"\s*\n)*\s*"C"/m.test(src) && !opts.target?.cgo) continue;
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
