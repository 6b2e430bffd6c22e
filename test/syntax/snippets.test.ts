/**
 * Tricky grammar corners compared against go/parser through tools/goastdump
 * (needs Go; see test/support/go.ts): identical trees for valid snippets,
 * same first error line for invalid ones.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { buildGoTool, requireGo } from '../support/go.js';
import { canonical } from './canonical.js';
import { SNIPPETS } from './snippets.js';

const mode = requireGo('the snippet comparison against go/parser');

describe('snippets: go/parser agreement', () => {
  if (mode !== 'run') {
    it.skipIf(mode === 'skip')('requires Go', () => {
      throw new Error('the Go toolchain is required under CI');
    });
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'redline-snippets-'));
  const entries = Object.entries(SNIPPETS).map(([name, src], i) => {
    const file = path.join(dir, `s${i}.go`);
    writeFileSync(file, src);
    return { name, file, src };
  });
  const results = new Map<string, { status: string; sha: string; errLine: number; errMsg: string }>();
  let tool = '';
  beforeAll(() => {
    tool = buildGoTool('goastdump');
    const out = execFileSync(tool, ['hash'], { input: entries.map((e) => e.file).join('\n') + '\n' }).toString();
    for (const line of out.trim().split('\n')) {
      const [file, status, sha, errLine, errMsg] = line.split('\t');
      results.set(file!, { status: status!, sha: sha!, errLine: Number(errLine), errMsg: errMsg ?? '' });
    }
  });

  for (const e of entries) {
    it(e.name, () => {
      const go = results.get(e.file)!;
      const r = parseFile(Buffer.from(e.src), e.file);
      if (e.name.startsWith('err:')) {
        expect(go.status, 'go/parser rejects').toBe('err');
        expect(r.errors.length).toBeGreaterThan(0);
        expect(`${r.errors[0]!.line}: ${r.errors[0]!.message}`).toBe(`${go.errLine}: ${go.errMsg}`);
      } else {
        expect(go.status, `go/parser accepts (${go.errLine}: ${go.errMsg})`).toBe('ok');
        expect(r.errors).toEqual([]);
        const text = canonical(r.file, r.positions);
        if (createHash('sha256').update(text).digest('hex') !== go.sha) {
          const goText = execFileSync(tool, ['dump', e.file]).toString();
          expect(text).toBe(goText);
        }
      }
    });
  }
});

describe('unicode tables', () => {
  it.skipIf(mode !== 'run')('src/syntax/unicode-tables.ts is what `goastdump unicode` generates from the installed Go', () => {
    const tool = buildGoTool('goastdump');
    const generated = execFileSync(tool, ['unicode']).toString();
    const committed = readFileSync(path.join(import.meta.dirname, '../../src/syntax/unicode-tables.ts'), 'utf8');
    // the Go patch version in the header may differ
    const strip = (t: string): string => t.replace(/^\/\/ Go go[^,]*,/m, '// Go,');
    expect(strip(committed)).toBe(strip(generated));
  });
});
