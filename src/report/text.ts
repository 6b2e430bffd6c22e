/**
 * The terminal report: findings grouped by file, each with its position,
 * severity, rule, message, a code frame, related locations and fix hints,
 * then a summary. Suppressed findings are counted, and shown only with
 * `showSuppressed`. Masked ranges are printed as `*`. Positions are
 * `file:line:column` with the column in characters (UTF-16 units), as
 * editors count them, so terminals can link them.
 */
import { createColors } from 'picocolors';
import type { Finding, Severity } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule-meta.js';
import type { NotBuilt } from '../engine/scan-plan.js';
import { SEVERITIES } from '../engine/finding.js';
import { codeFrame } from './code-frame.js';
import { fixAdvice, rulesById } from './rule-docs.js';
import { maskedSourceReader, splitLines } from './source.js';
import type { Reporter, ReportInput, ReportSummary } from './types.js';

type Colors = ReturnType<typeof createColors>;

function severityStyle(c: Colors, s: Severity): (text: string) => string {
  switch (s) {
    case 'critical':
      return (t) => c.bold(c.red(t));
    case 'high':
      return c.red;
    case 'medium':
      return c.yellow;
    case 'low':
      return c.cyan;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function position(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

function renderFinding(
  f: Finding,
  rules: ReadonlyMap<string, RuleMeta>,
  c: Colors,
  read: (file: string) => string | undefined,
): string[] {
  const sev = severityStyle(c, f.severity);
  const loc = f.location;
  const head = [
    c.bold(position(loc.file, loc.line, loc.column16)),
    sev(f.severity),
    c.dim(f.rule),
    f.message,
  ].join('  ');
  const out = [f.suppression ? `${head}  ${c.dim(`(suppressed: ${f.suppression.justification})`)}` : head];
  const source = read(loc.file);
  if (source !== undefined) {
    out.push(...codeFrame(splitLines(source), loc, { dim: c.dim, mark: sev }).map((l) => `  ${l}`));
  }
  for (const r of f.related) {
    out.push(`    ${c.dim('↳')} ${position(r.file, r.line, r.column16)}: ${r.message}`);
  }
  const fixMessage = f.fixes[0]?.message;
  if (fixMessage) out.push(`    ${c.green('fix:')} ${fixMessage}`);
  const advice = fixAdvice(rules.get(f.rule));
  if (advice) out.push(`    ${c.cyan('help:')} ${advice}`);
  return out;
}

function renderSummary(s: ReportSummary, c: Colors): string[] {
  const total = SEVERITIES.reduce((n, sev) => n + s.bySeverity[sev], 0);
  const scope = `${plural(s.files, 'file')}, ${plural(s.packages, 'package')}, ${formatBytes(s.bytes)} in ${formatDuration(s.durationMs)}`;
  const lines: string[] = [];
  if (total === 0) {
    lines.push(`${c.green('✔')} No findings (${scope})`);
  } else {
    const parts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => severityStyle(c, sev)(`${s.bySeverity[sev]} ${sev}`));
    lines.push(`${c.red('✖')} ${plural(total, 'finding')}: ${parts.join(', ')} (${scope})`);
  }
  const extra = [
    s.suppressed > 0 ? `${s.suppressed} suppressed` : '',
    s.baselined > 0 ? `${s.baselined} baselined` : '',
    s.staleBaselineEntries > 0 ? plural(s.staleBaselineEntries, 'stale baseline entry').replace(/entrys$/, 'entries') : '',
    s.parseErrors > 0 ? plural(s.parseErrors, 'file') + ' could not be parsed' : '',
    s.contextFiles > 0 ? `${plural(s.contextFiles, 'more file')} of the module read for context` : '',
  ].filter(Boolean);
  if (extra.length > 0) lines.push(`  ${c.dim(extra.join(', '))}`);
  const notBuilt = notBuiltText(s.notBuilt);
  if (notBuilt) lines.push(`  ${c.dim(notBuilt)}`);
  return lines;
}

/** "18 files not built for linux/amd64 (10 need --tags quic, 4 --tags integration)": the tag groups building the most files, three at most. */
function notBuiltText(n: NotBuilt): string {
  if (n.files === 0) return '';
  const groups = Object.entries(n.byTags);
  const shown = groups.slice(0, 3).map(([tags, count], i) => `${count} ${i === 0 ? 'need ' : ''}--tags ${tags}`);
  if (groups.length > 3) shown.push('…');
  return `${plural(n.files, 'file')} not built for ${n.target}${shown.length > 0 ? ` (${shown.join(', ')})` : ''}`;
}

export const textReporter: Reporter = {
  name: 'text',
  description: 'Findings with code frames, for people (default)',
  render(input: ReportInput): string {
    const c = createColors(input.color);
    const read = maskedSourceReader(input);
    const rules = rulesById(input.rules);
    const shown = input.findings.filter((f) => input.showSuppressed || f.suppression === undefined);
    const out: string[] = [];
    let file: string | undefined;
    for (const f of shown) {
      if (f.location.file !== file) {
        file = f.location.file;
        if (out.length > 0) out.push('');
        out.push(c.underline(c.bold(file)));
      }
      out.push('', ...renderFinding(f, rules, c, read));
    }
    if (out.length > 0) out.push('');
    out.push(...renderSummary(input.summary, c));
    return `${out.join('\n')}\n`;
  },
};
