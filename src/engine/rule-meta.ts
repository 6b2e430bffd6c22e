/**
 * Rule metadata: the data half of a rule. Documentation pages, the README
 * catalog, `redline explain`, SARIF `rules[]` and the policy schema are all
 * generated from it.
 */
import type { Equivalents } from './foreign-suppressions.js';
import type { z } from 'zod';
import type { Precision, Severity } from './finding.js';
import type { TestMode } from './policy-schema.js';

export const FAMILIES = [
  'secrets', 'tls', 'cgo', 'goroutine', 'channel', 'context', 'sync', 'global', 'policy', 'redline',
] as const;
export type Family = (typeof FAMILIES)[number];

export type RuleId = `${Family}/${string}`;

export interface RuleDocs {
  /** What the rule finds (markdown, a paragraph). */
  readonly finds: string;
  /** Why it matters (markdown). */
  readonly why: string;
  /** How to fix it (markdown). */
  readonly fix: string;
  /** A complete Go file that produces exactly one finding of this rule. */
  readonly bad: string;
  /** The fixed version of `bad`; produces no finding of this rule. */
  readonly good: string;
  /** When the rule may be wrong or not apply (markdown), optional. */
  readonly limits?: string;
}

export interface RuleMeta<MessageId extends string = string, Options = unknown> {
  readonly id: RuleId;
  /** Imperative, one line, no trailing period ("Keep TLS certificate verification on"). */
  readonly title: string;
  readonly severity: Severity;
  readonly precision: Precision;
  readonly cwe: readonly number[];
  readonly tags: readonly string[];
  /** The Redline version the rule appeared in. */
  readonly since: string;
  /** Message templates; `{name}` placeholders are filled from report data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly docs: RuleDocs;
  /**
   * How findings of this rule in `_test.go` files are reported when the
   * policy does not set `tests.severity` (default `same`): `lower` for rules
   * whose findings in tests are mostly fixtures (fake credentials).
   */
  readonly tests?: TestMode;
  /**
   * Checks of other linters that report the same defect (`gosec: ['G402']`,
   * `staticcheck: ['SA1029']`): with the policy's `suppressions:` set for a
   * tool, that tool's comments for them (`#nosec G402`, `//lint:ignore
   * SA1029`, `//nolint:gosec`) suppress this rule too.
   */
  readonly equivalents?: Equivalents;
  /**
   * Options a policy may set, as a strict zod object whose every field has a
   * default, so `options.parse({})` gives the defaults.
   */
  readonly options?: z.ZodType<Options>;
}
