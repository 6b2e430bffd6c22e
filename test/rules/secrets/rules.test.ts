/**
 * What the fixtures' `// want` comments cannot show: severities (tiers,
 * escalation, test files), related locations, masking of secrets in every
 * output format, and fingerprints that identify a secret without holding it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../../src/engine/scan.js';
import { createBaseline, serializeBaseline } from '../../../src/engine/baseline.js';
import type { Finding } from '../../../src/engine/finding.js';
import { FORMAT_NAMES, reporters } from '../../../src/report/index.js';
import { parsePrintf } from '../../../src/rules/shared/log-sinks.js';
import { makeTree } from '../../support/fs-tree.js';
import { scanReportInput } from '../../support/report-fixture.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(REPO, 'testdata/rules');

function at(result: ScanResult, file: string, line: number, rule: string): Finding {
  const f = result.findings.find((x) => x.location.file === file && x.location.line === line && x.rule === rule);
  if (!f) throw new Error(`no ${rule} finding at ${file}:${line}; have ${result.findings.map((x) => `${x.location.file}:${x.location.line} ${x.rule}`).join(', ')}`);
  return f;
}

function lineOf(file: string, text: string): number {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

function renderAll(result: ScanResult, cwd: string): string[] {
  const input = scanReportInput(result, cwd);
  return FORMAT_NAMES.map((name) => reporters[name].render(input));
}

describe('the bundled example service', async () => {
  const cwd = path.join(REPO, 'examples/payments-gateway');
  const result = await scan({ cwd, paths: ['./...'], jobs: 1 });

  it('reports the hardcoded token that a goroutine logs, with the way it goes', () => {
    const f = at(result, 'notify.go', 10, 'secrets/hardcoded-credential');
    expect(f.severity).toBe('critical');
    expect(f.message).toMatch(/GitHub personal access token `ghp_\*\*\*\*` \(40 characters\) in `webhookToken`, and a goroutine prints it to a log/);
    expect(f.related.map((r) => [r.file, r.line, r.message])).toEqual([
      ['notify.go', 22, 'copied to `token`'],
      ['notify.go', 23, 'runs on the goroutine started here'],
      ['notify.go', 31, 'printed to a log by log.Printf'],
    ]);
    const logged = at(result, 'notify.go', 31, 'secrets/sensitive-data-logged');
    expect(logged.severity).toBe('critical');
    expect(logged.related.map((r) => r.line)).toEqual([10, 22, 23]);
  });

  it('reports the Stripe key, its Bearer header and the database password', () => {
    expect(at(result, 'config.go', 16, 'secrets/hardcoded-credential').severity).toBe('high');
    expect(at(result, 'config.go', 25, 'secrets/credential-in-url').message).toMatch(/postgres:\/\/gateway:\*\*\*\*@db\.internal/);
    const header = at(result, 'processor.go', 45, 'secrets/literal-authorization-header');
    expect(header.related.map((r) => [r.file, r.line])).toEqual([['config.go', 16]]);
  });

  it('never shows a secret, in any output format or in a baseline', () => {
    const secrets = ['sk_live_51NzQe4Kx8Vb2Tq7Lm9Rw3Hy6', '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', 'Qm7vX2pLk9Tz', 'NzQe4Kx8', 'Vb8Kq2Ls'];
    const outputs = [
      ...renderAll(result, cwd),
      serializeBaseline(createBaseline(result.findings, { cwd, baselineDir: cwd, tool: { name: 'redline', version: '0.1.0' }, policyVersion: '3' })),
    ];
    for (const out of outputs) for (const s of secrets) expect(out).not.toContain(s);
    // the text output does show the code around them, masked
    expect(outputs[0]).toContain('const processorAPIKey = "*********************************"');
  });
});

describe('severities', async () => {
  const result = await scan({ cwd: FIXTURES, paths: ['./secrets/hardcoded-credential/...'], jobs: 1 });
  const file = 'secrets/hardcoded-credential/tokens.go';
  const sev = (f: string, text: string, rule = 'secrets/hardcoded-credential') => at(result, f, lineOf(f, text), rule).severity;

  it('reports format-verified tokens and keys at the rule severity, name-only matches lower', () => {
    expect(sev(file, 'githubPAT = ')).toBe('high');
    expect(sev('secrets/hardcoded-credential/keys.go', 'const rsaKey')).toBe('high');
    expect(sev('secrets/hardcoded-credential/generic.go', 'const dbPassword')).toBe('medium');
  });
  it('reports test-mode and encrypted keys low', () => {
    expect(sev(file, 'stripeTest    =')).toBe('low');
    expect(sev('secrets/hardcoded-credential/keys.go', 'var encryptedKey')).toBe('low');
  });
  it('raises secrets that reach a goroutine or a log to critical', () => {
    expect(sev('secrets/hardcoded-credential/flows.go', 'var deployToken')).toBe('critical');
    expect(sev('secrets/hardcoded-credential/flows.go', 'const shopifyToken')).toBe('critical');
    expect(sev('secrets/hardcoded-credential/flows.go', 'var fallbackToken')).toBe('high');
  });
  it('lowers findings in test files by default, and follows the policy when it says otherwise', async () => {
    expect(sev('secrets/hardcoded-credential/fixture_test.go', 'const testToken')).toBe('medium');
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-secrets-'));
    try {
      const config = path.join(dir, 'redline.yaml');
      writeFileSync(config, 'version: "3"\ntests: { severity: same }\n');
      const same = await scan({ cwd: FIXTURES, paths: ['./secrets/hardcoded-credential/...'], jobs: 1, config });
      const f = 'secrets/hardcoded-credential/fixture_test.go';
      expect(at(same, f, lineOf(f, 'const testToken'), 'secrets/hardcoded-credential').severity).toBe('high');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('shows the way of a secret across files and packages', () => {
    const f = 'secrets/hardcoded-credential/flows.go';
    const shop = at(result, f, lineOf(f, 'const shopifyToken'), 'secrets/hardcoded-credential');
    expect(shop.related.map((r) => r.message)).toEqual(['passed to Debug, which logs it']);
    const mail = at(result, f, lineOf(f, 'const sendgridKey'), 'secrets/hardcoded-credential');
    expect(mail.related.map((r) => r.message)).toEqual(['passed to Async, which hands it to a goroutine']);
  });
});

describe('sensitive-data-logged severities', async () => {
  const result = await scan({ cwd: FIXTURES, paths: ['./secrets/sensitive-data-logged/'], jobs: 1 });
  const f = 'secrets/sensitive-data-logged/stdlib.go';
  const sevAt = (text: string, nth = 0) => {
    const lines = readFileSync(path.join(FIXTURES, f), 'utf8').split('\n');
    const line = lines.map((l, i) => (l.includes(text) ? i + 1 : 0)).filter((n) => n > 0)[nth]!;
    return at(result, f, line, 'secrets/sensitive-data-logged').severity;
  };

  it('lowers a log shown only with debug output on by one step', () => {
    const plain = sevAt('log.Printf("login %s with password %s", user, password)', 1);
    const gated = sevAt('log.Printf("login %s with password %s", user, password)', 0);
    const level = sevAt('c.logger.Debug("login", "password", password)');
    const helper = sevAt('c.logDebug("login %s with password %s", user, password)');
    const order = ['low', 'medium', 'high', 'critical'];
    expect(order.indexOf(plain) - order.indexOf(gated)).toBe(1);
    expect([level, helper]).toEqual([gated, gated]);
  });
});

describe('fingerprints', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'redline-fp-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (name: string, token: string, extraLines = '') => {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/fp\n\ngo 1.22\n');
    writeFileSync(path.join(dir, 'a.go'), `package fp\n${extraLines}\nconst deployToken = "${token}"\n`);
    return dir;
  };
  it('identify the secret by a hash: stable across moves, different for another secret', async () => {
    const fp = async (dir: string) => (await scan({ cwd: dir, paths: ['./...'], jobs: 1 })).findings.filter((f) => f.rule === 'secrets/hardcoded-credential').map((f) => f.fingerprint);
    const a = await fp(write('a', 'glpat-fRW9bEGaLP9gdbpQMCJ1'));
    const moved = await fp(write('b', 'glpat-fRW9bEGaLP9gdbpQMCJ1', '\n// moved down\n'));
    const other = await fp(write('c', 'glpat-Qz8Kq2LmR4vN7tP1wB3x'));
    expect(a).toHaveLength(1);
    expect(moved).toEqual(a);
    expect(other).not.toEqual(a);
  });
});

describe('printf verbs', () => {
  it('maps verbs to arguments, with flags, precision and the text before each', () => {
    expect(parsePrintf('%s=%+v %#v %%d %.4s %T')).toEqual([
      { verb: 's', plus: false, sharp: false, before: '' },
      { verb: 'v', plus: true, sharp: false, before: '=' },
      { verb: 'v', plus: false, sharp: true, before: ' ' },
      { verb: 's', plus: false, sharp: false, precision: 4, before: ' %%d ' },
      { verb: 'T', plus: false, sharp: false, before: ' ' },
    ]);
    expect(parsePrintf('%*d %-10.*f')?.map((v) => v.verb)).toEqual(['*', 'd', '*', 'f']);
    expect(parsePrintf('%[2]s %[1]s')).toBeNull();
  });
});

describe('patterns', () => {
  it('are not credentials, also when compiled by a drop-in replacement of regexp that Redline does not read', async () => {
    const cwd = makeTree({
      'go.mod': 'module example.com/ftp\n\ngo 1.22\n',
      'ftp.go': [
        'package ftp',
        '',
        'import regexp "github.com/wasilibs/go-re2"',
        '',
        'var keyPat = regexp.MustCompile(`\\bftp://[\\S]{3,50}:([\\S]{3,50})@[-.%\\w\\/:]+\\b`)',
        '',
        'var mirror = "ftp://deploy:Hx7pLq2Vz9Kt@files.internal.corp"',
        '',
      ].join('\n'),
    });
    const r = await scan({ cwd, jobs: 1 });
    expect(r.findings.map((f) => `${f.location.line} ${f.rule}`)).toEqual(['7 secrets/credential-in-url']);
  });
});
