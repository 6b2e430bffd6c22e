/**
 * Go modules without the go command: parse `go.mod` and `go.work` with the
 * grammar of golang.org/x/mod/modfile, find the module of each directory
 * (the nearest go.mod above it; a nested module owns its subtree), and give
 * each file its module and import path.
 *
 * Parsing is strict about syntax and about the arguments of the directives
 * Redline knows (`module`, `go`, `toolchain`, `godebug`, `require`,
 * `exclude`, `replace`, `retract`, `tool`, `ignore`; `use` in go.work) and,
 * like `modfile.ParseLax`, ignores directives it does not know, so a go.mod
 * written for a newer Go still loads. Errors are `GoModError`s with
 * `file:line:col` positions (columns count characters).
 */
import fs from 'node:fs';
import path from 'node:path';
import { GoModError, type Problem } from '../engine/errors.js';
import { relativeSlash, toSlash } from '../engine/paths.js';
import { type GoRelease, LATEST_GO_RELEASE } from './build-target.js';

export interface ModVersion {
  readonly path: string;
  /** Absent for a replacement by a directory and for `replace x => y` without a left version. */
  readonly version?: string;
}

export interface GoModFile {
  /** The file as shown in messages. */
  readonly file: string;
  readonly module?: { readonly path: string; readonly deprecated?: string; readonly line: number };
  /** The `go` directive as written (`1.22`, `1.22.3`, `1.21rc1`). */
  readonly go?: { readonly version: string; readonly line: number };
  readonly toolchain?: { readonly name: string; readonly line: number };
  readonly godebug: readonly { readonly key: string; readonly value: string; readonly line: number }[];
  readonly require: readonly { readonly path: string; readonly version: string; readonly indirect: boolean; readonly line: number }[];
  readonly exclude: readonly { readonly path: string; readonly version: string; readonly line: number }[];
  readonly replace: readonly Replace[];
  readonly retract: readonly { readonly low: string; readonly high: string; readonly rationale: string; readonly line: number }[];
  readonly tool: readonly { readonly path: string; readonly line: number }[];
  readonly ignore: readonly { readonly path: string; readonly line: number }[];
}

export interface Replace {
  readonly old: ModVersion;
  readonly new: ModVersion;
  readonly line: number;
}

export interface GoWorkFile {
  readonly file: string;
  readonly go?: { readonly version: string; readonly line: number };
  readonly toolchain?: { readonly name: string; readonly line: number };
  readonly godebug: readonly { readonly key: string; readonly value: string; readonly line: number }[];
  /** Module directories, as written (relative to the go.work directory or absolute). */
  readonly use: readonly { readonly path: string; readonly line: number }[];
  readonly replace: readonly Replace[];
}

// ---------------------------------------------------------------------------
// Lexer

type TokenKind = 'eof' | 'nl' | 'comment' | 'suffix-comment' | 'ident' | 'string' | '(' | ')' | '[' | ']' | '{' | '}' | ',';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

class SyntaxFailure extends Error {
  constructor(readonly line: number, readonly col: number, message: string) {
    super(message);
  }
}

const PUNCT = new Set(['\n', '(', ')', '[', ']', '{', '}', ',']);

function isIdentChar(c: string): boolean {
  if (' ()[]{},'.includes(c)) return false;
  return !/\s/u.test(c) && /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c);
}

/** Splits a go.mod/go.work text into tokens like modfile's `readToken`. */
function lex(text: string): Token[] {
  const chars = [...text];
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  let lineStart = 0; // index in chars of the first character of the current line
  const advance = () => {
    if (chars[i] === '\n') {
      line++;
      col = 1;
      lineStart = i + 1;
    } else {
      col++;
    }
    i++;
  };
  const startsWith = (s: string) => chars[i] === s[0] && chars[i + 1] === s[1];
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      advance();
      continue;
    }
    const at = { line, col };
    if (startsWith('//')) {
      const suffix = chars.slice(lineStart, i).join('').trim() !== '';
      const begin = i;
      while (i < chars.length && chars[i] !== '\n') advance();
      const body = chars.slice(begin, i).join('').replace(/\r$/, '');
      if (i < chars.length) advance(); // the newline belongs to the comment
      tokens.push({ kind: suffix ? 'suffix-comment' : 'comment', text: body, ...at });
      continue;
    }
    if (startsWith('/*')) throw new SyntaxFailure(line, col, 'mod files must use // comments (not /* */ comments)');
    if (PUNCT.has(c)) {
      advance();
      tokens.push({ kind: c === '\n' ? 'nl' : (c as TokenKind), text: c, ...at });
      continue;
    }
    if (c === '"' || c === '`') {
      const begin = i;
      advance();
      for (;;) {
        if (i >= chars.length) throw new SyntaxFailure(at.line, at.col, 'unexpected EOF in string');
        if (chars[i] === '\n') throw new SyntaxFailure(line, col, 'unexpected newline in string');
        const d = chars[i]!;
        advance();
        if (d === c) break;
        if (d === '\\' && c === '"') {
          if (i >= chars.length) throw new SyntaxFailure(at.line, at.col, 'unexpected EOF in string');
          advance();
        }
      }
      tokens.push({ kind: 'string', text: chars.slice(begin, i).join(''), ...at });
      continue;
    }
    if (!isIdentChar(c)) throw new SyntaxFailure(line, col, `unexpected input character ${JSON.stringify(c)}`);
    const begin = i;
    while (i < chars.length && isIdentChar(chars[i]!)) {
      if (startsWith('//')) break;
      if (startsWith('/*')) throw new SyntaxFailure(line, col, 'mod files must use // comments (not /* */ comments)');
      advance();
    }
    tokens.push({ kind: 'ident', text: chars.slice(begin, i).join(''), ...at });
  }
  tokens.push({ kind: 'eof', text: '', line, col });
  return tokens;
}

// ---------------------------------------------------------------------------
// Syntax: lines and blocks

interface Line {
  readonly tokens: readonly string[];
  readonly line: number;
  readonly col: number;
  /** Whole-line comments directly above (no blank line between). */
  readonly before: readonly string[];
  readonly suffix?: string;
}

interface Block {
  readonly verb: readonly string[];
  readonly line: number;
  readonly col: number;
  readonly before: readonly string[];
  readonly lines: readonly Line[];
}

type Stmt = { readonly kind: 'line'; readonly x: Line } | { readonly kind: 'block'; readonly x: Block };

const isEOL = (k: TokenKind) => k === 'eof' || k === 'nl' || k === 'suffix-comment';

/** modfile's `parseFile`/`parseStmt`/`parseLineBlock`. */
function parseSyntax(text: string): Stmt[] {
  const toks = lex(text);
  let p = 0;
  const peek = () => toks[p]!;
  const next = () => {
    const t = toks[p]!;
    if (t.kind !== 'eof') p++; // end of file is sticky
    return t;
  };
  const stmts: Stmt[] = [];
  let comments: string[] = [];

  const readLine = (first: Token): { tokens: string[]; end: Token } => {
    const tokens = [first.text];
    for (;;) {
      const t = next();
      if (isEOL(t.kind)) return { tokens, end: t };
      tokens.push(t.text);
    }
  };

  while (peek().kind !== 'eof') {
    const t = peek();
    if (t.kind === 'nl') {
      next();
      comments = [];
      continue;
    }
    if (t.kind === 'comment') {
      comments.push(next().text);
      continue;
    }
    const first = next();
    const before = comments;
    comments = [];
    const tokens = [first.text];
    let done = false;
    while (!done) {
      const u = next();
      if (isEOL(u.kind)) {
        stmts.push({ kind: 'line', x: { tokens, line: first.line, col: first.col, before, ...(u.kind === 'suffix-comment' && { suffix: u.text }) } });
        done = true;
      } else if (u.kind === '(' && isEOL(peek().kind)) {
        if (peek().kind === 'suffix-comment' || peek().kind === 'nl') next();
        stmts.push({ kind: 'block', x: parseBlock(tokens, first, before) });
        done = true;
      } else if (u.kind === '(' && peek().kind === ')') {
        next();
        if (isEOL(peek().kind)) {
          next();
          stmts.push({ kind: 'block', x: { verb: tokens, line: first.line, col: first.col, before, lines: [] } });
          done = true;
        } else {
          tokens.push('(', ')');
        }
      } else {
        tokens.push(u.text);
      }
    }
  }
  return stmts;

  function parseBlock(verb: string[], start: Token, before: string[]): Block {
    const lines: Line[] = [];
    let inner: string[] = [];
    for (;;) {
      const t = peek();
      if (t.kind === 'suffix-comment') {
        next();
      } else if (t.kind === 'nl') {
        next();
        inner = [];
      } else if (t.kind === 'comment') {
        inner.push(next().text);
      } else if (t.kind === 'eof') {
        throw new SyntaxFailure(t.line, t.col, `syntax error (unterminated block started at ${start.line}:${start.col})`);
      } else if (t.kind === ')') {
        next();
        if (!isEOL(peek().kind)) throw new SyntaxFailure(peek().line, peek().col, 'syntax error (expected newline after closing paren)');
        next();
        return { verb, line: start.line, col: start.col, before, lines };
      } else {
        const first = next();
        const { tokens, end } = readLine(first);
        lines.push({ tokens, line: first.line, col: first.col, before: inner, ...(end.kind === 'suffix-comment' && { suffix: end.text }) });
        inner = [];
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Directives

const GO_VERSION = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const TOOLCHAIN = /^default$|^go1($|\.)/;
const NUM = '(?:0|[1-9][0-9]*)';
const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
/** Semantic versions as `module.CanonicalVersion` accepts them (`v1`, `v1.2` are shorthands). */
const SEMVER = new RegExp(`^v${NUM}(?:\\.${NUM}(?:\\.${NUM}(?:-${IDENTS})?(?:\\+${IDENTS})?)?)?$`);
/** A version query in place of a version (`latest`, `upgrade`, a branch or tag name, a commit hash); not a bare number such as `1.0.0`. */
const VERSION_QUERY = /^(?:[0-9a-f]{7,40}|[A-Za-z][\w.+\/-]*)$/;

/** `strconv.Unquote` for the double-quoted and back-quoted strings go.mod allows. */
function unquote(s: string): string | undefined {
  if (s.startsWith('`')) return s.endsWith('`') && s.length >= 2 ? s.slice(1, -1) : undefined;
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
    if (e === undefined) return undefined;
    if (e in simple) {
      out += simple[e];
      continue;
    }
    const hex = (n: number) => {
      const h = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) return undefined;
      i += n;
      return parseInt(h, 16);
    };
    let code: number | undefined;
    if (e === 'x') code = hex(2);
    else if (e === 'u') code = hex(4);
    else if (e === 'U') code = hex(8);
    else if (/[0-7]/.test(e)) {
      const o = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o)) return undefined;
      code = parseInt(o, 8);
      i += 2;
    }
    if (code === undefined || code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
  }
  return out;
}

/** Directive interpretation shared by go.mod and go.work. */
class Interpreter {
  readonly problems: Problem[] = [];
  constructor(private readonly file: string) {}

  error(line: Line, message: string): void {
    this.problems.push({ file: this.file, line: line.line, column: line.col, message });
  }

  string(line: Line, token: string): string | undefined {
    if (token.startsWith('"') || token.startsWith('`')) {
      const s = unquote(token);
      if (s === undefined) this.error(line, `invalid quoted string: ${token}`);
      return s;
    }
    if (/["'`]/.test(token)) {
      this.error(line, 'unquoted string cannot contain quote');
      return undefined;
    }
    return token;
  }

  version(line: Line, verb: string, modPath: string, token: string): string | undefined {
    const v = this.string(line, token);
    if (v === undefined) return undefined;
    // `latest`, `master`, a commit: a query the go command resolves (and writes back) when it builds; source analysis needs no version
    if (!SEMVER.test(v) && !VERSION_QUERY.test(v)) {
      this.error(line, `${verb} ${modPath}: invalid version "${v}": must be of the form v1.2.3`);
      return undefined;
    }
    return v;
  }

  goVersion(line: Line, args: readonly string[]): string | undefined {
    if (args.length !== 1) return void this.error(line, 'go directive expects exactly one argument');
    if (!GO_VERSION.test(args[0]!)) return void this.error(line, `invalid go version '${args[0]}': must match format 1.23.0`);
    return args[0];
  }

  toolchain(line: Line, args: readonly string[]): string | undefined {
    if (args.length !== 1) return void this.error(line, 'toolchain directive expects exactly one argument');
    if (!TOOLCHAIN.test(args[0]!)) {
      return void this.error(line, `invalid toolchain version '${args[0]}': must match format go1.23.0 or default`);
    }
    return args[0];
  }

  godebug(line: Line, args: readonly string[]): { key: string; value: string; line: number } | undefined {
    const eq = args[0]?.indexOf('=') ?? -1;
    if (args.length !== 1 || /["`',]/.test(args[0]!) || eq < 0) return void this.error(line, 'usage: godebug key=value');
    return { key: args[0]!.slice(0, eq), value: args[0]!.slice(eq + 1), line: line.line };
  }

  replace(line: Line, args: readonly string[]): Replace | undefined {
    const arrow = args.length >= 2 && args[1] === '=>' ? 1 : 2;
    if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== '=>') {
      return void this.error(line, 'usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory');
    }
    const oldPath = this.string(line, args[0]!);
    if (oldPath === undefined) return undefined;
    let oldVersion: string | undefined;
    if (arrow === 2) {
      oldVersion = this.version(line, 'replace', oldPath, args[1]!);
      if (oldVersion === undefined) return undefined;
    }
    const newPath = this.string(line, args[arrow + 1]!);
    if (newPath === undefined) return undefined;
    let newVersion: string | undefined;
    if (args.length === arrow + 2) {
      if (!isDirectoryPath(newPath)) {
        return void this.error(
          line,
          newPath.includes('@')
            ? "replacement module must match format 'path version', not 'path@version'"
            : 'replacement module without version must be directory path (rooted or starting with . or ..)',
        );
      }
    } else {
      newVersion = this.version(line, 'replace', newPath, args[arrow + 2]!);
      if (newVersion === undefined) return undefined;
      if (isDirectoryPath(newPath)) return void this.error(line, `replacement module directory path "${newPath}" cannot have version`);
    }
    return {
      old: { path: oldPath, ...(oldVersion !== undefined && { version: oldVersion }) },
      new: { path: newPath, ...(newVersion !== undefined && { version: newVersion }) },
      line: line.line,
    };
  }

  /**
   * Lines of a statement, or of every line of a block, with the verb. A
   * block of several tokens (`require x (`) is an error; a block of an
   * unknown verb is an error when `strict`, else skipped.
   */
  *directives(
    stmts: readonly Stmt[],
    blockVerbs: ReadonlySet<string>,
    strict: boolean,
  ): Generator<{ verb: string; args: string[]; line: Line; block?: Block }> {
    for (const s of stmts) {
      if (s.kind === 'line') {
        yield { verb: s.x.tokens[0]!, args: s.x.tokens.slice(1), line: s.x };
        continue;
      }
      const b = s.x;
      if (b.verb.length > 1 || !blockVerbs.has(b.verb[0]!)) {
        if (strict || b.verb.length > 1) {
          this.problems.push({ file: this.file, line: b.line, column: b.col, message: `unknown block type: ${b.verb.join(' ')}` });
        }
        continue;
      }
      for (const l of b.lines) yield { verb: b.verb[0]!, args: [...l.tokens], line: l, block: b };
    }
  }
}

/** modfile's `IsDirectoryPath`: `.`, `..`, `./x`, `../x`, rooted or drive-letter paths. */
function isDirectoryPath(p: string): boolean {
  return (
    p === '.' || p.startsWith('./') || p.startsWith('.\\') || p === '..' || p.startsWith('../') || p.startsWith('..\\') ||
    p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p)
  );
}

function commentText(c: string): string {
  return c.replace(/^\/\//, '').trim();
}

/**
 * modfile's `parseDirectiveComment`: the comments above and after a line,
 * or, for a line in a block that has none, the block's comments above it.
 */
function directiveComment(line: Line, block: Block | undefined): string {
  let comments = [...line.before, ...(line.suffix ? [line.suffix] : [])];
  if (block && comments.length === 0) comments = [...block.before];
  return comments.map(commentText).join('\n');
}

function parseOrThrow(text: string, file: string): Stmt[] {
  try {
    return parseSyntax(text);
  } catch (e) {
    if (e instanceof SyntaxFailure) throw new GoModError([{ file, line: e.line, column: e.col, message: e.message }]);
    throw e;
  }
}

/** The directives go.mod and go.work share: go, toolchain, godebug, replace. */
class SharedDirectives {
  go: GoModFile['go'];
  toolchain: GoModFile['toolchain'];
  readonly godebug: { key: string; value: string; line: number }[] = [];
  readonly replace: Replace[] = [];

  constructor(private readonly it: Interpreter) {}

  /** Handles a shared directive; false for the others. */
  handle(verb: string, args: readonly string[], line: Line): boolean {
    const it = this.it;
    switch (verb) {
      case 'go': {
        if (this.go) it.error(line, 'repeated go statement');
        else {
          const v = it.goVersion(line, args);
          if (v !== undefined) this.go = { version: v, line: line.line };
        }
        return true;
      }
      case 'toolchain': {
        if (this.toolchain) it.error(line, 'repeated toolchain statement');
        else {
          const n = it.toolchain(line, args);
          if (n !== undefined) this.toolchain = { name: n, line: line.line };
        }
        return true;
      }
      case 'godebug': {
        const g = it.godebug(line, args);
        if (g) this.godebug.push(g);
        return true;
      }
      case 'replace': {
        const r = it.replace(line, args);
        if (r) this.replace.push(r);
        return true;
      }
      default:
        return false;
    }
  }
}

const MOD_BLOCKS = new Set(['module', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

/** Parses a go.mod file; `file` names it in errors. Throws `GoModError`. */
export function parseGoMod(text: string, file: string): GoModFile {
  const stmts = parseOrThrow(text, file);
  const it = new Interpreter(file);
  let module: GoModFile['module'];
  const shared = new SharedDirectives(it);
  const require: { path: string; version: string; indirect: boolean; line: number }[] = [];
  const exclude: { path: string; version: string; line: number }[] = [];
  const retract: { low: string; high: string; rationale: string; line: number }[] = [];
  const tool: { path: string; line: number }[] = [];
  const ignoreDirs: { path: string; line: number }[] = [];

  for (const { verb, args, line, block } of it.directives(stmts, MOD_BLOCKS, false)) {
    if (shared.handle(verb, args, line)) continue;
    switch (verb) {
      case 'module': {
        if (module) {
          it.error(line, 'repeated module statement');
          break;
        }
        if (args.length !== 1) {
          it.error(line, 'usage: module module/path');
          break;
        }
        const p = it.string(line, args[0]!);
        if (p === undefined) break;
        const dep = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/.exec(directiveComment(line, block));
        module = { path: p, line: line.line, ...(dep && { deprecated: dep[1]! }) };
        break;
      }
      case 'require':
      case 'exclude': {
        if (args.length !== 2) {
          it.error(line, `usage: ${verb} module/path v1.2.3`);
          break;
        }
        const p = it.string(line, args[0]!);
        if (p === undefined) break;
        const v = it.version(line, verb, p, args[1]!);
        if (v === undefined) break;
        if (verb === 'require') {
          const f = line.suffix ? commentText(line.suffix).split(/\s+/) : [];
          const indirect = (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
          require.push({ path: p, version: v, indirect, line: line.line });
        } else {
          exclude.push({ path: p, version: v, line: line.line });
        }
        break;
      }
      case 'retract': {
        const interval = retractInterval(args);
        if (typeof interval === 'string') {
          it.error(line, interval);
          break;
        }
        for (const v of [interval.low, interval.high]) {
          if (!SEMVER.test(v)) it.error(line, `retract: invalid version "${v}": must be of the form v1.2.3`);
        }
        retract.push({ ...interval, rationale: directiveComment(line, block), line: line.line });
        break;
      }
      case 'tool':
      case 'ignore': {
        if (args.length !== 1) {
          it.error(line, `${verb} directive expects exactly one argument`);
          break;
        }
        const p = it.string(line, args[0]!);
        if (p !== undefined) (verb === 'tool' ? tool : ignoreDirs).push({ path: p, line: line.line });
        break;
      }
      default:
        break; // unknown directives are ignored, like modfile.ParseLax
    }
  }
  if (it.problems.length > 0) throw new GoModError(it.problems);
  const { go, toolchain, godebug, replace } = shared;
  return {
    file,
    ...(module && { module }),
    ...(go && { go }),
    ...(toolchain && { toolchain }),
    godebug,
    require,
    exclude,
    replace,
    retract,
    tool,
    ignore: ignoreDirs,
  };
}

/** `v1.2.3` or `[v1.0.0, v1.9.9]`; a message on error. */
function retractInterval(args: readonly string[]): { low: string; high: string } | string {
  if (args.length === 0 || args[0] === '(') return "expected '[' or version";
  if (args[0] !== '[') {
    if (args.length > 1) return `unexpected token after version: ${JSON.stringify(args[1])}`;
    const v = unquote(args[0]!) ?? args[0]!;
    return { low: v, high: v };
  }
  if (args.length < 2) return "expected version after '['";
  if (args[2] !== ',') return "expected ',' after version";
  if (args.length < 4) return "expected version after ','";
  if (args[4] !== ']') return "expected ']' after version";
  if (args.length > 5) return `unexpected token after version: ${JSON.stringify(args[5])}`;
  return { low: args[1]!, high: args[3]! };
}

const WORK_BLOCKS = new Set(['godebug', 'use', 'replace']);

/** Parses a go.work file; `file` names it in errors. Throws `GoModError`. */
export function parseGoWork(text: string, file: string): GoWorkFile {
  const stmts = parseOrThrow(text, file);
  const it = new Interpreter(file);
  const shared = new SharedDirectives(it);
  const use: { path: string; line: number }[] = [];
  for (const { verb, args, line } of it.directives(stmts, WORK_BLOCKS, true)) {
    if (shared.handle(verb, args, line)) continue;
    switch (verb) {
      case 'use': {
        if (args.length !== 1) {
          it.error(line, 'usage: use local/dir');
          break;
        }
        const p = it.string(line, args[0]!);
        if (p !== undefined) use.push({ path: p, line: line.line });
        break;
      }
      default:
        it.error(line, `unknown directive: ${verb}`);
    }
  }
  if (it.problems.length > 0) throw new GoModError(it.problems);
  const { go, toolchain, godebug, replace } = shared;
  return { file, ...(go && { go }), ...(toolchain && { toolchain }), godebug, use, replace };
}

/** The language version of a `go` directive: `1.22.3` → `go1.22`. */
export function languageVersion(goDirective: string): GoRelease {
  const m = /^1\.(\d+)/.exec(goDirective);
  return m ? `go1.${Number(m[1])}` : LATEST_GO_RELEASE;
}

/** The language version the go command assumes for a go.mod without a `go` directive. */
export const DEFAULT_GO_MOD_LANGUAGE: GoRelease = 'go1.16';

// ---------------------------------------------------------------------------
// Resolution

export interface GoModule {
  /** Module path; `''` in module-less mode. */
  readonly path: string;
  /** Absolute root directory (the go.mod directory, or `cwd` in module-less mode). */
  readonly dir: string;
  /** Absolute path of go.mod; undefined in module-less mode. */
  readonly goModFile?: string;
  readonly goMod?: GoModFile;
  /**
   * The language version: the `go` directive's `go1.N`; `go1.16` when
   * go.mod has none (as the go command assumes); the latest release in
   * module-less mode.
   */
  readonly language: GoRelease;
  /** False in module-less mode: the language version is a guess. */
  readonly languageKnown: boolean;
}

export interface FileModule {
  readonly module: GoModule;
  /** Import path of the file's directory; in module-less mode its path relative to `cwd` (`.` for `cwd`). */
  readonly importPath: string;
}

export interface ModuleResolverOptions {
  /** Directory used for display paths and as the root of module-less mode. */
  readonly cwd: string;
}

/**
 * Finds and caches modules. A directory belongs to the nearest go.mod at or
 * above it; a directory with its own go.mod starts a separate module.
 * Reads go.mod lazily; throws `GoModError` for a malformed one.
 */
export class ModuleResolver {
  private readonly cwd: string;
  private readonly rootOf = new Map<string, string | null>();
  private readonly byRoot = new Map<string, GoModule>();
  private readonly workOf = new Map<string, string | null>();
  private readonly works = new Map<string, GoWorkFile>();
  private moduleLess?: GoModule;

  constructor(options: ModuleResolverOptions) {
    this.cwd = path.resolve(options.cwd);
  }

  /** The module of an absolute directory. */
  moduleOfDir(dir: string): GoModule {
    const root = this.findUp(path.resolve(dir), 'go.mod', this.rootOf);
    if (root === null) {
      this.moduleLess ??= { path: '', dir: this.cwd, language: LATEST_GO_RELEASE, languageKnown: false };
      return this.moduleLess;
    }
    let mod = this.byRoot.get(root);
    if (!mod) {
      const goModFile = path.join(root, 'go.mod');
      const shown = relativeSlash(this.cwd, goModFile);
      const goMod = parseGoMod(fs.readFileSync(goModFile, 'utf8'), shown);
      if (!goMod.module) {
        throw new GoModError([{ file: shown, message: 'missing module declaration; add a line like "module example.com/m"' }]);
      }
      mod = {
        path: goMod.module.path,
        dir: root,
        goModFile,
        goMod,
        language: goMod.go ? languageVersion(goMod.go.version) : DEFAULT_GO_MOD_LANGUAGE,
        languageKnown: true,
      };
      this.byRoot.set(root, mod);
    }
    return mod;
  }

  /** The module and import path of an absolute file path. */
  moduleOfFile(file: string): FileModule {
    const dir = path.dirname(path.resolve(file));
    const module = this.moduleOfDir(dir);
    const rel = relativeSlash(module.dir, dir);
    if (module.path === '') return { module, importPath: rel };
    // Packages under vendor/ keep their own import paths.
    const vendored = /^(?:.*\/)?vendor\/(.+)$/.exec(rel);
    if (vendored) return { module, importPath: vendored[1]! };
    return { module, importPath: rel === '.' ? module.path : `${module.path}/${rel}` };
  }

  /** The nearest go.work at or above an absolute directory, parsed; undefined when there is none. */
  workspaceOf(dir: string): GoWorkFile | undefined {
    const root = this.findUp(path.resolve(dir), 'go.work', this.workOf);
    if (root === null) return undefined;
    let work = this.works.get(root);
    if (!work) {
      const file = path.join(root, 'go.work');
      work = parseGoWork(fs.readFileSync(file, 'utf8'), relativeSlash(this.cwd, file));
      this.works.set(root, work);
    }
    return work;
  }

  /** Every module resolved so far, sorted by root directory. */
  modules(): GoModule[] {
    return [...this.byRoot.values(), ...(this.moduleLess ? [this.moduleLess] : [])].sort((a, b) =>
      toSlash(a.dir) < toSlash(b.dir) ? -1 : toSlash(a.dir) > toSlash(b.dir) ? 1 : 0,
    );
  }

  /** The nearest directory at or above `dir` holding `name`, memoised for every directory visited. */
  private findUp(dir: string, name: string, memo: Map<string, string | null>): string | null {
    const visited: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const known = memo.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      if (isFile(path.join(d, name))) {
        found = d;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    for (const d of visited) memo.set(d, found);
    return found;
  }
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
