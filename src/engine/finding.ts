/**
 * What a scan produces: findings with resolved positions, independent of any
 * output format. Every reporter consumes exactly these types.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe; `severityRank('critical') > severityRank('low')`. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export const PRECISIONS = ['very-high', 'high', 'medium', 'low'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * A range in a file. Lines are 1-based. `column`/`endColumn` are 1-based and
 * count UTF-8 bytes like `go/token` and `go vet`; `column16`/`endColumn16`
 * count UTF-16 code units like editors and SARIF. End columns are exclusive.
 */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly column16: number;
  readonly endColumn16: number;
}

/** A position in a file, relative to the current directory with `/`. */
export interface Location extends Span {
  readonly file: string;
}

/** A secondary location that explains a finding (a step of a flow). */
export interface RelatedLocation extends Location {
  readonly message: string;
}

export interface TextEdit {
  readonly location: Location;
  readonly newText: string;
}

/** A mechanical fix; `message` is a verb phrase ("Use cfg.Clone()"). */
export interface SuggestedFix {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

export interface Suppression {
  /** `inSource` for `//redline:ignore`, `external` for a baseline entry. */
  readonly kind: 'inSource' | 'external';
  readonly justification: string;
}

export interface Finding {
  /** Rule id, `<family>/<name>`. */
  readonly rule: string;
  readonly severity: Severity;
  /** What is wrong, why, and what to do. Never contains a raw secret. */
  readonly message: string;
  readonly location: Location;
  /** Locations that explain the finding, in flow order. */
  readonly related: readonly RelatedLocation[];
  /** Stable identity: survives line shifts and unrelated edits. */
  readonly fingerprint: string;
  readonly fixes: readonly SuggestedFix[];
  /** Ranges whose text must never be shown (secrets); code frames mask them. */
  readonly masked: readonly Location[];
  /** Set when an inline directive or a baseline entry suppresses the finding. */
  readonly suppression?: Suppression;
  /** True for findings in `_test.go` files. */
  readonly inTest: boolean;
}

/** Orders findings by file, position, then rule: the order of every report. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location;
  const lb = b.location;
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  return (
    la.line - lb.line ||
    la.column - lb.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
