/**
 * Robustness: parseFile never throws, returns well-formed errors and trees,
 * and takes time linear in the input, on mutated real Go files and on
 * adversarial inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/syntax/ast.js';
import { Inspector, parseFile, walk, type ParseFileResult } from '../../src/syntax/index.js';
import { Scanner } from '../../src/syntax/scanner.js';
import { Token } from '../../src/syntax/token.js';
import { goInfo } from '../support/go.js';
import { SNIPPETS } from './snippets.js';

/** A deterministic sample of real Go files (GOROOT when Go is installed), plus the snippets. */
function corpus(): Uint8Array[] {
  const out: Uint8Array[] = Object.values(SNIPPETS).map((s) => Buffer.from(s));
  const go = goInfo();
  if (go !== null) {
    const files: string[] = [];
    for (const e of readdirSync(path.join(go.root, 'src'), { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.go')) files.push(path.join(e.parentPath, e.name));
    }
    files.sort();
    for (let i = 0; i < files.length; i += Math.ceil(files.length / 60)) {
      const data = readFileSync(files[i]!);
      if (data.length < 60_000) out.push(data);
    }
  }
  return out;
}

function check(input: string | Uint8Array, r: ParseFileResult): void {
  const len = r.source.length;
  let prev = -1;
  for (const e of r.errors) {
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(len);
    expect(e.offset).toBeGreaterThanOrEqual(prev);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(typeof e.message).toBe('string');
    prev = e.offset;
  }
  let n = 0;
  walk(r.file, {
    enter(node: Node) {
      n++;
      // like go/parser, an identifier synthesized at EOF in a broken file
      // ends one past the end of the source
      if (node.start < -1 || node.start > len || node.end < -1 || node.end > len + 1) {
        throw new Error(`${node.kind} out of range: ${node.start}-${node.end} (len ${len})`);
      }
    },
  });
  expect(new Inspector(r.file).nodes.length).toBe(n);
  void input;
}

/** Token boundaries of a source, for token-level mutations. */
function tokens(src: string): [number, number][] {
  const s = new Scanner(src, []);
  const out: [number, number][] = [];
  for (let k = 0; k < src.length + 2; k++) {
    s.scan();
    if (s.tok === Token.EOF) break;
    if (s.end > s.pos) out.push([s.pos, s.end]);
  }
  return out;
}

const INSERTS = ['"', '`', '/*', "'", '{', '}', '(', ')', '[', ']', 'func ', 'type ', '<-', '\n', ';', '\x00', '\ufeff', '...', ':=', '.(type)', '[T any]', 'chan<- '];

type Op =
  | { k: 'truncate'; at: number }
  | { k: 'delete'; at: number; len: number }
  | { k: 'insert'; at: number; text: string }
  | { k: 'bytes'; at: number; bytes: number[] }
  | { k: 'tokDelete'; at: number }
  | { k: 'tokDup'; at: number }
  | { k: 'tokSwap'; at: number }
  | { k: 'nest'; at: number; open: string; depth: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ k: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ k: fc.constant('tokDelete' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('tokDup' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('tokSwap' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('(', '[', '{', '*', '<-', 'func() '), depth: fc.integer({ min: 1, max: 3000 }) }),
);

function apply(data: Uint8Array, op: Op): Uint8Array {
  const buf = Buffer.from(data);
  const at = buf.length === 0 ? 0 : op.at % (buf.length + 1);
  switch (op.k) {
    case 'truncate':
      return buf.subarray(0, at);
    case 'delete':
      return Buffer.concat([buf.subarray(0, at), buf.subarray(Math.min(buf.length, at + op.len))]);
    case 'insert':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(op.text), buf.subarray(at)]);
    case 'bytes':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(op.bytes), buf.subarray(at)]);
    case 'nest':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(op.open.repeat(op.depth)), buf.subarray(at)]);
    default: {
      const src = buf.toString('latin1'); // byte-preserving
      const toks = tokens(src);
      if (toks.length < 2) return buf;
      const i = op.at % (toks.length - 1);
      const [s, e] = toks[i]!;
      const [s2, e2] = toks[i + 1]!;
      const t = src.slice(s, e);
      let out: string;
      if (op.k === 'tokDelete') out = src.slice(0, s) + src.slice(e);
      else if (op.k === 'tokDup') out = src.slice(0, e) + ' ' + t + src.slice(e);
      else out = src.slice(0, s) + src.slice(s2, e2) + src.slice(e, s2) + t + src.slice(e2);
      return Buffer.from(out, 'latin1');
    }
  }
}

describe('robustness', () => {
  const files = corpus();

  it(`never throws on mutated Go files (${files.length} seed files)`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(opArb, { minLength: 1, maxLength: 5 }), (fileIdx, ops) => {
        let data = files[fileIdx % files.length]!;
        for (const op of ops) data = apply(data, op);
        check(data, parseFile(data, 'mutated.go'));
        // the same text as a JS string (no UTF-8 decoding step)
        const text = Buffer.from(data).toString('utf8');
        check(text, parseFile(text, 'mutated.go'));
      }),
      { seed: 20261127, numRuns: 400 },
    );
  }, 120_000);

  it('never throws on arbitrary strings and bytes (lone surrogates, control characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (str, bytes) => {
        check(str, parseFile(str, 'x.go'));
        check(bytes, parseFile(bytes, 'x.go'));
        const prefixed = 'package p\n' + str;
        check(prefixed, parseFile(prefixed, 'x.go'));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  const adversarial: [string, () => string][] = [
    ['100k nested parens', () => 'package p\nvar x = ' + '('.repeat(100_000) + 'a' + ')'.repeat(100_000) + '\n'],
    ['100k nested brackets', () => 'package p\nvar x = ' + '['.repeat(100_000) + '\n'],
    ['100k nested braces in a body', () => 'package p\nfunc f() ' + '{'.repeat(100_000) + '\n'],
    ['100k nested composite literals', () => 'package p\nvar x = T' + '{'.repeat(100_000) + '\n'],
    ['100k nested func literals', () => 'package p\nvar x = ' + 'func(){'.repeat(30_000) + '\n'],
    ['100k unary operators', () => 'package p\nvar x = ' + '-'.repeat(100_000) + 'x\n'],
    ['100k pointer types', () => 'package p\nvar x ' + '*'.repeat(100_000) + 'T\n'],
    ['100k chan types', () => 'package p\nvar x ' + 'chan '.repeat(100_000) + 'T\n'],
    ['150k binary chain', () => 'package p\nvar x = ' + 'a+'.repeat(150_000) + 'a\n'],
    ['150k selector chain', () => 'package p\nvar x = a' + '.b'.repeat(150_000) + '\n'],
    ['1 MB single line', () => 'package p\nvar x = []int{' + '1, '.repeat(350_000) + '}'],
    ['1 MB of {', () => '{'.repeat(1 << 20)],
    ['1 MB of { after a package clause', () => 'package p\n' + '{'.repeat(1 << 20)],
    ['many func keywords', () => 'package p\n' + 'func '.repeat(200_000)],
    ['only semicolons', () => ';'.repeat(1 << 20)],
    ['semicolons after package', () => 'package p\n' + ';'.repeat(1 << 20)],
    ['unterminated string', () => 'package p\nvar s = "' + 'x'.repeat(1 << 20)],
    ['unterminated raw string', () => 'package p\nvar s = `' + 'x\n'.repeat(1 << 19)],
    ['unterminated comment', () => 'package p\n/*' + 'x\n'.repeat(1 << 19)],
    ['1 MB of NUL', () => '\x00'.repeat(1 << 20)],
    ['statements of garbage', () => 'package p\nfunc f() {\n' + ') ] } , : = ; . ..\n'.repeat(50_000) + '}\n'],
    ['declarations of garbage', () => 'package p\n' + ') ] 1 "s" + \n'.repeat(50_000)],
  ];
  for (const [name, make] of adversarial) {
    it(`adversarial: ${name}`, () => {
      const src = make();
      const t0 = performance.now();
      const r = parseFile(src, 'adv.go');
      const ms = performance.now() - t0;
      check(src, r);
      expect(ms).toBeLessThan(10_000);
    }, 60_000);
  }

  it("nesting beyond go/parser's limit reports 'exceeded max nesting depth'", () => {
    const r = parseFile('package p\nvar x = ' + '('.repeat(100_000) + 'a' + ')'.repeat(100_000) + '\n');
    expect(r.errors.map((e) => e.message)).toContain('exceeded max nesting depth');
    const ok = parseFile('package p\nvar x = ' + '('.repeat(5_000) + 'a' + ')'.repeat(5_000) + '\n');
    expect(ok.errors).toEqual([]);
  });

  it('time is linear on long lines of comments, raw strings, errors and nesting (4x input within a generous factor)', () => {
    const gens: [string, (n: number) => string][] = [
      ['block comments on one line', (n) => 'package p\nvar x = 1 ' + '/**/'.repeat(n)],
      ['block comments with newlines', (n) => 'package p\nvar x = 1 ' + '/*\n*/'.repeat(n)],
      ['raw strings on one line', (n) => 'package p\nvar x = []string{' + '`a`,'.repeat(n) + '}'],
      ['errors on one line', (n) => 'package p\nvar x = ' + ') '.repeat(n)],
      ['illegal characters on one line', (n) => 'package p\nvar x = ' + '@ \u00e9# '.repeat(n)],
      ['unclosed parens', (n) => 'package p\nvar x = ' + '('.repeat(n)],
      ['statements', (n) => 'package p\nfunc f() {\n' + 'x := a[1:2] + f(b)\n'.repeat(n) + '}'],
    ];
    const time = (src: string): number => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        parseFile(src, 'x.go');
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    for (const [name, gen] of gens) {
      const n = 40_000;
      time(gen(n)); // warm up
      const t1 = time(gen(n));
      const t4 = time(gen(4 * n));
      expect(t4, `${name}: ${t1.toFixed(1)} ms for n, ${t4.toFixed(1)} ms for 4n`).toBeLessThan(4 * t1 * 3 + 30);
    }
  }, 120_000);

  it('time is linear in the input size (4x input within a generous factor)', () => {
    const seeds = files.filter((f) => f.length > 4000).slice(0, 8);
    const base = Buffer.concat(seeds);
    const mutate = (b: Uint8Array, seed: number): Uint8Array => {
      let x = b;
      let s = seed;
      for (let k = 0; k < 20; k++) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        x = apply(x, { k: 'insert', at: s, text: INSERTS[s % INSERTS.length]! });
      }
      return x;
    };
    const small = mutate(base, 1);
    const big = Buffer.concat([small, small, small, small]);
    const time = (b: Uint8Array): number => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        parseFile(b, 'x.go');
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(small); // warm up
    const t1 = time(small);
    const t4 = time(big);
    expect(t4).toBeLessThan(4 * t1 * 4 + 50);
  }, 60_000);
});
