/**
 * The policy file, redline.yaml: finding it, loading and validating it
 * against the rule catalog, resolving per-rule settings with command-line
 * overrides, and writing a starter policy for `redline init`.
 *
 * Example:
 *
 *     version: "3"
 *     fail-on: high
 *     rules:
 *       goroutine: medium                 # every goroutine rule at medium
 *       goroutine/unbounded-spawn: off    # a rule entry wins over its family
 *       secrets/hardcoded-credential:
 *         severity: critical
 *         options: { min-entropy: 3.5 }
 *     exclude: ["internal/legacy/**", "*_mock.go"]
 *     tests: { severity: lower }
 *     include: { generated: true }
 *     baseline: .redline-baseline.json
 *     build: { goos: linux, goarch: arm64, tags: [integration] }
 *
 * The key reference is in policy-schema.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { FOREIGN_TOOLS, type ForeignTool } from './foreign-suppressions.js';
import {
  type BuildTarget,
  DEFAULT_BUILD_TARGET,
  makeBuildTarget,
} from '../semantics/build-target.js';
import { DEFAULT_INCLUDE, type IncludeFlags } from './discover.js';
import { CliOverrideError, PolicyError, type Problem } from './errors.js';
import { type Finding, SEVERITIES, type Severity, severityRank } from './finding.js';
import { compileGlob, createPathMatcher, type PathMatcher } from './glob.js';
import { issuesToProblems, LocatedDocument } from './located-yaml.js';
import { relativeSlash } from './paths.js';
import {
  describePolicyKey,
  FAIL_ON,
  type FailOn,
  POLICY_SCHEMA,
  type RuleSettingInput,
  type PolicyKey,
  type TestMode,
} from './policy-schema.js';
import type { RuleMeta } from './rule-meta.js';
import { familyOf, refCovers, type RuleRef, resolveRuleRef } from './rule-ref.js';

export { describePolicyKey, FAIL_ON, type FailOn, POLICY_KEYS, type PolicyKey, policyJsonSchema, type TestMode } from './policy-schema.js';

/** The file name looked for when walking up from the scan root. */
export const POLICY_FILE_NAME = 'redline.yaml';

/** One `rules:` entry, normalised. */
export interface PolicyRuleEntry {
  /** The key as written. */
  readonly key: string;
  readonly ref: RuleRef;
  readonly enabled: boolean;
  readonly severity?: Severity;
  /** Options parsed by the rule's schema (defaults filled in); rules only. */
  readonly options?: unknown;
}

export interface Policy {
  /** Absolute path of the file; undefined for the default policy. */
  readonly file?: string;
  /** Directory exclude globs and the baseline path are relative to. */
  readonly dir: string;
  readonly version: string;
  readonly failOn: FailOn;
  readonly rules: readonly PolicyRuleEntry[];
  readonly exclude: readonly string[];
  readonly excludeMatcher: PathMatcher;
  readonly tests: TestMode;
  /** Whether the policy file sets `tests.severity` (else each rule's default treatment of tests applies). */
  readonly testsSet?: boolean;
  readonly include: IncludeFlags;
  /** The linters whose suppression comments suppress the rules that report the same defects (`suppressions:`), in FOREIGN_TOOLS order. */
  readonly honor: readonly ForeignTool[];
  /** Absolute path of the baseline file, when set. */
  readonly baseline?: string;
  readonly build: BuildTarget;
}

/** The `fail-on` of a policy that does not set one, and of the built-in policy. */
export const DEFAULT_FAIL_ON = 'high' satisfies Severity;

/** The policy in force without a redline.yaml: every rule on at its default severity. */
export function defaultPolicy(dir: string): Policy {
  return {
    dir,
    version: 'default',
    failOn: DEFAULT_FAIL_ON,
    rules: [],
    exclude: [],
    excludeMatcher: createPathMatcher([], dir),
    tests: 'lower',
    include: DEFAULT_INCLUDE,
    honor: [],
    build: DEFAULT_BUILD_TARGET,
  };
}

/**
 * The nearest redline.yaml at or above `startDir`, stopping after the
 * root of the git work tree (a directory holding `.git`) or at the
 * file-system root; undefined when there is none.
 */
export function findPolicyFile(startDir: string): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, POLICY_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

export interface LoadPolicyOptions {
  /** Directory file names in messages are relative to (default `process.cwd()`). */
  readonly cwd?: string;
}

/** Reads and validates a policy file. Throws `PolicyError` listing every problem. */
export function loadPolicy(file: string, catalog: readonly RuleMeta[], options: LoadPolicyOptions = {}): Policy {
  const abs = path.resolve(options.cwd ?? process.cwd(), file);
  const shown = relativeSlash(options.cwd ?? process.cwd(), abs);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PolicyError([{ file: shown, message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory; name the policy file (redline.yaml)' : `cannot read the file (${code ?? String(e)})` }]);
  }
  return parsePolicy(text, { file: abs, shownAs: shown }, catalog);
}

/** Validates policy text; `file` is its absolute path (for relative paths inside) and `shownAs` its name in messages. */
export function parsePolicy(text: string, where: { file: string; shownAs: string }, catalog: readonly RuleMeta[]): Policy {
  const parsed = LocatedDocument.parse(text, where.shownAs);
  if (!parsed.ok) throw new PolicyError(parsed.problems);
  const doc = parsed.doc;
  if (doc.value === null || doc.value === undefined) {
    throw new PolicyError([{ file: where.shownAs, line: 1, column: 1, message: 'the policy is empty; it needs at least a version: line, e.g. version: "1"' }]);
  }
  const result = POLICY_SCHEMA.safeParse(doc.value);
  if (!result.success) throw new PolicyError(sortProblems(issuesToProblems(result.error.issues, doc, POLICY_SCHEMA)));
  const input = result.data;
  const problems: Problem[] = [];
  const dir = path.dirname(where.file);

  const rules: PolicyRuleEntry[] = [];
  for (const [key, value] of Object.entries(input.rules ?? {})) {
    const resolved = resolveRuleRef(key, catalog);
    if (!resolved.ok) {
      problems.push(doc.problem(['rules', key], resolved.message, 'key'));
      continue;
    }
    const entry = normaliseEntry(key, resolved.ref, value, catalog, doc, problems);
    if (entry) rules.push(entry);
  }

  const exclude = input.exclude ?? [];
  exclude.forEach((pattern, i) => {
    const r = compileGlob(pattern);
    if (!r.ok) problems.push(doc.problem(['exclude', i], `invalid glob ${JSON.stringify(pattern)}: ${r.error}`));
  });

  if (problems.length > 0) throw new PolicyError(sortProblems(problems));

  return {
    file: where.file,
    dir,
    version: input.version,
    failOn: input['fail-on'] ?? DEFAULT_FAIL_ON,
    rules,
    exclude,
    excludeMatcher: createPathMatcher(exclude, dir),
    tests: input.tests?.severity ?? 'lower',
    ...(input.tests?.severity !== undefined && { testsSet: true }),
    include: {
      vendor: input.include?.vendor ?? false,
      testdata: input.include?.testdata ?? false,
      generated: input.include?.generated ?? false,
      hidden: input.include?.hidden ?? false,
      nodeModules: input.include?.['node-modules'] ?? false,
    },
    honor: FOREIGN_TOOLS.filter((t) => input.suppressions?.[t] === true),
    ...(input.baseline !== undefined && { baseline: path.resolve(dir, input.baseline) }),
    build: makeBuildTarget({
      ...(input.build?.goos !== undefined && { goos: input.build.goos }),
      ...(input.build?.goarch !== undefined && { goarch: input.build.goarch }),
      ...(input.build?.tags !== undefined && { tags: input.build.tags }),
      ...(input.build?.cgo !== undefined && { cgoEnabled: input.build.cgo }),
      ...(input.build?.go !== undefined && { goVersion: input.build.go }),
    }),
  };
}

function normaliseEntry(
  key: string,
  ref: RuleRef,
  value: RuleSettingInput,
  catalog: readonly RuleMeta[],
  doc: LocatedDocument,
  problems: Problem[],
): PolicyRuleEntry | undefined {
  if (typeof value === 'boolean') return { key, ref, enabled: value };
  if (value === 'on' || value === 'off') return { key, ref, enabled: value === 'on' };
  if (typeof value === 'string') return { key, ref, enabled: true, severity: value };
  const base = { key, ref, enabled: value.enabled ?? true, ...(value.severity && { severity: value.severity }) };
  if (value.options === undefined) return base;
  if (ref.kind === 'family') {
    problems.push(doc.problem(['rules', key, 'options'], `options can only be set for a rule, not for the family "${key}"`, 'key'));
    return undefined;
  }
  const meta = catalog.find((r) => r.id === ref.id)!;
  if (!meta.options) {
    problems.push(doc.problem(['rules', key, 'options'], `rule ${key} has no options`, 'key'));
    return undefined;
  }
  const parsed = meta.options.safeParse(value.options);
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, doc, meta.options, ['rules', key, 'options']));
    return undefined;
  }
  return { ...base, options: parsed.data };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.message < b.message ? -1 : 1));
}

// ---------------------------------------------------------------------------
// Resolution

/** What a rule does in this run. */
export interface RuleSettings {
  readonly enabled: boolean;
  readonly severity: Severity;
  /** Parsed options (defaults filled in), or undefined for a rule without options. */
  readonly options: unknown;
}

/** `--enable`, `--disable` (rule ids or families) and `--fail-on` from the command line. */
export interface CliOverrides {
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  readonly failOn?: string;
}

export interface ResolvedSettings {
  /** Every catalog rule, by id. */
  readonly rules: ReadonlyMap<string, RuleSettings>;
  readonly failOn: FailOn;
}

/**
 * Per-rule settings. Precedence, lowest first: the rule's defaults, the
 * policy's family entry, the policy's rule entry, a family on the command
 * line, a rule on the command line. Throws `CliOverrideError` for unknown
 * names, a name both enabled and disabled, or a bad `--fail-on`.
 */
export function resolveRuleSettings(policy: Policy, catalog: readonly RuleMeta[], cli: CliOverrides = {}): ResolvedSettings {
  const problems: Problem[] = [];
  const switches = new Map<string, { ref: RuleRef; enabled: boolean }>();
  for (const [flag, list, enabled] of [['--enable', cli.enable, true], ['--disable', cli.disable, false]] as const) {
    for (const name of list ?? []) {
      const r = resolveRuleRef(name, catalog);
      if (!r.ok) {
        problems.push({ message: `${flag}: ${r.message}` });
        continue;
      }
      const previous = switches.get(name);
      if (previous && previous.enabled !== enabled) problems.push({ message: `"${name}" is both enabled and disabled on the command line` });
      switches.set(name, { ref: r.ref, enabled });
    }
  }
  let failOn = policy.failOn;
  if (cli.failOn !== undefined) {
    if ((FAIL_ON as readonly string[]).includes(cli.failOn)) failOn = cli.failOn as FailOn;
    else problems.push({ message: `--fail-on: expected one of ${FAIL_ON.join(', ')}; got "${cli.failOn}"` });
  }
  if (problems.length > 0) throw new CliOverrideError(problems);

  const bySpecificity = <T extends { ref: RuleRef }>(items: readonly T[]) => [
    ...items.filter((i) => i.ref.kind === 'family'),
    ...items.filter((i) => i.ref.kind === 'rule'),
  ];
  const policyEntries = bySpecificity(policy.rules);
  const cliEntries = bySpecificity([...switches.values()]);

  const rules = new Map<string, RuleSettings>();
  for (const meta of catalog) {
    let enabled = true;
    let severity = meta.severity;
    let options: unknown = meta.options?.parse({});
    for (const e of policyEntries) {
      if (!refCovers(e.ref, meta.id)) continue;
      enabled = e.enabled;
      if (e.severity) severity = e.severity;
      if (e.options !== undefined) options = e.options;
    }
    for (const e of cliEntries) if (refCovers(e.ref, meta.id)) enabled = e.enabled;
    rules.set(meta.id, { enabled, severity, options });
  }
  return { rules, failOn };
}

/**
 * The severity of a finding in test code under the `tests:` setting;
 * undefined means "do not report". `_test.go` files follow the setting; test
 * helpers (`testCode`: 'helper') are compiled into packages other code may
 * import, so they are lowered, never dropped.
 */
export function testFindingSeverity(severity: Severity, mode: TestMode, testCode: 'test-file' | 'helper' = 'test-file'): Severity | undefined {
  if (mode === 'off' && testCode === 'test-file') return undefined;
  if (mode === 'same') return severity;
  return SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)];
}

/**
 * Directory names that hold test support code: `test`, `tests`, `testing`,
 * `e2e`, names that start with `test` (`testutil`, `testhelpers`,
 * `testcerts`, `testserver`, `test-plans`) or end with `-test`/`_test`/`-e2e`, test
 * fixtures and fuzzing harnesses (`fixture`, `fixtures`, `fuzz`), and
 * helper packages named like the standard library's `httptest` and
 * `iotest` (`grpctest`, `dbtest`; not words such as `latest`).
 */
const TEST_DIR = /^(e2e|test[a-z0-9]*|fixtures?|fuzz(ing|ers?)?)$|^tests?[-_]|[-_](tests?|e2e|fixtures?|fuzz)$|^(http|io|fs|net|grpc|rpc|api|db|sql|quick|unit|integration|smoke|load|fake)test(s|util|utils|ing|data)?$/;

/**
 * File names of test fixtures and mocks: `fixtures.go`, `password_fixtures.go`,
 * `mock.go`, `mock_store.go`, `store_mock.go`, `mockv5.go` (not `fixture.go`,
 * often a fixture loader).
 */
const TEST_SUPPORT_FILE = /^(?:.*[-_])?(?:fixtures|mocks?(?:v\d+)?)(?:[-_].*)?\.go$/;

/** Test frameworks whose helpers need not import `testing`: Ginkgo and Gomega suites, gotest.tools. */
const TEST_FRAMEWORK = /^(github\.com\/onsi\/(ginkgo|gomega)|gotest\.tools)(\/|$)/;

/**
 * Whether a file that is not a `_test.go` file is test support code: it
 * imports `testing` or a test framework (Ginkgo, Gomega, gotest.tools), it is named as test fixtures or a mock, or a directory of
 * `relPath` is named like test support.
 */
export function isTestHelper(relPath: string, imports: Iterable<string>): boolean {
  for (const path of imports) if (path === 'testing' || TEST_FRAMEWORK.test(path)) return true;
  const parts = relPath.split('/');
  if (TEST_SUPPORT_FILE.test(parts[parts.length - 1]!)) return true;
  return parts.slice(0, -1).some((d) => TEST_DIR.test(d));
}

/** Reports whether a finding fails the run: not suppressed and at least as severe as `failOn`. */
export function isFailing(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'none' && finding.suppression === undefined && severityRank(finding.severity) >= severityRank(failOn);
}

// ---------------------------------------------------------------------------
// Starter policy

function comment(text: string, indent = ''): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > 78 - indent.length) {
      lines.push(line);
      line = w;
    } else {
      line = line === '' ? w : `${line} ${w}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}# ${l}`).join('\n');
}

const doc = (key: PolicyKey, indent = '') => comment(describePolicyKey(key), indent);

/**
 * The text of a starter redline.yaml: every key documented, every family
 * and rule of the catalog listed at its default severity with its title.
 * It validates as is and resolves to the defaults.
 */
export function starterPolicy(catalog: readonly RuleMeta[]): string {
  const families = [...new Set(catalog.map((r) => familyOf(r.id)))].sort();
  const out: string[] = [
    '# redline.yaml: the Redline policy for this repository. Review it like code.',
    '',
    doc('version'),
    'version: "1"',
    '',
    doc('fail-on'),
    'fail-on: high',
    '',
    doc('rules'),
    'rules:',
  ];
  for (const family of families) {
    const members = catalog.filter((r) => familyOf(r.id) === family).sort((a, b) => (a.id < b.id ? -1 : 1));
    out.push(`  # ${family}: ${members.length} rule${members.length === 1 ? '' : 's'}`, `  ${family}: on`);
    for (const r of members) out.push(`  ${r.id}: ${r.severity} # ${r.title.replace(/\s+/g, ' ')}`);
  }
  if (families.length === 0) out[out.length - 1] = 'rules: {}';
  out.push(
    '',
    doc('exclude'),
    'exclude: []',
    '# exclude:',
    '#   - "internal/legacy/**"',
    '#   - "*_mock.go"',
    '',
    doc('tests'),
    'tests:',
    doc('tests.severity', '  '),
    '  severity: lower',
    '',
    doc('include'),
    'include:',
  );
  for (const [key, yamlKey] of [['include.vendor', 'vendor'], ['include.testdata', 'testdata'], ['include.generated', 'generated'], ['include.hidden', 'hidden'], ['include.node-modules', 'node-modules']] as const) {
    out.push(doc(key, '  '), `  ${yamlKey}: false`);
  }
  out.push(
    '',
    doc('suppressions'),
    'suppressions:',
    doc('suppressions.gosec', '  '),
    '  gosec: false',
    doc('suppressions.staticcheck', '  '),
    '  staticcheck: false',
    doc('suppressions.gitleaks', '  '),
    '  gitleaks: false',
    '',
    doc('baseline'),
    '# baseline: .redline-baseline.json',
    '',
    doc('build'),
    'build:',
    doc('build.goos', '  '),
    `  goos: ${DEFAULT_BUILD_TARGET.goos}`,
    doc('build.goarch', '  '),
    `  goarch: ${DEFAULT_BUILD_TARGET.goarch}`,
    doc('build.tags', '  '),
    `  tags: ${stringify([...DEFAULT_BUILD_TARGET.tags], { flow: true }).trim()}`,
    doc('build.cgo', '  '),
    `  cgo: ${String(DEFAULT_BUILD_TARGET.cgoEnabled)}`,
    '',
  );
  return out.join('\n');
}
