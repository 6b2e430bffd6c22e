/**
 * cgo/unfreed-memory reports at the allocation, with a related location at
 * each exit that leaks: on the bundled example service and on fixtures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';

const repo = path.resolve(import.meta.dirname, '../../..');

describe('cgo/unfreed-memory related locations', () => {
  it('reports the example service leak at the allocation with the leaking return', async () => {
    const result = await scan({ cwd: path.join(repo, 'examples/payments-gateway'), jobs: 1, paths: ['./...'] });
    const f = result.findings.filter((x) => x.rule === 'cgo/unfreed-memory');
    expect(f.map((x) => `${x.location.file}:${x.location.line}:${x.location.column}`)).toEqual(['internal/fasthash/fasthash.go:36:10']);
    expect(f[0]!.message).toContain('cpan');
    expect(f[0]!.related.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual(['41:3 returns here without freeing cpan']);
  });

  it('names the leaking jump, panic, overwrite or end of the function', async () => {
    const file = path.join(repo, 'testdata/rules/cgo/unfreed-memory/leaks.go');
    const lines = readFileSync(file, 'utf8').split('\n');
    /** The line of the first line containing `text` after the line of `after`. */
    const line = (text: string, after = ''): number => {
      const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
      return lines.findIndex((l, i) => i >= from && l.includes(text)) + 1;
    };
    const result = await scan({ cwd: path.join(repo, 'testdata/rules'), jobs: 1, paths: ['./cgo/unfreed-memory/...'] });
    const byLine = new Map(result.findings.filter((x) => x.rule === 'cgo/unfreed-memory' && x.location.file.endsWith('leaks.go')).map((x) => [x.location.line, x.related.map((r) => `${r.line} ${r.message}`)]));
    const related = (fn: string, alloc: string) => byLine.get(line(alloc, `func ${fn}(`));
    expect(related('neverFreed', 'C.CString')).toEqual([`${line('}', 'func neverFreed(')} the function ends here without freeing cs`]);
    expect(related('onPanic', 'C.CString')).toEqual([`${line('panic(', 'func onPanic(')} panics here without freeing cs (a deferred free would still run)`]);
    expect(related('continueInLoop', 'C.CString')).toEqual([`${line('\tcontinue', 'func continueInLoop(')} this continue leaves cs unfreed`]);
    expect(related('breakOutOfSelect', 'C.malloc')).toEqual([`${line('\tbreak', 'func breakOutOfSelect(')} this break leaves buf unfreed`]);
    expect(related('overwritten', 'C.CString(a)')).toEqual([`${line('cs = C.CString(b)', 'func overwritten(')} cs is overwritten here while it still holds the memory`]);
    // `return err` is the failed allocation: only the later return leaks
    expect(related('bufferLeak', 'newBuffer')).toEqual([`${line('return errShort', 'func bufferLeak(')} returns here without freeing p`]);
  });
});
