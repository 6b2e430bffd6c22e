import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/index.js';
import { beyondAnalysisLimit, deepestNode, isStackOverflow, MAX_ANALYSED_DEPTH } from '../../src/engine/analysis-limit.js';
import { scan } from '../../src/engine/scan.js';
import { analyzePackage, unanalysedFileFindings, type AnalyzeOptions } from '../../src/engine/analyze.js';
import { defineRule, type AnyRule } from '../../src/engine/rule.js';
import { CATALOG, RULES } from '../../src/rules/index.js';
import { checkPackage } from '../../src/semantics/package.js';
import { pkgFromSource } from '../semantics/helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'redline-deep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

// Valid Go (go/parser accepts it): a generated-style concatenation of 20,000 literals.
write('go.mod', 'module redline.test/deep\n\ngo 1.22\n');
write('assets/bundle.go', `package assets\n\nvar Bundle = "a"${' + "b"'.repeat(60_000)}\n`);
write('assets/use.go', 'package assets\n\nimport "crypto/tls"\n\nvar Conf = &tls.Config{InsecureSkipVerify: true}\n');
write('client/client.go', 'package client\n\nimport "crypto/tls"\n\nvar Conf = &tls.Config{InsecureSkipVerify: true}\n');

describe('code nested too deeply to analyse', () => {
  it('finds the deepest node without recursion', () => {
    const { file } = parseFile('package p\n\nvar x = -(-(-y)) + z\n', 'p.go');
    const { node, depth } = deepestNode(file);
    expect(node.kind === 'Ident' && node.name).toBe('y');
    expect(depth).toBe(9); // File, GenDecl, ValueSpec, BinaryExpr, then Unary, Paren, Unary, Paren, Unary above y
  });

  it('recognises a stack overflow and nothing else', () => {
    const overflow = (): number => overflow() + 1;
    let caught: unknown;
    try {
      overflow();
    } catch (e) {
      caught = e;
    }
    expect(isStackOverflow(caught)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
  });

  for (const jobs of [1, 2]) {
    it(`is reported where it nests deepest, and the rest of the scan goes on (${jobs} thread${jobs > 1 ? 's' : ''})`, async () => {
      const result = await scan({ cwd: root, paths: ['./...'], jobs, workerThreshold: 0, baseline: false });
      const summary = result.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule}`);
      expect(summary).toEqual(['assets/bundle.go:3 redline/analysis-limit', 'client/client.go:5 tls/insecure-skip-verify']);
      expect(result.findings[0]!.message).toMatch(/nests 60003 levels deep.*no rule ran on it/);
    });
  }
});

describe('the depth analyses follow', () => {
  // 3,000 levels: beyond the main thread's stack, within a worker's; 1,000: within both
  const deep = mkdtempSync(path.join(tmpdir(), 'redline-depth-'));
  afterAll(() => rmSync(deep, { recursive: true, force: true }));
  const chain = (n: number) => Array.from({ length: n }, () => '"ab"').join(' + ');
  mkdirSync(path.join(deep, 'deep'), { recursive: true });
  mkdirSync(path.join(deep, 'shallow'), { recursive: true });
  writeFileSync(path.join(deep, 'go.mod'), 'module redline.test/depth\n\ngo 1.22\n');
  writeFileSync(path.join(deep, 'deep/deep.go'), `package deep\n\nimport "log"\n\nvar password = ${chain(3000)}\n\nfunc F() { log.Println(password) }\n`);
  writeFileSync(path.join(deep, 'shallow/shallow.go'), `package shallow\n\nimport "log"\n\nvar password = ${chain(1000)}\n\nfunc F() { log.Println(password) }\n`);

  it(`is ${MAX_ANALYSED_DEPTH} levels on every thread, so results do not depend on --jobs`, async () => {
    const rules = async (jobs: number) => (await scan({ cwd: deep, jobs, workerThreshold: 0, baseline: false })).findings.map((f) => `${f.location.file} ${f.rule}`);
    const one = await rules(1);
    expect(one).toEqual(['deep/deep.go redline/analysis-limit', 'shallow/shallow.go secrets/sensitive-data-logged']);
    expect(await rules(2)).toEqual(one);
  });

  it('covers code the parser follows only on a thread with a large stack (a 1,200-branch else-if chain)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-chain-'));
    try {
      const branches = Array.from({ length: 1200 }, (_, i) => ` else if n == ${i} {\n\t\treturn ${i}\n\t}`).join('');
      writeFileSync(path.join(dir, 'go.mod'), 'module redline.test/chain\n\ngo 1.22\n');
      writeFileSync(
        path.join(dir, 'chain.go'),
        `package chain\n\nimport "log"\n\nvar password = "hunter2-hunter2"\n\nfunc F(n int) int {\n\tif n < 0 {\n\t\treturn -1\n\t}${branches} else {\n\t\tlog.Println(password)\n\t}\n\treturn 0\n}\n`,
      );
      const rules = async (jobs: number) => (await scan({ cwd: dir, jobs, workerThreshold: 0, baseline: false })).findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule}`);
      const one = await rules(1);
      expect(one).toEqual(['chain.go:2411 secrets/sensitive-data-logged']);
      expect(await rules(2)).toEqual(one);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is measured only for files whose nesting allows it', () => {
    const { file, nesting } = parseFile(`package p\n\nvar x = ${chain(3000)}\n`, 'p.go');
    expect(nesting).toBeGreaterThanOrEqual(3000);
    expect(beyondAnalysisLimit(file, nesting)).toBe(true);
    const small = parseFile(`package p\n\nvar x = ${chain(400)}\n`, 'p.go');
    expect(beyondAnalysisLimit(small.file, small.nesting)).toBe(false);
    const union = parseFile(`package p\n\ntype C interface{ ${Array.from({ length: 600 }, (_, i) => `~[${i}]int`).join(' | ')} }\n`, 'p.go');
    expect(union.nesting).toBeGreaterThanOrEqual(600);
  });
});

describe('a rule that runs out of stack', () => {
  const recursing = defineRule({
    meta: { ...RULES.find((r) => r.meta.id === 'context/builtin-key')!.meta, id: 'context/recursing-test-rule' as never },
    create: () => {
      const deeper = (n: number): number => deeper(n + 1) + 1;
      return { CallExpr: () => { deeper(0); } };
    },
  });
  const src = 'package p\n\nimport "crypto/tls"\n\nfunc F() *tls.Config {\n\tprintln("x")\n\treturn &tls.Config{InsecureSkipVerify: true}\n}\n';
  const options = (rules: readonly AnyRule[]): AnalyzeOptions => ({
    rules: rules.map((rule) => ({ rule, severity: rule.meta.severity, options: {} })),
    catalog: CATALOG,
    cwd: '/virtual',
    tests: 'lower',
    engineSeverity: () => undefined,
  });

  it('stops that rule only, and says the fault is Redline\'s when the code is shallow', () => {
    const skip = RULES.find((r) => r.meta.id === 'tls/insecure-skip-verify')!;
    const info = checkPackage(pkgFromSource(src));
    const findings = analyzePackage(info, new Map(), options([recursing as AnyRule, skip]));
    expect(findings.map((f) => `${f.location.line} ${f.rule}`)).toEqual(['6 redline/analysis-limit', '7 tls/insecure-skip-verify']);
    expect(findings[0]!.message).toMatch(/^context\/recursing-test-rule ran out of stack on this code, which nests only \d+ levels deep: that is a fault in Redline/);
  });

  it('says the fault is Redline\'s when a shallow package could not be checked', () => {
    const file = checkPackage(pkgFromSource(src)).files[0]!;
    const [finding] = unanalysedFileFindings(file, deepestNode(file.ast), [], 'package', options([]));
    expect(finding!.message).toMatch(/^Redline ran out of stack here, though this code nests only \d+ levels deep: that is a fault in Redline, not in the code, and the package could not be type-checked/);
  });
});
