/**
 * Differential fuzzing: real Go files broken by seeded random edits,
 * compared with go/parser (needs Go): identical trees when go/parser
 * accepts the result; the same first error (line and message) when it
 * rejects it. This exercises error recovery far beyond GOROOT's own files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { buildGoTool, goInfo, requireGo } from '../support/go.js';
import { canonical } from './canonical.js';

const mode = requireGo('the fuzz comparison against go/parser');
const COUNT = 800;
const EDITS = [
  '"', '`', '/*', "'", '{', '}', '(', ')', '[', ']', 'func ', 'type ', '<-', '\n', ';', '...', ':=', '.(type)',
  '[T any]', 'chan<- ', ',', '=', 'if ', 'for ', 'case ', 'default:', 'go ', '*', '&', '|', '~', 'range ', 'var ',
  'import "x"\n', '.', ':', '0x', '1e', "'\\", '"\\', 'struct{', 'interface{', 'map[', 'select {', 'switch ', 'else ',
];

describe('fuzz: go/parser agreement on broken files', () => {
  if (mode !== 'run') {
    it.skipIf(mode === 'skip')('requires Go', () => {
      throw new Error('the Go toolchain is required under CI');
    });
    return;
  }
  it(`agrees on ${COUNT} randomly edited GOROOT files`, () => {
    const root = path.join(goInfo()!.root, 'src');
    const files: string[] = [];
    for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.go')) files.push(path.join(e.parentPath, e.name));
    }
    files.sort();
    let seed = 20261127;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-fuzz-'));
    const paths: string[] = [];
    for (let k = 0; k < COUNT; k++) {
      let src = readFileSync(files[Math.floor(rnd() * files.length)]!, 'latin1'); // byte-preserving
      if (src.length > 20_000) src = src.slice(0, 20_000);
      for (let o = 1 + Math.floor(rnd() * 3); o > 0; o--) {
        const at = Math.floor(rnd() * (src.length + 1));
        const r = rnd();
        if (r < 0.45) src = src.slice(0, at) + EDITS[Math.floor(rnd() * EDITS.length)] + src.slice(at);
        else if (r < 0.85) src = src.slice(0, at) + src.slice(at + 1 + Math.floor(rnd() * 10));
        else src = src.slice(0, at);
      }
      const p = path.join(dir, `f${k}.go`);
      writeFileSync(p, Buffer.from(src, 'latin1'));
      paths.push(p);
    }
    const tool = buildGoTool('goastdump');
    const out = execFileSync(tool, ['hash'], { input: paths.join('\n') + '\n', maxBuffer: 1 << 28 }).toString();
    const diffs: string[] = [];
    let accepted = 0;
    for (const line of out.trim().split('\n')) {
      const [file, status, sha, errLine, errMsg] = line.split('\t') as [string, string, string, string, string];
      const r = parseFile(readFileSync(file), file);
      const e = r.errors[0];
      if (status === 'ok') {
        accepted++;
        const h = createHash('sha256').update(canonical(r.file, r.positions)).digest('hex');
        if (e !== undefined) diffs.push(`${file}: go/parser accepts, redline: ${e.line}: ${e.message}`);
        else if (h !== sha) diffs.push(`${file}: trees differ`);
      } else if (e === undefined || e.line !== Number(errLine) || e.message !== errMsg) {
        diffs.push(`${file}: go/parser ${errLine}: ${errMsg} | redline ${e ? `${e.line}: ${e.message}` : 'no error'}`);
      }
    }
    console.log(`[fuzz] ${COUNT} edited files: go/parser accepts ${accepted}, rejects ${COUNT - accepted}; differences: ${diffs.length}`);
    expect(diffs.slice(0, 10)).toEqual([]);
  }, 120_000);
});
