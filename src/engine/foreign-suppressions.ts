/**
 * Suppression comments written for gosec, which a policy may ask Redline to
 * honour (`suppressions: { gosec: true }`) for the rules that report what
 * gosec's checks report (`RuleMeta.gosec`):
 *
 *     // #nosec                      every gosec check
 *     // #nosec G402 G101 -- reason  the checks named
 *     //nolint:gosec // reason       golangci-lint: gosec (or every linter, without a list)
 *
 * A comment applies to its own line; alone on its line, it also covers the
 * code that follows its comment group (analyze.ts widens `lines` to the
 * outermost node starting there, as gosec and golangci-lint apply it to the
 * next node). These comments belong to other tools: they are never reported
 * as bad or unused.
 */
import type { Suppression } from './finding.js';

export interface GosecDirective {
  /** gosec check ids (`G402`), or 'all'. */
  readonly checks: ReadonlySet<string> | 'all';
  /** The comment as written (trimmed; the caller may add the rest of its group), for the suppression's justification. */
  readonly text: string;
  readonly lines: { readonly first: number; readonly last: number };
}

/** A `//` comment with its line and whether code precedes it on that line. */
export interface LineComment {
  readonly text: string;
  readonly line: number;
  readonly alone: boolean;
}

const NOSEC = /#nosec\b([^\n]*)/;
const NOLINT = /^\/\/\s?nolint\b\s*(?::\s*([\w-]+(?:\s*,\s*[\w-]+)*))?/;

/** The gosec directive a comment holds, if any. */
export function parseGosecDirective(c: LineComment): GosecDirective | undefined {
  const lines = { first: c.line, last: c.alone ? c.line + 1 : c.line };
  const text = c.text.replace(/\r$/, '').trim();
  const nosec = NOSEC.exec(text);
  if (nosec) {
    const ids = (nosec[1]!.split(/\s--\s|\s--$/)[0] ?? '').match(/\bG\d{3}\b/g);
    return { checks: ids ? new Set(ids) : 'all', text, lines };
  }
  const nolint = NOLINT.exec(text);
  if (nolint) {
    const linters = nolint[1]?.split(/\s*,\s*/);
    if (linters && !linters.includes('gosec')) return undefined;
    return { checks: 'all', text, lines };
  }
  return undefined;
}

/** Whether a comment may hold a gosec directive (a cheap test before parsing). */
export function mayBeGosecDirective(text: string): boolean {
  return text.includes('#nosec') || /^\/\/\s?nolint\b/.test(text);
}

/** The directive suppressing, at `line`, a rule that reports gosec's `checks`. */
export function matchGosec(directives: readonly GosecDirective[], checks: readonly string[] | undefined, line: number): GosecDirective | undefined {
  if (!checks || checks.length === 0) return undefined;
  return directives.find((d) => line >= d.lines.first && line <= d.lines.last && (d.checks === 'all' || checks.some((c) => (d.checks as ReadonlySet<string>).has(c))));
}

/** The `Suppression` a finding gets from a gosec directive. */
export function gosecSuppression(d: GosecDirective): Suppression {
  return { kind: 'inSource', justification: `honoured gosec comment: ${d.text}` };
}
