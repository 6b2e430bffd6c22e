/**
 * Inline suppression directives in Go comments:
 *
 *     //redline:ignore <rule-or-family>[,<rule-or-family>…] <reason>
 *     //redline:file-ignore <rule-or-family>[,…] <reason>
 *
 * `ignore` applies to findings that start on the directive's own line and,
 * when the comment is alone on its line, on the next line: put it on the
 * line or on the line above. `file-ignore` applies to the whole file.
 * Like `//go:` directives they are recognised only in `//` comments that
 * start exactly with `//redline:` (no space). A reason is required; a
 * directive without one, or naming an unknown rule or family, is reported
 * as `redline/bad-directive` (the unknown names are dropped; a directive
 * without a reason suppresses nothing). Directives that suppress nothing
 * can be reported as `redline/unused-suppression`.
 */
import type { Span, Suppression } from './finding.js';
import type { RuleMeta } from './rule-meta.js';
import { refCovers, type RuleRef, resolveRuleRef } from './rule-ref.js';
import { didYouMean } from './suggest.js';

export const BAD_DIRECTIVE_RULE = 'redline/bad-directive';
export const UNUSED_SUPPRESSION_RULE = 'redline/unused-suppression';

/** A comment as the parser reports it: its text (with `//` or `/*`) and its lines (1-based). */
export interface CommentText {
  readonly text: string;
  readonly line: number;
  readonly endLine: number;
}

export type DirectiveKind = 'ignore' | 'file-ignore';

export interface Directive {
  readonly kind: DirectiveKind;
  readonly refs: readonly RuleRef[];
  readonly reason: string;
  /** The comment. */
  readonly span: Span;
  /** Lines whose findings it suppresses; undefined for `file-ignore` (every line). */
  readonly lines?: { readonly first: number; readonly last: number };
}

export interface DirectiveProblem {
  readonly rule: typeof BAD_DIRECTIVE_RULE;
  readonly span: Span;
  readonly message: string;
  /** The name probably meant, for an unknown rule, family or directive. */
  readonly suggestion?: string;
}

export interface ParsedDirectives {
  readonly directives: readonly Directive[];
  readonly problems: readonly DirectiveProblem[];
}

const PREFIX = '//redline:';
const KINDS: readonly DirectiveKind[] = ['ignore', 'file-ignore'];

/** The span of a `//` comment, which always runs to the end of its line. */
function commentSpan(c: CommentText, lines: readonly string[]): { span: Span; alone: boolean } {
  const lineText = (lines[c.line - 1] ?? '').replace(/\r$/, '');
  const text = c.text.replace(/\r$/, '');
  const start = Math.max(0, lineText.length - text.length);
  const before = lineText.slice(0, start);
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  return {
    span: {
      line: c.line,
      endLine: c.line,
      column: bytes(before) + 1,
      endColumn: bytes(lineText) + 1,
      column16: start + 1,
      endColumn16: lineText.length + 1,
    },
    alone: before.trim() === '',
  };
}

/** Parses the directives among a file's comments. `source` is the file text (to tell trailing comments from lone ones). */
export function parseSuppressionDirectives(
  comments: readonly CommentText[],
  source: string,
  catalog: readonly RuleMeta[],
): ParsedDirectives {
  const lines = source.split('\n');
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  for (const c of comments) {
    if (!c.text.startsWith(PREFIX) || c.endLine !== c.line) continue;
    const { span, alone } = commentSpan(c, lines);
    const problem = (message: string, suggestion?: string) =>
      problems.push({ rule: BAD_DIRECTIVE_RULE, span, message, ...(suggestion !== undefined && { suggestion }) });
    const body = c.text.slice(PREFIX.length).replace(/\r$/, '');
    if (/^\s/.test(body)) {
      problem('no space is allowed after "//redline:"; write //redline:ignore <rule> <reason>');
      continue;
    }
    const [verb = '', names = '', ...rest] = body.trim().split(/\s+/);
    if (!(KINDS as readonly string[]).includes(verb)) {
      const suggestion = didYouMean(verb, KINDS);
      problem(
        `unknown directive "//redline:${verb}"${suggestion ? `; did you mean "//redline:${suggestion}"?` : `; use //redline:ignore or //redline:file-ignore`}`,
        suggestion && `//redline:${suggestion}`,
      );
      continue;
    }
    const kind = verb as DirectiveKind;
    if (names === '') {
      problem(`//redline:${kind} needs a rule or family and a reason: //redline:${kind} <rule>[,<rule>…] <reason>`);
      continue;
    }
    const refs: RuleRef[] = [];
    for (const name of names.split(',')) {
      if (name === '') continue;
      const r = resolveRuleRef(name, catalog);
      if (r.ok) refs.push(r.ref);
      else problem(r.message, r.suggestion);
    }
    const reason = rest.join(' ');
    if (reason === '') {
      problem(`//redline:${kind} ${names} needs a reason after the rule names: say why the finding is acceptable`);
      continue;
    }
    if (refs.length === 0) continue;
    directives.push({
      kind,
      refs,
      reason,
      span,
      ...(kind === 'ignore' && { lines: { first: c.line, last: alone ? c.line + 1 : c.line } }),
    });
  }
  return { directives, problems };
}

/** The directive suppressing `rule` at `line` (a line directive before a file one), or undefined. */
export function matchSuppression(directives: readonly Directive[], rule: string, line: number): Directive | undefined {
  const covers = (d: Directive) => d.refs.some((r) => refCovers(r, rule));
  return (
    directives.find((d) => d.lines !== undefined && line >= d.lines.first && line <= d.lines.last && covers(d)) ??
    directives.find((d) => d.lines === undefined && covers(d))
  );
}

/** The `Suppression` a finding gets from a directive. */
export function suppressionOf(d: Directive): Suppression {
  return { kind: 'inSource', justification: d.reason };
}

/**
 * Matching with bookkeeping: remembers which rule names of which
 * directives suppressed something, to report the rest as unused.
 */
export class SuppressionTracker {
  private readonly used = new Set<string>();

  constructor(readonly directives: readonly Directive[]) {}

  /** Like `matchSuppression`, and marks the names that matched as used. */
  match(rule: string, line: number): Directive | undefined {
    const d = matchSuppression(this.directives, rule, line);
    if (d) {
      const i = this.directives.indexOf(d);
      d.refs.forEach((r, j) => {
        if (refCovers(r, rule)) this.used.add(`${i}:${j}`);
      });
    }
    return d;
  }

  /**
   * The rule names of directives that suppressed nothing. With
   * `enabledRules`, names that cover no enabled rule are left out (a
   * directive for a rule the policy turned off is not unused, just idle).
   */
  unused(enabledRules?: ReadonlySet<string>): { readonly directive: Directive; readonly ref: RuleRef }[] {
    const out: { directive: Directive; ref: RuleRef }[] = [];
    this.directives.forEach((directive, i) => {
      directive.refs.forEach((ref, j) => {
        if (this.used.has(`${i}:${j}`)) return;
        if (enabledRules && ![...enabledRules].some((id) => refCovers(ref, id))) return;
        out.push({ directive, ref });
      });
    });
    return out;
  }
}
