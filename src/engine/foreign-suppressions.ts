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
 * code that follows its comment group (see `gosecDirectives`). These
 * comments belong to other tools: they are never reported as bad or unused.
 */
import type { Node } from '../syntax/ast.js';
import { forEachChild } from '../syntax/walk.js';
import type { FileData } from '../semantics/package.js';
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

/**
 * The gosec directives of a file. A comment alone on its line covers the
 * code after its comment group, as gosec and golangci-lint apply it to the
 * next node: the lines of the outermost node starting on the first line
 * after the group. The justification is the comment with the rest of its
 * group (the reason often follows on the next comment lines).
 */
export function gosecDirectives(file: Pick<FileData, 'ast' | 'positions' | 'source'>): GosecDirective[] {
  const found: Array<{ directive: GosecDirective; nextLine: number }> = [];
  for (const group of file.ast.comments) {
    for (const [i, c] of group.list.entries()) {
      if (!c.text.startsWith('//') || !mayBeGosecDirective(c.text)) continue;
      const line = file.positions.line(c.start);
      const d = parseGosecDirective({ text: c.text, line, alone: file.source.slice(file.positions.lineStart(line), c.start).trim() === '' });
      if (!d) continue;
      const text = group.list.slice(i).map((x) => x.text.trim()).join(' ');
      found.push({ directive: { ...d, text: text.length > 200 ? `${text.slice(0, 199)}…` : text }, nextLine: file.positions.line(group.end) + 1 });
    }
  }
  const covers = (d: GosecDirective) => d.lines.last > d.lines.first;
  // first code line after a lone comment's group → last line of the outermost node starting there
  const nodeEnds = new Map<number, number>();
  for (const f of found) if (covers(f.directive)) nodeEnds.set(f.nextLine, 0);
  if (nodeEnds.size > 0) {
    const lastTarget = Math.max(...nodeEnds.keys());
    const visit = (n: Node): void => {
      const first = file.positions.line(n.start);
      if (first > lastTarget) return; // children start at or after their parent
      const last = nodeEnds.get(first);
      if (last !== undefined) nodeEnds.set(first, Math.max(last, file.positions.line(Math.max(n.start, n.end - 1))));
      forEachChild(n, visit);
    };
    for (const d of file.ast.decls) visit(d);
  }
  return found.map(({ directive, nextLine }) => {
    const last = covers(directive) ? nodeEnds.get(nextLine) : undefined;
    return last ? { ...directive, lines: { first: directive.lines.first, last } } : directive;
  });
}
