/**
 * Executable documentation: each rule's bad example yields exactly one
 * finding of that rule, its good example none; and the examples are Go that
 * `go vet` accepts (when Go is installed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_LIMIT_RULE } from '../../src/engine/engine-rules.js';
import { scan } from '../../src/engine/scan.js';
import { CATALOG } from '../../src/rules/index.js';
import { requireGo } from '../support/go.js';

const root = mkdtempSync(path.join(tmpdir(), 'redline-docs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, 'go.mod'), 'module redline.test/docs\n\ngo 1.22\n');

/** Writes an example as its own package of the temp module; returns its directory. */
function writeExample(id: string, kind: 'bad' | 'good', source: string): string {
  const dir = path.join(root, id.replace('/', '_').replace(/-/g, '_'), kind);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'example.go'), source);
  return dir;
}

/**
 * Rules whose bad example shows the shape at a size that fits a page, not
 * at the size that is reported (test/engine/analysis-limit.test.ts covers
 * the real thing): their bad example must scan cleanly.
 */
const SHAPE_ONLY: ReadonlySet<string> = new Set([ANALYSIS_LIMIT_RULE]);

describe('documentation examples', () => {
  for (const meta of CATALOG) {
    it(`${meta.id}: the bad example is reported once, the good one not at all`, async () => {
      const bad = writeExample(meta.id, 'bad', meta.docs.bad);
      const good = writeExample(meta.id, 'good', meta.docs.good);
      const badResult = await scan({ cwd: bad, jobs: 1, paths: ['.'] });
      const ofRule = badResult.findings.filter((f) => f.rule === meta.id && !f.suppression);
      expect(ofRule.map((f) => f.message), 'bad example').toHaveLength(SHAPE_ONLY.has(meta.id) ? 0 : 1);
      const goodResult = await scan({ cwd: good, jobs: 1, paths: ['.'] });
      expect(goodResult.findings.filter((f) => f.rule === meta.id).map((f) => f.message), 'good example').toEqual([]);
    });
  }

  const mode = requireGo('go vet of documentation examples');
  it.skipIf(mode === 'skip')('examples type-check with go vet', () => {
    if (mode === 'fail') throw new Error('Go is required in CI to type-check documentation examples');
    for (const meta of CATALOG) {
      writeExample(meta.id, 'good', meta.docs.good);
      if (meta.id !== 'redline/parse-error') writeExample(meta.id, 'bad', meta.docs.bad);
      else rmSync(path.join(root, 'redline_parse_error', 'bad'), { recursive: true, force: true });
    }
    execFileSync('go', ['vet', './...'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  });
});
