/** Calls of the package's own functions, seen from their call sites. */
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { checkPackage } from '../../src/semantics/package.js';
import { packageCallsOf, paramObjects, usedOnlyInPackage } from '../../src/semantics/callers.js';
import { pkgFromSource } from './helpers.js';

const SRC = (name: string) => `package ${name}

type server struct{}

func (s *server) addr(host string, port int) string { return host }

func load(path string, _ int, rest ...string) string { return path }

func Load(path string) string { return load(path, 1) }

func use(s *server) {
	_ = load("a", 2)
	_ = s.addr("h", 1)
	f := load
	_ = f("b", 3)
	_ = Load("c")
}
`;

function decls(name: string) {
  const info = checkPackage(pkgFromSource(SRC(name)));
  const fn = (n: string) => info.pkg.files[0]!.ast.decls.find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.name === n)!;
  return { info, fn };
}

describe('package callers', () => {
  it('lists the direct calls of an unexported function or method, not calls through a function value', () => {
    const { info, fn } = decls('p');
    expect(packageCallsOf(info, fn('load'))?.map((c) => info.pkg.files[0]!.source.slice(c.start, c.end))).toEqual(['load(path, 1)', 'load("a", 2)']); // not f("b", 3), a function value
    expect(packageCallsOf(info, fn('addr'))).toHaveLength(1);
  });
  it('knows nothing of the callers of an exported function, except in package main', () => {
    expect(packageCallsOf(decls('p').info, decls('p').fn('Load'))).toBeUndefined();
    const main = decls('main');
    expect(packageCallsOf(main.info, main.fn('Load'))).toHaveLength(1);
    expect(usedOnlyInPackage(main.info, 'Exported')).toBe(true);
    expect(usedOnlyInPackage(decls('p').info, 'Exported')).toBe(false);
  });
  it('maps argument indices to parameters, leaving out unnamed and variadic ones', () => {
    const { info, fn } = decls('p');
    expect(paramObjects(info, fn('load')).map((o) => o?.name)).toEqual(['path', '_', undefined]);
    expect(paramObjects(info, fn('addr')).map((o) => o?.name)).toEqual(['host', 'port']);
  });
});
