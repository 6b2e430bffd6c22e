/**
 * Suppression comments written for other linters, which a policy may ask
 * Redline to honour (`suppressions: { gosec: true, staticcheck: true }`)
 * for the rules that report what those linters' checks report
 * (`RuleMeta.equivalents`):
 *
 *     // #nosec                        gosec: every check
 *     // #nosec G402 G101 -- reason    gosec: the checks named
 *     //lint:ignore SA1029 reason      staticcheck: the checks named
 *     //lint:file-ignore SA1029 reason staticcheck: the whole file
 *     //nolint:gosec,staticcheck // r  golangci-lint: the linters named (every linter without a list, or with `all`)
 *     "xoxb-…" // gitleaks:allow       gitleaks: every secret on the line (its own line only)
 *
 * A comment applies to its own line; alone on its line, it also covers the
 * code that follows its comment group (see `foreignDirectives`). These
 * comments belong to other tools: they are never reported as bad or unused.
 */
import type { Node } from '../syntax/ast.js';
import { forEachChild } from '../syntax/walk.js';
import type { FileData } from '../semantics/package.js';
import type { Suppression } from './finding.js';

export const FOREIGN_TOOLS = ['gosec', 'staticcheck', 'gitleaks'] as const;
export type ForeignTool = (typeof FOREIGN_TOOLS)[number];

/** The linters golangci-lint's `//nolint` names. */
const NOLINT_TOOLS: readonly ForeignTool[] = ['gosec', 'staticcheck'];

/** Per tool, the checks of that tool that report the same defect as a rule (`G402`, `SA1029`). */
export type Equivalents = { readonly [T in ForeignTool]?: readonly string[] };

export interface ForeignDirective {
  readonly tool: ForeignTool;
  /** Check ids (`G402`, `SA1029`, `SA*`), or 'all'. */
  readonly checks: ReadonlySet<string> | 'all';
  /** The comment as written (trimmed; `foreignDirectives` adds the rest of its group), for the suppression's justification. */
  readonly text: string;
  /** The lines it covers; undefined for a whole file. */
  readonly lines?: { readonly first: number; readonly last: number };
}

/** A `//` comment with its line and whether code precedes it on that line. */
export interface LineComment {
  readonly text: string;
  readonly line: number;
  readonly alone: boolean;
}

const NOSEC = /#nosec\b([^\n]*)/;
const NOLINT = /^\/\/\s?nolint\b\s*(?::\s*([\w-]+(?:\s*,\s*[\w-]+)*))?/;
const LINT_IGNORE = /^\/\/lint:(ignore|file-ignore)\s+(\S+)/;
const GITLEAKS_ALLOW = /\bgitleaks:allow\b/;

/** The directives a comment holds for other tools (several for `//nolint:gosec,staticcheck`). */
export function parseForeignDirectives(c: LineComment): ForeignDirective[] {
  const lines = { first: c.line, last: c.alone ? c.line + 1 : c.line };
  const text = c.text.replace(/\r$/, '').trim();
  if (GITLEAKS_ALLOW.test(text)) return [{ tool: 'gitleaks', checks: 'all', text, lines: { first: c.line, last: c.line } }];
  const nosec = NOSEC.exec(text);
  if (nosec) {
    const ids = (nosec[1]!.split(/\s--\s|\s--$/)[0] ?? '').match(/\bG\d{3}\b/g);
    return [{ tool: 'gosec', checks: ids ? new Set(ids) : 'all', text, lines }];
  }
  const lint = LINT_IGNORE.exec(text);
  if (lint) {
    const checks = new Set(lint[2]!.split(',').filter((x) => x !== ''));
    return [{ tool: 'staticcheck', checks, text, ...(lint[1] === 'ignore' && { lines }) }];
  }
  const nolint = NOLINT.exec(text);
  if (nolint) {
    const linters = nolint[1]?.split(/\s*,\s*/);
    // `//nolint` and `//nolint:all` name every linter
    return NOLINT_TOOLS.filter((t) => !linters || linters.includes('all') || linters.includes(t)).map((tool) => ({ tool, checks: 'all' as const, text, lines }));
  }
  return [];
}

/** Whether a comment may hold a directive for another tool (a cheap test before parsing). */
export function mayBeForeignDirective(text: string): boolean {
  return text.includes('#nosec') || text.startsWith('//lint:') || /^\/\/\s?nolint\b/.test(text) || text.includes('gitleaks:allow');
}

/**
 * The directives of a file for the tools honoured. A comment alone on its
 * line covers the code after its comment group, as gosec, staticcheck and
 * golangci-lint apply it to the next node: the lines of the outermost node
 * starting on the first line after the group. The justification is the
 * comment with the rest of its group (the reason often follows on the next
 * comment lines).
 */
export function foreignDirectives(file: Pick<FileData, 'ast' | 'positions' | 'source'>, tools: ReadonlySet<ForeignTool>): ForeignDirective[] {
  const found: Array<{ directive: ForeignDirective; nextLine: number }> = [];
  for (const group of file.ast.comments) {
    for (const [i, c] of group.list.entries()) {
      if (!c.text.startsWith('//') || !mayBeForeignDirective(c.text)) continue;
      const line = file.positions.line(c.start);
      const alone = file.source.slice(file.positions.lineStart(line), c.start).trim() === '';
      const text = group.list.slice(i).map((x) => x.text.trim()).join(' ');
      for (const d of parseForeignDirectives({ text: c.text, line, alone })) {
        if (!tools.has(d.tool)) continue;
        found.push({ directive: { ...d, text: text.length > 200 ? `${text.slice(0, 199)}…` : text }, nextLine: file.positions.line(group.end) + 1 });
      }
    }
  }
  const covers = (d: ForeignDirective) => d.lines !== undefined && d.lines.last > d.lines.first;
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
    return last ? { ...directive, lines: { first: directive.lines!.first, last } } : directive;
  });
}

/** Whether a directive's check list names `check` (`SA*` covers every SA check). */
function names(d: ForeignDirective, check: string): boolean {
  if (d.checks === 'all') return true;
  for (const c of d.checks) if (c === check || (c.endsWith('*') && check.startsWith(c.slice(0, -1)))) return true;
  return false;
}

/** The directive suppressing, at `line`, a rule with these equivalents. */
export function matchForeign(directives: readonly ForeignDirective[], equivalents: Equivalents | undefined, line: number): ForeignDirective | undefined {
  if (!equivalents) return undefined;
  return directives.find((d) => {
    const checks = equivalents[d.tool];
    if (!checks || checks.length === 0) return false;
    if (d.lines && (line < d.lines.first || line > d.lines.last)) return false;
    return checks.some((c) => names(d, c));
  });
}

/** The `Suppression` a finding gets from another tool's directive. */
export function foreignSuppression(d: ForeignDirective): Suppression {
  return { kind: 'inSource', justification: `honoured ${d.tool} comment: ${d.text}` };
}
