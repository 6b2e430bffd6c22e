/**
 * The cgo preamble (the comment above `import "C"`), parsed enough for
 * rules and types: which C functions it declares (prototypes and
 * definitions, `static inline` ones included) with their return and
 * parameter types, its typedefs, variables, enum constants and object-like
 * macros, and, for the functions it defines, what their bodies do with
 * pointer parameters (free them, keep them) and whether they return memory
 * from `malloc`.
 *
 * This is not a C compiler: headers are not read, the preprocessor is not
 * run (every branch of `#if` is kept), and anything the parser does not
 * understand is skipped. Answers are "declared here, with this type" or
 * nothing.
 */
import { named, pointer, UINT8, UNSAFE_POINTER, type Type } from './types.js';

/** A C type as written: base type name (cgo spelling) plus pointer depth. */
export interface CType {
  /** `int`, `uint`, `char`, `uchar`, `longlong`, `void`, `struct_foo`, a typedef name... */
  readonly base: string;
  readonly ptr: number;
  /** A function pointer (the base is then the pointee's return type). */
  readonly funcPtr?: boolean;
}

export interface CParam {
  readonly name: string | null;
  readonly type: CType;
  /** The type is written with `const` (`const char **out`): what it points to belongs to someone else. */
  readonly isConst?: boolean;
}

export interface CFunc {
  readonly name: string;
  readonly result: CType;
  readonly params: readonly CParam[];
  readonly variadic: boolean;
  readonly isStatic: boolean;
  /** A definition with a body (not only a prototype). */
  readonly defined: boolean;
  /** Parameter indices the body passes to `free` (or to a preamble function that frees them). */
  readonly frees: readonly number[];
  /** Parameter indices the body keeps: stores in a field or global, or hands to a call together with `free` as destructor. */
  readonly keeps: readonly number[];
  /** The body returns memory from malloc, calloc, realloc, strdup or strndup (the caller must free it). */
  readonly allocates: boolean;
  /** Pointer parameter indices the body returns (directly or cast): the result is the same memory. */
  readonly returns: readonly number[];
}

export interface CPreamble {
  readonly funcs: ReadonlyMap<string, CFunc>;
  readonly typedefs: ReadonlyMap<string, CType>;
  readonly vars: ReadonlyMap<string, CType>;
  /** Enum constants and object-like macros: values without a known type. */
  readonly constants: ReadonlySet<string>;
}

export const EMPTY_PREAMBLE: CPreamble = { funcs: new Map(), typedefs: new Map(), vars: new Map(), constants: new Set() };

// ---------------------------------------------------------------------------
// Lexing

interface Tok {
  readonly t: string;
  readonly kind: 'id' | 'num' | 'str' | 'punct';
}

const PUNCT3 = new Set(['...', '<<=', '>>=']);
const PUNCT2 = new Set(['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '##']);

/** Removes comments, joins continued lines, and splits off preprocessor directives. */
function preprocess(src: string): { code: string; directives: string[] } {
  let out = '';
  const directives: string[] = [];
  let i = 0;
  const n = src.length;
  let lineStart = true;
  while (i < n) {
    const c = src[i]!;
    if (c === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === '\'') {
      const start = i++;
      while (i < n && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
      out += src.slice(start, Math.min(i, n));
      lineStart = false;
      continue;
    }
    if (lineStart && c === '#') {
      // a directive runs to the end of the (joined) line; comments inside are dropped
      let d = '';
      while (i < n && src[i] !== '\n') {
        if (src[i] === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) { i += src[i + 1] === '\n' ? 2 : 3; d += ' '; continue; }
        if (src[i] === '/' && src[i + 1] === '*') { const end = src.indexOf('*/', i + 2); i = end < 0 ? n : end + 2; d += ' '; continue; }
        if (src[i] === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; break; }
        d += src[i++];
      }
      directives.push(d);
      continue;
    }
    if (c === '\n') lineStart = true;
    else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\f' && c !== '\v') lineStart = false;
    out += c;
    i++;
  }
  return { code: out, directives };
}

function lex(code: string): Tok[] {
  const toks: Tok[] = [];
  const n = code.length;
  let i = 0;
  while (i < n) {
    const c = code[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(code[j]!)) j++;
      toks.push({ t: code.slice(i, j), kind: 'id' });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(code[j]!)) j++;
      toks.push({ t: code.slice(i, j), kind: 'num' });
      i = j;
      continue;
    }
    if (c === '"' || c === '\'') {
      let j = i + 1;
      while (j < n && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      toks.push({ t: code.slice(i, j + 1), kind: 'str' });
      i = j + 1;
      continue;
    }
    const three = code.slice(i, i + 3);
    if (PUNCT3.has(three)) { toks.push({ t: three, kind: 'punct' }); i += 3; continue; }
    const two = code.slice(i, i + 2);
    if (PUNCT2.has(two)) { toks.push({ t: two, kind: 'punct' }); i += 2; continue; }
    toks.push({ t: c, kind: 'punct' });
    i++;
  }
  return toks;
}

// ---------------------------------------------------------------------------
// Declarations

const STORAGE = new Set(['static', 'extern', 'inline', '__inline', '__inline__', 'register', 'auto', '_Thread_local', '__thread', '__extension__', '_Noreturn', '__forceinline']);
const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '_Atomic', '__const', '__volatile__', '_Nonnull', '_Nullable', '__unused']);
const TYPE_WORDS = new Set(['void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', '_Complex', '__signed__', '__int128']);
const ATTRIBUTES = new Set(['__attribute__', '__attribute', '__declspec', '__asm__', '__asm', 'asm', '__typeof__']);

/** A declaration: a run of top-level tokens ended by `;`, or a function definition with its body. */
interface Chunk {
  readonly toks: Tok[];
  /** Body tokens of a function definition (without the braces). */
  readonly body: Tok[] | null;
}

function chunks(toks: readonly Tok[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Tok[] = [];
  let i = 0;
  const matching = (from: number, open: string, close: string): number => {
    let depth = 0;
    for (let j = from; j < toks.length; j++) {
      if (toks[j]!.t === open) depth++;
      else if (toks[j]!.t === close && --depth === 0) return j;
    }
    return toks.length - 1;
  };
  while (i < toks.length) {
    const tk = toks[i]!;
    if (tk.t === ';') {
      if (cur.length) out.push({ toks: cur, body: null });
      cur = [];
      i++;
      continue;
    }
    if (tk.t === '(' || tk.t === '[') {
      const end = matching(i, tk.t, tk.t === '(' ? ')' : ']');
      pushRange(cur, toks, i, end + 1);
      i = end + 1;
      continue;
    }
    if (tk.t === '{') {
      const end = matching(i, '{', '}');
      const prev = cur[cur.length - 1];
      const isFuncBody = prev !== undefined && prev.t === ')' && !cur.some((t) => t.t === '=') && cur[0]?.t !== 'typedef';
      if (isFuncBody) {
        out.push({ toks: cur, body: toks.slice(i + 1, end) });
        cur = [];
      } else {
        pushRange(cur, toks, i, end + 1);
      }
      i = end + 1;
      continue;
    }
    cur.push(tk);
    i++;
  }
  if (cur.length) out.push({ toks: cur, body: null });
  return out;
}

/** Appends `from[start..end)` to `to`, by a loop: a spread of a whole header's tokens would exceed the engine's argument limit. */
function pushRange(to: Tok[], from: readonly Tok[], start: number, end: number): void {
  for (let k = start; k < end; k++) to.push(from[k]!);
}

/** Drops `__attribute__((...))` and similar groups. */
function stripAttributes(toks: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (ATTRIBUTES.has(tk.t) && toks[i + 1]?.t === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < toks.length; j++) {
        if (toks[j]!.t === '(') depth++;
        else if (toks[j]!.t === ')' && --depth === 0) break;
      }
      i = j;
      continue;
    }
    out.push(tk);
  }
  return out;
}

interface Specifiers {
  readonly base: string | null;
  readonly isTypedef: boolean;
  readonly isStatic: boolean;
  /** Enum constants declared by an enum body in the specifiers. */
  readonly enumConsts: string[];
  /** Index of the first token after the specifiers. */
  readonly next: number;
}

/** Normalises the type keywords of a declaration to cgo's spelling of the C type. */
function baseOfWords(words: readonly string[]): string {
  const has = (w: string) => words.includes(w);
  const longs = words.filter((w) => w === 'long').length;
  const u = has('unsigned');
  if (has('void')) return 'void';
  if (has('_Bool')) return '_Bool';
  if (has('float')) return 'float';
  if (has('double')) return longs ? 'longdouble' : 'double';
  if (has('char')) return u ? 'uchar' : has('signed') ? 'schar' : 'char';
  if (has('short')) return u ? 'ushort' : 'short';
  if (longs >= 2) return u ? 'ulonglong' : 'longlong';
  if (longs === 1) return u ? 'ulong' : 'long';
  return u ? 'uint' : 'int';
}

function parseSpecifiers(toks: readonly Tok[], from: number): Specifiers {
  const words: string[] = [];
  let base: string | null = null;
  let isTypedef = false;
  let isStatic = false;
  const enumConsts: string[] = [];
  let i = from;
  for (; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.t === 'typedef') { isTypedef = true; continue; }
    if (tk.t === 'static') { isStatic = true; continue; }
    if (STORAGE.has(tk.t) || QUALIFIERS.has(tk.t)) continue;
    if (TYPE_WORDS.has(tk.t)) { words.push(tk.t); continue; }
    if (tk.t === 'struct' || tk.t === 'union' || tk.t === 'enum') {
      const kw = tk.t;
      let tag: string | null = null;
      if (toks[i + 1]?.kind === 'id') { tag = toks[i + 1]!.t; i++; }
      if (toks[i + 1]?.t === '{') {
        // skip the body; collect enum constants
        let depth = 0;
        let j = i + 1;
        for (; j < toks.length; j++) {
          const b = toks[j]!;
          if (b.t === '{') depth++;
          else if (b.t === '}' && --depth === 0) break;
          else if (kw === 'enum' && depth === 1 && b.kind === 'id' && (toks[j - 1]!.t === '{' || toks[j - 1]!.t === ',')) enumConsts.push(b.t);
        }
        i = j;
      }
      base = tag ? `${kw}_${tag}` : kw === 'enum' ? 'int' : `${kw}_`;
      continue;
    }
    if (tk.kind === 'id' && base === null && words.length === 0) {
      // a typedef name, unless it is the declarator's name (`foo;` alone would be odd C)
      base = tk.t;
      continue;
    }
    break;
  }
  if (base === null) base = words.length ? baseOfWords(words) : 'int';
  return { base, isTypedef, isStatic, enumConsts, next: i };
}

interface Declarator {
  readonly name: string | null;
  readonly ptr: number;
  /** Parameter tokens when the declarator declares a function (`name(params)`), else null. */
  readonly params: Tok[] | null;
  readonly funcPtr: boolean;
}

/** Parses one declarator from `toks` (already split at top-level commas). */
function parseDeclarator(toks: readonly Tok[]): Declarator {
  let i = 0;
  let ptr = 0;
  const skipQuals = () => {
    while (i < toks.length && (QUALIFIERS.has(toks[i]!.t) || toks[i]!.t === '*')) {
      if (toks[i]!.t === '*') ptr++;
      i++;
    }
  };
  skipQuals();
  let name: string | null = null;
  let funcPtr = false;
  if (toks[i]?.t === '(' && toks[i + 1]?.t === '*') {
    // (*name)(params): a function pointer
    funcPtr = true;
    let j = i + 1;
    while (j < toks.length && toks[j]!.t !== ')') {
      if (toks[j]!.kind === 'id' && !QUALIFIERS.has(toks[j]!.t)) name = toks[j]!.t;
      j++;
    }
    return { name, ptr, params: null, funcPtr };
  }
  if (toks[i]?.kind === 'id') name = toks[i++]!.t;
  let params: Tok[] | null = null;
  if (toks[i]?.t === '(') {
    let depth = 0;
    const start = i;
    for (; i < toks.length; i++) {
      if (toks[i]!.t === '(') depth++;
      else if (toks[i]!.t === ')' && --depth === 0) break;
    }
    params = toks.slice(start + 1, i);
    i++;
  }
  while (toks[i]?.t === '[') {
    // arrays: a parameter `char buf[]` is a pointer; a variable array keeps its element type
    ptr++;
    while (i < toks.length && toks[i]!.t !== ']') i++;
    i++;
  }
  return { name, ptr, params, funcPtr };
}

/** Splits tokens at top-level commas. */
function splitCommas(toks: readonly Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const tk of toks) {
    if (tk.t === '(' || tk.t === '[' || tk.t === '{') depth++;
    else if (tk.t === ')' || tk.t === ']' || tk.t === '}') depth--;
    if (tk.t === ',' && depth === 0) { out.push(cur); cur = []; continue; }
    cur.push(tk);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Cuts an initializer (`= ...`) off a declarator. */
function withoutInitializer(toks: readonly Tok[]): Tok[] {
  const i = toks.findIndex((t) => t.t === '=');
  return i < 0 ? [...toks] : toks.slice(0, i);
}

function parseParams(toks: readonly Tok[] | null): { params: CParam[]; variadic: boolean } {
  if (!toks || toks.length === 0 || (toks.length === 1 && toks[0]!.t === 'void')) return { params: [], variadic: false };
  const params: CParam[] = [];
  let variadic = false;
  for (const p of splitCommas(toks)) {
    if (p.length === 1 && p[0]!.t === '...') { variadic = true; continue; }
    const spec = parseSpecifiers(p, 0);
    const d = parseDeclarator(p.slice(spec.next));
    const isConst = p.some((t) => t.t === 'const' || t.t === '__const');
    params.push({ name: d.name, type: { base: spec.base ?? 'int', ptr: d.ptr + (d.params && !d.funcPtr ? 1 : 0), ...(d.funcPtr && { funcPtr: true }) }, ...(isConst && { isConst }) });
  }
  return { params, variadic };
}

const ALLOCATORS = new Set(['malloc', 'calloc', 'realloc', 'strdup', 'strndup']);

/** The names in `#include "name"` lines (local headers; `<...>` system headers are not read), outside C++-only regions. */
export function quotedIncludes(src: string): string[] {
  return [...withoutCplusplusRegions(src).matchAll(/^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm)].map((m) => m[1]!);
}

const CPLUSPLUS_TEST = /^\s*(?:defined\s*\(\s*__cplusplus\s*\)|defined\s+__cplusplus|__cplusplus)\s*$/;

/**
 * The source with the lines only a C++ compiler sees blanked out (cgo
 * compiles C): the first branch of `#ifdef __cplusplus` (or `#if
 * defined(__cplusplus)`), the `#else` branch of `#ifndef __cplusplus`.
 * Other conditionals keep every branch, as the parser does.
 */
function withoutCplusplusRegions(src: string): string {
  if (!src.includes('__cplusplus')) return src;
  // per open conditional: whether its current branch is C++-only, and whether the lines around it were skipped
  const frames: { cppBranch: boolean | null; outer: boolean }[] = [];
  let skipping = false;
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)$/.exec(lines[i]!);
    if (m) {
      const [, kind, rest] = m as unknown as [string, string, string];
      if (kind === 'ifdef' || kind === 'ifndef' || kind === 'if') {
        const cpp = kind === 'ifdef' || kind === 'ifndef' ? rest.trim() === '__cplusplus' : CPLUSPLUS_TEST.test(rest);
        const cppBranch = cpp ? kind !== 'ifndef' : null;
        frames.push({ cppBranch, outer: skipping });
        skipping = skipping || cppBranch === true;
      } else if (kind === 'else' || kind === 'elif') {
        const top = frames[frames.length - 1];
        if (top && top.cppBranch !== null) {
          top.cppBranch = kind === 'else' ? !top.cppBranch : false;
          skipping = top.outer || top.cppBranch;
        }
      } else {
        const top = frames.pop();
        skipping = top ? top.outer : false;
      }
      continue;
    }
    if (skipping) lines[i] = '';
  }
  return lines.join('\n');
}

/** Parses the C text of a cgo preamble. */
export function parsePreamble(src: string): CPreamble {
  const { code, directives } = preprocess(withoutCplusplusRegions(src));
  const funcs = new Map<string, CFunc>();
  const typedefs = new Map<string, CType>();
  const vars = new Map<string, CType>();
  const constants = new Set<string>();
  for (const d of directives) {
    const m = /^\s*#\s*define\s+([A-Za-z_]\w*)(\(?)/.exec(d);
    if (m && m[2] === '') constants.add(m[1]!);
  }
  const bodies: { fn: string; params: readonly CParam[]; body: Tok[] }[] = [];
  for (const chunk of chunks(lex(code))) {
    const toks = stripAttributes(chunk.toks);
    if (toks.length === 0) continue;
    const spec = parseSpecifiers(toks, 0);
    for (const c of spec.enumConsts) constants.add(c);
    const rest = toks.slice(spec.next);
    const declarators = chunk.body ? [rest] : splitCommas(rest);
    for (const dt of declarators) {
      const d = parseDeclarator(withoutInitializer(dt));
      if (!d.name) continue;
      const type: CType = { base: spec.base ?? 'int', ptr: d.ptr, ...(d.funcPtr && { funcPtr: true }) };
      if (spec.isTypedef) {
        typedefs.set(d.name, d.params && !d.funcPtr ? { ...type, funcPtr: true } : type);
        continue;
      }
      if (d.params && !d.funcPtr) {
        const { params, variadic } = parseParams(d.params);
        const prev = funcs.get(d.name);
        if (prev?.defined && !chunk.body) continue; // keep the definition over a later prototype
        funcs.set(d.name, {
          name: d.name, result: type, params, variadic, isStatic: spec.isStatic, defined: chunk.body !== null,
          frees: [], keeps: [], allocates: false, returns: [],
        });
        if (chunk.body) bodies.push({ fn: d.name, params, body: chunk.body });
        continue;
      }
      vars.set(d.name, type);
    }
  }
  // what the bodies do, in two rounds so that calls of preamble functions defined earlier or later count
  for (let round = 0; round < 2; round++) {
    for (const b of bodies) {
      const f = funcs.get(b.fn);
      if (!f) continue;
      funcs.set(b.fn, { ...f, ...analyseBody(b.params, b.body, funcs) });
    }
  }
  return { funcs, typedefs, vars, constants };
}

/** C keywords that a parenthesis may follow without a call. */
const PAREN_KEYWORDS = new Set(['return', 'if', 'while', 'for', 'switch', 'sizeof', '_Alignof', 'alignof', '_Generic']);

/** Frees, keeps and allocation of a function body (token-level). */
function analyseBody(params: readonly CParam[], body: readonly Tok[], funcs: ReadonlyMap<string, CFunc>): Pick<CFunc, 'frees' | 'keeps' | 'allocates' | 'returns'> {
  const index = new Map<string, number>();
  params.forEach((p, i) => { if (p.name && p.type.ptr > 0) index.set(p.name, i); });
  const frees = new Set<number>();
  const keeps = new Set<number>();
  const returns = new Set<number>();
  /** The parameter an argument denotes (directly, parenthesized or cast), if any. */
  const paramOf = (arg: readonly Tok[]): number | undefined => {
    let i = 0;
    while (arg[i]?.t === '(') {
      let depth = 0;
      let j = i;
      for (; j < arg.length; j++) {
        if (arg[j]!.t === '(') depth++;
        else if (arg[j]!.t === ')' && --depth === 0) break;
      }
      if (j >= arg.length - 1) return i === 0 && j === arg.length - 1 ? paramOf(arg.slice(1, j)) : undefined;
      i = j + 1; // a cast
    }
    return arg.length - i === 1 && arg[i]!.kind === 'id' ? index.get(arg[i]!.t) : undefined;
  };
  const allocLocals = new Set<string>();
  let allocates = false;
  for (let i = 0; i < body.length; i++) {
    const tk = body[i]!;
    // calls: name ( args ), not `return (char *)p` or `if (...)`
    if (tk.kind === 'id' && body[i + 1]?.t === '(' && body[i - 1]?.t !== '.' && body[i - 1]?.t !== '->' && !PAREN_KEYWORDS.has(tk.t)) {
      let depth = 0;
      let j = i + 1;
      for (; j < body.length; j++) {
        if (body[j]!.t === '(') depth++;
        else if (body[j]!.t === ')' && --depth === 0) break;
      }
      const args = splitCommas(body.slice(i + 2, j));
      if (tk.t === 'free' && args.length === 1) {
        const p = paramOf(args[0]!);
        if (p !== undefined) frees.add(p);
      } else {
        const callee = funcs.get(tk.t);
        args.forEach((a, k) => {
          const p = paramOf(a);
          if (p === undefined) return;
          if (callee?.frees.includes(k)) frees.add(p);
          if (callee?.keeps.includes(k)) keeps.add(p);
        });
        // a destructor handed over with the pointer: sqlite3_result_text(ctx, s, n, free)
        if (args.some((a) => a.length <= 2 && a[a.length - 1]?.t === 'free' && (a.length === 1 || a[0]!.t === '&'))) {
          for (const a of args) { const p = paramOf(a); if (p !== undefined) keeps.add(p); }
        }
      }
      continue;
    }
    // stores: x->f = p; x.f = p; a[i] = p; *slot = p; g = p;  (p a parameter, directly or cast)
    if (tk.t === '=' && body[i - 1]?.t !== '=' && body[i + 1]?.t !== '=') {
      let j = i + 1;
      const rhs: Tok[] = [];
      while (j < body.length && body[j]!.t !== ';' && body[j]!.t !== ',') rhs.push(body[j++]!);
      const lhsPrev = body[i - 2];
      // a member, an element, or the target of a pointer at the start of a statement (`*slot = p;`)
      const derefStore = lhsPrev?.t === '*' && (body[i - 3] === undefined || ['{', ';', '}'].includes(body[i - 3]!.t));
      const lhsIsMember = lhsPrev?.t === '->' || lhsPrev?.t === '.' || body[i - 1]?.t === ']' || derefStore;
      const lhsName = body[i - 1]?.kind === 'id' ? body[i - 1]!.t : undefined;
      const p = paramOf(rhs);
      const before = body[i - 2];
      const isLocalDecl = lhsName !== undefined && (before?.kind === 'id' || (before?.t === '*' && (body[i - 3]?.kind === 'id' || body[i - 3]?.t === '*')));
      if (p !== undefined && (lhsIsMember || (lhsName !== undefined && !isLocalDecl && !index.has(lhsName)))) keeps.add(p);
      // T *x = malloc(...); remembered for `return x;`
      const callee = rhs.find((t) => t.kind === 'id' && ALLOCATORS.has(t.t));
      if (lhsName && callee) allocLocals.add(lhsName);
      continue;
    }
    if (tk.t === 'return') {
      let j = i + 1;
      const ret: Tok[] = [];
      while (j < body.length && body[j]!.t !== ';') ret.push(body[j++]!);
      const ids = ret.filter((t) => t.kind === 'id' && !TYPE_WORDS.has(t.t) && !QUALIFIERS.has(t.t));
      const first = ret.find((t, k) => t.kind === 'id' && ret[k + 1]?.t === '(');
      if (first && (ALLOCATORS.has(first.t) || funcs.get(first.t)?.allocates)) allocates = true;
      else if (ids.length === 1 && allocLocals.has(ids[0]!.t)) allocates = true;
      const p = paramOf(ret);
      if (p !== undefined) returns.add(p);
    }
  }
  const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);
  return { frees: sorted(frees), keeps: sorted(keeps).filter((k) => !frees.has(k)), allocates, returns: sorted(returns) };
}

/** Merges the preambles of a package's files (first declaration wins, definitions over prototypes). */
export function mergePreambles(list: readonly CPreamble[]): CPreamble {
  if (list.length === 1) return list[0]!;
  const funcs = new Map<string, CFunc>();
  const typedefs = new Map<string, CType>();
  const vars = new Map<string, CType>();
  const constants = new Set<string>();
  for (const p of list) {
    for (const [k, f] of p.funcs) { const prev = funcs.get(k); if (!prev || (!prev.defined && f.defined)) funcs.set(k, f); }
    for (const [k, t] of p.typedefs) if (!typedefs.has(k)) typedefs.set(k, t);
    for (const [k, t] of p.vars) if (!vars.has(k)) vars.set(k, t);
    for (const c of p.constants) constants.add(c);
  }
  return { funcs, typedefs, vars, constants };
}

/** The Go type cgo gives a C type: `char*` → `*C.char`, `void*` → `unsafe.Pointer`, `int` → `C.int`. Null for `void`. */
export function goTypeOfC(t: CType): Type | null {
  if (t.funcPtr) return pointer({ kind: 'array', elem: UINT8, len: 0 }); // cgo's *[0]byte
  if (t.ptr === 0) return t.base === 'void' ? null : named('C', t.base);
  let out: Type = t.base === 'void' ? UNSAFE_POINTER : pointer(named('C', t.base));
  for (let i = 1; i < t.ptr; i++) out = pointer(out);
  return out;
}
