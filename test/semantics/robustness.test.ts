/**
 * The semantic layer never throws: it runs over go/types' own test inputs
 * (deliberately wrong, cyclic and odd Go) with every identifier resolved,
 * every expression typed and every CFG built.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { runSemantics } from '../../src/semantics/bench.js';
import type { PackageFileInput, PackageInput } from '../../src/semantics/package.js';
import { goInfo, requireGo } from '../support/go.js';

const mode = requireGo('robustness over GOROOT test inputs');

describe.runIf(mode !== 'skip')('robustness', () => {
  it('handles go/types test inputs without exceptions', () => {
    if (mode === 'fail') throw new Error('Go toolchain required under CI');
    const dir = path.join(goInfo()!.root, 'src/internal/types/testdata');
    const files: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.go')) files.push(path.join(e.parentPath, e.name));
    }
    files.sort();
    // each file is its own package (the test inputs are mostly single-file packages)
    const pkgs: PackageInput[] = files.map((f, i) => {
      const r = parseFile(readFileSync(f), f);
      const file: PackageFileInput = { path: f, relPath: path.relative(dir, f), source: r.source, ast: r.file, positions: r.positions, isTest: false, isCgo: false };
      return { importPath: `t${i}`, dir: path.dirname(f), name: r.file.name.name, module: { path: '', goVersion: '' }, files: [file] };
    });
    const r = runSemantics(pkgs);
    expect(r.failures.map((x) => `${x.importPath}: ${x.error.split('\n').slice(0, 3).join(' | ')}`)).toEqual([]);
    expect(r.exprs).toBeGreaterThan(10000);
  });
});
