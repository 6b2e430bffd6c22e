import { compareFindings, type Finding } from '../../src/engine/finding.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanResult } from '../../src/engine/scan.js';
import type { ReportInput } from '../../src/report/types.js';
import { CATALOG } from './catalog.js';
import { fix, locate, makeFinding, related } from './findings.js';

export const SECRET = 'AKIAIOSFODNN7EXAMPLE';

export const SERVER = [
  'package server', //                                                                            1
  '', //                                                                                          2
  'import (', //                                                                                  3
  '\t"crypto/tls"', //                                                                            4
  '\t"net/http"', //                                                                              5
  ')', //                                                                                         6
  '', //                                                                                          7
  '// Café ☕: the key below is a test credential.', //                                           8
  `const apiKey = "${SECRET}"`, //                                                                9
  'func client() *http.Client {', //                                                              10
  '\tmsg := "héllo, 世界"; cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}', // 11
  '\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}} // uses cfg', //          12
  '}', //                                                                                         13
  '', //                                                                                          14
  'func leak(ch chan int) {', //                                                                  15
  '\tgo func() {', //                                                                             16
  '\t\tch <- 1', //                                                                               17
  '\t}()', //                                                                                     18
  '}', //                                                                                         19
  '',
].join('\n');

export const TOOL_FILE = 'cmd/my tool/main ü.go';
export const TOOL_SRC = [
  'package main',
  '',
  `func main() { ${'x := 1; '.repeat(30)}go work(); _ = "\u001b[31mred\u202Eevil" }`,
  '',
].join('\n');

const F = 'pkg/server.go';

export function fixtureFindings(): Finding[] {
  const secretLoc = locate(F, SERVER, 9, SECRET);
  const tlsLoc = locate(F, SERVER, 11, 'InsecureSkipVerify: true');
  const leakLoc = { ...locate(F, SERVER, 16, 'go func() {'), endLine: 18, endColumn: 5, endColumn16: 5 };
  const findings: Finding[] = [
    makeFinding({
      rule: 'secrets/hardcoded-credential',
      severity: 'critical',
      message: 'An AWS access key is hard-coded: load it from the environment or a secret store',
      location: locate(F, SERVER, 9, `"${SECRET}"`),
      fingerprint: 'fp-secret',
      masked: [secretLoc],
    }),
    makeFinding({
      rule: 'tls/insecure-skip-verify',
      severity: 'critical',
      message: 'InsecureSkipVerify disables certificate verification: any server can impersonate the peer',
      location: tlsLoc,
      fingerprint: 'fp-tls',
      related: [
        related(locate(F, SERVER, 11, 'cfg :='), 'the config is created here'),
        related(locate(F, SERVER, 12, 'TLSClientConfig: cfg'), 'and used by this client'),
      ],
      fixes: [fix('Remove InsecureSkipVerify', locate(F, SERVER, 11, 'InsecureSkipVerify: true, '), '')],
    }),
    makeFinding({
      rule: 'tls/min-version',
      severity: 'high',
      message: 'MinVersion TLS 1.0 is too old: use tls.VersionTLS12 or newer',
      location: locate(F, SERVER, 11, 'MinVersion: tls.VersionTLS10'),
      fingerprint: 'fp-min',
      suppression: { kind: 'inSource', justification: 'legacy device, tracked in #42' },
    }),
    makeFinding({
      rule: 'goroutine/leak-on-block',
      severity: 'medium',
      message: 'This goroutine blocks forever on a send to ch when nobody receives',
      location: leakLoc,
      fingerprint: 'fp-leak',
      related: [related(locate(F, SERVER, 17, 'ch <- 1'), 'it blocks here')],
    }),
    makeFinding({
      rule: 'goroutine/leak-on-block',
      severity: 'medium',
      message: 'This goroutine may never finish',
      location: locate(TOOL_FILE, TOOL_SRC, 3, 'go work()'),
      fingerprint: 'fp-work',
    }),
    makeFinding({
      rule: 'tls/min-version',
      severity: 'high',
      message: 'Old finding, accepted in the baseline',
      location: locate(TOOL_FILE, TOOL_SRC, 1, 'main'),
      fingerprint: 'fp-old',
      suppression: { kind: 'external', justification: 'baseline' },
    }),
    makeFinding({
      rule: 'redline/unused-suppression',
      severity: 'low',
      message: 'This //redline:ignore suppresses nothing: remove it',
      location: locate(F, SERVER, 12, '// uses cfg'),
      fingerprint: 'fp-unused',
    }),
  ];
  return findings.sort(compareFindings);
}

export function fixtureInput(over: Partial<ReportInput> = {}): ReportInput {
  const sources: Record<string, string> = { [F]: SERVER, [TOOL_FILE]: TOOL_SRC };
  return {
    tool: { name: 'redline', version: '0.1.0', informationUri: 'https://github.com/redline-go/redline' },
    findings: fixtureFindings(),
    rules: CATALOG,
    summary: {
      files: 2,
      packages: 2,
      bytes: SERVER.length + TOOL_SRC.length,
      durationMs: 1234,
      bySeverity: { critical: 2, high: 0, medium: 2, low: 1 },
      suppressed: 1,
      baselined: 1,
      parseErrors: 0,
      staleBaselineEntries: 2,
      contextFiles: 0,
      notBuilt: { files: 3, target: 'linux/amd64', byTags: { integration: 2 } },
    },
    invocation: {
      commandLine: 'redline --format sarif ./...',
      cwd: '/work/repo',
      startTime: new Date('2025-01-02T03:04:05.000Z'),
      endTime: new Date('2025-01-02T03:04:06.234Z'),
      exitCode: 1,
    },
    readSource: (file) => sources[file],
    color: false,
    ...over,
  };
}

/** The report input of a real scan run in `cwd`, with a fixed summary and invocation (for rendering its findings). */
export function scanReportInput(result: ScanResult, cwd: string): ReportInput {
  return {
    tool: { name: 'redline', version: '0.1.0', informationUri: 'https://example.invalid/redline' },
    findings: result.findings,
    rules: result.rules,
    summary: {
      files: 1, packages: 1, bytes: 1, durationMs: 1, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
      suppressed: 0, baselined: 0, parseErrors: 0, staleBaselineEntries: 0, contextFiles: 0, notBuilt: { files: 0, target: 'linux/amd64', byTags: {} },
    },
    invocation: { commandLine: 'redline', cwd, startTime: new Date(0), endTime: new Date(0), exitCode: 1 },
    readSource: (file) => readFileSync(path.resolve(cwd, file), 'utf8'),
    color: false,
  };
}
