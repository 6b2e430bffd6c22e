/**
 * Every rule's fixtures: each directory under testdata/rules/<family>/<rule>/
 * is scanned on its own (with its redline.yaml when it has one), and its
 * findings must be exactly those its `// want` comments ask for. The
 * fixture modules must type-check with `go vet` when Go is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { compareWithWants, slash, wantsOf } from '../support/fixtures.js';
import { requireGo } from '../support/go.js';

const ROOT = path.resolve(import.meta.dirname, '../../testdata/rules');

/** Fixture directories: testdata/rules/<family>/<rule>[/<case>]. */
function fixtureDirs(): string[] {
  const out: string[] = [];
  for (const family of readdirSync(ROOT).sort()) {
    const fdir = path.join(ROOT, family);
    if (!statSync(fdir).isDirectory() || family.startsWith('_')) continue;
    for (const rule of readdirSync(fdir).sort()) if (statSync(path.join(fdir, rule)).isDirectory()) out.push(path.join(fdir, rule));
  }
  return out;
}

/** Go modules among the fixtures: the root one and any nested ones (fixtures for other go versions). */
function goModules(dir: string): string[] {
  const out = existsSync(path.join(dir, 'go.mod')) ? [dir] : [];
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory() && !e.name.startsWith('.')) out.push(...goModules(path.join(dir, e.name)));
  return out;
}

function goFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.go'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('rule fixtures', () => {
  for (const dir of fixtureDirs()) {
    const id = slash(ROOT, dir);
    it(`${id}: findings are exactly the wanted ones`, async () => {
      const config = existsSync(path.join(dir, 'redline.yaml')) ? path.join(dir, 'redline.yaml') : undefined;
      const result = await scan({ cwd: ROOT, paths: [`./${id}/...`], jobs: 1, ...(config && { config }) });
      const wants = goFiles(dir).flatMap((f) => wantsOf(f, slash(ROOT, f)));
      expect(wants.length, 'a fixture without // want comments proves nothing').toBeGreaterThan(0);
      expect(compareWithWants(result.findings, wants)).toEqual([]);
    });
  }
});

describe('fixture modules type-check', () => {
  const mode = requireGo('go vet of rule fixtures');
  for (const mod of goModules(ROOT)) {
    it.skipIf(mode === 'skip')(`go vet ${slash(ROOT, mod) || '.'}`, () => {
      if (mode === 'fail') throw new Error('Go is required in CI to type-check fixtures');
      execFileSync('go', ['vet', './...'], { cwd: mod, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
    });
  }
});
