import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { walk } from '../../src/syntax/index.js';
import { buildProgram, dependencyOrder, packageFacts, packageFactsOf, summarizeChecked, summarizeModule, type FactKind } from '../../src/semantics/facts.js';
import { FactNameIndex } from '../../src/semantics/fact-names.js';
import type { ExportedPackage } from '../../src/semantics/exports.js';
import { checkPackage, NEVER_RETURNS, type FactTable, type PackageInfo, type ProgramView } from '../../src/semantics/package.js';
import { requireGo } from '../support/go.js';
import { fixture, loadModule, pkgFromSources } from './helpers.js';

// Example fact kinds, defined by "rules".
const closesChan: FactKind = {
  id: 'closes-chan', level: 'param',
  seed: (call, i, info) => i === 0 && info.calleeOf(call).kind === 'builtin' && (info.calleeOf(call) as { name: string }).name === 'close',
};
const frees: FactKind = {
  id: 'frees', level: 'param',
  seed: (call, i, info) => {
    const c = info.calleeOf(call);
    return i === 0 && ((c.kind === 'func' && c.pkg === 'example.com/facts/res' && c.name === 'rawFree') || (c.kind === 'func' && c.pkg === 'C' && c.name === 'free'));
  },
};
const logs: FactKind = {
  id: 'logs', level: 'param',
  seed: (call, i, info) => {
    const c = info.calleeOf(call);
    return i >= 0 && c.kind === 'func' && c.pkg === 'log';
  },
};
const spawns: FactKind = {
  id: 'spawns-goroutine', level: 'func', propagate: 'any-callee',
  seedFunc: (fn) => {
    let found = false;
    walk(fn.body!, { enter: (n) => { if (n.kind === 'GoStmt') found = true; } });
    return found;
  },
};
// The same seed without propagation: only functions with a go statement of their own.
const spawnsHere: FactKind = { ...spawns, id: 'spawns-here', propagate: 'none' };
const kinds = [closesChan, frees, logs, spawns, spawnsHere];

const M = 'example.com/facts';

describe('function facts across files and packages', () => {
  const pkgs = loadModule(fixture('facts'));
  const { summaries, program } = summarizeModule(pkgs, kinds);
  const p = program.facts.param;
  const f = program.facts.func;

  it('seeds and propagates parameter facts, across files and packages', () => {
    expect(p[`${M}/res.Close`]?.['closes-chan']).toEqual([0]);
    expect(p[`${M}/res.closeLater`]?.['closes-chan']).toEqual([0]); // deferred close
    expect(p[`${M}/res.CloseVia`]?.['closes-chan']).toEqual([0]); // other file
    expect(p[`${M}/app.Shutdown`]?.['closes-chan']).toEqual([0]); // other package
    expect(p[`${M}/app_test.helper`]?.['closes-chan']).toEqual([1]); // external test package
  });

  it('terminates and is exact with recursion and mutual recursion', () => {
    expect(p[`${M}/res.closeRec`]?.['closes-chan']).toEqual([0]);
    expect(p[`${M}/res.ping`]?.['closes-chan']).toEqual([0]);
    expect(p[`${M}/res.pong`]?.['closes-chan']).toEqual([0]);
    expect(p[`${M}/res.a1`]?.['closes-chan']).toBeUndefined();
    expect(p[`${M}/res.b1`]?.['closes-chan']).toBeUndefined();
    expect(f[`${M}/res.recurse`] ?? []).not.toContain(NEVER_RETURNS); // least fixpoint
  });

  it('does not confuse locals or reassigned parameters with parameters', () => {
    expect(p[`${M}/res.notParam`]?.['closes-chan']).toBeUndefined();
    expect(p[`${M}/res.closeReassigned`]?.['closes-chan']).toBeUndefined();
  });

  it('follows conversions, local aliases and receivers', () => {
    expect(p[`${M}/res.Free`]?.['frees']).toEqual([0]);
    expect(p[`${M}/res.freeAlias`]?.['frees']).toEqual([0]);
    expect(p[`(${M}/res.Buf).Release`]?.['frees']).toEqual([-1]);
    expect(p[`${M}/app.Stop`]?.['frees']).toEqual([0]);
    expect(p[`${M}/res.LogIt`]?.['logs']).toEqual([1]);
    expect(p[`${M}/res.logDeep`]?.['logs']).toEqual([0]);
  });

  it('computes function-level facts: spawns-goroutine and never-returns', () => {
    expect(f[`${M}/res.Background`]).toContain('spawns-goroutine');
    expect(f[`${M}/res.startAll`]).toContain('spawns-goroutine');
    expect(f[`${M}/app.Serve`]).toContain('spawns-goroutine');
    expect(f[`${M}/res.work`]).toBeUndefined();
    for (const k of ['res.Die', 'res.dieTwice', 'res.loopForever', 'app.Fail']) expect(f[`${M}/${k}`], k).toContain(NEVER_RETURNS);
    expect(f[`${M}/res.mayDie`] ?? []).not.toContain(NEVER_RETURNS);
  });

  it('keeps non-propagating function facts on the seeded functions only', () => {
    expect(f[`${M}/res.Background`]).toContain('spawns-here');
    expect(f[`${M}/res.startAll`] ?? []).not.toContain('spawns-here');
    expect(f[`${M}/app.Serve`] ?? []).not.toContain('spawns-here');
  });

  it('no facts through interface calls', () => {
    expect(p[`${M}/app.ViaIface`]).toBeUndefined();
  });

  it('gives the same facts package by package in dependency order as all at once', () => {
    const order = dependencyOrder(pkgs);
    let base: ProgramView = { packages: {}, facts: { func: {}, param: {} } };
    for (const pkg of order) {
      const s = summaries.find((x) => x.path === pkg.importPath)!;
      const own = buildProgram([s], kinds, base);
      base = {
        packages: { ...base.packages, ...own.packages },
        facts: { func: { ...base.facts.func, ...own.facts.func }, param: { ...base.facts.param, ...own.facts.param } },
      };
    }
    expect(base.facts).toEqual(program.facts);
  });

  it('gives the same facts when each package is summarized against final facts of its imports, as a scan does', () => {
    // a scan thread: packages in dependency order, each checked against what was learnt before
    // (with the index of fact names that lets summaries skip callees that cannot matter)
    const learnt = { packages: {} as Record<string, ExportedPackage>, facts: { func: {}, param: {} } as FactTable, factNames: new FactNameIndex() };
    for (const pkg of dependencyOrder(pkgs)) {
      const info = checkPackage(pkg, { ...learnt });
      const own = buildProgram([summarizeChecked(info, kinds, { depsFinal: true })], kinds, { ...learnt });
      Object.assign(learnt.packages, own.packages);
      Object.assign(learnt.facts.func, own.facts.func);
      Object.assign(learnt.facts.param, own.facts.param);
      learnt.factNames.add(own.facts);
    }
    expect(learnt.facts).toEqual(program.facts);
  });

  it('summaries and the program view are plain JSON', () => {
    const again = buildProgram(JSON.parse(JSON.stringify(summaries)), kinds);
    expect(again).toEqual(JSON.parse(JSON.stringify(program)));
  });

  it('checkPackage uses the facts: factsOf(callee) and the CFG of callers', () => {
    const app = pkgs.find((x) => x.importPath === `${M}/app`)!;
    const info = checkPackage(app, program);
    const calls = callsIn(info);
    const shutdown = calls.find((c) => info.calleeOf(c).kind === 'func' && (info.calleeOf(c) as { name: string }).name === 'CloseVia')!;
    expect(info.factsOf(info.calleeOf(shutdown)).hasParam('closes-chan', 0)).toBe(true);
    const release = calls.find((c) => info.calleeOf(c).kind === 'method')!;
    expect(info.factsOf(info.calleeOf(release)).hasParam('frees', -1)).toBe(true);
    const afterFail = app.files[0]!.ast.decls.find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.name === 'AfterFail')!;
    expect(info.cfgOf(afterFail)!.exitReachable).toBe(false);
  });

  it('the fixture is valid Go', () => {
    if (requireGo('go vet of the facts fixture') === 'skip') return;
    execFileSync('go', ['vet', './...'], { cwd: fixture('facts'), stdio: 'pipe', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  });
});

describe('cgo', () => {
  const src = `package cg

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import "unsafe"

func release(p *C.char) { C.free(unsafe.Pointer(p)) }

func Use(s string) int {
	cs := C.CString(s)
	defer release(cs)
	n := C.strlen(cs)
	b := C.GoBytes(unsafe.Pointer(cs), C.int(n))
	return len(b) + int(C.int(3))
}
`;
  const pkg = pkgFromSources({ 'cg.go': src }, 'example.com/cg');
  const { program } = summarizeModule([pkg], kinds);
  const info = checkPackage(pkg, program);

  it('exposes the preamble and types cgo helpers', () => {
    expect(info.files[0]!.isCgo).toBe(true);
    expect(info.files[0]!.cgoPreamble).toContain('#include <stdlib.h>');
    const byText = (t: string): ast.Expr => {
      let e: ast.Expr | undefined;
      walk(pkg.files[0]!.ast, { enter: (n) => { if (!e && 'kind' in n && src.slice(n.start, n.end) === t && n.kind !== 'ExprStmt') e = n as ast.Expr; } });
      return e!;
    };
    expect(info.typeOf(byText('C.CString(s)')).kind).toBe('pointer');
    expect(info.typeOf(byText('C.CString(s)'))).toEqual({ kind: 'pointer', elem: { kind: 'named', pkg: 'C', name: 'char' } });
    expect(info.typeOf(byText('C.GoBytes(unsafe.Pointer(cs), C.int(n))'))).toEqual({ kind: 'slice', elem: { kind: 'basic', name: 'uint8' } });
    expect(info.typeOf(byText('C.strlen(cs)')).kind).toBe('unknown'); // declared in the preamble's headers
    expect(info.calleeOf(byText('C.free(unsafe.Pointer(p))') as ast.CallExpr)).toMatchObject({ kind: 'func', pkg: 'C', name: 'free' });
    expect(info.calleeOf(byText('C.int(n)') as ast.CallExpr).kind).toBe('conversion');
  });

  it('facts through C.free', () => {
    expect(program.facts.param['example.com/cg.release']?.['frees']).toEqual([0]);
  });
});

describe('parameter facts seeded from the whole function', () => {
  // "keeps": the parameter is stored in a field (something no call expresses)
  const keeps: FactKind = {
    id: 'keeps', level: 'param',
    seedParams: (fn, info, params) => {
      const out: number[] = [];
      walk(fn.body!, {
        enter: (n) => {
          if (n.kind !== 'AssignStmt') return;
          n.rhs.forEach((r, i) => {
            const o = r.kind === 'Ident' ? info.objectOf(r) : undefined;
            const p = o ? params.get(o) : undefined;
            if (p !== undefined && n.lhs[i]?.kind === 'SelectorExpr') out.push(p);
          });
        },
      });
      return out;
    },
  };
  const pkg = pkgFromSources({
    'k.go': `package k

type Box struct{ v *int }

func (b *Box) Set(v *int) { b.v = v }

func store(b *Box, v *int) { b.v = v }

func viaStore(v *int, b *Box) { store(b, v) }

func viaMethod(b *Box, v *int) { b.Set(v) }

func reads(b *Box, v *int) { _ = *v; _ = b }
`,
  }, 'example.com/k');
  const returnsBox: FactKind = {
    id: 'returns-box', level: 'func', propagate: 'none',
    seedFunc: (fn) => fn.type.results?.list.some((r) => r.type?.kind === 'StarExpr') ?? false,
  };
  const { program } = summarizeModule([pkg], [keeps, returnsBox]);
  const p = program.facts.param;

  it('non-propagating function facts stay with the seeded function', () => {
    const pkg2 = pkgFromSources({ 'r.go': 'package r\n\ntype B struct{}\n\nfunc New() *B { return &B{} }\n\nfunc Use() { _ = New() }\n' }, 'example.com/r');
    const f = summarizeModule([pkg2], [returnsBox]).program.facts.func;
    expect(f['example.com/r.New']).toEqual(['returns-box']);
    expect(f['example.com/r.Use']).toBeUndefined();
  });

  it('seeds the parameters seedParams names and propagates them to callers', () => {
    expect(p['(example.com/k.Box).Set']?.['keeps']).toEqual([0]);
    expect(p['example.com/k.store']?.['keeps']).toEqual([1]);
    expect(p['example.com/k.viaStore']?.['keeps']).toEqual([0]);
    expect(p['example.com/k.viaMethod']?.['keeps']).toEqual([1]);
    expect(p['example.com/k.reads']).toBeUndefined();
  });
});

function callsIn(info: PackageInfo): ast.CallExpr[] {
  const out: ast.CallExpr[] = [];
  for (const f of info.files) walk(f.ast, { enter: (n) => { if (n.kind === 'CallExpr') out.push(n); } });
  return out;
}

describe('call graph', async () => {
  const { CallGraph } = await import('../../src/semantics/callgraph.js');
  const pkgs = loadModule(fixture('facts'));
  const { summaries } = summarizeModule(pkgs, kinds);
  const g = new CallGraph(summaries);

  it('has edges with argument mapping across packages', () => {
    const e = g.calleesOf(`${M}/app.Shutdown`);
    expect(e).toEqual([{ caller: `${M}/app.Shutdown`, callee: `${M}/res.CloseVia`, args: [[0, 0]] }]);
    expect(g.callersOf(`${M}/res.Die`).map((x) => x.caller).sort()).toEqual([`${M}/app.Fail`, `${M}/res.dieTwice`, `${M}/res.mayDie`]);
    expect(g.reachingTo(`${M}/res.Die`).has(`${M}/app.AfterFail`)).toBe(true);
  });

  it('finds recursive components, callees first', () => {
    const sccs = g.sccs();
    const comp = (k: string): string[] => sccs.find((c) => c.includes(k))!;
    expect(comp(`${M}/res.ping`).sort()).toEqual([`${M}/res.ping`, `${M}/res.pong`]);
    expect(comp(`${M}/res.recurse`)).toEqual([`${M}/res.recurse`]);
    const pos = (k: string): number => sccs.findIndex((c) => c.includes(k));
    expect(pos(`${M}/res.Die`)).toBeLessThan(pos(`${M}/app.Fail`));
    expect(pos(`${M}/res.CloseVia`)).toBeLessThan(pos(`${M}/app.Shutdown`));
  });
});

describe('parameter facts seeded from whole functions', () => {
  // "the parameter is captured by a goroutine": no single call shows it
  const captured: FactKind = {
    id: 'captured', level: 'param', seed: () => false,
    seedParams: (fn, info) => {
      const out: number[] = [];
      walk(fn.body!, {
        enter: (n) => {
          if (n.kind !== 'GoStmt') return;
          walk(n, { enter: (x) => { if (x.kind === 'Ident' && info.objectOf(x)?.isParam) out.push(fn.type.params.list.flatMap((f) => f.names).findIndex((p) => p.name === x.name)); } });
        },
      });
      return out;
    },
  };
  const src = `package p

func spawn(a int, tok string) {
	go func() { println(tok) }()
}

func relay(x string) { spawn(1, x) }

func none(tok string) { println(tok) }
`;
  const { program } = summarizeModule([pkgFromSources({ 'p.go': src }, 'example.com/p')], [captured]);
  it('seeds the parameters the function names, and propagates them to callers', () => {
    expect(program.facts.param['example.com/p.spawn']?.['captured']).toEqual([1]);
    expect(program.facts.param['example.com/p.relay']?.['captured']).toEqual([0]);
    expect(program.facts.param['example.com/p.none']).toBeUndefined();
  });
});

describe('package facts', () => {
  // "the package passes this field of some type to println": a fact about what a package does with other packages' objects
  const printed: FactKind = {
    id: 'prints-field', level: 'package',
    seedPackage: (info) => {
      const out: string[] = [];
      for (const fn of info.res.funcs) {
        walk(fn, {
          enter: (n) => {
            if (n.kind !== 'CallExpr' || n.fun.kind !== 'Ident' || n.fun.name !== 'println') return;
            for (const a of n.args) if (a.kind === 'SelectorExpr') out.push(a.sel.name, a.sel.name);
          },
        });
      }
      return out;
    },
  };
  const cfg = pkgFromSources({ 'c.go': 'package c\n\ntype T struct{ Key, Name string }\n' }, 'example.com/c');
  const user = pkgFromSources({ 'u.go': 'package u\n\nimport "example.com/c"\n\nfunc Show(t c.T) { println(t.Key) }\n' }, 'example.com/u');
  it('gives the values of one package, once each and sorted, and none for a package without any', () => {
    const packages: Record<string, ExportedPackage> = {};
    const view: ProgramView = { packages, facts: { func: {}, param: {} } };
    const c = checkPackage(cfg, view);
    packages['example.com/c'] = summarizeChecked(c, []).exports;
    expect(packageFactsOf(c, [printed])).toBeUndefined();
    expect(packageFactsOf(checkPackage(user, view), [printed, closesChan])).toEqual({ 'prints-field': ['Key'] });
  });
  it('passes the values on to the packages that depend on the seeding one, and only to them', () => {
    const packages: Record<string, ExportedPackage> = {};
    const view: ProgramView = { packages, facts: { func: {}, param: {} } };
    const exportWithFacts = (input: ReturnType<typeof pkgFromSources>) => {
      const info = checkPackage(input, { ...view });
      const facts = packageFactsOf(info, [printed]);
      packages[info.importPath] = { ...summarizeChecked(info, []).exports, ...(facts && { facts }) };
      return info;
    };
    exportWithFacts(cfg);
    exportWithFacts(user);
    const direct = exportWithFacts(pkgFromSources({ 'm.go': 'package m\n\nimport "example.com/u"\n\nvar _ = u.Show\n' }, 'example.com/m'));
    expect([...packageFacts(direct, 'prints-field')]).toEqual(['Key']);
    expect(packageFacts(direct, 'other').size).toBe(0);
    // through m, which exported what u did
    const indirect = checkPackage(pkgFromSources({ 'n.go': 'package n\n\nimport _ "example.com/m"\n' }, 'example.com/n'), { ...view });
    expect([...packageFacts(indirect, 'prints-field')]).toEqual(['Key']);
    // a package that does not depend on u learns nothing from it, whatever the view holds
    const unrelated = checkPackage(pkgFromSources({ 'o.go': 'package o\n\nimport "example.com/c"\n\nvar _ c.T\n' }, 'example.com/o'), { ...view });
    expect(packageFacts(unrelated, 'prints-field').size).toBe(0);
  });
});
