import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/report/code-frame.js';
import { textReporter } from '../../src/report/text.js';
import { locate, makeFinding } from '../support/findings.js';
import { fixtureInput, SERVER } from '../support/report-fixture.js';

const lines = SERVER.split('\n');

describe('codeFrame', () => {
  it('shows context, a gutter and the underlined range, expanding tabs', () => {
    const span = locate('f.go', SERVER, 17, 'ch <- 1');
    expect(codeFrame(lines, span).join('\n')).toBe(
      ['  15 │ func leak(ch chan int) {', '  16 │     go func() {', '> 17 │         ch <- 1', '     │         ^~~~~~~', '  18 │     }()'].join('\n'),
    );
  });

  it('aligns the underline under wide and non-ASCII characters', () => {
    const src = 'x := "世界é"; y := bad()\n';
    const frame = codeFrame([src.trimEnd()], locate('f.go', src, 1, 'bad()'));
    const code = frame[0]!.slice(frame[0]!.indexOf('│') + 2);
    const under = frame[1]!.slice(frame[1]!.indexOf('│') + 2);
    // 世 and 界 take two columns each: "x := "世界é"; y := " is 19 columns wide.
    expect(under.indexOf('^')).toBe(19);
    expect(code).toBe('x := "世界é"; y := bad()');
  });

  it('shows head and tail of a long range', () => {
    const src = Array.from({ length: 20 }, (_, i) => `line${i + 1}`);
    const frame = codeFrame(src, { line: 3, endLine: 15, column: 1, endColumn: 7, column16: 1, endColumn16: 7 });
    expect(frame.some((l) => l.includes('⋮'))).toBe(true);
    expect(frame.join('\n')).toContain('> 15 │ line15');
    expect(frame.join('\n')).not.toContain('line9');
  });

  it('clips long lines around the range, with ellipses', () => {
    const long = `${'a'.repeat(300)}TARGET${'b'.repeat(300)}`;
    const frame = codeFrame([long], locate('f.go', long, 1, 'TARGET'), { maxWidth: 80 });
    const code = frame[0]!.slice(frame[0]!.indexOf('│') + 2);
    expect(code.length).toBeLessThanOrEqual(80);
    expect(code.startsWith('…')).toBe(true);
    expect(code.endsWith('…')).toBe(true);
    const under = frame[1]!.slice(frame[1]!.indexOf('│') + 2);
    expect(code.slice(under.indexOf('^'), under.indexOf('^') + 6)).toBe('TARGET');
  });

  it('is empty for a span outside the text', () => {
    expect(codeFrame(['a'], { line: 5, endLine: 5, column: 1, endColumn: 2, column16: 1, endColumn16: 2 })).toEqual([]);
  });
});

describe('textReporter', () => {
  it('renders a finding with its frame, related locations, fix and advice', () => {
    const out = textReporter.render(fixtureInput());
    const block = out.slice(out.indexOf('pkg/server.go:11:41'), out.indexOf('pkg/server.go:12:72'));
    expect(block).toBe(
      [
        'pkg/server.go:11:41  critical  tls/insecure-skip-verify  InsecureSkipVerify disables certificate verification: any server can impersonate the peer',
        '     9 │ const apiKey = "********************"',
        '    10 │ func client() *http.Client {',
        '  > 11 │     msg := "héllo, 世界"; cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}',
        '       │                                              ^~~~~~~~~~~~~~~~~~~~~~~~',
        '    12 │     return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}} // uses cfg',
        '    ↳ pkg/server.go:11:22: the config is created here',
        '    ↳ pkg/server.go:12:49: and used by this client',
        '    fix: Remove InsecureSkipVerify',
        '    help: Stop doing InsecureSkipVerify: true.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('groups by file and ends with the summary', () => {
    const out = textReporter.render(fixtureInput());
    expect(out.indexOf('cmd/my tool/main ü.go\n')).toBeLessThan(out.indexOf('pkg/server.go\n'));
    expect(out.trimEnd().split('\n').slice(-3)).toEqual([
      '✖ 5 findings: 2 critical, 2 medium, 1 low (2 files, 2 packages, 706 B in 1.23 s)',
      '  1 suppressed, 1 baselined, 2 stale baseline entries',
      '  3 files not built for linux/amd64 (2 need --tags integration)',
    ]);
  });

  it('hides suppressed findings unless asked, and marks them', () => {
    expect(textReporter.render(fixtureInput())).not.toContain('MinVersion TLS 1.0 is too old');
    const out = textReporter.render(fixtureInput({ showSuppressed: true }));
    expect(out).toContain('MinVersion TLS 1.0 is too old: use tls.VersionTLS12 or newer  (suppressed: legacy device, tracked in #42)');
    expect(out).toContain('(suppressed: baseline)');
  });

  it('colours only when asked', () => {
    expect(textReporter.render(fixtureInput({ color: false }))).not.toContain('\u001b[');
    expect(textReporter.render(fixtureInput({ color: true }))).toContain('\u001b[31m');
  });

  it('says so when there are no findings', () => {
    const input = fixtureInput({ findings: [] });
    const none = { files: 0, target: 'linux/amd64', byTags: {} };
    const out = textReporter.render({ ...input, summary: { ...input.summary, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, suppressed: 0, baselined: 0, staleBaselineEntries: 0, notBuilt: none } });
    expect(out).toBe('✔ No findings (2 files, 2 packages, 706 B in 1.23 s)\n');
  });

  it('says which files the build target left out, and the tags that would build them', () => {
    const input = fixtureInput({ findings: [] });
    const summary = (byTags: Record<string, number>, files = 40) => ({ ...input.summary, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, suppressed: 0, baselined: 0, staleBaselineEntries: 0, notBuilt: { files, target: 'linux/arm64', byTags } });
    const last = (byTags: Record<string, number>, files?: number) => textReporter.render({ ...input, summary: summary(byTags, files) }).trimEnd().split('\n').at(-1);
    expect(last({})).toBe('  40 files not built for linux/arm64');
    expect(last({}, 1)).toBe('  1 file not built for linux/arm64');
    expect(last({ quic: 10, 'e2e,slow': 4 })).toBe('  40 files not built for linux/arm64 (10 need --tags quic, 4 --tags e2e,slow)');
    expect(last({ a: 4, b: 3, c: 2, d: 1 })).toBe('  40 files not built for linux/arm64 (4 need --tags a, 3 --tags b, 2 --tags c, …)');
  });

  it('masks the secret in the frame of another finding too', () => {
    const out = textReporter.render(fixtureInput());
    const frames = out.split('\n').filter((l) => l.includes('const apiKey'));
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const l of frames) expect(l).toContain('"********************"');
  });

  it('masks tokens of known formats and private keys next to a finding, whatever rules reported', () => {
    const token = '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';
    const key = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(3)}\n-----END PRIVATE KEY-----`;
    const src = `package p\n\n// old token: ${token}\nvar c = &tls.Config{InsecureSkipVerify: true}\nconst k = \`${key}\`\n`;
    const f = makeFinding({ location: locate('p.go', src, 4, 'InsecureSkipVerify: true'), masked: [] });
    const out = textReporter.render(fixtureInput({ findings: [f], readSource: () => src }));
    expect(out).toContain('// old token: ****');
    expect(out).not.toContain(token);
    expect(out).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  });

  it('shows a finding without readable source as its header only', () => {
    const f = makeFinding({ location: locate('gone.go', 'x\n', 1, 'x') });
    const input = fixtureInput({ findings: [f], readSource: () => undefined });
    expect(textReporter.render(input)).toContain('gone.go:1:1  critical  tls/insecure-skip-verify  TLS certificate verification is disabled\n    help:');
  });
});
