/**
 * Runs the enabled rules over one checked package: one traversal per file
 * dispatching to every rule's visitors, then reports become findings with
 * locations, fingerprints, suppressions and test-file severities.
 */
import type { Node } from '../syntax/ast.js';
import { Inspector, visitKinds } from '../syntax/walk.js';
import type { FileData, PackageInfo } from '../semantics/package.js';
import { importPathsOf } from '../semantics/resolve.js';
import { secretHash } from '../rules/secrets/detect/redact.js';
import type { Finding, Location, RelatedLocation, Severity, Span, SuggestedFix } from './finding.js';
import { anchorNode, baseFingerprint, declarationName, normalisedText, numberOccurrences } from './fingerprint.js';
import { deepestNode, isStackOverflow, type Deepest } from './analysis-limit.js';
import { ANALYSIS_LIMIT_RULE, PARSE_ERROR_RULE } from './engine-rules.js';
import { locationOf, spanOf } from './location.js';
import { relativeSlash } from './paths.js';
import { isTestHelper, testFindingSeverity, type TestMode } from './policy.js';
import { formatMessage, type AnyRule, type Range, type Report, type RuleContext } from './rule.js';
import type { RuleMeta } from './rule-meta.js';
import { foreignDirectives, foreignSuppression, matchForeign, type ForeignDirective, type ForeignTool } from './foreign-suppressions.js';
import {
  BAD_DIRECTIVE_RULE, UNUSED_SUPPRESSION_RULE, parseSuppressionDirectives, suppressionOf, SuppressionTracker,
  type CommentText,
} from './suppression-directives.js';


export interface EnabledRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: unknown;
  /** This rule's treatment of `_test.go` findings, when it differs from `AnalyzeOptions.tests`. */
  readonly tests?: TestMode;
}

export interface AnalyzeOptions {
  readonly rules: readonly EnabledRule[];
  /** Every known rule, for validating suppression directives. */
  readonly catalog: readonly RuleMeta[];
  /** Directory finding paths are relative to. */
  readonly cwd: string;
  /** Severity of findings in `_test.go` files. */
  readonly tests: TestMode;
  /** The linters whose suppression comments suppress the rules that report the same defects. */
  readonly honor?: readonly ForeignTool[];
  /** Severities of the engine's own rules (bad directives, unused suppressions, parse errors). */
  readonly engineSeverity: (rule: string) => Severity | undefined;
  /** Paths of files read for meaning only: not analysed, never reported on. */
  readonly context?: ReadonlySet<string>;
}

/** What the engine's own findings need of a file (a parsed file, checked or not). */
export type EngineFile = Pick<FileData, 'path' | 'relPath' | 'ast' | 'positions' | 'isTest'>;

export interface SyntaxProblem {
  readonly offset: number;
  readonly message: string;
}

interface Pending {
  readonly rule: EnabledRule;
  readonly file: FileData;
  readonly report: Report<string>;
  readonly node: Node;
  readonly ancestors: readonly Node[];
}

/** Analyses a package; `syntaxErrors` are the parse errors of its files, by file path. */
export function analyzePackage(
  pkg: PackageInfo,
  syntaxErrors: ReadonlyMap<string, readonly SyntaxProblem[]>,
  options: AnalyzeOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const file of pkg.files) {
    if (options.context?.has(file.path)) continue;
    const errors = syntaxErrors.get(file.path) ?? [];
    try {
      findings.push(...analyzeFile(pkg, file, errors, options));
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      findings.push(...unanalysedFileFindings(file, deepestNode(file.ast), errors, 'file', options));
    }
  }
  return findings;
}

/** What the engine reports about a file it could not analyse: where it nests deepest (`deepest`, of its tree), and its syntax error, if any. */
export function unanalysedFileFindings(
  file: EngineFile,
  { node, depth }: Deepest,
  syntaxErrors: readonly SyntaxProblem[],
  scope: 'file' | 'package',
  options: AnalyzeOptions,
): Finding[] {
  const what = scope === 'file' ? 'no rule ran on this file' : 'the package could not be type-checked and no rule ran on it';
  const message = depth > SHALLOW_DEPTH
    ? `This code nests ${depth} levels deep, deeper than Redline's analyses can follow: ${what}. Build the value another way (a slice joined at run time, an embedded file, a map or switch) or exclude the file if it is generated.`
    : `Redline ran out of stack here, though this code nests only ${depth} levels deep: that is a fault in Redline, not in the code, and ${what}. Please report it with this ${scope === 'file' ? 'file' : 'package (its C headers too, if it uses cgo)'}.`;
  const findings = [engineFinding(ANALYSIS_LIMIT_RULE, file, spanOf(file.positions, node.start, node.end), message, `depth ${depth}`, options)];
  const parseError = parseErrorFinding(file, syntaxErrors, options);
  if (parseError) findings.push(parseError);
  return findings;
}

function analyzeFile(pkg: PackageInfo, file: FileData, syntaxErrors: readonly SyntaxProblem[], options: AnalyzeOptions): Finding[] {
  const pending: Pending[] = [];
  const importPaths = importPathsOf(file.ast);
  const rules = options.rules.filter((r) => passesPrefilter(r.rule, importPaths, file.source));
  // the node being visited and its ancestors (set before every visitor call: two variables, no allocation)
  let currentNode: Node = file.ast;
  let currentAncestors: readonly Node[] = [];
  /** Built only when a rule reports a node other than the visited one (rare). */
  let index: { inspector: Inspector; indexOfNode: Map<Node, number> } | null = null;
  /** Ancestors of a reported node: the visit's own when it is the visited node, else looked up. */
  const ancestorsOf = (node: Node): readonly Node[] => {
    if (node === currentNode) return currentAncestors.slice();
    if (index === null) {
      const inspector = new Inspector(file.ast);
      index = { inspector, indexOfNode: new Map(inspector.nodes.map((n, i) => [n, i])) };
    }
    const i = index.indexOfNode.get(node);
    return i === undefined ? currentAncestors.slice() : index.inspector.ancestorsOf(i);
  };

  /** Rules whose analysis of this file ran out of stack, with the node they were visiting: their other visits are skipped. */
  const overflowed = new Map<EnabledRule, Node>();
  const visitorSets = rules.map((enabled) => {
    const ctx: RuleContext<string, unknown> = {
      options: enabled.options,
      file,
      pkg,
      goVersion: pkg.pkg.module.goVersion.replace(/^go/, ''),
      report: (report) => {
        const node = 'kind' in report.range ? report.range : currentNode;
        pending.push({ rule: enabled, file, report, node, ancestors: ancestorsOf(node) });
      },
    };
    const visitors = enabled.rule.create(ctx);
    return trackCurrent(visitors, (node, ancestors) => {
      currentNode = node;
      currentAncestors = ancestors;
      return overflowed.size === 0 || !overflowed.has(enabled);
    }, (node) => overflowed.set(enabled, node));
  });
  visitKinds(file.ast, ...visitorSets);

  const findings = pending.map((p) => toFinding(p, options));
  if (overflowed.size > 0) findings.push(...overflowFindings(file, overflowed, options));
  const parseError = parseErrorFinding(file, syntaxErrors, options);
  if (parseError) findings.push(parseError);
  return applyDirectives(file, findings, options).filter((f): f is Finding => f !== null);
}

/** One finding per file with syntax errors: later errors are mostly consequences of the first. */
export function parseErrorFinding(file: EngineFile, syntaxErrors: readonly SyntaxProblem[], options: AnalyzeOptions): Finding | undefined {
  const first = syntaxErrors[0];
  if (!first) return undefined;
  const more = syntaxErrors.length > 1 ? ` (and ${syntaxErrors.length - 1} more)` : '';
  const message = `syntax error: ${first.message}${more}; Redline analysed only what it could parse of this file`;
  return engineFinding(PARSE_ERROR_RULE, file, spanOf(file.positions, first.offset, first.offset), message, first.message, options);
}

/**
 * Wraps every visitor so the engine knows which node is being visited when a
 * rule reports (`enter` returns false when the rule is to be skipped), and
 * so a stack overflow in one rule's visitor stops that rule only.
 */
function trackCurrent(
  visitors: object,
  enter: (node: Node, ancestors: readonly Node[]) => boolean,
  overflow: (node: Node) => void,
): Record<string, (n: Node, a: readonly Node[]) => void> {
  const out: Record<string, (n: Node, a: readonly Node[]) => void> = {};
  for (const [key, fn] of Object.entries(visitors as Record<string, (n: Node, a: readonly Node[]) => void>)) {
    out[key] = (node, ancestors) => {
      if (!enter(node, ancestors)) return;
      try {
        fn(node, ancestors);
      } catch (e) {
        if (!isStackOverflow(e)) throw e;
        overflow(node);
      }
    };
  }
  return out;
}

/**
 * One analysis-limit finding per rule that ran out of stack on a file. In
 * deeply nested code that is the nesting; in shallow code it is a fault in
 * Redline's analysis, and the message says so rather than blame the code.
 */
function overflowFindings(file: FileData, overflowed: ReadonlyMap<EnabledRule, Node>, options: AnalyzeOptions): Finding[] {
  const { depth } = deepestNode(file.ast);
  const deep = depth > SHALLOW_DEPTH;
  return [...overflowed].map(([enabled, node]) => {
    const id = enabled.rule.meta.id;
    const message = deep
      ? `This code nests ${depth} levels deep, deeper than ${id} can follow: that rule did not finish on this file, the other rules did. Build the value another way (a slice joined at run time, an embedded file, a map or switch) or exclude the file if it is generated.`
      : `${id} ran out of stack on this code, which nests only ${depth} levels deep: that is a fault in Redline, not in the code. The rule did not finish on this file; the other rules did. Please report it with this file.`;
    return engineFinding(ANALYSIS_LIMIT_RULE, file, spanOf(file.positions, node.start, node.end), message, `${id} depth ${depth}`, options);
  });
}

/** Code this shallow cannot exhaust the stack by its nesting (the deepest file of GOROOT/src nests 449 levels). */
const SHALLOW_DEPTH = 500;

/** Does the rule's prefilter admit a file that imports `importPaths` (unquoted) and has this source? */
function passesPrefilter(rule: AnyRule, importPaths: readonly string[], source: string): boolean {
  const imports = rule.prefilter?.imports;
  if (!imports) return true;
  for (let i = 0; i < importPaths.length; i++) if (imports.includes(importPaths[i]!)) return true;
  return rule.prefilter?.text?.some((t) => source.includes(t)) ?? false;
}

function toFinding(p: Pending, options: AnalyzeOptions): Finding {
  const { rule, file, report } = p;
  const meta = rule.rule.meta;
  const loc = (range: Range, f: FileData = file): Location => locationOf(relativeSlash(options.cwd, f.path), f.positions, range.start, range.end);
  const masked = (report.masked ?? []).map((r) => ({ start: r.start, end: r.end, token: `<secret:${secretHash(file.source.slice(r.start, r.end))}>` }));
  const anchor = anchorNode(p.node, p.ancestors);
  const related: RelatedLocation[] = (report.related ?? []).map((r) => ({ ...loc(r.range, r.file), message: r.message }));
  const fixes: SuggestedFix[] = (report.fixes ?? []).map((f) => ({
    message: f.message,
    edits: f.edits.map((e) => ({ location: loc(e.range), newText: e.newText })),
  }));
  const severity = report.severity ?? rule.severity;
  return {
    rule: meta.id,
    severity,
    message: formatMessage(meta.messages[report.messageId] ?? report.messageId, report.data),
    location: loc(report.range),
    related,
    fingerprint: baseFingerprint({
      rule: meta.id,
      file: `${file.relPath}`,
      declaration: declarationName(p.ancestors, file.source),
      anchor: normalisedText(file.source, anchor, masked),
      ...(report.identity !== undefined && { identity: report.identity }),
    }),
    fixes,
    masked: (report.masked ?? []).map((r) => loc(r)),
    inTest: file.isTest,
  };
}

/**
 * A finding of one of the engine's own rules (parse errors, directives).
 * Its fingerprint anchors on `anchor`: text that identifies it without a line number.
 */
function engineFinding(rule: string, file: EngineFile, span: Span, message: string, anchor: string, options: AnalyzeOptions): Finding {
  return {
    rule,
    severity: options.engineSeverity(rule) ?? 'low',
    message,
    location: { ...span, file: relativeSlash(options.cwd, file.path) },
    related: [],
    fingerprint: baseFingerprint({ rule, file: file.relPath, declaration: '', anchor }),
    fixes: [],
    masked: [],
    inTest: file.isTest,
  };
}

/** A finding suppressed by another linter's comment, when its rule reports what the comment's checks report. */
function suppressedByForeign(f: Finding, directives: readonly ForeignDirective[], options: AnalyzeOptions): Finding {
  const d = matchForeign(directives, options.catalog.find((m) => m.id === f.rule)?.equivalents, f.location.line);
  return d ? { ...f, suppression: foreignSuppression(d) } : f;
}

/**
 * Applies inline suppressions, reports bad and unused directives, lowers
 * the severity of test-file findings, and numbers repeated fingerprints.
 * A null entry is a finding the policy drops (test findings when tests are off).
 */
function applyDirectives(file: FileData, findings: Finding[], options: AnalyzeOptions): Array<Finding | null> {
  const comments: CommentText[] = [];
  for (const group of file.ast.comments) {
    for (const c of group.list) {
      if (c.text.startsWith('//redline:')) {
        const line = file.positions.line(c.start);
        comments.push({ text: c.text, line, endLine: line });
      }
    }
  }
  const foreign = options.honor?.length ? foreignDirectives(file, new Set(options.honor)) : [];
  if (foreign.length > 0) findings = findings.map((f) => suppressedByForeign(f, foreign, options));
  const out: Finding[] = [];
  if (comments.length > 0) {
    const parsed = parseSuppressionDirectives(comments, file.source, options.catalog);
    const tracker = new SuppressionTracker(parsed.directives);
    for (const f of findings) {
      const d = tracker.match(f.rule, f.location.line);
      out.push(d ? { ...f, suppression: suppressionOf(d) } : f); // Redline's own directive wins over another linter's
    }
    const lineText = (span: Span) => file.source.slice(file.positions.lineStart(span.line), file.positions.lineStart(span.line + 1)).trim();
    for (const p of parsed.problems) out.push(engineFinding(BAD_DIRECTIVE_RULE, file, p.span, p.message, lineText(p.span), options));
    const enabled = new Set(options.rules.map((r) => r.rule.meta.id as string));
    for (const u of tracker.unused(enabled)) {
      const message = 'this //redline: directive suppresses nothing; remove it, or fix the rule name it gives';
      out.push(engineFinding(UNUSED_SUPPRESSION_RULE, file, u.directive.span, message, lineText(u.directive.span), options));
    }
  } else {
    out.push(...findings);
  }
  if (out.length === 0) return [];
  out.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const numbered = numberOccurrences(out.map((f) => f.fingerprint));
  const testModes = new Map(options.rules.flatMap((r) => (r.tests ? [[r.rule.meta.id as string, r.tests] as const] : [])));
  // test support: by directory within the module, or within the scanned tree (a test module's own directory: `e2e/go.mod`)
  const helper = !file.isTest && (isTestHelper(file.relPath, importPathsOf(file.ast)) || isTestHelper(relativeSlash(options.cwd, file.path), []));
  const testCode = file.isTest ? 'test-file' : helper ? 'helper' : undefined;
  return out.map((f, i) => {
    const severity = testCode ? testFindingSeverity(f.severity, testModes.get(f.rule) ?? options.tests, testCode) : f.severity;
    return severity === undefined ? null : { ...f, severity, fingerprint: numbered[i]! };
  });
}
