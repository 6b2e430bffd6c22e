/**
 * cgo/loop-allocation: a deferred free in a loop that ends by itself holds
 * memory until the function returns (low); in a loop that runs until
 * something else stops it, the memory piles up for as long (the rule's
 * severity).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';

const repo = path.resolve(import.meta.dirname, '../../..');

describe('cgo/loop-allocation severity', () => {
  it('is low when every enclosing loop ends by itself, medium otherwise', async () => {
    const file = path.join(repo, 'testdata/rules/cgo/loop-allocation/loops.go');
    const lines = readFileSync(file, 'utf8').split('\n');
    const funcAt = (line: number): string => {
      for (let i = line - 1; i >= 0; i--) {
        const m = /^func (\w+)\(/.exec(lines[i]!);
        if (m) return m[1]!;
      }
      return '';
    };
    const result = await scan({ cwd: path.join(repo, 'testdata/rules'), jobs: 1, paths: ['./cgo/loop-allocation/...'] });
    const severities = Object.fromEntries(
      result.findings.filter((f) => f.rule === 'cgo/loop-allocation').map((f) => [funcAt(f.location.line), f.severity]),
    );
    expect(severities).toEqual({
      deferInLoop: 'low', // range over a slice
      deferClosureInLoop: 'low', // for i := 0; i < n; i++
      nestedLoops: 'low',
      deferInWorker: 'medium', // range over a channel
      deferInPollLoop: 'medium', // a finite loop inside `for {}`
      deferWhileCondition: 'medium',
      freedAfterLoop: 'medium', // a leak, whatever the loop
    });
  });
});
