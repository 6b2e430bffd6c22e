/**
 * The rule framework: a rule is its metadata plus a `create` function that
 * returns visitors keyed by AST node kind. The engine walks each file once
 * and dispatches every node to every enabled rule's visitor for its kind.
 */
import type { Node } from '../syntax/ast.js';
import type { KindVisitors } from '../syntax/walk.js';
import type { FactKind } from '../semantics/facts.js';
import type { FileData, PackageInfo } from '../semantics/package.js';
import type { Severity } from './finding.js';
import type { RuleMeta } from './rule-meta.js';

/** A source range in the current package: a node, or explicit offsets in a file. */
export type Range = Node | { readonly start: number; readonly end: number };

/** A range in some file of the package (for related locations in other files). */
export interface FileRange {
  readonly range: Range;
  /** The file the range is in; the reporting file when omitted. */
  readonly file?: FileData;
}

export interface RelatedReport extends FileRange {
  readonly message: string;
}

export interface FixReport {
  /** A verb phrase: "Use tls.VersionTLS12". */
  readonly message: string;
  readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }>;
}

/** What a visitor reports; the engine turns it into a `Finding`. */
export interface Report<MessageId extends string> {
  /** The offending range, in the file being visited. */
  readonly range: Range;
  readonly messageId: MessageId;
  /** Values for the message's `{placeholders}`. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** Escalation: this finding is more severe than the rule's configured severity. */
  readonly severity?: Severity;
  readonly related?: readonly RelatedReport[];
  readonly fixes?: readonly FixReport[];
  /** Ranges of this file that hold a secret: never shown, replaced in fingerprints. */
  readonly masked?: readonly Range[];
  /** Extra identity for the fingerprint (e.g. a secret's hash), when the code alone is ambiguous. */
  readonly identity?: string;
}

/** What a rule's visitors see of the file and package being analysed. */
export interface RuleContext<MessageId extends string, Options> {
  readonly options: Options;
  readonly file: FileData;
  readonly pkg: PackageInfo;
  /** The module's `go` version, e.g. "1.22" (without the "go" prefix). */
  readonly goVersion: string;
  report(report: Report<MessageId>): void;
}

/**
 * Visitors keyed by node kind, called with the node and its ancestors (the
 * file first); `Kind:exit` runs after the node's children.
 */
export type Visitors = KindVisitors;

/** Cheap conditions checked before a rule runs on a file. */
export interface Prefilter {
  /** The file must import one of these packages (`C` for cgo)... */
  readonly imports?: readonly string[];
  /** ...or, when given, contain one of these strings (a field name a library's options share with the standard library's). */
  readonly text?: readonly string[];
}

export interface RuleDefinition<MessageId extends string = string, Options = unknown> {
  readonly meta: RuleMeta<MessageId, Options>;
  readonly prefilter?: Prefilter;
  /**
   * Function facts this rule defines; computed over the module before rules
   * run. A function of the rule's options when the facts depend on them
   * (give such kinds ids that differ with the options).
   */
  readonly facts?: readonly FactKind[] | ((options: Options) => readonly FactKind[]);
  /** Returns the visitors for one file; called once per file that passes the prefilter. */
  create(ctx: RuleContext<MessageId, Options>): Visitors;
}

/** Declares a rule; the identity function, there to infer message ids and option types. */
export function defineRule<MessageId extends string, Options = Record<string, never>>(
  def: RuleDefinition<MessageId, Options>,
): RuleDefinition<MessageId, Options> {
  return def;
}

/** A rule with its types erased, as the engine holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<string, any>;

/** The fact kinds of the enabled rules, for their options, without duplicate ids. */
export function factKindsOf(rules: Iterable<{ readonly rule: AnyRule; readonly options: unknown }>): FactKind[] {
  const byId = new Map<string, FactKind>();
  for (const { rule, options } of rules) {
    const kinds = typeof rule.facts === 'function' ? rule.facts(options) : rule.facts ?? [];
    for (const k of kinds) if (!byId.has(k.id)) byId.set(k.id, k);
  }
  return [...byId.values()];
}

/** Fills `{name}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
