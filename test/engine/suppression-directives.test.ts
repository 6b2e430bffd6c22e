import { describe, expect, it } from 'vitest';
import {
  type CommentText,
  matchSuppression,
  parseSuppressionDirectives,
  SuppressionTracker,
  suppressionOf,
} from '../../src/engine/suppression-directives.js';
import { CATALOG } from '../support/catalog.js';

/** The `//` and `/* *\/` comments of a small Go source, as the parser would report them. */
function commentsOf(source: string): CommentText[] {
  const out: CommentText[] = [];
  source.split('\n').forEach((line, i) => {
    const block = line.indexOf('/*');
    const at = line.indexOf('//');
    if (block >= 0 && (at < 0 || block < at)) out.push({ text: line.slice(block), line: i + 1, endLine: i + 2 });
    else if (at >= 0 && !line.slice(0, at).includes('"')) out.push({ text: line.slice(at), line: i + 1, endLine: i + 1 });
  });
  return out;
}

const parse = (source: string) => parseSuppressionDirectives(commentsOf(source), source, CATALOG);

describe('parseSuppressionDirectives', () => {
  it('applies a lone directive to its line and the next, a trailing one to its own line', () => {
    const src = [
      'package p', //                                                   1
      '', //                                                            2
      '//redline:ignore tls/insecure-skip-verify test server only', // 3
      'var a = x', //                                                   4
      'var b = y //redline:ignore tls local fixture', //                5
      'var c = z', //                                                   6
    ].join('\n');
    const { directives, problems } = parse(src);
    expect(problems).toEqual([]);
    expect(directives.map((d) => [d.kind, d.lines, d.reason])).toEqual([
      ['ignore', { first: 3, last: 4 }, 'test server only'],
      ['ignore', { first: 5, last: 5 }, 'local fixture'],
    ]);
    expect(matchSuppression(directives, 'tls/insecure-skip-verify', 4)).toBe(directives[0]);
    expect(matchSuppression(directives, 'tls/insecure-skip-verify', 3)).toBe(directives[0]);
    expect(matchSuppression(directives, 'tls/min-version', 4)).toBeUndefined();
    expect(matchSuppression(directives, 'tls/min-version', 5)).toBe(directives[1]);
    expect(matchSuppression(directives, 'tls/min-version', 6)).toBeUndefined();
    expect(suppressionOf(directives[0]!)).toEqual({ kind: 'inSource', justification: 'test server only' });
  });

  it('applies file-ignore to every line, with several names', () => {
    const { directives } = parse('//redline:file-ignore goroutine,secrets/hardcoded-credential generated fixtures\npackage p\n');
    expect(directives[0]).toMatchObject({ kind: 'file-ignore', reason: 'generated fixtures' });
    expect(directives[0]!.lines).toBeUndefined();
    expect(matchSuppression(directives, 'goroutine/leak-on-block', 900)).toBe(directives[0]);
    expect(matchSuppression(directives, 'secrets/hardcoded-credential', 2)).toBe(directives[0]);
    expect(matchSuppression(directives, 'tls/min-version', 2)).toBeUndefined();
  });

  it('reports the span of the comment in UTF-8 and UTF-16 columns', () => {
    const source = 'package p\nvar s = "é€" //redline:ignore tls ok\r\n';
    const { directives } = parseSuppressionDirectives([{ text: '//redline:ignore tls ok', line: 2, endLine: 2 }], source, CATALOG);
    // "é" is 2 UTF-8 bytes and "€" 3, each one UTF-16 unit.
    expect(directives[0]!.span).toEqual({ line: 2, endLine: 2, column: 17, endColumn: 40, column16: 14, endColumn16: 37 });
    expect(directives[0]!.lines).toEqual({ first: 2, last: 2 });
  });

  it('reports malformed directives as redline/bad-directive', () => {
    const src = [
      '//redline:ignore tls/insecure-skip-verify',
      '//redline:ignore',
      '//redline:ignor tls reason',
      '//redline: ignore tls reason',
      '//redline:ignore tls/insecure-skip-verfy,tls reason here',
      '//redline:ignore nope/x reason',
    ].join('\n');
    const { directives, problems } = parse(src);
    expect(problems.map((p) => [p.span.line, p.message, p.suggestion])).toEqual([
      [1, '//redline:ignore tls/insecure-skip-verify needs a reason after the rule names: say why the finding is acceptable', undefined],
      [2, '//redline:ignore needs a rule or family and a reason: //redline:ignore <rule>[,<rule>…] <reason>', undefined],
      [3, 'unknown directive "//redline:ignor"; did you mean "//redline:ignore"?', '//redline:ignore'],
      [4, 'no space is allowed after "//redline:"; write //redline:ignore <rule> <reason>', undefined],
      [5, 'unknown rule "tls/insecure-skip-verfy"; did you mean "tls/insecure-skip-verify"?', 'tls/insecure-skip-verify'],
      [6, 'unknown rule "nope/x"', undefined],
    ]);
    expect(problems.every((p) => p.rule === 'redline/bad-directive')).toBe(true);
    // The known name of line 5 still works; a directive without a reason suppresses nothing.
    expect(directives.map((d) => d.span.line)).toEqual([5]);
    expect(matchSuppression(directives, 'tls/insecure-skip-verify', 1)).toBeUndefined();
  });

  it('recognises only // comments starting exactly with //redline:', () => {
    const src = '// redline:ignore tls spaced\n/*redline:ignore tls block*/\n/* //redline:ignore tls inside */\nx := 1 // see //redline:ignore tls quoted\n';
    const { directives, problems } = parse(src);
    expect(directives).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('SuppressionTracker', () => {
  it('reports names that suppressed nothing, ignoring names of disabled rules', () => {
    const src = '//redline:ignore tls,goroutine shared reason\nvar a = 1\n//redline:file-ignore secrets not used\n';
    const tracker = new SuppressionTracker(parse(src).directives);
    expect(tracker.match('tls/min-version', 2)).toBeDefined();
    expect(tracker.match('tls/min-version', 7)).toBeUndefined();
    expect(tracker.unused().map((u) => [u.directive.span.line, u.ref])).toEqual([
      [1, { kind: 'family', family: 'goroutine' }],
      [3, { kind: 'family', family: 'secrets' }],
    ]);
    const enabled = new Set(['tls/min-version', 'secrets/hardcoded-credential']);
    expect(tracker.unused(enabled).map((u) => u.ref)).toEqual([{ kind: 'family', family: 'secrets' }]);
  });
});
