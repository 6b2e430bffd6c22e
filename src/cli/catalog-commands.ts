/**
 * `redline rules`, `redline explain` and `redline init`: the commands that
 * show or start from the rule catalog.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createColors } from 'picocolors';
import { InputError } from '../engine/errors.js';
import { POLICY_FILE_NAME, starterPolicy } from '../engine/policy.js';
import { docSections, ruleDocUrl } from '../engine/rule-docs.js';
import type { RuleMeta } from '../engine/rule-meta.js';
import { didYouMean } from '../engine/suggest.js';
import type { CliIO } from './io.js';

/** The catalog as a table (text) or as JSON. */
export function listRules(catalog: readonly RuleMeta[], format: 'text' | 'json', color: boolean): string {
  if (format === 'json') {
    const rows = catalog.map((m) => ({ id: m.id, title: m.title, severity: m.severity, precision: m.precision, cwe: m.cwe, tags: m.tags, since: m.since, docs: ruleDocUrl(m.id) }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const c = createColors(color);
  const width = Math.max(...catalog.map((m) => m.id.length));
  const lines = catalog.map((m) => `${c.bold(m.id.padEnd(width))}  ${severityLabel(m.severity, c).padEnd(8 + (color ? 10 : 0))}  ${m.title}`);
  return `${lines.join('\n')}\n\n${catalog.length} rules. \`redline explain <rule>\` shows one in full.\n`;
}

/** One rule's documentation for the terminal. */
export function explainRule(catalog: readonly RuleMeta[], id: string, color: boolean): string {
  const meta = catalog.find((m) => m.id === id);
  if (!meta) {
    const suggestion = didYouMean(id, catalog.map((m) => m.id));
    throw new InputError('usage', [{ message: `unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (\`redline rules\` lists them)` }]);
  }
  const c = createColors(color);
  const out = [
    `${c.bold(meta.id)} — ${meta.title}`,
    `severity ${severityLabel(meta.severity, c)}, precision ${meta.precision}${meta.cwe.length ? `, ${meta.cwe.map((n) => `CWE-${n}`).join(', ')}` : ''}, since ${meta.since}`,
    '',
  ];
  for (const { heading, body } of docSections(meta)) out.push(c.bold(c.underline(heading)), '', terminalMarkdown(body, c), '');
  const others = Object.entries(meta.equivalents ?? {}).map(([tool, checks]) => `${tool}'s comments for ${checks.join(', ')}`);
  const foreign = others.length ? ` (or ${others.join(' or ')}, when the policy's suppressions: honours that linter)` : '';
  out.push(`Suppress with //redline:ignore ${meta.id} <reason>${foreign}. Documentation: ${ruleDocUrl(meta.id)}`, '');
  return out.join('\n');
}

/** Writes a starter `redline.yaml` in `dir`; refuses to overwrite without `force`. */
export function initPolicy(io: CliIO, catalog: readonly RuleMeta[], dir: string, force: boolean): string {
  const file = path.resolve(io.cwd, dir, POLICY_FILE_NAME);
  if (existsSync(file) && !force) {
    throw new InputError('usage', [{ message: `${path.relative(io.cwd, file) || POLICY_FILE_NAME} already exists; use --force to overwrite it` }]);
  }
  writeFileSync(file, starterPolicy(catalog));
  return file;
}

type Colors = ReturnType<typeof createColors>;

function severityLabel(s: RuleMeta['severity'], c: Colors): string {
  const paint = s === 'critical' ? c.magenta : s === 'high' ? c.red : s === 'medium' ? c.yellow : c.cyan;
  return paint(s);
}

/** Markdown for a terminal: code spans and fences kept readable, emphasis dropped. */
function terminalMarkdown(md: string, c: Colors): string {
  return md
    .replace(/```go\n([\s\S]*?)```/g, (_, code: string) => code.replace(/^/gm, '    ').replace(/\s+$/, '') + '\n')
    .replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code))
    .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => c.bold(t));
}
