/**
 * Nesting up to go/parser's limit (100,000 levels), on every thread.
 *
 * Files generated around go/parser's limit, for the shapes that nest
 * (parentheses, blocks, else-if chains, composite literals, function
 * literals, calls): Redline must accept exactly those go/parser accepts,
 * with the identical tree, and report the same first error for the others.
 * Trees this deep are compared in goastdump's flat form (depths as numbers,
 * not indentation: linear in the size of the tree).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseFile, walk, type File, type Node } from '../../src/syntax/index.js';
import { flattenTree, unflattenTree } from '../../src/syntax/tree-transfer.js';
import { buildGoTool, requireGo, withoutGo } from '../support/go.js';
import { canonical } from './canonical.js';

const mode = requireGo('the nesting-limit comparison with go/parser');

const func = (body: string) => `package p\n\nfunc f(x int) int {\n${body}\n\treturn 0\n}\n`;
const SHAPES: Record<string, (n: number) => string> = {
  paren: (n) => func(`\t_ = ${'('.repeat(n)}x${')'.repeat(n)}`),
  block: (n) => func(`\t${'{'.repeat(n)}${'}'.repeat(n)}`),
  elseif: (n) => func(`\tif x == 0 {\n\t\treturn 0\n\t}${Array.from({ length: n }, (_, i) => ` else if x == ${i + 1} {\n\t\treturn ${i}\n\t}`).join('')}`),
  literal: (n) => `package p\n\nvar v = ${'[]any{'.repeat(n)}${'}'.repeat(n)}\n`,
  funclit: (n) => `package p\n\nvar v = ${'func() { _ = '.repeat(n)}1${' }'.repeat(n)}\n`,
  call: (n) => `package p\n\nvar v = ${'f('.repeat(n)}1${')'.repeat(n)}\n`,
};

/** Sizes on both sides of go/parser's limit for each shape (go/parser decides which side each is on). */
const CASES: [string, number][] = [
  ['paren', 99_997], ['paren', 99_998],
  ['block', 99_990],
  ['elseif', 99_990], ['elseif', 100_010],
  ['literal', 33_000], ['literal', 50_000],
  ['funclit', 49_990],
  ['call', 49_990], ['call', 50_010],
];

describe('nesting up to go/parser\'s limit', () => {
  it(`gives the same tree on a helper thread as on this one (beyond the ${MAX_DEPTH} levels this thread follows)`, () => {
    // tree-transfer keeps node classes and shared objects: a doc comment group is also in the file's list
    const src = `package p\n\n// F is deep.\nfunc F() {\n${'{'.repeat(1500)}${'}'.repeat(1500)}\n}\n`;
    const r = parseFile(src, 'deep.go');
    expect(r.errors).toEqual([]);
    const fn = r.file.decls[0]!;
    expect(fn.kind === 'FuncDecl' && fn.doc).toBe(r.file.comments[0]);
    const again: File = unflattenTree(flattenTree(r.file));
    expect(canonical(again, r.positions)).toBe(canonical(r.file, r.positions));
    const doc = again.decls[0]!;
    expect(doc.kind === 'FuncDecl' && doc.doc).toBe(again.comments[0]);
    expect(again.decls[0]!.end).toBe(r.file.decls[0]!.end);
  });

  it('keeps every node of a tree, its class and its shared objects across threads (the fixtures and examples)', () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const files = ['testdata', 'examples'].flatMap((d) =>
      readdirSync(path.join(repo, d), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.go'))
        .map((e) => path.join(e.parentPath, e.name)),
    );
    expect(files.length).toBeGreaterThan(50);
    const nodes = (root: Node): Node[] => {
      const out: Node[] = [];
      walk(root, { enter: (n) => void out.push(n) });
      return out;
    };
    for (const f of files) {
      const r = parseFile(readFileSync(f), f);
      const again = unflattenTree(flattenTree(r.file));
      expect(canonical(again, r.positions), f).toBe(canonical(r.file, r.positions));
      const [a, b] = [nodes(r.file), nodes(again)];
      expect(b.map((n) => Object.getPrototypeOf(n)), f).toEqual(a.map((n) => Object.getPrototypeOf(n)));
      // a node met twice in the original is one object in the copy too
      expect(new Set(b).size, f).toBe(new Set(a).size);
    }
  });

  if (withoutGo(mode, 'the nesting-limit comparison')) return;

  const dir = mkdtempSync(path.join(tmpdir(), 'redline-nesting-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts what go/parser accepts, with the same tree, and rejects the rest with the same error', async () => {
    const files = CASES.map(([shape, n]) => {
      const file = path.join(dir, `${shape}${n}.go`);
      writeFileSync(file, SHAPES[shape]!(n));
      return file;
    });
    const child = spawn(buildGoTool('goastdump'), ['flathash'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(files.join('\n') + '\n');
    const verdicts: string[] = [];
    const expected: string[] = [];
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      const [file, status, sha, errLine, errMsg] = line.split('\t') as [string, string, string, string, string];
      const r = parseFile(readFileSync(file), file);
      const name = path.basename(file);
      expected.push(status === 'ok' ? `${name} ok ${sha}` : `${name} line ${errLine}: ${errMsg}`);
      const flat = createHash('sha256').update(canonical(r.file, r.positions, true)).digest('hex');
      verdicts.push(r.errors.length === 0 ? `${name} ok ${flat}` : `${name} line ${r.errors[0]!.line}: ${r.errors[0]!.message}`);
    }
    expect(verdicts).toEqual(expected);
    // both sides of the limit were met
    expect(expected.filter((v) => / ok /.test(v)).length).toBeGreaterThanOrEqual(5);
    expect(expected.filter((v) => /exceeded max nesting depth/.test(v)).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
