/**
 * References to rules by id (`tls/insecure-skip-verify`) or by family
 * (`tls`), as written in redline.yaml, `--enable`/`--disable` and
 * `//redline:ignore` directives. One resolver for all three.
 */
import { FAMILIES, type RuleMeta } from './rule-meta.js';
import { didYouMean } from './suggest.js';

export type RuleRef =
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'family'; readonly family: string };

export type RuleRefResult =
  | { readonly ok: true; readonly ref: RuleRef }
  | { readonly ok: false; readonly message: string; readonly suggestion?: string };

/** The family of a rule id: the part before the first `/`. */
export function familyOf(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash < 0 ? ruleId : ruleId.slice(0, slash);
}

/** Reports whether `ref` names `ruleId` or its family. */
export function refCovers(ref: RuleRef, ruleId: string): boolean {
  return ref.kind === 'rule' ? ref.id === ruleId : familyOf(ruleId) === ref.family;
}

/** The text of a reference, as the user writes it. */
export function refText(ref: RuleRef): string {
  return ref.kind === 'rule' ? ref.id : ref.family;
}

interface CatalogIndex {
  readonly ids: ReadonlySet<string>;
  readonly families: ReadonlySet<string>;
  /** Rule name (after the `/`) → ids having it. */
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<readonly RuleMeta[], CatalogIndex>();

function indexOf(catalog: readonly RuleMeta[]): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const ids = new Set(catalog.map((r) => r.id as string));
    const families = new Set<string>([...FAMILIES, ...catalog.map((r) => familyOf(r.id))]);
    const byName = new Map<string, string[]>();
    for (const id of ids) {
      const name = id.slice(id.indexOf('/') + 1);
      byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    index = { ids, families, byName };
    indexes.set(catalog, index);
  }
  return index;
}

/** The known families: every `Family` plus any family used in the catalog. */
export function knownFamilies(catalog: readonly RuleMeta[]): readonly string[] {
  return [...indexOf(catalog).families].sort();
}

/**
 * Resolves a rule id or family name against the catalog. Unknown names
 * give a message with a "did you mean" suggestion when one is close.
 */
export function resolveRuleRef(text: string, catalog: readonly RuleMeta[]): RuleRefResult {
  const index = indexOf(catalog);
  if (index.ids.has(text)) return { ok: true, ref: { kind: 'rule', id: text } };
  if (!text.includes('/') && index.families.has(text)) return { ok: true, ref: { kind: 'family', family: text } };
  let suggestion: string | undefined;
  if (!text.includes('/')) {
    // A bare rule name ("insecure-skip-verify") suggests the full id when unambiguous.
    const owners = index.byName.get(text);
    suggestion = owners?.length === 1 ? owners[0] : didYouMean(text, index.families);
  } else {
    suggestion = didYouMean(text, index.ids);
  }
  const what = text.includes('/') ? 'unknown rule' : 'unknown rule family';
  return suggestion === undefined
    ? { ok: false, message: `${what} "${text}"` }
    : { ok: false, message: `${what} "${text}"; did you mean "${suggestion}"?`, suggestion };
}
