/**
 * cgo/unfreed-memory: a pointer passed straight to a C function whose
 * definition Redline cannot see is a leak only if the function borrows it,
 * which Redline assumes: the finding says so and is medium, against high
 * for a function Redline knows (libc, the package's own C).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';

const repo = path.resolve(import.meta.dirname, '../../..');

describe('cgo/unfreed-memory on calls that may keep the pointer', () => {
  it('is medium and says it assumes borrowing when the C function is out of sight', async () => {
    const result = await scan({ cwd: path.join(repo, 'testdata/rules'), jobs: 1, paths: ['./cgo/unfreed-memory/ownedlib/...'] });
    const found = result.findings
      .filter((f) => f.rule === 'cgo/unfreed-memory')
      .map((f) => [/C\.\w+(?=,| and)/.exec(f.message)?.[0], f.severity, /assumes/.test(f.message)]);
    expect(found).toEqual([
      ['C.note_create', 'medium', true],
      ['C.puts', 'high', false],
    ]);
  });
});
