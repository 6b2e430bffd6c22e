import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { Inspector, parseFile, walk, childrenOf, visitKinds, type KindVisitors } from '../../src/syntax/index.js';

const src = `package p

import "fmt"

func f(a int) int {
	if a > 0 {
		return g(a)
	}
	fmt.Println(a)
	return 0
}
`;

describe('walk', () => {
  const { file } = parseFile(src);

  it('visits in source order with enter/leave and ancestors', () => {
    const events: string[] = [];
    walk(file, {
      enter(n, anc) {
        if (n.kind === 'CallExpr') events.push(`enter Call depth=${anc.length} parent=${anc[anc.length - 1]!.kind}`);
        if (n.kind === 'ReturnStmt') events.push('enter Return');
      },
      leave(n) {
        if (n.kind === 'CallExpr') events.push('leave Call');
        if (n.kind === 'FuncDecl') events.push('leave FuncDecl');
      },
    });
    expect(events).toEqual([
      'enter Return',
      'enter Call depth=6 parent=ReturnStmt',
      'leave Call',
      'enter Call depth=4 parent=ExprStmt',
      'leave Call',
      'enter Return',
      'leave FuncDecl',
    ]);
  });

  it('enter returning false skips the children and the leave', () => {
    const kinds: string[] = [];
    walk(file, {
      enter(n) {
        kinds.push(n.kind);
        return n.kind !== 'FuncDecl';
      },
      leave(n) {
        expect(n.kind).not.toBe('FuncDecl');
      },
    });
    expect(kinds).toEqual(['File', 'Ident', 'GenDecl', 'ImportSpec', 'BasicLit', 'FuncDecl']);
  });

  it('preorder matches the child keys', () => {
    const pre: ast.Node[] = [];
    walk(file, { enter: (n) => void pre.push(n) });
    const rec: ast.Node[] = [];
    const visit = (n: ast.Node): void => {
      rec.push(n);
      for (const c of childrenOf(n)) visit(c);
    };
    visit(file);
    expect(pre).toEqual(rec);
  });
});

describe('Inspector', () => {
  const { file } = parseFile(src);
  const insp = new Inspector(file);

  it('dispatches enter and :exit visitors of several sets, typed by kind, with ancestors', () => {
    const log: string[] = [];
    const a: KindVisitors = {
      CallExpr(node, anc) {
        log.push(`A call ${node.args.length} under ${anc[anc.length - 1]!.kind}`);
      },
      'FuncDecl:exit'(node) {
        log.push(`A exit ${node.name.name}`);
      },
    };
    const b: KindVisitors = {
      CallExpr() {
        log.push('B call');
      },
      Ident(node) {
        if (node.name === 'g') log.push('B ident g');
      },
    };
    insp.visit(a, b);
    expect(log).toEqual([
      'A call 1 under ReturnStmt',
      'B call',
      'B ident g',
      'A call 1 under ExprStmt',
      'B call',
      'A exit f',
    ]);
  });

  it('gives the same preorder and ancestors as walk', () => {
    const w: string[] = [];
    walk(file, { enter: (n, anc) => void w.push(`${n.kind}@${anc.map((x) => x.kind).join('/')}`) });
    const i: string[] = [];
    const all: KindVisitors = {};
    for (const k of new Set(insp.nodes.map((n) => n.kind))) {
      (all as Record<string, (n: ast.Node, anc: readonly ast.Node[]) => void>)[k] = (n, anc) =>
        void i.push(`${n.kind}@${anc.map((x) => x.kind).join('/')}`);
    }
    insp.visit(all);
    expect(i).toEqual(w);
    expect(insp.nodes.length).toBe(w.length);
  });

  it('visitKinds dispatches like Inspector.visit: same enters, exits, order and ancestors', () => {
    const record = (log: string[]): KindVisitors => {
      const v: Record<string, (n: ast.Node, anc: readonly ast.Node[]) => void> = {};
      for (const k of new Set(insp.nodes.map((n) => n.kind))) {
        v[k] = (n, anc) => void log.push(`${n.kind}@${anc.length}`);
        if (k !== 'Ident') v[`${k}:exit`] = (n, anc) => void log.push(`/${n.kind}@${anc.map((x) => x.kind).join('/')}`);
      }
      return v as KindVisitors;
    };
    const viaInspector: string[] = [];
    insp.visit(record(viaInspector), { CallExpr: () => void viaInspector.push('second set') });
    const single: string[] = [];
    visitKinds(file, record(single), { CallExpr: () => void single.push('second set') });
    expect(single).toEqual(viaInspector);
    const enterOnly: string[] = [];
    visitKinds(file, { ReturnStmt: (n, anc) => void enterOnly.push(`${n.kind}@${anc.length}`) });
    expect(enterOnly).toEqual(['ReturnStmt@5', 'ReturnStmt@3']);
  });

  it('nodesOfKind and ancestorsOf', () => {
    const calls = insp.nodesOfKind('CallExpr');
    expect(calls.map((c) => (c.fun.kind === 'Ident' ? c.fun.name : 'sel'))).toEqual(['g', 'sel']);
    const idx = insp.nodes.indexOf(calls[0]!);
    expect(insp.ancestorsOf(idx).map((n) => n.kind)).toEqual([
      'File', 'FuncDecl', 'BlockStmt', 'IfStmt', 'BlockStmt', 'ReturnStmt',
    ]);
  });

  it('copes with very deep trees without recursion', () => {
    const n = 50_000;
    const deep = parseFile(`package p\nvar x = ${'a+'.repeat(n)}a\n`);
    expect(deep.errors).toEqual([]);
    let count = 0;
    walk(deep.file, { enter: () => void count++ });
    expect(count).toBeGreaterThan(2 * n);
    const di = new Inspector(deep.file);
    let bin = 0;
    di.visit({ BinaryExpr: () => void bin++ });
    expect(bin).toBe(n);
  });
});

describe('node shapes', () => {
  it('every node has exactly start, end and the NODE_FIELDS fields as own properties, in order, and kind on its prototype; children follow VISITOR_KEYS', async () => {
    const { SNIPPETS } = await import('./snippets.js');
    const { NODE_FIELDS, VISITOR_KEYS } = await import('../../src/syntax/index.js');
    let checked = 0;
    for (const src of Object.values(SNIPPETS)) {
      const { file } = parseFile(src);
      walk(file, {
        enter(n) {
          // kind is shared on the prototype; some kinds derive start or
          // end from their fields with a getter on the prototype
          const proto = Object.getPrototypeOf(n) as object;
          const derived = (k: string): boolean => Object.getOwnPropertyDescriptor(proto, k)?.get !== undefined;
          const own = ['start', 'end'].filter((k) => !derived(k));
          expect(Object.keys(n)).toEqual([...own, ...NODE_FIELDS[n.kind].map(([name]) => name)]);
          expect((proto as { kind?: string }).kind).toBe(n.kind);
          expect(typeof n.start).toBe('number');
          expect(typeof n.end).toBe('number');
          const generic: ast.Node[] = [];
          const rec = n as unknown as Record<string, unknown>;
          for (const key of VISITOR_KEYS[n.kind]) {
            const v = rec[key];
            if (Array.isArray(v)) generic.push(...(v as ast.Node[]));
            else if (v !== null) generic.push(v as ast.Node);
          }
          expect(childrenOf(n)).toEqual(generic);
          checked++;
        },
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
