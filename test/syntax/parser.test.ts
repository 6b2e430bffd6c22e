/**
 * Parser corners asserted directly on the tree (no Go needed); the same
 * snippets are also compared with go/parser in snippets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { NO_POS, parseFile, astToJSON } from '../../src/syntax/index.js';

function parse(src: string): { file: ast.File; errors: string[]; text: (n: { start: number; end: number }) => string } {
  const r = parseFile(src, 'x.go');
  return {
    file: r.file,
    errors: r.errors.map((e) => `${e.line}:${e.column}: ${e.message}`),
    text: (n) => src.slice(n.start, n.end),
  };
}

function typeSpec(src: string, i = 0): ast.TypeSpec {
  const r = parse('package p\n' + src);
  expect(r.errors).toEqual([]);
  return (r.file.decls[i] as ast.GenDecl).specs[0] as ast.TypeSpec;
}

function expr(src: string): ast.Expr {
  const r = parse(`package p\nvar _ = ${src}\n`);
  expect(r.errors).toEqual([]);
  return ((r.file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).values[0]!;
}

function body(src: string): ast.Stmt[] {
  const r = parse(`package p\nfunc f() {\n${src}\n}\n`);
  expect(r.errors).toEqual([]);
  return (r.file.decls[0] as ast.FuncDecl).body!.list;
}

describe('parser: type parameter ambiguities', () => {
  it('type T[P *C] is an array (spec), T[P *C,] is generic; type A [N]int is an array', () => {
    // the spec: "the type declaration is parsed as an array type declaration"
    const t = typeSpec('type T[P *C] struct{}');
    expect(t.typeParams).toBeNull();
    expect(((t.type as ast.ArrayType).len as ast.BinaryExpr).op).toBe('*');
    const t2 = typeSpec('type T[P *C,] struct{}');
    expect(t2.typeParams?.list.length).toBe(1);
    expect(t2.typeParams?.list[0]?.names[0]?.name).toBe('P');
    expect(t2.typeParams?.list[0]?.type?.kind).toBe('StarExpr');
    // a type element (interface, ~, func, ...) tilts towards type parameters
    expect(typeSpec('type T[P *interface{}] int').typeParams).not.toBeNull();
    const a = typeSpec('type A [N]int');
    expect(a.typeParams).toBeNull();
    expect(a.type.kind).toBe('ArrayType');
    expect((a.type as ast.ArrayType).len?.kind).toBe('Ident');
    const m = typeSpec('type A [N * M]int');
    expect(((m.type as ast.ArrayType).len as ast.BinaryExpr).op).toBe('*');
  });

  it('generic alias', () => {
    const t = typeSpec('type A[T any] = B[T]');
    expect(t.assign).not.toBe(NO_POS);
    expect(t.typeParams?.list[0]?.names[0]?.name).toBe('T');
    expect(t.type.kind).toBe('IndexExpr');
  });

  it('unions and ~ in constraints', () => {
    const t = typeSpec('type T[P ~int | ~string] int');
    const u = t.typeParams!.list[0]!.type as ast.BinaryExpr;
    expect(u.kind).toBe('BinaryExpr');
    expect(u.op).toBe('|');
    expect((u.x as ast.UnaryExpr).op).toBe('~');
  });

  it('generic receivers and instantiations', () => {
    const r = parse('package p\nfunc (l *List[T]) Push(v T) {}\nfunc (m Map[K, V]) Get() {}\n');
    expect(r.errors).toEqual([]);
    const push = r.file.decls[0] as ast.FuncDecl;
    expect(((push.recv!.list[0]!.type as ast.StarExpr).x as ast.IndexExpr).kind).toBe('IndexExpr');
    const get = r.file.decls[1] as ast.FuncDecl;
    expect((get.recv!.list[0]!.type as ast.IndexListExpr).indices.map((i) => (i as ast.Ident).name)).toEqual(['K', 'V']);
    const call = expr('F[int, string](x)') as ast.CallExpr;
    expect(call.fun.kind).toBe('IndexListExpr');
    expect(expr('G[int]').kind).toBe('IndexExpr');
  });
});

describe('parser: expressions', () => {
  it('channel type associativity: chan<- <-chan int', () => {
    const r = parse('package p\nvar a chan<- <-chan int\nvar b <-chan <-chan int\n');
    const a = ((r.file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).type as ast.ChanType;
    expect(a.dir).toBe('send');
    expect((a.value as ast.ChanType).dir).toBe('recv');
    const b = ((r.file.decls[1] as ast.GenDecl).specs[0] as ast.ValueSpec).type as ast.ChanType;
    expect(b.dir).toBe('recv');
    expect(b.begin).toBe(b.arrow);
    expect((b.value as ast.ChanType).dir).toBe('recv');
  });

  it('<-chan in an expression is re-associated into a channel type', () => {
    const c = expr('(<-chan int)(nil)') as ast.CallExpr;
    const t = (c.fun as ast.ParenExpr).x as ast.ChanType;
    expect(t.kind).toBe('ChanType');
    expect(t.dir).toBe('recv');
    expect(t.start).toBe(t.arrow);
    expect((expr('<-ch') as ast.UnaryExpr).op).toBe('<-');
  });

  it('new(expr), 3-index slices, method expressions, ParenExpr kept', () => {
    const n = expr('new(42)') as ast.CallExpr;
    expect((n.args[0] as ast.BasicLit).value).toBe('42');
    const s = expr('x[i:j:k]') as ast.SliceExpr;
    expect(s.slice3).toBe(true);
    expect(s.max?.kind).toBe('Ident');
    const m = expr('(*T).M') as ast.SelectorExpr;
    expect(m.x.kind).toBe('ParenExpr');
    expect(expr('((x))').kind).toBe('ParenExpr');
  });

  it('composite literals: KeyValueExpr, elided types, header rule', () => {
    const c = expr('map[string]T{"a": {1}}') as ast.CompositeLit;
    const kv = c.elts[0] as ast.KeyValueExpr;
    expect(kv.kind).toBe('KeyValueExpr');
    expect((kv.value as ast.CompositeLit).type).toBeNull();
    const ok = body('if x == (T{}) {}');
    expect((ok[0] as ast.IfStmt).cond.kind).toBe('BinaryExpr');
    const bad = parse('package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n');
    expect(bad.errors[0]).toMatch(/^3:/);
  });
});

describe('parser: statements', () => {
  it('type switch with binding', () => {
    const [s] = body('switch x := y.(type) { case int, string: case nil: default: }');
    const ts = s as ast.TypeSwitchStmt;
    expect(ts.kind).toBe('TypeSwitchStmt');
    const as = ts.assign as ast.AssignStmt;
    expect(as.tok).toBe(':=');
    expect((as.rhs[0] as ast.TypeAssertExpr).type).toBeNull();
    const clauses = ts.body.list as ast.CaseClause[];
    expect(clauses.map((c) => c.list?.length ?? null)).toEqual([2, 1, null]);
  });

  it('range over int and func, for range x', () => {
    const [a, b, c] = body('for i := range 10 {}\nfor range seq {}\nfor k, v = range m {}') as ast.RangeStmt[];
    expect(a!.kind).toBe('RangeStmt');
    expect((a!.key as ast.Ident).name).toBe('i');
    expect(a!.tok).toBe(':=');
    expect(b!.key).toBeNull();
    expect(b!.tok).toBeNull();
    expect(b!.tokPos).toBe(NO_POS);
    expect(c!.tok).toBe('=');
    expect((c!.value as ast.Ident).name).toBe('v');
  });

  it('labels, goto, fallthrough', () => {
    const list = body('L:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto L\n\tswitch { case true: fallthrough; default: }');
    const l = list[0] as ast.LabeledStmt;
    expect(l.label.name).toBe('L');
    const brk = (l.stmt as ast.ForStmt).body.list[0] as ast.BranchStmt;
    expect([brk.tok, brk.label?.name]).toEqual(['break', 'L']);
    expect((list[1] as ast.BranchStmt).tok).toBe('goto');
    const sw = list[2] as ast.SwitchStmt;
    expect(((sw.body.list[0] as ast.CaseClause).body[0] as ast.BranchStmt).tok).toBe('fallthrough');
  });

  it('Field grouping: a, b int is one field; Ellipsis in params', () => {
    const r = parse('package p\nfunc f(a, b int, c ...string)\n');
    const fd = r.file.decls[0] as ast.FuncDecl;
    expect(fd.body).toBeNull();
    expect(fd.type.params.list.map((f) => f.names.map((n) => n.name))).toEqual([['a', 'b'], ['c']]);
    expect(fd.type.params.list[1]!.type!.kind).toBe('Ellipsis');
    expect(r.text(fd.type)).toBe('func f(a, b int, c ...string)');
  });
});

describe('parser: comments', () => {
  const src =
    '// Package p doc.\npackage p\n\n// Doc for A.\nconst A = 1 // line A\n\ntype S struct {\n\t// doc x\n\tx int // line x\n}\n\n// detached\n\nfunc F() {}\n';
  const r = parse(src);
  it('doc and line comments are attached like go/parser', () => {
    expect(r.file.doc?.list[0]?.text).toBe('// Package p doc.');
    const a = r.file.decls[0] as ast.GenDecl;
    expect(a.doc?.list[0]?.text).toBe('// Doc for A.');
    expect((a.specs[0] as ast.ValueSpec).comment?.list[0]?.text).toBe('// line A');
    const st = ((r.file.decls[1] as ast.GenDecl).specs[0] as ast.TypeSpec).type as ast.StructType;
    expect(st.fields.list[0]!.doc?.list[0]?.text).toBe('// doc x');
    expect(st.fields.list[0]!.comment?.list[0]?.text).toBe('// line x');
    expect((r.file.decls[2] as ast.FuncDecl).doc).toBeNull(); // separated by a blank line
    expect(r.file.comments.length).toBe(6);
  });
});

describe('positions', () => {
  it('columns in UTF-8 bytes (go/token) and UTF-16 units', () => {
    const src = 'package p\nvar héllo, 世界 = "😀", 1\n';
    const res = parseFile(src);
    const vs = (res.file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec;
    const [h, w] = vs.names;
    expect(res.positions.position(h!.start)).toEqual({ line: 2, column: 5 });
    expect(res.positions.position(w!.start)).toEqual({ line: 2, column: 13 }); // "héllo, " is 8 bytes
    expect(res.positions.utf16Column(w!.start)).toBe(12);
    const one = vs.values[1]!;
    expect(res.positions.lineCol(one.start)).toBe('2:30'); // 世界 are 3 bytes each, 😀 is 4 bytes
    expect(res.positions.utf16Column(one.start)).toBe(23); // 😀 is 2 UTF-16 units
    expect(res.positions.lineCol(NO_POS)).toBe('-');
  });

  it('File.end, FuncType.func and ChanType.begin positions', () => {
    const src = 'package p\nfunc f(c <-chan int) {}\n';
    const r = parse(src);
    const fd = r.file.decls[0] as ast.FuncDecl;
    expect(fd.type.func).toBe(src.indexOf('func'));
    expect(r.file.end).toBe(fd.end);
    const ct = fd.type.params.list[0]!.type as ast.ChanType;
    expect(r.text(ct)).toBe('<-chan int');
  });

  it('astToJSON renders kind first and line:col positions', () => {
    const res = parseFile('package p\nvar x = 1\n');
    const j = JSON.parse(astToJSON(res.file, res.positions));
    expect(Object.keys(j).slice(0, 3)).toEqual(['kind', 'pos', 'end']);
    expect(j.decls[0].specs[0].values[0]).toEqual({
      kind: 'BasicLit', pos: '2:9', end: '2:10', valuePos: '2:9', litKind: 'INT', value: '1',
    });
  });
});

describe('errors', () => {
  it('go/parser messages, sorted, one per line', () => {
    expect(parse('package p\nfunc f() {\n').errors).toEqual(["2:12: expected '}', found 'EOF'"]);
    expect(parse('package p\nvar _ = f(a,\n\tb\n)\n').errors).toEqual(["3:3: missing ',' before newline in argument list"]);
    expect(parse('package p\nx := 1\n').errors[0]).toBe('2:1: expected declaration, found x');
    expect(parse('func f() {}').errors).toEqual(["1:1: expected 'package', found 'func'"]);
  });
});

describe('astToJSON on deep trees', () => {
  it('does not overflow the stack', () => {
    const r = parseFile(`package p\nvar x = ${'a+'.repeat(20_000)}a\n`);
    const j = astToJSON(r.file, r.positions);
    expect(JSON.parse(j).kind).toBe('File');
  });
});

describe('PositionTable', () => {
  it('UTF-8 columns agree with a naive count at every offset (surrogates across 64-unit chunks)', async () => {
    const { PositionTable } = await import('../../src/syntax/index.js');
    const pieces = ['a', 'é', '世', '😀', '\n', ' ', 'x\u0300'];
    let seed = 7;
    let src = '';
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      src += pieces[seed % pieces.length];
    }
    const pt = new PositionTable(src);
    let lineStart = 0;
    let line = 1;
    for (let off = 0; off < src.length; off++) {
      const c = src.charCodeAt(off);
      if (c >= 0xdc00 && c < 0xe000) continue; // inside a surrogate pair
      expect(pt.position(off)).toEqual({ line, column: Buffer.byteLength(src.slice(lineStart, off)) + 1 });
      if (src[off] === '\n' && off + 1 < src.length) {
        line++;
        lineStart = off + 1;
      }
    }
  });
});
