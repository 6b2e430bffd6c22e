/**
 * Rule documentation as reporters show it: help links, one-line advice,
 * and help text built from the rule metadata.
 */
import type { RuleMeta } from '../engine/rule-meta.js';

const DOCS_BASE = 'https://github.com/redline-go/redline/blob/main/docs/rules/';

/** The documentation page of a rule. */
export function ruleHelpUri(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Rules by id. */
export function rulesById(rules: readonly RuleMeta[]): ReadonlyMap<string, RuleMeta> {
  return new Map(rules.map((r) => [r.id as string, r]));
}

/** The first sentence of the rule's fix advice, on one line; undefined when there is none. */
export function fixAdvice(meta: RuleMeta | undefined): string | undefined {
  const text = meta?.docs.fix.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const end = /[.!?](\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/** Plain-text help: what, why, how to fix, limits. */
export function helpText(meta: RuleMeta): string {
  const parts = [meta.docs.finds, `Why: ${meta.docs.why}`, `Fix: ${meta.docs.fix}`];
  if (meta.docs.limits) parts.push(`Limits: ${meta.docs.limits}`);
  return parts.join('\n\n');
}

/** Markdown help with the bad and good examples. */
export function helpMarkdown(meta: RuleMeta): string {
  const go = (code: string) => `\`\`\`go\n${code.replace(/\n$/, '')}\n\`\`\``;
  const parts = [
    `## What it finds\n\n${meta.docs.finds}`,
    `## Why it matters\n\n${meta.docs.why}`,
    `## How to fix it\n\n${meta.docs.fix}`,
    `### Bad\n\n${go(meta.docs.bad)}`,
    `### Good\n\n${go(meta.docs.good)}`,
  ];
  if (meta.docs.limits) parts.push(`## Limits\n\n${meta.docs.limits}`);
  parts.push(`[Documentation](${ruleHelpUri(meta.id)})`);
  return parts.join('\n\n');
}
