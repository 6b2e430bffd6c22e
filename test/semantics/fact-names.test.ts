import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { walk } from '../../src/syntax/index.js';
import { calledName, FactNameIndex } from '../../src/semantics/fact-names.js';
import { checkPackage } from '../../src/semantics/package.js';
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
