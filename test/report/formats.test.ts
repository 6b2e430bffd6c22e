import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/engine/finding.js';
import { checkstyleReporter } from '../../src/report/checkstyle.js';
import { escapeData, escapeProperty, githubReporter } from '../../src/report/github.js';
import { gitlabReporter } from '../../src/report/gitlab.js';
import { jsonReporter } from '../../src/report/json.js';
import { junitReporter } from '../../src/report/junit.js';
import { lineHashes } from '../../src/report/line-hash.js';
import { rdjsonReporter } from '../../src/report/rdjson.js';
import { sarifReporter } from '../../src/report/sarif.js';
import { maskText } from '../../src/report/source.js';
import { locate, makeFinding } from '../support/findings.js';
import { fixtureFindings, fixtureInput, SECRET, SERVER } from '../support/report-fixture.js';

describe('jsonReporter', () => {
  const out = JSON.parse(jsonReporter.render(fixtureInput()));

  it('has exactly tool, findings and summary', () => {
    expect(Object.keys(out)).toEqual(['tool', 'findings', 'summary']);
    expect(out.tool).toEqual({ name: 'redline', version: '0.1.0' });
    expect(out.summary).toEqual({
      files: 2,
      packages: 2,
      bytes: 706,
      durationMs: 1234,
      bySeverity: { critical: 2, high: 0, medium: 2, low: 1 },
      suppressed: 1,
      baselined: 1,
      parseErrors: 0,
      staleBaselineEntries: 2,
      contextFiles: 0,
      notBuilt: { files: 3, target: 'linux/amd64', byTags: { integration: 2 } },
    });
  });

  it('gives UTF-8 byte columns, related locations and fixes', () => {
    const tls = out.findings.find((f: { rule: string }) => f.rule === 'tls/insecure-skip-verify');
    expect(tls).toEqual({
      rule: 'tls/insecure-skip-verify',
      severity: 'critical',
      message: 'InsecureSkipVerify disables certificate verification: any server can impersonate the peer',
      file: 'pkg/server.go',
      line: 11,
      // "é" is 2 bytes and "世界" 6: 5 more bytes than UTF-16 units before the range.
      column: 46,
      endLine: 11,
      endColumn: 70,
      fingerprint: 'fp-tls',
      related: [
        { file: 'pkg/server.go', line: 11, column: 27, message: 'the config is created here' },
        { file: 'pkg/server.go', line: 12, column: 49, message: 'and used by this client' },
      ],
      fixes: [{ message: 'Remove InsecureSkipVerify', edits: [{ file: 'pkg/server.go', line: 11, column: 46, endLine: 11, endColumn: 72, newText: '' }] }],
    });
  });

  it('includes suppressed findings with their suppression', () => {
    const suppressed = out.findings.filter((f: { suppressed?: unknown }) => f.suppressed);
    expect(suppressed.map((f: { suppressed: unknown }) => f.suppressed)).toEqual([
      { kind: 'external', justification: 'baseline' },
      { kind: 'inSource', justification: 'legacy device, tracked in #42' },
    ]);
    expect(out.findings).toHaveLength(fixtureFindings().length);
  });
});

describe('sarifReporter', () => {
  const log = JSON.parse(sarifReporter.render(fixtureInput())) as Sarif.Log;
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules!;
  const results = run.results!;
  const byFingerprint = (fp: string) => results.find((r) => r.partialFingerprints?.['redlineFinding/v1'] === fp)!;

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'redline', version: '0.1.0', semanticVersion: '0.1.0', informationUri: 'https://github.com/redline-go/redline' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.automationDetails).toEqual({ id: 'redline/static/' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });

  it('describes every rule from its metadata, with unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.shortDescription?.text.length).toBeGreaterThan(0);
      expect(r.shortDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.fullDescription?.text.length).toBeGreaterThan(0);
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.help?.text.length).toBeGreaterThan(0);
      expect(r.helpUri).toBe(`https://github.com/redline-go/redline/blob/main/docs/rules/${r.id}.md`);
      expect(['note', 'warning', 'error']).toContain(r.defaultConfiguration?.level);
      const props = r.properties as { tags: string[]; 'security-severity': string };
      expect(props.tags).toContain('security');
      expect(props.tags.length).toBeLessThanOrEqual(20);
      const score = Number(props['security-severity']);
      expect(score > 0 && score <= 10).toBe(true);
    }
    const tls = rules.find((r) => r.id === 'tls/insecure-skip-verify')!;
    expect(tls).toMatchObject({
      name: 'TlsInsecureSkipVerify',
      shortDescription: { text: 'Keep TLS certificate verification on' },
      fullDescription: { text: 'Finds InsecureSkipVerify: true.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'tls', 'crypto', 'external/cwe/cwe-295'], precision: 'very-high', 'security-severity': '9.5' },
    });
    expect(tls.help!.markdown).toContain('Reported:\n\n```go\npackage p');
    expect(tls.help!.markdown).toContain('## Limits\n\nTest servers may need it.');
    // A finding of a rule outside the catalog still resolves.
    expect(ids).toContain('redline/unused-suppression');
  });

  it('gives every result a resolvable rule, a level, a message and a valid region', () => {
    expect(results).toHaveLength(fixtureFindings().length);
    for (const r of results) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(['note', 'warning', 'error']).toContain(r.level);
      expect(r.message.text!.length).toBeGreaterThan(0);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation!.uri).not.toMatch(/^\/|^[a-z]+:/);
      const g = loc.region!;
      expect(g.startLine).toBeGreaterThanOrEqual(1);
      expect(g.startColumn).toBeGreaterThanOrEqual(1);
      expect(g.endLine!).toBeGreaterThanOrEqual(g.startLine!);
      if (g.endLine === g.startLine) expect(g.endColumn!).toBeGreaterThan(g.startColumn!);
      expect(r.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);
    }
  });

  it('uses UTF-16 columns and percent-encoded relative URIs', () => {
    expect(byFingerprint('fp-tls').locations![0]!.physicalLocation!.region).toEqual({ startLine: 11, startColumn: 41, endLine: 11, endColumn: 65 });
    expect(byFingerprint('fp-work').locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('cmd/my%20tool/main%20%C3%BC.go');
  });

  it('emits related locations, a code flow for two or more steps, and fixes', () => {
    const tls = byFingerprint('fp-tls');
    expect(tls.relatedLocations!.map((l) => [l.id, l.message!.text, l.physicalLocation!.region!.startLine])).toEqual([
      [1, 'the config is created here', 11],
      [2, 'and used by this client', 12],
    ]);
    const steps = tls.codeFlows![0]!.threadFlows[0]!.locations;
    expect(steps.map((s) => s.location!.message!.text)).toEqual([
      'the config is created here',
      'and used by this client',
      'InsecureSkipVerify disables certificate verification: any server can impersonate the peer',
    ]);
    expect(tls.fixes).toEqual([
      {
        description: { text: 'Remove InsecureSkipVerify' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'pkg/server.go', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 11, startColumn: 41, endLine: 11, endColumn: 67 }, insertedContent: { text: '' } }],
          },
        ],
      },
    ]);
    const leak = byFingerprint('fp-leak');
    expect(leak.relatedLocations).toHaveLength(1);
    expect(leak.codeFlows).toBeUndefined();
  });

  it('records suppressions and the invocation', () => {
    expect(byFingerprint('fp-min').suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'legacy device, tracked in #42' }]);
    expect(byFingerprint('fp-old').suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'baseline' }]);
    expect(byFingerprint('fp-tls').suppressions).toBeUndefined();
    expect(run.invocations).toEqual([
      {
        commandLine: 'redline --format sarif ./...',
        executionSuccessful: true,
        exitCode: 1,
        workingDirectory: { uri: 'file:///work/repo/' },
        startTimeUtc: '2025-01-02T03:04:05.000Z',
        endTimeUtc: '2025-01-02T03:04:06.234Z',
      },
    ]);
    const failed = JSON.parse(sarifReporter.render(fixtureInput({ invocation: { ...fixtureInput().invocation, exitCode: 2 } }))) as Sarif.Log;
    expect(failed.runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
  });

  it('hashes lines like GitHub, over masked text', () => {
    const secretLine = byFingerprint('fp-secret').partialFingerprints!.primaryLocationLineHash;
    const masked = maskText(SERVER, [locate('pkg/server.go', SERVER, 9, SECRET)]);
    expect(secretLine).toBe(lineHashes(masked)[8]);
    expect(secretLine).not.toBe(lineHashes(SERVER)[8]);
    expect(byFingerprint('fp-leak').partialFingerprints!.primaryLocationLineHash).toBe(lineHashes(masked)[15]);
    const noSource = JSON.parse(sarifReporter.render(fixtureInput({ readSource: () => undefined }))) as Sarif.Log;
    expect(noSource.runs[0]!.results![0]!.partialFingerprints).toEqual({ 'redlineFinding/v1': 'fp-old' });
  });
});

describe('githubReporter', () => {
  it('escapes data and properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes one command per unsuppressed finding, by severity', () => {
    const lines = githubReporter.render(fixtureInput()).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      '::error file=pkg/server.go,line=11,endLine=11,col=41,endColumn=65,title=tls/insecure-skip-verify (critical)::InsecureSkipVerify disables certificate verification: any server can impersonate the peer',
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(1);
    const odd = makeFinding({ location: locate('a,b:c.go', 'x\n', 1, 'x'), message: 'line one\nline two: 50%' });
    expect(githubReporter.render(fixtureInput({ findings: [odd] }))).toBe(
      '::error file=a%2Cb%3Ac.go,line=1,endLine=1,col=1,endColumn=2,title=tls/insecure-skip-verify (critical)::line one%0Aline two: 50%25\n',
    );
    expect(githubReporter.render(fixtureInput({ findings: [] }))).toBe('');
  });
});

describe('gitlabReporter', () => {
  it('writes a Code Quality array with distinct fingerprints and GitLab severities', () => {
    const text = gitlabReporter.render(fixtureInput());
    expect(text.charCodeAt(0)).toBe('['.charCodeAt(0));
    const issues = JSON.parse(text) as { fingerprint: string; severity: string; check_name: string; description: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues).toHaveLength(5);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(5);
    expect(issues.map((i) => i.severity).sort()).toEqual(['blocker', 'blocker', 'major', 'major', 'minor']);
    expect(issues[1]).toMatchObject({ check_name: 'secrets/hardcoded-credential', location: { path: 'pkg/server.go', lines: { begin: 9 } } });
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps fingerprints distinct when two findings share one', () => {
    const loc = locate('a.go', 'x x\n', 1, 'x');
    const twins = [makeFinding({ location: loc, fingerprint: 'same' }), makeFinding({ location: loc, fingerprint: 'same' })];
    const issues = JSON.parse(gitlabReporter.render(fixtureInput({ findings: twins }))) as { fingerprint: string }[];
    expect(issues[0]!.fingerprint).not.toBe(issues[1]!.fingerprint);
  });
});

describe('rdjsonReporter', () => {
  it('writes a DiagnosticResult with byte columns, codes, suggestions and related locations', () => {
    const out = JSON.parse(rdjsonReporter.render(fixtureInput()));
    expect(out.source).toEqual({ name: 'redline', url: 'https://github.com/redline-go/redline' });
    expect(out.diagnostics).toHaveLength(5);
    const tls = out.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'tls/insecure-skip-verify');
    expect(tls).toMatchObject({
      severity: 'ERROR',
      location: { path: 'pkg/server.go', range: { start: { line: 11, column: 46 }, end: { line: 11, column: 70 } } },
      code: { value: 'tls/insecure-skip-verify', url: 'https://github.com/redline-go/redline/blob/main/docs/rules/tls/insecure-skip-verify.md' },
      suggestions: [{ range: { start: { line: 11, column: 46 }, end: { line: 11, column: 72 } }, text: '' }],
    });
    expect(tls.related_locations.map((r: { message: string }) => r.message)).toEqual(['the config is created here', 'and used by this client']);
    expect(new Set(out.diagnostics.map((d: { severity: string }) => d.severity))).toEqual(new Set(['ERROR', 'WARNING', 'INFO']));
  });
});

describe('checkstyle and junit', () => {
  const nasty = makeFinding({
    location: locate('a&b<c>.go', 'x\n', 1, 'x'),
    message: 'use "a" & \'b\' <now>\u0007',
    severity: 'medium',
  });

  it('escapes XML in checkstyle', () => {
    const out = checkstyleReporter.render(fixtureInput({ findings: [nasty] }));
    expect(out).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a&amp;b&lt;c&gt;.go">',
        '    <error line="1" column="1" severity="warning" message="use &quot;a&quot; &amp; &apos;b&apos; &lt;now&gt;\uFFFD" source="redline.tls/insecure-skip-verify"/>',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('writes one failing test case per finding in JUnit, and a passing one for a clean run', () => {
    const out = junitReporter.render(fixtureInput());
    expect(out).toContain('<testsuites name="redline" tests="5" failures="5" time="1.234">');
    expect(out.match(/<testcase /g)).toHaveLength(5);
    expect(out.match(/<failure /g)).toHaveLength(5);
    expect(junitReporter.render(fixtureInput({ findings: [nasty] }))).toContain('classname="a&amp;b&lt;c&gt;.go"');
    const clean = junitReporter.render(fixtureInput({ findings: [] }));
    expect(clean).toContain('<testsuites name="redline" tests="1" failures="0"');
    expect(clean).not.toContain('<failure');
  });

  it('maps every severity', () => {
    for (const severity of SEVERITIES) {
      const f = makeFinding({ location: locate('a.go', 'x\n', 1, 'x'), severity });
      expect(checkstyleReporter.render(fixtureInput({ findings: [f] }))).toMatch(/severity="(error|warning|info)"/);
    }
  });
});
