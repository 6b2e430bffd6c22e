import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { walk } from '../../src/syntax/index.js';
import { formatCFG, type CFG } from '../../src/semantics/cfg.js';
import { happensTwice, mayHappen, mustHappen, pathsAvoiding, reachable } from '../../src/semantics/dataflow.js';
import { checkPackage, type PackageInfo } from '../../src/semantics/package.js';
import { pkgFromSource } from './helpers.js';

function setup(body: string): { info: PackageInfo; src: string; cfg: (name: string) => CFG; node: (text: string, nth?: number) => ast.Node } {
  const src = `package p

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"testing"
)

var _ = fmt.Sprint
var _ = log.Print
var _ = os.Exit
var _ = runtime.Goexit
var _ testing.T

func use(...any) {}
func free(any) {}
func open() int { return 0 }

${body}
`;
  const pkg = pkgFromSource(src);
  const info = checkPackage(pkg);
  const file = pkg.files[0]!.ast;
  const cfg = (name: string): CFG => {
    const fn = file.decls.find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.name === name)!;
    return info.cfgOf(fn)!;
  };
  /** The smallest statement or expression whose text starts with `text`. */
  const node = (text: string, nth = 0): ast.Node => {
    const found: ast.Node[] = [];
    walk(file, {
      enter(n) {
        if (n.kind === 'File' || n.kind === 'Comment' || n.kind === 'CommentGroup') return;
        if (src.startsWith(text, n.start)) found.push(n);
      },
    });
    // prefer the outermost node starting there (the statement)
    const starts = [...new Set(found.map((n) => n.start))].sort((a, b) => a - b);
    const start = starts[nth];
    if (start === undefined) throw new Error(`no node for ${text}`);
    return found.find((n) => n.start === start)!;
  };
  return { info, src, cfg, node };
}

const isCallTo = (name: string) => (n: ast.Node): boolean => {
  let found = false;
  walk(n, {
    enter(x) {
      if (x.kind === 'FuncLit') return false;
      if (x.kind === 'CallExpr' && x.fun.kind === 'Ident' && x.fun.name === name) found = true;
      return undefined;
    },
  });
  return found;
};

describe('CFG construction', () => {
  it('labelled break and continue out of select inside for', () => {
    const t = setup(`
func f(ch chan int, done chan struct{}) {
	x := open()
loop:
	for {
		select {
		case v := <-ch:
			if v == 0 {
				continue loop
			}
			use(v)
		case <-done:
			break loop
		}
	}
	free(x)
}`);
    const g = t.cfg('f');
    expect(g.exitReachable).toBe(true);
    // every path from open to exit frees x (the only loop exit is break loop)
    expect(mustHappen(g, t.node('x := open()'), isCallTo('free'))).toBe(true);
    // continue loop reaches the select again, not free
    expect(reachable(g, t.node('continue loop'), t.node('use(v)'))).toBe(true);
    expect(reachable(g, t.node('break loop'), t.node('free(x)'))).toBe(true);
    expect(reachable(g, t.node('break loop'), t.node('use(v)'))).toBe(false);
  });

  it('unlabelled break inside select inside for only leaves the select', () => {
    const t = setup(`
func f(ch chan int) {
	for {
		select {
		case <-ch:
			break
		}
		use(1)
	}
	free(0)
}`);
    const g = t.cfg('f');
    expect(g.exitReachable).toBe(false); // for {} without a break of the loop
    expect(reachable(g, t.node('break'), t.node('use(1)'))).toBe(true);
    expect(reachable(g, null, t.node('free(0)'))).toBe(false);
  });

  it('goto forward and backward', () => {
    const t = setup(`
func f(n int) int {
	i := 0
again:
	if i < n {
		i++
		goto again
	}
	if i > 10 {
		goto out
	}
	use(i)
out:
	return i
}`);
    const g = t.cfg('f');
    expect(reachable(g, t.node('goto again'), t.node('i++'))).toBe(true);
    expect(reachable(g, t.node('goto out'), t.node('use(i)'))).toBe(false);
    expect(reachable(g, t.node('goto out'), t.node('return i'))).toBe(true);
    expect(mustHappen(g, t.node('i := 0'), isCallTo('use'))).toBe(false);
  });

  it('defer in a loop, defer covering later paths, LIFO registration', () => {
    const t = setup(`
func f(xs []int) error {
	x := open()
	defer free(x)
	for _, v := range xs {
		defer use(v)
		if v < 0 {
			return fmt.Errorf("neg")
		}
	}
	return nil
}
func g(ok bool) {
	x := open()
	if ok {
		defer free(x)
	}
	use(x)
}`);
    const f = t.cfg('f');
    expect(f.defers.length).toBe(2);
    // a deferred free covers every later exit
    expect(mustHappen(f, t.node('x := open()'), (n) => n.kind === 'DeferStmt' && isCallTo('free')(n))).toBe(true);
    const d = f.defersAt(t.node('return nil'))!;
    expect(d.must.map((x) => t.src.slice(x.start, x.end))).toEqual(['defer free(x)']);
    expect(d.may.length).toBe(2);
    // defer only on one branch: a path leaks
    const g = t.cfg('g');
    const leaks = pathsAvoiding(g, t.node('x := open()', 1), (n) => n.kind === 'DeferStmt' && isCallTo('free')(n))!;
    expect(leaks.length).toBe(1);
    expect(leaks[0]!.reason).toBe('exit');
  });

  it('resets can forget deferred events', () => {
    const t = setup(`
func f(xs []int) {
	for _, x := range xs {
		p := x
		defer free(p)
	}
}`);
    const g = t.cfg('f');
    const isFree = (n: ast.Node) => n.kind === 'DeferStmt';
    const reset = (n: ast.Node) => t.src.slice(n.start, n.end).startsWith('p := x');
    expect(happensTwice(g, isFree, { reset }).length).toBe(1);
    expect(happensTwice(g, isFree, { reset, resetDefers: true })).toEqual([]);
  });

  it('pruned edges end a path as fine', () => {
    const t = setup(`
func f() error {
	p := open()
	if p == 0 {
		return nil
	}
	if p > 10 {
		return fmt.Errorf("big")
	}
	free(p)
	return nil
}`);
    const g = t.cfg('f');
    const from = t.node('p := open()');
    expect(pathsAvoiding(g, from, isCallTo('free'))!.length).toBe(2);
    const cond = t.node('p == 0');
    // the then-edge of `if p == 0`: succs[0] of the block ending with the condition
    const prune = (b: { nodes: ast.Node[]; succs: unknown[] }, s: unknown) => b.nodes[b.nodes.length - 1] === cond && s === b.succs[0];
    const w = pathsAvoiding(g, from, isCallTo('free'), { prune })!;
    expect(w.map((x) => t.src.slice(x.node.start, x.node.end))).toEqual(['return fmt.Errorf("big")']);
  });

  it('panic in a branch goes to the panic exit, not the normal exit', () => {
    const t = setup(`
func f(x int) int {
	p := open()
	if x < 0 {
		panic("neg")
	}
	free(p)
	return x
}`);
    const g = t.cfg('f');
    expect(mustHappen(g, t.node('p := open()'), isCallTo('free'))).toBe(true);
    const all = pathsAvoiding(g, t.node('p := open()'), isCallTo('free'), { exits: 'all' })!;
    expect(all.map((w) => w.reason)).toEqual(['panic']);
    expect(g.panicExit.live).toBe(true);
  });

  it('switch with fallthrough and default', () => {
    const t = setup(`
func f(x int) {
	switch x {
	case 1:
		use("one")
		fallthrough
	case 2:
		use("two")
	case 3:
		return
	default:
		use("other")
	}
	free(x)
}`);
    const g = t.cfg('f');
    expect(reachable(g, t.node('fallthrough'), t.node('use("two")'))).toBe(true);
    expect(reachable(g, t.node('use("two")'), t.node('use("other")'))).toBe(false);
    const w = pathsAvoiding(g, null, isCallTo('free'))!;
    expect(w.map((x) => t.src.slice(x.node.start, x.node.end))).toEqual(['return']);
  });

  it('functions that never return', () => {
    const t = setup(`
func a() { os.Exit(1) }
func b() { log.Fatalf("x %d", 1) }
func c(t *testing.T) { t.Fatal("boom") }
func d() { for {} }
func e() { runtime.Goexit() }
func f() { select {} }
func g(t *testing.T) { t.Helper(); t.Skip("no") }
func h(x int) { if x > 0 { os.Exit(1) }; use(x) }
func i() { for { use(1); if open() > 0 { break } } }
func j() { panic("x") }`);
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'j']) expect(t.cfg(n).exitReachable, n).toBe(false);
    for (const n of ['h', 'i']) expect(t.cfg(n).exitReachable, n).toBe(true);
  });

  it('select with and without default', () => {
    const t = setup(`
func f(ch chan int) {
	select {
	case v := <-ch:
		use(v)
	default:
		use(0)
	}
	free(1)
	select {
	case ch <- 1:
	}
	free(2)
}`);
    const g = t.cfg('f');
    expect(reachable(g, null, t.node('free(2)'))).toBe(true);
    expect(mustHappen(g, null, isCallTo('free'))).toBe(true);
    const sel = g.blocks.find((b) => b.nodes.some((n) => n.kind === 'AssignStmt' && t.src.slice(n.start, n.end).startsWith('v := <-ch')))!;
    expect(sel.kind).toBe('select.body');
  });

  it('type switch clauses', () => {
    const t = setup(`
func f(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case string:
		use(x)
	default:
		return -1
	}
	return 7
}`);
    const g = t.cfg('f');
    expect(reachable(g, t.node('use(x)'), t.node('return 7'))).toBe(true);
    expect(reachable(g, t.node('return x'), t.node('return 7'))).toBe(false);
    expect(pathsAvoiding(g, null, isCallTo('use'))!.length).toBe(2);
  });

  it('a return inside a closure does not end the outer function', () => {
    const t = setup(`
func f() {
	x := open()
	cb := func() int {
		return 1
	}
	use(cb)
	free(x)
}`);
    const g = t.cfg('f');
    expect(mustHappen(g, t.node('x := open()'), isCallTo('free'))).toBe(true);
    expect(g.blocks.some((b) => b.nodes.some((n) => n.kind === 'ReturnStmt'))).toBe(false);
  });

  it('short-circuit conditions and double events', () => {
    const t = setup(`
func f(a, b bool) {
	x := open()
	if a && b {
		free(x)
	}
	if a {
		free(x)
	}
	x = open()
	free(x)
}
func g(a bool) {
	x := open()
	defer free(x)
	if a {
		free(x)
	}
}`);
    const f = t.cfg('f');
    const twice = happensTwice(f, isCallTo('free'), { reset: (n) => n.kind === 'AssignStmt' && n.tok === '=' });
    expect(twice.map((d) => t.src.slice(d.second.start, d.second.end))).toEqual(['free(x)']);
    expect(twice[0]!.second.start).toBe(t.node('free(x)', 1).start);
    const g = t.cfg('g');
    const tw = happensTwice(g, (n) => isCallTo('free')(n) || (n.kind === 'DeferStmt' && isCallTo('free')(n)));
    expect(tw.length).toBe(1);
    expect(mayHappen(g, null, isCallTo('free')).length).toBe(2);
    expect(formatCFG(f, t.src)).toContain('cond.true');
  });

  it('labelled continue in nested range loops and labelled break out of switch', () => {
    const t = setup(`
func f(xss [][]int) int {
	n := 0
rows:
	for _, xs := range xss {
		for _, x := range xs {
			switch {
			case x < 0:
				continue rows
			case x == 0:
				break rows
			}
			n += x
		}
		use(n)
	}
	return n
}`);
    const g = t.cfg('f');
    expect(reachable(g, t.node('continue rows'), t.node('use(n)'))).toBe(true); // via the next row
    expect(reachable(g, t.node('break rows'), t.node('use(n)'))).toBe(false);
    expect(reachable(g, t.node('break rows'), t.node('return n'))).toBe(true);
  });
});

describe('CFG node location', () => {
  it('does not locate nodes of nested function literals in the outer CFG', () => {
    const t = setup(`
func f() {
	x := open()
	go func() {
		free(x)
	}()
	use(x)
}`);
    const g = t.cfg('f');
    expect(g.locate(t.node('free(x)'))).toBeUndefined();
    expect(g.locate(t.node('use(x)'))).toBeDefined();
    // the call expression inside a statement is located at its statement
    const call = (t.node('use(x)') as ast.ExprStmt).x;
    expect(g.locate(call)!.block.nodes[g.locate(call)!.index]!.kind).toBe('ExprStmt');
    expect(mustHappen(g, t.node('x := open()'), isCallTo('free'))).toBe(false);
  });
});
