/**
 * cgo/unfreed-memory reports at the allocation, with a related location at
 * each exit that leaks: on the bundled example service and on fixtures.
 */
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
    const result = await scan({ cwd: path.join(repo, 'testdata/rules'), jobs: 1, paths: ['./cgo/unfreed-memory/...'] });
    const byLine = new Map(result.findings.filter((x) => x.rule === 'cgo/unfreed-memory' && x.location.file.endsWith('leaks.go')).map((x) => [x.location.line, x.related.map((r) => `${r.line} ${r.message}`)]));
    expect(byLine.get(36)).toEqual(['38 the function ends here without freeing cs']);
    expect(byLine.get(49)).toEqual(['51 panics here without freeing cs (a deferred free would still run)']);
    expect(byLine.get(58)).toEqual(['60 this continue leaves cs unfreed']);
    expect(byLine.get(68)).toEqual(['72 this break leaves buf unfreed']);
    expect(byLine.get(81)).toEqual(['83 cs is overwritten here while it still holds the memory']);
    expect(byLine.get(148)).toEqual(['153 returns here without freeing p']); // `return err` is the failed allocation
  });
});
