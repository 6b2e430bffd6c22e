/**
 * Compares Redline's semantic answers with go/types (tools/gotypesdump)
 * for every identifier and expression of a package.
 */
import { execFileSync } from 'node:child_process';
import type * as ast from '../../src/syntax/ast.js';
import { forEachChild } from '../../src/syntax/walk.js';
import type { PackageInfo } from '../../src/semantics/package.js';
import type { Obj } from '../../src/semantics/scope.js';
import { hasUnknown, isUntyped, typeString, type Type } from '../../src/semantics/types.js';
import { constString, constFromJSON } from '../../src/semantics/consts.js';

export interface DumpPackage {
  dir: string;
  path: string;
  name: string;
  files: string[];
  idents: [number, number, string, 'use' | 'def', string, string, string][] | null;
  exprs: [number, number, number, string, string, string, string][] | null;
  errors: string[] | null;
}

/** Runs gotypesdump (a built binary) on package dirs, with cwd inside their module. */
export function runGoTypesDump(bin: string, cwd: string, root: string, dirs: string[], tests = false, module = ''): DumpPackage[] {
  const args = ['-root', root, ...(tests ? ['-tests'] : []), ...(module ? ['-module', module] : []), ...dirs];
  const out = execFileSync(bin, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  return JSON.parse(out) as DumpPackage[];
}

export interface Bucket {
  total: number;
  /** Redline claimed a type (no unknown in it). */
  typed: number;
  match: number;
  mismatch: number;
  unknown: number;
  /** Redline says untyped constant, go/types gives the context's type (not claimed). */
  untypedCtx: number;
}

export interface Report {
  idents: { total: number; resolved: number; declMatch: number; declMismatch: number; unresolved: number };
  identTypes: Bucket;
  exprs: Record<string, Bucket>;
  consts: { total: number; match: number; mismatch: number; missing: number };
  mismatches: string[];
}

export function emptyReport(): Report {
  return {
    idents: { total: 0, resolved: 0, declMatch: 0, declMismatch: 0, unresolved: 0 },
    identTypes: newBucket(), exprs: {}, consts: { total: 0, match: 0, mismatch: 0, missing: 0 }, mismatches: [],
  };
}

function newBucket(): Bucket {
  return { total: 0, typed: 0, match: 0, mismatch: 0, unknown: 0, untypedCtx: 0 };
}

export function mergeReports(a: Report, b: Report): Report {
  const add = (x: Bucket, y: Bucket): void => { for (const k of Object.keys(y) as (keyof Bucket)[]) x[k] += y[k]; };
  for (const k of Object.keys(b.idents) as (keyof Report['idents'])[]) a.idents[k] += b.idents[k];
  add(a.identTypes, b.identTypes);
  for (const [k, v] of Object.entries(b.exprs)) add((a.exprs[k] ??= newBucket()), v);
  for (const k of Object.keys(b.consts) as (keyof Report['consts'])[]) a.consts[k] += b.consts[k];
  a.mismatches.push(...b.mismatches.slice(0, Math.max(0, 400 - a.mismatches.length)));
  return a;
}

/** UTF-16 offset → UTF-8 byte offset converter for a source text. */
const convCache = new WeakMap<object, (o: number) => number>();
function byteOffsetsFor(f: { source: string }): (o: number) => number {
  let c = convCache.get(f);
  if (!c) convCache.set(f, (c = byteOffsets(f.source)));
  return c;
}

function byteOffsets(src: string): (o: number) => number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(src)) return (o) => o;
  const table = new Int32Array(src.length + 1);
  let b = 0;
  for (let i = 0; i < src.length; i++) {
    table[i] = b;
    const c = src.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { b += 4; table[++i] = b; }
    else b += 3;
  }
  table[src.length] = b;
  return (o) => table[o]!;
}

function declString(o: Obj, info: PackageInfo, pkgPath: string): string {
  if (o.decl || (o.node && o.kind === 'pkgname')) {
    const f = info.files.find((x) => x.path === o.file);
    const off = o.decl ? o.decl.start : o.node!.start;
    const b = f ? byteOffsetsFor(f)(off) : off;
    return `${o.pkg || ''}|${o.name}|${f?.relPath ?? o.file}|${b}`;
  }
  if (o.pkg === pkgPath && o.pos) return `${o.pkg}|${o.name}|${o.pos}`;
  return `${o.pkg}|${o.name}`;
}

function theirDecl(d: string, pkgPath: string): string {
  const [pkg, name, file, off] = d.split('|');
  if (pkg === pkgPath || (pkg === '' && file)) return `${pkg}|${name}|${file}|${off}`;
  return `${pkg}|${name}`;
}

export interface CompareOptions {
  /** Also compare positions of objects of other packages (when their summaries carry positions). */
  readonly foreignPositions?: boolean;
  readonly maxMismatches?: number;
}

/** Compares one package; `info` must be built from exactly `dump.files` in order. */
export function comparePackage(info: PackageInfo, dump: DumpPackage, opts: CompareOptions = {}): Report {
  const rep = emptyReport();
  const maxMis = opts.maxMismatches ?? 200;
  const pkgPath = dump.path;
  const identAt: Map<number, ast.Ident>[] = [];
  const exprAt: Map<string, ast.Expr>[] = [];
  const conv: ((o: number) => number)[] = [];
  for (const f of info.files) {
    const toB = byteOffsetsFor(f);
    conv.push(toB);
    const ids = new Map<number, ast.Ident>();
    const exs = new Map<string, ast.Expr>();
    const visit = (n: ast.Node): void => {
      if (n.kind === 'Ident') ids.set(toB(n.start), n);
      if (isExpr(n)) exs.set(`${toB(n.start)}:${toB(n.end)}:${n.kind}`, n as ast.Expr);
      forEachChild(n, visit);
    };
    visit(f.ast);
    identAt.push(ids);
    exprAt.push(exs);
  }
  const only = process.env['REDLINE_ONLY'];
  const note = (s: string): void => { if (rep.mismatches.length < maxMis && (!only || s.startsWith(only))) rep.mismatches.push(s); };
  const where = (fi: number, off: number): string => `${info.files[fi]?.relPath}:${lineOf(info.files[fi]!.source, off)}`;

  for (const [fi, off, name, role, decl, type, okind] of dump.idents ?? []) {
    const id = identAt[fi]?.get(off);
    rep.idents.total++;
    if (!id || id.name !== name) { rep.idents.unresolved++; note(`ident ${name} at ${fi}:${off}: not found in AST`); continue; }
    const o = (role === 'use' ? info.res.uses.get(id) : info.res.defs.get(id)) ?? info.objectOf(id);
    if (!o) { rep.idents.unresolved++; note(`unresolved ${name} (${okind}) at ${where(fi, id.start)}`); continue; }
    rep.idents.resolved++;
    const mine = declString(o, info, pkgPath);
    const theirs = theirDecl(decl, pkgPath);
    if (mine === theirs || (!opts.foreignPositions && mine.split('|').slice(0, 2).join('|') === theirs && !theirs.includes('|', theirs.indexOf('|') + 1))) rep.idents.declMatch++;
    else { rep.idents.declMismatch++; note(`decl ${name} at ${where(fi, id.start)}: mine ${mine} go ${theirs}`); }
    if (type && okind !== 'pkgname' && okind !== 'builtin' && okind !== 'label') {
      // go/types records the instantiated method of an instantiated generic type in Uses
      const par = role === 'use' && (okind === 'method' || okind === 'field') ? info.parentOf(id) : null;
      const t = o.kind === 'pkgname' ? undefined
        : par && par.kind === 'SelectorExpr' && par.sel === id && info.modeOf(par.x) !== 'type' ? info.typeOf(par)
        : par && par.kind === 'KeyValueExpr' && par.key === id ? info.typeOf(id)
        : info.typeOfObj(o);
      bucket(rep.identTypes, t, type, () => `ident ${name} at ${where(fi, id.start)}`, note);
    }
  }
  for (const [fi, start, end, kind, type, mode, cv] of dump.exprs ?? []) {
    const e = exprAt[fi]?.get(`${start}:${end}:${kind}`);
    const b = (rep.exprs[kind] ??= newBucket());
    if (mode === 'builtin') continue;
    if (!e && kind === 'BasicLit') continue; // the implicit 1 of x++ (go/types synthesizes a literal)
    if (!e) { b.total++; b.unknown++; note(`expr ${kind} ${info.files[fi]?.relPath}:${start}-${end}: not found in AST`); continue; }
    bucket(b, info.contextTypeOf(e), type, () => `${kind} ${snippet(info, fi, e)} at ${where(fi, e.start)}`, note);
    if (cv) {
      rep.consts.total++;
      const mine = info.constValue(e);
      const theirs = constFromJSON(cv);
      if (!mine) { rep.consts.missing++; note(`const missing ${snippet(info, fi, e)} at ${where(fi, e.start)}: go ${cv}`); }
      else if (theirs && constEq(mine, theirs)) rep.consts.match++;
      else { rep.consts.mismatch++; note(`const ${snippet(info, fi, e)} at ${where(fi, e.start)}: mine ${constString(mine)} go ${cv}`); }
    }
  }
  return rep;
}

function constEq(a: NonNullable<ReturnType<typeof constFromJSON>>, b: NonNullable<ReturnType<typeof constFromJSON>>): boolean {
  if (a.kind === 'float' || b.kind === 'float') {
    const x = Number(a.value), y = Number(b.value);
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  }
  return a.kind === b.kind && a.value === b.value;
}

function bucket(b: Bucket, t: Type | undefined, theirs: string, what: () => string, note: (s: string) => void): void {
  b.total++;
  if (!t || hasUnknown(t)) {
    b.unknown++;
    if (process.env['REDLINE_SHOW_UNKNOWN']) note(`unknown ${what()}: go ${theirs}`);
    return;
  }
  const mine = typeString(t);
  if (isUntyped(t) && (!theirs.startsWith('untyped') || (mine !== theirs && mine !== 'untyped bool' && mine !== 'untyped string' && theirs !== 'untyped bool' && theirs !== 'untyped string'))) { b.untypedCtx++; return; }
  b.typed++;
  if (mine === theirs) b.match++;
  else if (theirs === `(${mine}, bool)`) b.match++; // comma-ok context: go/types records the pair
  else { b.mismatch++; note(`type ${what()}: mine ${mine} go ${theirs}`); }
}

function snippet(info: PackageInfo, fi: number, e: ast.Node): string {
  const s = info.files[fi]!.source.slice(e.start, e.end).replace(/\s+/g, ' ');
  return s.length > 50 ? s.slice(0, 47) + '...' : s;
}

function lineOf(src: string, off: number): number {
  let n = 1;
  for (let i = 0; i < off && i < src.length; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

const EXPR_KINDS = new Set(['BadExpr', 'Ident', 'Ellipsis', 'BasicLit', 'FuncLit', 'CompositeLit', 'ParenExpr', 'SelectorExpr', 'IndexExpr', 'IndexListExpr', 'SliceExpr', 'TypeAssertExpr', 'CallExpr', 'StarExpr', 'UnaryExpr', 'BinaryExpr', 'KeyValueExpr', 'ArrayType', 'StructType', 'FuncType', 'InterfaceType', 'MapType', 'ChanType']);
function isExpr(n: ast.Node): boolean {
  return EXPR_KINDS.has(n.kind);
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(2) + '%' : '-');

export function formatReport(r: Report, title = ''): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  const i = r.idents;
  lines.push(`identifiers: ${i.total}  resolved ${pct(i.resolved, i.total)}  decl match ${pct(i.declMatch, i.resolved)}  unresolved ${i.unresolved}`);
  const fmt = (name: string, b: Bucket): string =>
    `${name.padEnd(16)} ${String(b.total).padStart(7)}  typed ${pct(b.typed, b.total).padStart(7)}  match ${pct(b.match, b.typed).padStart(7)}  wrong ${String(b.mismatch).padStart(5)} (${pct(b.mismatch, b.typed)})  unknown ${pct(b.unknown, b.total).padStart(7)}  untyped-ctx ${b.untypedCtx}`;
  lines.push(fmt('ident objects', r.identTypes));
  const all = newBucket();
  for (const [k, b] of Object.entries(r.exprs).sort()) {
    lines.push(fmt(k, b));
    for (const key of Object.keys(b) as (keyof Bucket)[]) all[key] += b[key];
  }
  lines.push(fmt('ALL exprs', all));
  lines.push(`constants: ${r.consts.total}  match ${pct(r.consts.match, r.consts.total)}  wrong ${r.consts.mismatch}  missing ${r.consts.missing}`);
  return lines.join('\n');
}

export function totals(r: Report): Bucket {
  const all = newBucket();
  for (const b of Object.values(r.exprs)) for (const key of Object.keys(b) as (keyof Bucket)[]) all[key] += b[key];
  return all;
}
