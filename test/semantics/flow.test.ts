import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { Inspector } from '../../src/syntax/walk.js';
import { checkPackage } from '../../src/semantics/package.js';
import { assignedValues, copiesOf, goroutineHandoffs, usesOf } from '../../src/semantics/flow.js';
import { enclosingStart } from '../../src/semantics/goroutines.js';
import { pkgFromSource } from './helpers.js';

const SRC = `package p

var global = "g"

type T struct{ f string }

func (t *T) run(s string) {}

func spawn(token string, t *T) {
	local := token
	alias := local
	var later string
	later = alias
	go func(x string) {
		println(local, x, global, later)
		inner := "i"
		println(inner)
		func() { println(alias) }()
	}(token)
	go t.run(later)
	println(later)
}
`;

function setup() {
  const info = checkPackage(pkgFromSource(SRC));
  const file = info.files[0]!.ast;
  const insp = new Inspector(file);
  const gos = insp.nodesOfKind('GoStmt');
  const idents = insp.nodesOfKind('Ident');
  const obj = (name: string) => info.objectOf(idents.find((i) => i.name === name)!)!;
  return { info, gos, idents, obj };
}

describe('goroutine hand-offs', () => {
  it('lists captured variables once, with arguments bound to parameters', () => {
    const { info, gos, obj } = setup();
    const h = goroutineHandoffs(info, gos[0]!);
    const summary = h.map((x) => `${x.via}:${x.obj.name}${x.param ? `->${x.param.name}` : ''}`).sort();
    expect(summary).toEqual(['argument:token->x', 'capture:alias', 'capture:global', 'capture:later', 'capture:local']);
    expect(h.find((x) => x.obj === obj('local'))!.at.kind).toBe('Ident');
  });
  it('lists the receiver and arguments of a method call', () => {
    const { info, gos } = setup();
    expect(goroutineHandoffs(info, gos[1]!).map((x) => `${x.via}:${x.obj.name}`)).toEqual(['receiver:t', 'argument:later']);
  });
  it('knows which code runs on a goroutine started here', () => {
    const { info, gos, idents } = setup();
    const inner = idents.find((i) => i.name === 'inner')!;
    expect(enclosingStart(info, inner)).toBe(gos[0]);
    const lastPrint = idents.filter((i) => i.name === 'later').at(-1)!;
    expect(enclosingStart(info, lastPrint)).toBeNull();
  });
});

describe('local value flow', () => {
  it('follows copies transitively and collects assigned values', () => {
    const { info, obj } = setup();
    expect(copiesOf(info, obj('token')).map((o) => o.name)).toEqual(['local', 'alias', 'later']);
    const values = assignedValues(info, obj('later')).map((e) => (e as ast.Ident).name);
    expect(values).toEqual(['alias']);
    expect(assignedValues(info, obj('global'))).toHaveLength(1);
  });
  it('finds the uses of a variable in a subtree', () => {
    const { info, gos, obj } = setup();
    expect(usesOf(info, gos[0]!, obj('alias'))).toHaveLength(1);
  });
});
