/**
 * What the fixtures' `// want` comments cannot show for the TLS family:
 * severities (escalations, test code), related locations, suggested fixes
 * (applied, they leave valid code the rule no longer reports, and they reach
 * the text and SARIF outputs), and the bundled example service.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../../src/engine/scan.js';
import type { Finding } from '../../../src/engine/finding.js';
import { reporters } from '../../../src/report/index.js';
import { scanReportInput } from '../../support/report-fixture.js';
import { parseFile } from '../../../src/syntax/index.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(REPO, 'testdata/rules');

function lineOf(file: string, text: string, root = FIXTURES): number {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

function at(result: ScanResult, file: string, text: string, rule: string, root = FIXTURES): Finding {
  const line = lineOf(file, text, root);
  const f = result.findings.find((x) => x.location.file === file && x.location.line === line && x.rule === rule);
  if (!f) throw new Error(`no ${rule} finding at ${file}:${line}; have ${result.findings.map((x) => `${x.location.file}:${x.location.line} ${x.rule}`).join(', ')}`);
  return f;
}

/** Applies the first fix of each finding to a copy of the fixture file (edits in one file, non-overlapping). */
function applyFixes(source: string, findings: readonly Finding[]): string {
  const lines = source.split('\n');
  const offset = (line: number, column16: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column16 - 1;
  const edits = findings.flatMap((f) => f.fixes[0]?.edits ?? [])
    .map((e) => ({ start: offset(e.location.line, e.location.column16), end: offset(e.location.endLine, e.location.endColumn16), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function render(result: ScanResult, cwd: string, format: 'text' | 'sarif'): string {
  return reporters[format].render(scanReportInput(result, cwd));
}

describe('the bundled example service', async () => {
  const cwd = path.join(REPO, 'examples/payments-gateway');
  const result = await scan({ cwd, paths: ['./...'], jobs: 1 });

  it('reports the key pair loaded on every handshake', () => {
    const f = at(result, 'main.go', 'tls.LoadX509KeyPair(cfg.CertFile', 'tls/per-handshake-cert-load', cwd);
    expect(f.message).toMatch(/^GetCertificate loads certificate material on every TLS handshake: tls.LoadX509KeyPair runs/);
    expect(f.related.map((r) => [r.file, r.line])).toEqual([['main.go', lineOf('main.go', 'GetCertificate: func', cwd)]]);
  });

  it('reports the handler that mutates the config of the shared transport', () => {
    const f = at(result, 'processor.go', 'p.tlsConf.RootCAs = pool', 'tls/shared-config-mutation', cwd);
    expect(f.severity).toBe('high');
    expect(f.message).toMatch(/p.tlsConf.RootCAs is written in an HTTP handler.*installed in http.Transport.TLSClientConfig.*c := p.tlsConf.Clone\(\)/);
    expect(f.related.map((r) => [r.file, r.line])).toEqual([['processor.go', lineOf('processor.go', 'TLSClientConfig: conf', cwd)]]);
  });
});

describe('severities', async () => {
  const isv = await scan({ cwd: FIXTURES, paths: ['./tls/insecure-skip-verify/...'], jobs: 1 });
  const versions = await scan({ cwd: FIXTURES, paths: ['./tls/weak-version/...'], jobs: 1 });
  const suites = await scan({ cwd: FIXTURES, paths: ['./tls/weak-cipher-suites/...'], jobs: 1 });
  const keylog = await scan({ cwd: FIXTURES, paths: ['./tls/key-log-writer/...'], jobs: 1 });
  const handshakes = await scan({ cwd: FIXTURES, paths: ['./tls/per-handshake-cert-load/...'], jobs: 1 });

  it('lowers deliberate settings in tests one step', () => {
    expect(at(isv, 'tls/insecure-skip-verify/client_test.go', 'InsecureSkipVerify: true', 'tls/insecure-skip-verify').severity).toBe('medium');
    expect(at(isv, 'tls/insecure-skip-verify/fixture.go', 'return &tls.Config{InsecureSkipVerify: true}', 'tls/insecure-skip-verify').severity).toBe('high');
    expect(at(versions, 'tls/weak-version/legacy_test.go', 'MaxVersion = tls.VersionTLS10', 'tls/weak-version').severity).toBe('low');
  });

  it('reports switches and connections to this machine low', () => {
    expect(at(isv, 'tls/insecure-skip-verify/fixture.go', 'tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}', 'tls/insecure-skip-verify').severity).toBe('low');
    expect(at(isv, 'tls/insecure-skip-verify/fixture.go', 'is off when c.Bool', 'tls/insecure-skip-verify').severity).toBe('low');
  });

  it('reports a missing MinVersion low, RC4 and 3DES high', () => {
    expect(at(versions, 'tls/weak-version/go121/server.go', 'return &http.Server{TLSConfig: &tls.Config{Certificates', 'tls/weak-version').severity).toBe('low');
    expect(at(suites, 'tls/weak-cipher-suites/suites.go', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA,', 'tls/weak-cipher-suites').severity).toBe('high');
    expect(at(suites, 'tls/weak-cipher-suites/suites.go', 'TLS_RSA_WITH_AES_128_GCM_SHA256,', 'tls/weak-cipher-suites').severity).toBe('medium');
  });

  it('reports key logging under a condition or from a struct field at medium, unconditional at high', () => {
    expect(at(keylog, 'tls/key-log-writer/keylog.go', 'KeyLogWriter: w}', 'tls/key-log-writer').severity).toBe('high');
    expect(at(keylog, 'tls/key-log-writer/keylog.go', 'cfg.KeyLogWriter = f', 'tls/key-log-writer').severity).toBe('medium');
    expect(at(keylog, 'tls/key-log-writer/keylog.go', 'KeyLogWriter: s.KeyLogger', 'tls/key-log-writer').severity).toBe('medium');
  });

  it('reports loads in a server callback at medium, in a client callback (only the program\'s own connections) low', () => {
    const server = at(handshakes, 'tls/per-handshake-cert-load/loads.go', 'cert, err := tls.LoadX509KeyPair(certFile, keyFile)', 'tls/per-handshake-cert-load');
    expect(server.severity).toBe('medium');
    const client = at(handshakes, 'tls/per-handshake-cert-load/loads.go', 'data, err := os.ReadFile(caFile)', 'tls/per-handshake-cert-load');
    expect([client.severity, client.message]).toEqual(['low', expect.stringContaining('every TLS handshake this client makes')]);
  });

  it('points at where an indirect value is set', () => {
    const f = at(isv, 'tls/insecure-skip-verify/values.go', 'InsecureSkipVerify: o.SkipVerify', 'tls/insecure-skip-verify');
    expect(f.related.map((r) => [r.line, r.message])).toEqual([[lineOf('tls/insecure-skip-verify/values.go', 'SkipVerify: true}'), 'set to true here']]);
  });
});

describe('suggested fixes', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  /** Copies a fixture directory into a temp module, applies the rule's fixes, and rescans. */
  async function fixAndRescan(fixture: string, rule: string): Promise<{ before: Finding[]; after: Finding[]; fixed: string[] }> {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-tls-fix-'));
    dirs.push(dir);
    cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
    writeFileSync(path.join(dir, 'go.mod'), 'module redline.test/fix\n\ngo 1.21\n');
    const before = (await scan({ cwd: dir, paths: ['./...'], jobs: 1 })).findings.filter((f) => f.rule === rule && f.fixes.length > 0);
    const files = [...new Set(before.map((f) => f.location.file))];
    const fixed: string[] = [];
    for (const file of files) {
      const src = readFileSync(path.join(dir, file), 'utf8');
      const out = applyFixes(src, before.filter((f) => f.location.file === file));
      expect(parseFile(out, file).errors, file).toEqual([]);
      writeFileSync(path.join(dir, file), out);
      fixed.push(out);
    }
    const after = (await scan({ cwd: dir, paths: ['./...'], jobs: 1 })).findings.filter((f) => f.rule === rule);
    return { before, after, fixed };
  }

  it('weak-version: every fixed literal and assignment is no longer reported', async () => {
    const { before, after } = await fixAndRescan('tls/weak-version', 'tls/weak-version');
    expect(before.length).toBeGreaterThanOrEqual(10);
    const fixedLines = new Set(before.map((f) => `${f.location.file}:${f.location.line}`));
    expect(after.filter((f) => fixedLines.has(`${f.location.file}:${f.location.line}`) && f.fixes.length > 0)).toEqual([]);
  });

  it('weak-cipher-suites: removing the insecure suites leaves valid lists', async () => {
    const { before, fixed } = await fixAndRescan('tls/weak-cipher-suites', 'tls/weak-cipher-suites');
    expect(before.map((f) => f.fixes[0]!.message)).toContain('Remove tls.TLS_RSA_WITH_AES_128_GCM_SHA256');
    expect(fixed.join('\n')).not.toContain('tls.TLS_RSA_WITH_AES_128_GCM_SHA256,');
  });

  it('config-copied: c := *base becomes base.Clone() and &c becomes c', async () => {
    const result = await scan({ cwd: FIXTURES, paths: ['./tls/config-copied/...'], jobs: 1, config: path.join(FIXTURES, 'tls/config-copied/redline.yaml') });
    const f = at(result, 'tls/config-copied/copies.go', 'c := *base', 'tls/config-copied');
    const src = readFileSync(path.join(FIXTURES, 'tls/config-copied/copies.go'), 'utf8');
    const out = applyFixes(src, [f]);
    expect(out).toContain('c := base.Clone()');
    expect(out).toMatch(/c.ServerName = name\n\treturn c\n/);
  });

  it('shows fixes in text output and SARIF', async () => {
    const result = await scan({ cwd: FIXTURES, paths: ['./tls/weak-version/...'], jobs: 1 });
    expect(render(result, FIXTURES, 'text')).toContain('fix: Use tls.VersionTLS12');
    const sarif = JSON.parse(render(result, FIXTURES, 'sarif')) as { runs: Array<{ results: Array<{ ruleId: string; fixes?: Array<{ description: { text: string } }> }> }> };
    const fixes = sarif.runs[0]!.results.filter((r) => r.ruleId === 'tls/weak-version').flatMap((r) => r.fixes ?? []);
    expect(fixes.map((x) => x.description.text)).toContain('Use tls.VersionTLS12');
    expect(fixes.map((x) => x.description.text)).toContain('Set MinVersion: tls.VersionTLS12');
  });
});
