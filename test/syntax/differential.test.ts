/**
 * Differential test: Redline's parser against go/parser on every .go file
 * of the installed Go tree ($(go env GOROOT)/src, testdata included, and
 * $(go env GOROOT)/test, the compiler's test files).
 *
 * tools/goastdump prints, per file, the sha256 of go/parser's tree in the
 * canonical form (test/syntax/canonical.ts), whether go/parser accepted the
 * file and the line of its first error. Files go/parser accepts must give
 * the identical tree; for files it rejects Redline must report an error on
 * the same first line.
 */

import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { buildGoTool, goInfo, requireGo, withoutGo } from '../support/go.js';
import { canonical } from './canonical.js';

const mode = requireGo('the differential test against go/parser');

function listGoFiles(root: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.go')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

interface Mismatch {
  file: string;
  why: string;
}

function firstDiff(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  go/parser: ${lb[i]}\n  redline:   ${la[i]}`;
  }
  return 'no difference in the full form (hash mismatch?)';
}

describe('differential: go/parser', () => {
  if (withoutGo(mode, 'the differential test')) return;
  const goroot = goInfo()!.root;
  const root = path.join(goroot, 'src');
  const files = listGoFiles(root);
  // GOROOT/test: the compiler's tests, many deliberately broken files
  const extra = existsSync(path.join(goroot, 'test')) ? listGoFiles(path.join(goroot, 'test')) : [];
  files.push(...extra);

  it(`agrees with go/parser on all ${files.length} .go files under GOROOT/src and GOROOT/test`, async () => {
    const tool = buildGoTool('goastdump');
    const child = spawn(tool, ['hash'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(files.join('\n') + '\n');
    const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
    const mismatches: Mismatch[] = [];
    let accepted = 0;
    let rejected = 0;
    let rejectedAgree = 0;
    let sameMessage = 0;
    let compared = 0;
    for await (const line of rl) {
      const [file, status, sha, errLine, errMsg] = line.split('\t') as [string, string, string, string, string];
      if (status === 'ioerr') continue;
      compared++;
      const r = parseFile(readFileSync(file), file);
      if (status === 'ok') {
        accepted++;
        if (r.errors.length > 0) {
          const e = r.errors[0]!;
          mismatches.push({ file, why: `go/parser accepts, redline reports ${e.line}:${e.column}: ${e.message}` });
          continue;
        }
        const text = canonical(r.file, r.positions);
        const mine = createHash('sha256').update(text).digest('hex');
        if (mine !== sha) mismatches.push({ file, why: 'tree differs' });
      } else {
        rejected++;
        const goLine = Number(errLine);
        if (r.errors.length === 0) {
          mismatches.push({ file, why: `go/parser rejects (${errLine}: ${errMsg}), redline accepts` });
        } else if (r.errors[0]!.line !== goLine) {
          const e = r.errors[0]!;
          mismatches.push({
            file,
            why: `first error line: go/parser ${errLine} (${errMsg}), redline ${e.line}:${e.column} (${e.message})`,
          });
        } else {
          rejectedAgree++;
          if (r.errors[0]!.message === errMsg) sameMessage++;
        }
      }
    }
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on('close', () => resolve())));
    // details for the first few tree differences
    const details: string[] = [];
    for (const m of mismatches.slice(0, 10)) {
      let d = m.why;
      if (m.why === 'tree differs') {
        const goText = execFileSync(tool, ['dump', m.file], { maxBuffer: 1 << 30 }).toString();
        const r = parseFile(readFileSync(m.file), m.file);
        d += '\n' + firstDiff(canonical(r.file, r.positions), goText);
      }
      details.push(`${path.relative(goroot, m.file)}: ${d}`);
    }
    console.log(
      `[differential] files compared: ${compared} (go/parser accepts ${accepted}, rejects ${rejected}; ` +
        `first-error-line agreement on ${rejectedAgree}/${rejected}, same message on ${sameMessage}); ` +
        `differences: ${mismatches.length}`,
    );
    expect(compared).toBe(files.length);
    expect(details, `${mismatches.length} differences`).toEqual([]);
  }, 300_000);
});
