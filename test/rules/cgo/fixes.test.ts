/**
 * cgo/unfreed-memory's suggested fix ("free it with a defer right after the
 * allocation"): applied to real files, the result has no finding left and
 * still type-checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/engine/finding.js';
import { scan } from '../../../src/engine/scan.js';
import { requireGo } from '../../support/go.js';

const root = mkdtempSync(path.join(tmpdir(), 'redline-cgo-fix-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, 'go.mod'), 'module redline.test/cgofix\n\ngo 1.22\n');

const PREAMBLE = `/*
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
*/
import "C"
`;

const CASES: Record<string, { src: string; fixed: boolean }> = {
  earlyReturn: {
    fixed: true,
    src: `package p

${PREAMBLE}
import (
	"errors"
	"unsafe"
)

func Check(s string) error {
	cs := C.CString(s)
	if C.strlen(cs) < 12 {
		return errors.New("short")
	}
	C.puts(cs)
	C.free(unsafe.Pointer(cs))
	return nil
}
`,
  },
  never: {
    fixed: true,
    src: `package p

${PREAMBLE}
import "unsafe"

var _ unsafe.Pointer

func Say(s string) {
	switch {
	case s != "":
		cs := C.CString(s)
		C.puts(cs)
	}
}
`,
  },
  unsafePointer: {
    fixed: true,
    src: `package p

${PREAMBLE}
func Buffer(n int) int {
	p := C.malloc(C.size_t(n))
	if n > 10 {
		return 0
	}
	C.free(p)
	return n
}
`,
  },
  handedOverOnOnePath: {
    fixed: false,
    src: `package p

${PREAMBLE}
type T struct{ p *C.char }

func Keep(t *T, s string, ok bool) {
	cs := C.CString(s)
	if ok {
		t.p = cs
	}
}
`,
  },
};

function offsetOf(src: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) off = src.indexOf('\n', off) + 1;
  return off + column - 1;
}

function applyFix(src: string, f: Finding): string {
  const edits = f.fixes[0]!.edits.map((e) => ({ start: offsetOf(src, e.location.line, e.location.column), end: offsetOf(src, e.location.endLine, e.location.endColumn), text: e.newText }));
  edits.sort((a, b) => b.start - a.start);
  let out = src;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('cgo/unfreed-memory: the defer fix', () => {
  const dirs: string[] = [];
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.fixed ? 'fixes the leak' : 'offers no fix'}`, async () => {
      const dir = path.join(root, name);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'x.go');
      writeFileSync(file, c.src);
      const before = (await scan({ cwd: dir, jobs: 1, paths: ['.'] })).findings.filter((f) => f.rule === 'cgo/unfreed-memory');
      expect(before).toHaveLength(1);
      if (!c.fixed) {
        expect(before[0]!.fixes).toEqual([]);
        return;
      }
      expect(before[0]!.fixes).toHaveLength(1);
      writeFileSync(file, applyFix(c.src, before[0]!));
      const after = (await scan({ cwd: dir, jobs: 1, paths: ['.'] })).findings.filter((f) => f.rule.startsWith('cgo/'));
      expect(after.map((f) => f.message), readFileSync(file, 'utf8')).toEqual([]);
      dirs.push(dir);
    });
  }

  const mode = requireGo('go vet of fixed cgo files');
  it.skipIf(mode === 'skip')('the fixed files type-check', () => {
    if (mode === 'fail') throw new Error('Go is required in CI');
    execFileSync('go', ['vet', './...'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  });
});
