import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { walk } from '../../src/syntax/index.js';
import { calledName, FactNameIndex } from '../../src/semantics/fact-names.js';
import { checkPackage } from '../../src/semantics/package.js';
import { calleeForm } from '../../src/semantics/call-shapes.js';
import { pkgFromSource } from './helpers.js';

const SRC = `package p

import "example.com/q"

type T struct{}

func (T) Close() {}

func Gen[X any](x X) {}

func use(t T, fs []func()) {
	q.Free(nil)
	t.Close()
	(t.Close)()
	Gen[int](1)
	fs[0]()
	func() {}()
}
`;

function calls(pkg = pkgFromSource(SRC)): ast.CallExpr[] {
  const out: ast.CallExpr[] = [];
  walk(pkg.files[0]!.ast, {
    enter(n) {
      if (n.kind === 'CallExpr') out.push(n);
    },
  });
  return out;
}

describe('calledName', () => {
  it('is the name a call is written with, through parentheses and instantiation', () => {
    expect(calls().map(calledName)).toEqual(['Free', 'Close', 'Close', 'Gen', 'fs', undefined]);
  });
});

describe('calleeForm', () => {
  it('is how a call names its callee: package function, method, function, or a value', () => {
    const pkg = pkgFromSource(SRC);
    const info = checkPackage(pkg, { packages: {}, facts: { func: {}, param: {} } });
    expect(calls(pkg).map((c) => calleeForm(info, c))).toEqual(['package-func', 'method', 'method', 'func', 'func', undefined]);
  });
});

describe('FactNameIndex', () => {
  const index = new FactNameIndex();
  index.add({ func: { 'example.com/q.Free': ['frees'], '(example.com/p.T).Close': ['closes', 'frees'] }, param: { 'example.com/q.Log': { logs: [0] } } });

  it('knows which names hold which function and parameter facts', () => {
    expect(index.has('frees', 'Free')).toBe(true);
    expect(index.has('frees', 'Close')).toBe(true);
    expect(index.has('closes', 'Free')).toBe(false);
    expect(index.has('logs', 'Log')).toBe(true);
    expect(index.has('logs', 'Free')).toBe(false);
    expect(index.has('unknown', 'Free')).toBe(false);
  });

  it('tells functions from methods of the same name', () => {
    expect(index.has('frees', 'Close', true)).toBe(true);
    expect(index.has('frees', 'Close', false)).toBe(false);
    expect(index.has('frees', 'Free', false)).toBe(true);
    expect(index.has('frees', 'Free', true)).toBe(false);
  });

  it('knows whether functions or methods of a name hold facts', () => {
    expect(index.hasAny('Free', false)).toBe(true);
    expect(index.hasAny('Free', true)).toBe(false);
    expect(index.hasAny('Close', true)).toBe(true);
    expect(index.hasAny('Close', false)).toBe(false);
    expect(index.hasAny('Log', false)).toBe(true);
    expect(index.hasAny('Gen', false)).toBe(false);
  });

  it('pre-checks calls that never return by name', () => {
    const src = 'package p\n\nimport ("os"; "testing")\n\nfunc f(t *testing.T) {\n\tos.Exit(1)\n\tt.Fatal()\n\tpanic(1)\n\tt.Log()\n\tos.Getenv("x")\n}\n';
    const pkg = pkgFromSource(src);
    const info = checkPackage(pkg, { packages: {}, facts: { func: {}, param: {} }, factNames: index });
    const cs = calls(pkg);
    expect(cs.map((c) => info.mayBeNoReturnCall(c))).toEqual([true, true, true, false, false]);
    expect(cs.map((c) => info.isNoReturnCall(c))).toEqual([true, true, true, false, false]);
  });

  it('rules calls out by name only in views that carry it', () => {
    const pkg = pkgFromSource(SRC);
    const withIndex = checkPackage(pkg, { packages: {}, facts: { func: {}, param: {} }, factNames: index });
    const without = checkPackage(pkg, { packages: {}, facts: { func: {}, param: {} } });
    const [free, close, , gen] = calls(pkg);
    expect(withIndex.mayCallFactHolder(free!, 'frees')).toBe(true);
    expect(withIndex.mayCallFactHolder(close!, 'closes')).toBe(true);
    expect(withIndex.mayCallFactHolder(gen!, 'frees')).toBe(false);
    expect(without.mayCallFactHolder(gen!, 'frees')).toBe(true);
  });
});
