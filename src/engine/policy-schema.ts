/**
 * The schema of redline.yaml. Every key carries its documentation
 * (`.describe`), which feeds the JSON Schema for editors and the comments
 * of the starter policy: this file is the single reference of the format.
 */
import { z } from 'zod';
import { KNOWN_ARCH, KNOWN_OS } from '../semantics/build-target.js';
import { SEVERITIES } from './finding.js';
import type { RuleMeta } from './rule-meta.js';
import { familyOf, knownFamilies } from './rule-ref.js';

/** Values of `fail-on`: a severity, or `none` to never fail on findings. */
export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Values of `tests.severity`. */
export const TEST_MODES = ['same', 'lower', 'off'] as const;
export type TestMode = (typeof TEST_MODES)[number];

const severity = z.enum(SEVERITIES);

/** The scalar forms of a rule setting. */
export const RULE_SWITCHES = ['on', 'off', ...SEVERITIES] as const;

/** The setting of a rule (with its options schema) or of a family (no options). */
function ruleSetting(options: z.ZodType | undefined, what: 'rule' | 'family'): z.ZodType {
  const shape = {
    enabled: z.boolean().optional().describe(`Whether the ${what === 'rule' ? 'rule runs' : "family's rules run"} (default true).`),
    severity: severity.optional().describe(`Severity of its findings: ${SEVERITIES.join(', ')}.`),
    ...(options && { options: options.optional().describe('Rule options; see the rule documentation.') }),
  };
  return z
    .union([
      z.enum(RULE_SWITCHES),
      z.boolean(),
      z.strictObject(shape),
    ])
    .describe(
      what === 'rule'
        ? 'on, off, a severity (enables the rule at that severity), or { enabled, severity, options }.'
        : "on, off, a severity for all the family's rules, or { enabled, severity }.",
    );
}

const DESCRIPTIONS = {
  version:
    'The version of this policy, a string you choose ("1", "2025-06"). Bump it whenever you change the file: baselines and reports record it, so every result can be traced to the policy that produced it.',
  'fail-on': `The lowest severity that makes the run fail (exit status 1): ${FAIL_ON.join(', ')} (never fail). Default: high. Suppressed and baselined findings never fail a run.`,
  rules:
    "Per-rule and per-family settings. Keys are rule ids (tls/insecure-skip-verify) or families (tls). Values: on, off, a severity (enables at that severity), or { enabled, severity, options }. An entry enables unless it says off or enabled: false. A rule's own entry wins over its family's; --enable/--disable on the command line win over both.",
  exclude:
    'Path globs of files not to scan, relative to the directory of this file: * stays within a path element, ** spans elements, {a,b} and [a-z] work; a pattern without "/" matches at any depth (*_mock.go), one with "/" is anchored here (internal/legacy/**). Files named on the command line are scanned anyway.',
  tests: 'How findings in _test.go files are reported.',
  'tests.severity': `${TEST_MODES.join(', ')}: same severity, one severity lower (the default; low stays low), or not reported.`,
  include: 'Kinds of files skipped by default that should be scanned.',
  'include.vendor': 'Scan vendor/ directories (default false).',
  'include.testdata': 'Scan testdata/ directories (default false).',
  'include.generated': 'Scan files marked "// Code generated ... DO NOT EDIT." (default false).',
  'include.hidden': 'Scan directories and files whose names start with "." or "_" (default false; the go command ignores them).',
  'include.node-modules': 'Scan node_modules/ directories (default false).',
  suppressions: "Other linters' suppression comments to honour, besides //redline:ignore, for the rules that report the same defects as the checks they name. Suppressed findings are still listed, with the comment as justification.",
  'suppressions.gosec': 'Honour gosec\'s comments: // #nosec, // #nosec G402 -- reason, //nolint:gosec (default false).',
  'suppressions.staticcheck': 'Honour staticcheck\'s comments: //lint:ignore SA1029 reason, //lint:file-ignore SA1029 reason, //nolint:staticcheck (default false).',
  'suppressions.gitleaks': 'Honour gitleaks\'s comments: a // gitleaks:allow comment on the line of a known, deliberate sample secret (default false).',
  baseline:
    'Path of the baseline file, relative to the directory of this file (.redline-baseline.json). Findings recorded in it are reported as baselined and do not fail the run.',
  build: 'The build target: which files take part in the build, by file name suffix and //go:build constraints.',
  'build.goos': 'GOOS (default linux).',
  'build.goarch': 'GOARCH (default amd64).',
  'build.tags': 'Extra build tags, like go build -tags (default none).',
  'build.cgo': 'Whether cgo is enabled: the cgo build tag (default true).',
  'build.go': 'The Go release whose go1.N build tags are satisfied, go1.N (default the latest Redline knows).',
} as const;

export type PolicyKey = keyof typeof DESCRIPTIONS;

/** Every documented policy key, dotted (`build.goos`), in file order: for generated reference docs. */
export const POLICY_KEYS = Object.keys(DESCRIPTIONS) as readonly PolicyKey[];

/** The documentation of a policy key (dotted path), as in the JSON Schema. */
export function describePolicyKey(key: PolicyKey): string {
  return DESCRIPTIONS[key];
}

/** An optional section; an empty one (`rules:` with only comments below) reads as YAML null and counts as absent. */
const section = <T extends z.ZodType>(schema: T, key: PolicyKey) => schema.nullable().optional().describe(DESCRIPTIONS[key]);

function policyShape(rules: z.ZodType) {
  const flag = (key: PolicyKey) => z.boolean().optional().describe(DESCRIPTIONS[key]);
  return {
    version: z.string().min(1).describe(DESCRIPTIONS.version),
    'fail-on': z.enum(FAIL_ON).optional().describe(DESCRIPTIONS['fail-on']),
    rules: section(rules, 'rules'),
    exclude: section(z.array(z.string()), 'exclude'),
    tests: section(z.strictObject({ severity: z.enum(TEST_MODES).optional().describe(DESCRIPTIONS['tests.severity']) }), 'tests'),
    include: section(
      z.strictObject({
        vendor: flag('include.vendor'),
        testdata: flag('include.testdata'),
        generated: flag('include.generated'),
        hidden: flag('include.hidden'),
        'node-modules': flag('include.node-modules'),
      }),
      'include',
    ),
    suppressions: section(z.strictObject({ gosec: flag('suppressions.gosec'), staticcheck: flag('suppressions.staticcheck'), gitleaks: flag('suppressions.gitleaks') }), 'suppressions'),
    baseline: z.string().min(1).optional().describe(DESCRIPTIONS.baseline),
    build: section(
      z.strictObject({
        goos: z.enum(KNOWN_OS).optional().describe(DESCRIPTIONS['build.goos']),
        goarch: z.enum(KNOWN_ARCH).optional().describe(DESCRIPTIONS['build.goarch']),
        tags: z.array(z.string().regex(/^[A-Za-z0-9_.]+$/, 'a build tag: letters, digits, "_" and "."')).optional().describe(DESCRIPTIONS['build.tags']),
        cgo: z.boolean().optional().describe(DESCRIPTIONS['build.cgo']),
        go: z.string().regex(/^go1\.(0|[1-9]\d*)$/, 'a Go release like go1.22').optional().describe(DESCRIPTIONS['build.go']),
      }),
      'build',
    ),
  };
}

/** A `rules:` value as validated by `POLICY_SCHEMA` (options are checked per rule later). */
export type RuleSettingInput =
  | boolean
  | (typeof RULE_SWITCHES)[number]
  | { readonly enabled?: boolean; readonly severity?: (typeof SEVERITIES)[number]; readonly options?: Record<string, unknown> };

/**
 * The catalog-independent schema used for validation: rule keys and rule
 * options are checked afterwards against the catalog, so their errors can
 * name the closest rule and the rule's own option schema.
 */
export const POLICY_SCHEMA = z.strictObject(
  policyShape(z.record(z.string(), ruleSetting(z.record(z.string(), z.unknown()), 'rule') as z.ZodType<RuleSettingInput>)),
);

/** The schema with every known family and rule (with its options) spelled out: for editors. */
export function catalogPolicySchema(catalog: readonly RuleMeta[]): z.ZodType {
  const used = new Set(catalog.map((r) => familyOf(r.id)));
  const families = knownFamilies(catalog).filter((f) => used.has(f));
  const rules: Record<string, z.ZodType> = {};
  for (const f of families) rules[f] = ruleSetting(undefined, 'family').optional();
  for (const r of [...catalog].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    rules[r.id] = ruleSetting(r.options, 'rule').optional().describe(`${r.title} (default ${r.severity}).`);
  }
  return z.strictObject(policyShape(z.strictObject(rules)));
}

/**
 * A JSON Schema (draft-07) of redline.yaml for this catalog, for editors
 * (yaml-language-server: `# yaml-language-server: $schema=<file>`).
 */
export function policyJsonSchema(catalog: readonly RuleMeta[]): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogPolicySchema(catalog), { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'Redline policy (redline.yaml)' };
}
