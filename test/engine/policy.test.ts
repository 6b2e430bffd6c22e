import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CliOverrideError, PolicyError } from '../../src/engine/errors.js';
import type { Finding } from '../../src/engine/finding.js';
import {
  defaultPolicy,
  describePolicyKey,
  POLICY_KEYS,
  findPolicyFile,
  isFailing,
  loadPolicy,
  parsePolicy,
  policyJsonSchema,
  resolveRuleSettings,
  starterPolicy,
  isTestHelper,
  testFindingSeverity,
} from '../../src/engine/policy.js';
import { CATALOG } from '../support/catalog.js';
import { git, makeTree } from '../support/fs-tree.js';

const WHERE = { file: '/repo/redline.yaml', shownAs: 'redline.yaml' };
const load = (text: string) => parsePolicy(text, WHERE, CATALOG);

function errors(text: string): string[] {
  try {
    load(text);
  } catch (e) {
    if (e instanceof PolicyError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a PolicyError');
}

describe('parsePolicy', () => {
  it('reads every key', () => {
    const p = load(`
version: "3"
fail-on: medium
rules:
  tls: low
  tls/min-version: off
  goroutine: false
  secrets/hardcoded-credential:
    severity: high
    options: { min-entropy: 4.5 }
exclude: ["internal/legacy/**", "*_mock.go"]
tests: { severity: lower }
include: { vendor: true, generated: true, node-modules: true }
baseline: ci/baseline.json
build: { goos: windows, goarch: arm64, tags: [integration], cgo: false, go: go1.22 }
`);
    expect(p).toMatchObject({
      file: '/repo/redline.yaml',
      dir: '/repo',
      version: '3',
      failOn: 'medium',
      exclude: ['internal/legacy/**', '*_mock.go'],
      tests: 'lower',
      include: { vendor: true, testdata: false, generated: true, hidden: false, nodeModules: true },
      baseline: '/repo/ci/baseline.json',
      build: { goos: 'windows', goarch: 'arm64', tags: ['integration'], cgoEnabled: false, goVersion: 'go1.22' },
    });
    expect(p.rules).toEqual([
      { key: 'tls', ref: { kind: 'family', family: 'tls' }, enabled: true, severity: 'low' },
      { key: 'tls/min-version', ref: { kind: 'rule', id: 'tls/min-version' }, enabled: false },
      { key: 'goroutine', ref: { kind: 'family', family: 'goroutine' }, enabled: false },
      {
        key: 'secrets/hardcoded-credential',
        ref: { kind: 'rule', id: 'secrets/hardcoded-credential' },
        enabled: true,
        severity: 'high',
        options: { 'min-entropy': 4.5, allow: [] },
      },
    ]);
    expect(p.excludeMatcher.match('/repo/internal/legacy/x/a.go')).toBe('internal/legacy/**');
    expect(p.excludeMatcher.match('/repo/pkg/a_mock.go')).toBe('*_mock.go');
    expect(p.excludeMatcher.match('/repo/pkg/a.go')).toBeUndefined();
  });

  it('reads empty sections (only comments below the key) as absent', () => {
    const p = load('version: "1"\nrules:\n  # tls: off\nexclude:\ninclude:\nbuild:\ntests:\n');
    expect(p).toMatchObject({ rules: [], exclude: [], tests: 'lower', build: { goos: 'linux' }, include: { vendor: false } });
  });

  it('needs only a version', () => {
    const p = load('version: "1"\n');
    expect(p).toMatchObject({ failOn: 'high', tests: 'lower', rules: [], exclude: [], build: { goos: 'linux', goarch: 'amd64' } });
    expect(p.baseline).toBeUndefined();
  });

  it('names file:line:col, the key path and what is allowed for each error', () => {
    expect(
      errors(`version: "1"
fail-on: hi
rules:
  tls/insecure-skip-verify:
    severity: crit
  tls/min-version: maybe
  goroutine: of
tests: { severity: lowest }
build: { goos: linx }
`),
    ).toEqual([
      'redline.yaml:2:10: fail-on: expected one of critical, high, medium, low, none; got the string "hi"; did you mean "high"?',
      'redline.yaml:5:15: rules.tls/insecure-skip-verify.severity: expected one of critical, high, medium, low; got the string "crit"; did you mean "critical"?',
      'redline.yaml:6:20: rules.tls/min-version: expected on, off, a severity (enables the rule at that severity), or { enabled, severity, options }; got the string "maybe"',
      'redline.yaml:7:14: rules.goroutine: expected on, off, a severity (enables the rule at that severity), or { enabled, severity, options }; got the string "of"; did you mean "off"?',
      'redline.yaml:8:20: tests.severity: expected one of same, lower, off; got the string "lowest"; did you mean "lower"?',
      'redline.yaml:9:16: build.goos: expected one of aix, android, darwin, dragonfly, freebsd, hurd, illumos, ios, js, linux, nacl, netbsd, openbsd, plan9, solaris, wasip1, windows, zos; got the string "linx"; did you mean "linux"?',
    ]);
  });

  it('rejects unknown keys with the allowed keys and a suggestion', () => {
    expect(errors('version: "1"\nfailon: high\nrules:\n  tls:\n    severty: low\n')).toEqual([
      'redline.yaml:2:1: failon: unknown key "failon"; did you mean "fail-on"?; allowed keys: baseline, build, exclude, fail-on, include, rules, suppressions, tests, version',
      'redline.yaml:5:5: rules.tls.severty: unknown key "severty"; did you mean "severity"?; allowed keys: enabled, options, severity',
    ]);
  });

  it('rejects unknown rules and families with "did you mean"', () => {
    expect(errors('version: "1"\nrules:\n  tls/insecure-skip-verfy: off\n  gorutine: off\n  insecure-skip-verify: off\n  nope/x: off\n')).toEqual([
      'redline.yaml:3:3: rules.tls/insecure-skip-verfy: unknown rule "tls/insecure-skip-verfy"; did you mean "tls/insecure-skip-verify"?',
      'redline.yaml:4:3: rules.gorutine: unknown rule family "gorutine"; did you mean "goroutine"?',
      'redline.yaml:5:3: rules.insecure-skip-verify: unknown rule family "insecure-skip-verify"; did you mean "tls/insecure-skip-verify"?',
      'redline.yaml:6:3: rules.nope/x: unknown rule "nope/x"',
    ]);
  });

  it("validates rule options with the rule's own schema", () => {
    expect(
      errors(`version: "1"
rules:
  secrets/hardcoded-credential:
    options:
      min-entropy: 12
      allow: [1]
      extra: true
  tls/min-version: { options: { a: 1 } }
  tls: { options: {} }
`),
    ).toEqual([
      'redline.yaml:5:20: rules.secrets/hardcoded-credential.options.min-entropy: must be at most 8',
      'redline.yaml:6:15: rules.secrets/hardcoded-credential.options.allow[0]: expected a string, got number 1 (quote it: "1")',
      'redline.yaml:7:7: rules.secrets/hardcoded-credential.options.extra: unknown key "extra"; allowed keys: allow, min-entropy',
      'redline.yaml:8:22: rules.tls/min-version.options: rule tls/min-version has no options',
      'redline.yaml:9:10: rules.tls.options: options can only be set for a rule, not for the family "tls"',
    ]);
  });

  it('explains a missing or unquoted version, bad globs, YAML syntax errors and duplicate keys', () => {
    expect(errors('fail-on: high\n')).toEqual(['redline.yaml:1:1: missing required key "version"']);
    expect(errors('version: 1.10\n')).toEqual(['redline.yaml:1:10: version: expected a string, got number 1.1 (quote it: "1.1")']);
    expect(errors('version: "1"\nexclude: ["ok/**", "bad/[x"]\n')).toEqual([
      'redline.yaml:2:20: exclude[1]: invalid glob "bad/[x": unterminated character class "["',
    ]);
    expect(errors('version: "1"\nrules: [\n')[0]).toMatch(/^redline\.yaml:\d+:\d+: invalid YAML: /);
    expect(errors('version: "1"\nversion: "2"\n')).toEqual(['redline.yaml:2:1: Map keys must be unique (each key may appear once)']);
    expect(errors('')).toEqual(['redline.yaml:1:1: the policy is empty; it needs at least a version: line, e.g. version: "1"']);
    expect(errors('- a\n')).toEqual(['redline.yaml:1:1: expected a mapping, got a list']);
  });
});

describe('loadPolicy and findPolicyFile', () => {
  it('finds redline.yaml walking up, stopping at the git root', () => {
    const root = makeTree({ 'redline.yaml': 'version: "outer"\n', 'repo/pkg/a.go': 'package a\n' });
    git(path.join(root, 'repo'), 'init', '-q');
    expect(findPolicyFile(path.join(root, 'repo/pkg'))).toBeUndefined();
    fs.writeFileSync(path.join(root, 'repo/redline.yaml'), 'version: "inner"\n');
    expect(findPolicyFile(path.join(root, 'repo/pkg'))).toBe(path.join(root, 'repo/redline.yaml'));
    expect(findPolicyFile(root)).toBe(path.join(root, 'redline.yaml'));
  });

  it('names the file relative to cwd in errors and reports a missing file', () => {
    const root = makeTree({ 'cfg/redline.yaml': 'version: "1"\nfail-on: x\n' });
    expect(() => loadPolicy('cfg/redline.yaml', CATALOG, { cwd: root })).toThrow(/^cfg\/redline\.yaml:2:10: fail-on: expected one of/);
    expect(() => loadPolicy('nope.yaml', CATALOG, { cwd: root })).toThrow('nope.yaml: no such file');
    fs.writeFileSync(path.join(root, 'cfg/redline.yaml'), 'version: "2"\nbaseline: ../b.json\n');
    const p = loadPolicy(path.join(root, 'cfg/redline.yaml'), CATALOG, { cwd: root });
    expect(p).toMatchObject({ version: '2', file: path.join(root, 'cfg/redline.yaml'), baseline: path.join(root, 'b.json') });
  });
});

describe('resolveRuleSettings', () => {
  const settings = (text: string, cli = {}) => {
    const s = resolveRuleSettings(load(text), CATALOG, cli);
    return Object.fromEntries([...s.rules].map(([id, r]) => [id, `${r.enabled ? 'on' : 'off'}:${r.severity}`]));
  };

  it('starts from the catalog defaults, with option defaults filled in', () => {
    const s = resolveRuleSettings(defaultPolicy('/repo'), CATALOG);
    expect(s.failOn).toBe('high');
    expect(s.rules.get('tls/insecure-skip-verify')).toEqual({ enabled: true, severity: 'critical', options: undefined });
    expect(s.rules.get('secrets/hardcoded-credential')?.options).toEqual({ 'min-entropy': 3, allow: [] });
  });

  it('lets a rule entry win over its family entry, whatever their order', () => {
    expect(settings('version: "1"\nrules:\n  tls/min-version: critical\n  tls: off\n')).toMatchObject({
      'tls/insecure-skip-verify': 'off:critical',
      'tls/min-version': 'on:critical',
    });
    expect(settings('version: "1"\nrules:\n  tls: low\n  tls/min-version: { enabled: false }\n')).toMatchObject({
      'tls/insecure-skip-verify': 'on:low',
      'tls/min-version': 'off:low',
    });
  });

  it('lets --enable/--disable win, a rule over a family', () => {
    const text = 'version: "1"\nrules:\n  tls: off\n  goroutine/leak-on-block: on\n';
    expect(settings(text, { enable: ['tls/min-version'], disable: ['goroutine'] })).toMatchObject({
      'tls/insecure-skip-verify': 'off:critical',
      'tls/min-version': 'on:high',
      'goroutine/leak-on-block': 'off:medium',
    });
    expect(settings('version: "1"\n', { disable: ['tls'], enable: ['tls/min-version'] })).toMatchObject({
      'tls/insecure-skip-verify': 'off:critical',
      'tls/min-version': 'on:high',
    });
  });

  it('rejects unknown or contradictory overrides and a bad --fail-on', () => {
    const policy = defaultPolicy('/repo');
    expect(() => resolveRuleSettings(policy, CATALOG, { enable: ['tls/min-verson'] })).toThrow(
      '--enable: unknown rule "tls/min-verson"; did you mean "tls/min-version"?',
    );
    expect(() => resolveRuleSettings(policy, CATALOG, { enable: ['tls'], disable: ['tls'] })).toThrow(CliOverrideError);
    expect(() => resolveRuleSettings(policy, CATALOG, { failOn: 'severe' })).toThrow('--fail-on: expected one of critical, high, medium, low, none; got "severe"');
    expect(resolveRuleSettings(policy, CATALOG, { failOn: 'none' }).failOn).toBe('none');
  });
});

describe('tests severity and failing', () => {
  it('lowers or drops findings in tests', () => {
    expect(testFindingSeverity('critical', 'same')).toBe('critical');
    expect(testFindingSeverity('critical', 'lower')).toBe('high');
    expect(testFindingSeverity('low', 'lower')).toBe('low');
    expect(testFindingSeverity('high', 'off')).toBeUndefined();
  });
  it('lowers findings in test helpers, and never drops them', () => {
    expect(testFindingSeverity('high', 'lower', 'helper')).toBe('medium');
    expect(testFindingSeverity('high', 'off', 'helper')).toBe('medium');
    expect(testFindingSeverity('high', 'same', 'helper')).toBe('high');
  });
  it('knows test helpers by their import of testing or a test framework, their file name or their directory', () => {
    expect(isTestHelper('internal/fixtures/keys.go', ['crypto/tls', 'testing'])).toBe(true);
    expect(isTestHelper('topgun/common/common.go', ['crypto/tls', 'github.com/onsi/gomega'])).toBe(true);
    expect(isTestHelper('suite/helpers.go', ['github.com/onsi/ginkgo/v2'])).toBe(true);
    expect(isTestHelper('pkg/check/check.go', ['gotest.tools/v3/assert'])).toBe(true);
    expect(isTestHelper('pkg/ginkgo/runner.go', ['github.com/onsi/ginkgoish'])).toBe(false);
    expect(isTestHelper('test/mock-client/main.go', ['fmt'])).toBe(true);
    expect(isTestHelper('pkg/e2e/loader.go', [])).toBe(true);
    expect(isTestHelper('internal/testutil/server.go', [])).toBe(true);
    expect(isTestHelper('internal/entity/password_fixtures.go', [])).toBe(true);
    expect(isTestHelper('db/fixtures.go', [])).toBe(true);
    expect(isTestHelper('db/fixtures_users.go', [])).toBe(true);
    expect(isTestHelper('db/fixture.go', [])).toBe(false);
    expect(isTestHelper('internal/builtin/logical/database/mockv5.go', [])).toBe(true);
    expect(isTestHelper('store/store_mock.go', [])).toBe(true);
    expect(isTestHelper('store/mock_store.go', [])).toBe(true);
    expect(isTestHelper('store/mocking.go', [])).toBe(false);
    expect(isTestHelper('db/fixtureloader.go', [])).toBe(false);
    expect(isTestHelper('internal/fixtures/keys.go', [])).toBe(true);
    expect(isTestHelper('internal/fixture/certificate_constants.go', [])).toBe(true);
    expect(isTestHelper('pkg/fuzz/jar_utils.go', [])).toBe(true);
    expect(isTestHelper('test-plans/cmd/ping/main.go', [])).toBe(true);
    expect(isTestHelper('tests_e2e/client.go', [])).toBe(true);
    expect(isTestHelper('pkg/fuzzy/match.go', [])).toBe(false);
    expect(isTestHelper('pkg/fixtureloader/load.go', [])).toBe(false);
    expect(isTestHelper('pkg/testcerts/certs.go', [])).toBe(true);
    expect(isTestHelper('integration-test/fixtures/keys.go', [])).toBe(true);
    expect(isTestHelper('internal/latest/client.go', ['net/http'])).toBe(false);
    expect(isTestHelper('internal/contest/client.go', [])).toBe(false);
    expect(isTestHelper('httptest/netutils.go', [])).toBe(true);
    expect(isTestHelper('internal/grpctest/server.go', [])).toBe(true);
    expect(isTestHelper('pkg/latest/client.go', [])).toBe(false);
    expect(isTestHelper('test.go', [])).toBe(false);
  });

  it('fails on unsuppressed findings at or above fail-on', () => {
    const f = (severity: Finding['severity'], suppressed = false) =>
      ({ severity, ...(suppressed && { suppression: { kind: 'external', justification: 'baseline' } }) }) as Finding;
    expect(isFailing(f('high'), 'high')).toBe(true);
    expect(isFailing(f('medium'), 'high')).toBe(false);
    expect(isFailing(f('critical', true), 'low')).toBe(false);
    expect(isFailing(f('critical'), 'none')).toBe(false);
  });
});

describe('starterPolicy', () => {
  it('lists every family and rule with its default severity and title, and validates to the defaults', () => {
    const text = starterPolicy(CATALOG);
    for (const r of CATALOG) expect(text).toContain(`  ${r.id}: ${r.severity} # ${r.title}`);
    for (const f of ['tls', 'secrets', 'goroutine', 'redline']) expect(text).toContain(`  ${f}: on\n`);
    const p = load(text);
    const defaults = resolveRuleSettings(defaultPolicy('/repo'), CATALOG);
    expect(resolveRuleSettings(p, CATALOG)).toEqual(defaults);
    expect(p.include).toEqual(defaultPolicy('/repo').include);
    expect(p.build).toEqual(defaultPolicy('/repo').build);
    // Every line is a comment, blank or YAML; no line is too long to read.
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(parseYaml(text)).toMatchObject({ version: '1' });
  });
});

type SchemaNode = { properties?: Record<string, SchemaNode>; anyOf?: SchemaNode[]; type?: string; description?: string; additionalProperties?: boolean };
/** The object schema of a node (sections are "object or null"). */
const objectOf = (n: SchemaNode): SchemaNode => (n.properties ? n : n.anyOf!.find((x) => x.type === 'object')!);

describe('policyJsonSchema', () => {
  it('documents every key of POLICY_KEYS at its place in the schema', () => {
    const schema = policyJsonSchema(CATALOG) as SchemaNode;
    for (const key of POLICY_KEYS) {
      let node = schema;
      for (const part of key.split('.')) node = objectOf(node).properties![part]!;
      expect(node.description, key).toBe(describePolicyKey(key));
    }
  });

  it('describes every key, lists the known rules and their options, and forbids unknown keys', () => {
    const schema = policyJsonSchema(CATALOG) as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { description?: string; properties?: Record<string, unknown>; additionalProperties?: boolean }>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['version']);
    for (const key of ['version', 'fail-on', 'rules', 'exclude', 'tests', 'include', 'baseline', 'build']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
    const rules = objectOf(schema.properties.rules as SchemaNode);
    expect(Object.keys(rules.properties!).sort()).toEqual([
      'goroutine', 'goroutine/leak-on-block', 'redline', 'redline/bad-directive', 'secrets', 'secrets/hardcoded-credential',
      'tls', 'tls/insecure-skip-verify', 'tls/min-version',
    ]);
    expect(rules.additionalProperties).toBe(false);
    expect(JSON.stringify(rules.properties!['secrets/hardcoded-credential'])).toContain('min-entropy');
  });
});
