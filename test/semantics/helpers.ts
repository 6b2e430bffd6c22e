import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDir, walkDirs } from '../../src/semantics/load.js';
import { parseFile } from '../../src/syntax/index.js';
import type { PackageFileInput, PackageInput } from '../../src/semantics/package.js';

export const repo = path.resolve(import.meta.dirname, '../..');
export const fixture = (name: string): string => path.join(repo, 'testdata/semantics', name);

/** Loads every package of a fixture module (test files included unless tests: false). */
export function loadModule(dir: string, opts: { tests?: boolean } = {}): PackageInput[] {
  const gomod = readFileSync(path.join(dir, 'go.mod'), 'utf8');
  const modulePath = /^module\s+(\S+)/m.exec(gomod)![1]!;
  const out: PackageInput[] = [];
  for (const d of walkDirs(dir)) out.push(...loadDir(d, { root: dir, modulePath, tests: opts.tests ?? true }).packages);
  return out;
}

function fileInput(src: string, name: string): PackageFileInput {
  const r = parseFile(src, name);
  if (r.errors.length) throw new Error('syntax errors: ' + r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; '));
  return { path: `/virtual/${name}`, relPath: name, source: r.source, ast: r.file, positions: r.positions, isTest: name.endsWith('_test.go'), isCgo: r.file.imports.some((s) => s.path.value === '"C"') };
}

/** A package from source texts (file name → source). */
export function pkgFromSources(files: Record<string, string>, importPath = 'example.com/p'): PackageInput {
  const fs = Object.entries(files).map(([n, s]) => fileInput(s, n));
  return { importPath, dir: '/virtual', name: fs[0]!.ast.name.name, module: { path: 'example.com', goVersion: '1.23' }, files: fs };
}

/** A single-file package from source text. */
export function pkgFromSource(src: string, importPath = 'example.com/p'): PackageInput {
  return pkgFromSources({ 'x.go': src }, importPath);
}
