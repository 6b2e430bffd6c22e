/**
 * Rule documentation as reporters show it: help links, one-line advice,
 * and help text built from the rule metadata.
 */
import { docSections, ruleDocUrl } from '../engine/rule-docs.js';
import type { RuleMeta } from '../engine/rule-meta.js';

/** The documentation page of a rule. */
export const ruleHelpUri = ruleDocUrl;

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

/** Markdown help: the documentation page's sections and a link to it. */
export function helpMarkdown(meta: RuleMeta): string {
  const parts = docSections(meta).map(({ heading, body }) => `## ${heading}\n\n${body}`);
  parts.push(`[Documentation](${ruleHelpUri(meta.id)})`);
  return parts.join('\n\n');
}
