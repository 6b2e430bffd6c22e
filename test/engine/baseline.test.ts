import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  type Baseline,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  readBaseline,
  serializeBaseline,
  writeBaseline,
} from '../../src/engine/baseline.js';
import { BaselineError } from '../../src/engine/errors.js';
import type { Finding } from '../../src/engine/finding.js';
import { makeTree } from '../support/fs-tree.js';
import { makeFinding } from '../support/findings.js';

const TOOL = { name: 'redline', version: '0.1.0' };
const at = (file: string, line: number) => ({ file, line, endLine: line, column: 1, endColumn: 2, column16: 1, endColumn16: 2 });
const f = (file: string, line: number, fingerprint: string, rule = 'tls/insecure-skip-verify', extra: Partial<Finding> = {}) =>
  makeFinding({ location: at(file, line), fingerprint, rule, ...extra });

describe('createBaseline and serializeBaseline', () => {
  it('records unsuppressed findings, sorted, with paths relative to the baseline directory', () => {
    const findings = [
      f('pkg/b.go', 9, 'fp2'),
      f('pkg/a.go', 3, 'fp1', 'secrets/hardcoded-credential'),
      f('pkg/a.go', 7, 'fp3', 'tls/insecure-skip-verify', { suppression: { kind: 'inSource', justification: 'test server' } }),
      f('pkg/a.go', 1, 'fp0', 'tls/insecure-skip-verify', { suppression: { kind: 'external', justification: 'baseline' } }),
    ];
    const b = createBaseline(findings, { tool: TOOL, policyVersion: '3', cwd: '/repo/svc', baselineDir: '/repo' });
    expect(b.entries).toEqual([
      { file: 'svc/pkg/a.go', rule: 'secrets/hardcoded-credential', fingerprint: 'fp1', line: 3 },
      { file: 'svc/pkg/a.go', rule: 'tls/insecure-skip-verify', fingerprint: 'fp0', line: 1 },
      { file: 'svc/pkg/b.go', rule: 'tls/insecure-skip-verify', fingerprint: 'fp2', line: 9 },
    ]);
    const slim = createBaseline(findings, { tool: TOOL, policyVersion: '3', cwd: '/repo', baselineDir: '/repo', slim: true });
    expect(slim.entries.every((e) => e.line === undefined)).toBe(true);
  });

  it('writes sorted keys, stable formatting and no message text', () => {
    const findings = [f('b.go', 2, 'x'), f('a.go', 1, 'y')];
    const b = createBaseline(findings, { tool: TOOL, policyVersion: '1', cwd: '/r', baselineDir: '/r' });
    const text = serializeBaseline(b);
    expect(text).toBe(`{
  "entries": [
    {
      "file": "a.go",
      "fingerprint": "y",
      "line": 1,
      "rule": "tls/insecure-skip-verify"
    },
    {
      "file": "b.go",
      "fingerprint": "x",
      "line": 2,
      "rule": "tls/insecure-skip-verify"
    }
  ],
  "policyVersion": "1",
  "tool": {
    "name": "redline",
    "version": "0.1.0"
  },
  "version": 1
}
`);
    expect(text).not.toContain(findings[0]!.message);
    expect(serializeBaseline(createBaseline([...findings].reverse(), { tool: TOOL, policyVersion: '1', cwd: '/r', baselineDir: '/r' }))).toBe(text);
    expect(parseBaseline(text, 'b.json')).toEqual(b);
  });
});

describe('parseBaseline', () => {
  const problems = (text: string) => {
    try {
      parseBaseline(text, '.redline-baseline.json');
    } catch (e) {
      if (e instanceof BaselineError) return e.message.split('\n');
      throw e;
    }
    throw new Error('expected a BaselineError');
  };

  it('locates schema errors', () => {
    const text = '{\n  "version": 1,\n  "tool": {"name": "redline", "version": "1"},\n  "policyVersion": "1",\n  "entries": [\n    {"fingerprint": "a", "rule": "r", "file": "f", "line": 0},\n    {"fingerprint": "b", "rule": "r"}\n  ]\n}\n';
    expect(problems(text)).toEqual([
      '.redline-baseline.json:6:60: entries[0].line: must be at least 1',
      '.redline-baseline.json:7:5: entries[1]: missing required key "file"',
    ]);
  });

  it('reports invalid JSON at a position, and an unsupported format version', () => {
    expect(problems('{\n  "version": 1,\n  "entries": [\n')[0]).toMatch(/^\.redline-baseline\.json:\d+:\d+: /);
    expect(problems('{"version": 2, "entries": []}')).toEqual([
      '.redline-baseline.json: unsupported baseline format version 2; this Redline reads version 1: write the baseline again',
    ]);
  });

  it('reads and writes files', () => {
    const dir = makeTree();
    const b: Baseline = { version: 1, tool: TOOL, policyVersion: '1', entries: [{ file: 'a.go', rule: 'r/x', fingerprint: 'f' }] };
    writeBaseline(path.join(dir, 'b.json'), b);
    expect(readBaseline('b.json', dir)).toEqual(b);
    expect(fs.readdirSync(dir)).toEqual(['b.json']);
    expect(() => readBaseline('missing.json', dir)).toThrow('missing.json: no such file');
  });
});

describe('applyBaseline', () => {
  const root = '/repo';
  const opts = (scanned: string[], existing: string[] = scanned) => ({
    cwd: root,
    baselineDir: root,
    scannedFiles: new Set(scanned.map((s) => path.join(root, s))),
    fileExists: (p: string) => existing.map((s) => path.join(root, s)).includes(p),
  });

  it('suppresses recorded findings and leaves new ones', () => {
    const old = [f('a.go', 3, 'fp1'), f('a.go', 9, 'fp2')];
    const b = createBaseline(old, { tool: TOOL, policyVersion: '1', cwd: root, baselineDir: root });
    // The code moved down by 10 lines and a new finding appeared.
    const now = [f('a.go', 13, 'fp1'), f('a.go', 19, 'fp2'), f('a.go', 25, 'fp-new')];
    const r = applyBaseline(b, now, opts(['a.go']));
    expect(r.baselined).toBe(2);
    expect(r.stale).toEqual([]);
    expect(r.findings.map((x) => x.suppression?.justification ?? 'new')).toEqual(['baseline', 'baseline', 'new']);
    expect(r.findings[0]).toEqual({ ...now[0], suppression: { kind: 'external', justification: 'baseline' } });
  });

  it('treats entries as a multiset: a second identical finding is new', () => {
    const b = createBaseline([f('a.go', 3, 'same')], { tool: TOOL, policyVersion: '1', cwd: root, baselineDir: root });
    const r = applyBaseline(b, [f('a.go', 3, 'same'), f('a.go', 8, 'same')], opts(['a.go']));
    expect(r.findings.map((x) => x.suppression !== undefined)).toEqual([true, false]);
  });

  it('catches a swap: one finding fixed, another of the same rule added in the same file', () => {
    const b = createBaseline([f('a.go', 3, 'fixed')], { tool: TOOL, policyVersion: '1', cwd: root, baselineDir: root });
    const r = applyBaseline(b, [f('a.go', 3, 'added')], opts(['a.go']));
    expect(r.baselined).toBe(0);
    expect(r.findings[0]!.suppression).toBeUndefined();
    expect(r.stale).toEqual([{ file: 'a.go', rule: 'tls/insecure-skip-verify', fingerprint: 'fixed', line: 3 }]);
  });

  it('needs the same rule, and does not let inline-suppressed findings use entries', () => {
    const b = createBaseline([f('a.go', 3, 'fp')], { tool: TOOL, policyVersion: '1', cwd: root, baselineDir: root });
    expect(applyBaseline(b, [f('a.go', 3, 'fp', 'tls/min-version')], opts(['a.go'])).baselined).toBe(0);
    const inline = f('a.go', 3, 'fp', 'tls/insecure-skip-verify', { suppression: { kind: 'inSource', justification: 'ok' } });
    const r = applyBaseline(b, [inline], opts(['a.go']));
    expect(r.findings[0]).toBe(inline);
    expect(r.stale).toHaveLength(1);
  });

  it('calls entries stale when their file was scanned or deleted, not when it was outside the scan', () => {
    const b = createBaseline([f('a.go', 1, 'A'), f('gone.go', 1, 'G'), f('other/o.go', 1, 'O')], {
      tool: TOOL,
      policyVersion: '1',
      cwd: root,
      baselineDir: root,
    });
    const r = applyBaseline(b, [], opts(['a.go'], ['a.go', 'other/o.go']));
    expect(r.stale.map((e) => e.fingerprint)).toEqual(['A', 'G']);
    const pruned = pruneBaseline(b, r.stale);
    expect(pruned.entries.map((e) => e.fingerprint)).toEqual(['O']);
    expect(pruned.policyVersion).toBe('1');
  });

  it('matches across directories: findings relative to cwd, entries relative to the baseline', () => {
    const b = createBaseline([f('pkg/a.go', 1, 'fp')], { tool: TOOL, policyVersion: '1', cwd: '/repo', baselineDir: '/repo/ci' });
    expect(b.entries[0]!.file).toBe('../pkg/a.go');
    const r = applyBaseline(b, [f('a.go', 4, 'fp')], {
      cwd: '/repo/pkg',
      baselineDir: '/repo/ci',
      scannedFiles: new Set(['/repo/pkg/a.go']),
      fileExists: () => true,
    });
    expect(r.baselined).toBe(1);
  });

  it('prunes one entry per stale entry', () => {
    const b: Baseline = {
      version: 1,
      tool: TOOL,
      policyVersion: '1',
      entries: [
        { file: 'a.go', rule: 'r/x', fingerprint: 'd', line: 1 },
        { file: 'a.go', rule: 'r/x', fingerprint: 'd', line: 1 },
      ],
    };
    expect(pruneBaseline(b, [b.entries[0]!]).entries).toHaveLength(1);
  });
});

describe('a scan with a baseline', () => {
  it('reports an entry as stale once its finding is fixed in a file that is still scanned', async () => {
    const { scan } = await import('../../src/engine/scan.js');
    const cfg = (skip: boolean) => `package srv

import "crypto/tls"

var A = &tls.Config{InsecureSkipVerify: ${skip}}

var B = &tls.Config{InsecureSkipVerify: true}
`;
    const root = makeTree({ 'go.mod': 'module example.com/srv\n\ngo 1.22\n', 'srv.go': cfg(true) });
    const recorded = await scan({ cwd: root, jobs: 1, baseline: false });
    expect(recorded.findings.filter((x) => x.rule === 'tls/insecure-skip-verify')).toHaveLength(2);
    const file = path.join(root, 'baseline.json');
    writeBaseline(file, createBaseline(recorded.findings, { tool: TOOL, policyVersion: recorded.policy.version, cwd: root, baselineDir: root }));
    fs.writeFileSync(path.join(root, 'srv.go'), cfg(false));
    const again = await scan({ cwd: root, jobs: 1, baseline: file });
    expect(again.findings.filter((x) => !x.suppression)).toEqual([]);
    expect(again.staleBaselineEntries.map((e) => e.file)).toEqual(['srv.go']);
  });
});
