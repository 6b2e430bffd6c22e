/**
 * The Go parser: Go 1.26 source to the `ast.ts` tree.
 *
 * The grammar handling, the resulting tree (including `go/parser`'s quirks),
 * the error messages and the error recovery (`advance` to statement or
 * declaration starts, `syncPos`/`syncCnt` progress guard, per-line error
 * deduplication) follow `go/parser` (Go 1.26, BSD licensed) closely so that
 * the trees are identical; the differential test in test/syntax checks that
 * over the whole Go source tree. The implementation is Redline's own,
 * written for V8: integer tokens, nodes as object literals with a fixed
 * property order per kind, no closures in hot paths.
 *
 * Nesting: like go/parser, nesting is counted (`nestLev`, limit 1e5, also
 * counting chains like `a.b.c` and `a+b+c` whose trees are deep); beyond
 * the limit the parse stops with "exceeded max nesting depth" and the file
 * is empty, as go/parser's bailout leaves it. Separately, the recursion
 * depth of the parser is held to a budget (`maxDepth`, MAX_DEPTH by
 * default) that any thread's stack can follow: a file that needs more
 * stops with `outOfStack` set and no error, so that the caller can parse
 * it again on a thread with a larger stack (see large-stack.ts). A JS stack
 * overflow within the budget (a much smaller stack than Node's default)
 * ends the same way.
 *
 * Errors: like go/parser without AllErrors, an error on the same line as
 * the previous one is dropped; unlike it, parsing does not stop after 10
 * errors (all are kept, for editors and linters).
 */

import type * as ast from './ast.js';
import { NO_POS, unparen } from './ast.js';
import { goVersionOf, parseConstraint } from './build-constraint.js';
import * as N from './nodes.js';
import { NONE } from './nodes.js';
import { PositionTable } from './position.js';
import { Scanner } from './scanner.js';
import { Token, TOKEN_STRINGS, precedence } from './token.js';

type Mut<T> = { -readonly [K in keyof T]: T[K] };

/** go/parser's maxNestLev. */
const MAX_NEST_LEV = 100_000;
/**
 * The recursion depth of the parser (nested expressions, types,
 * statements, composite literals) that any thread's stack follows: well
 * within Node's default stack (about 1 MB on the main thread), and far
 * beyond what code written by hand needs.
 */
export const MAX_DEPTH = 1_000;

class Bailout {}
/** go/parser's bailout: the nesting limit, a syntax error like go/parser's. */
const BAILOUT = new Bailout();
/** The recursion budget of this thread is spent: not a syntax error. */
const OUT_OF_STACK = new Bailout();

// token sets for error recovery
const STMT_START = new Uint8Array(Token.VAR + 1);
for (const t of [
  Token.BREAK, Token.CONST, Token.CONTINUE, Token.DEFER, Token.FALLTHROUGH, Token.FOR, Token.GO,
  Token.GOTO, Token.IF, Token.RETURN, Token.SELECT, Token.SWITCH, Token.TYPE, Token.VAR,
]) STMT_START[t] = 1;
const DECL_START = new Uint8Array(Token.VAR + 1);
for (const t of [Token.IMPORT, Token.CONST, Token.TYPE, Token.VAR]) DECL_START[t] = 1;
const EXPR_END = new Uint8Array(Token.VAR + 1);
for (const t of [Token.COMMA, Token.COLON, Token.SEMICOLON, Token.RPAREN, Token.RBRACK, Token.RBRACE]) EXPR_END[t] = 1;

const LIT_KIND: Record<number, ast.LitKind> = {
  [Token.INT]: 'INT',
  [Token.FLOAT]: 'FLOAT',
  [Token.IMAG]: 'IMAG',
  [Token.CHAR]: 'CHAR',
  [Token.STRING]: 'STRING',
};

const enum Mode {
  basic = 0,
  labelOk = 1,
  rangeOk = 2,
}

/** The intermediate `range x` expression of a range clause (never escapes). */
interface RangeExpr {
  kind: 'UnaryExpr';
  start: number;
  end: number;
  opPos: number;
  op: 'range';
  x: ast.Expr;
}

function mkIdent(pos: number, name: string): ast.Ident {
  return new N.Ident(pos, name);
}

function mkBad(from: number, to: number): ast.BadExpr {
  return new N.BadExpr(from, to);
}

function mkField(
  doc: ast.CommentGroup | null,
  names: ast.Ident[],
  type: ast.Expr | null,
  tag: ast.BasicLit | null,
  comment: ast.CommentGroup | null,
): ast.Field {
  const n = names.length;
  const start = n > 0 ? names[0]!.start : type !== null ? type.start : NO_POS;
  const end = tag !== null ? tag.end : type !== null ? type.end : n > 0 ? names[n - 1]!.end : NO_POS;
  return new N.Field(start, end, doc, names, type, tag, comment);
}

function mkFieldList(opening: number, list: ast.Field[], closing: number): ast.FieldList {
  const n = list.length;
  const start = opening >= 0 ? opening : n > 0 ? list[0]!.start : NO_POS;
  const end = closing >= 0 ? closing + 1 : n > 0 ? list[n - 1]!.end : NO_POS;
  return new N.FieldList(start, end, opening, list, closing);
}

function mkFuncType(
  func: number,
  typeParams: ast.FieldList | null,
  params: ast.FieldList,
  results: ast.FieldList | null,
): ast.FuncType {
  const start = func >= 0 ? func : params.start;
  const end = results !== null ? results.end : params.end;
  return new N.FuncType(start, end, func, typeParams, params, results);
}

function mkIndex(x: ast.Expr, lbrack: number, index: ast.Expr, rbrack: number): ast.IndexExpr {
  return new N.IndexExpr(x.start, x, lbrack, index, rbrack);
}

function packIndexExpr(x: ast.Expr, lbrack: number, exprs: ast.Expr[], rbrack: number): ast.Expr {
  if (exprs.length === 1) return mkIndex(x, lbrack, exprs[0]!, rbrack);
  return new N.IndexListExpr(x.start, rbrack + 1, x, lbrack, exprs, rbrack);
}

function mkBlock(lbrace: number, list: ast.Stmt[], rbrace: number): ast.BlockStmt {
  const n = list.length;
  const end = rbrace >= 0 ? rbrace + 1 : n > 0 ? list[n - 1]!.end : lbrace + 1;
  return new N.BlockStmt(end, lbrace, list, rbrace);
}

function mkStar(star: number, x: ast.Expr): ast.StarExpr {
  return new N.StarExpr(x.end, star, x);
}

function mkBinary(x: ast.Expr, opPos: number, op: ast.BinaryOp, y: ast.Expr): ast.BinaryExpr {
  return new N.BinaryExpr(x.start, y.end, x, opPos, op, y);
}

function mkUnary(opPos: number, op: ast.UnaryOp, x: ast.Expr): ast.UnaryExpr {
  return new N.UnaryExpr(x.end, opPos, op, x);
}

function isTypeSwitchAssert(x: ast.Expr): boolean {
  return x.kind === 'TypeAssertExpr' && x.type === null;
}

/** `extractName` of go/parser: splits `x` into a name and a type parameter type. */
function extractName(x: ast.Expr, force: boolean): [ast.Ident | null, ast.Expr | null] {
  switch (x.kind) {
    case 'Ident':
      return [x, null];
    case 'BinaryExpr':
      if (x.op === '*') {
        if (x.x.kind === 'Ident' && (force || isTypeElem(x.y))) {
          return [x.x, mkStar(x.opPos, x.y)];
        }
      } else if (x.op === '|') {
        const [name, lhs] = extractName(x.x, force || isTypeElem(x.y));
        if (name !== null && lhs !== null) {
          return [name, mkBinary(lhs, x.opPos, x.op, x.y)];
        }
      }
      break;
    case 'CallExpr':
      if (x.fun.kind === 'Ident') {
        if (x.args.length === 1 && x.ellipsis === NO_POS && (force || isTypeElem(x.args[0]!))) {
          const p: ast.ParenExpr = new N.ParenExpr(x.lparen, x.args[0]!, x.rparen);
          return [x.fun, p];
        }
      }
      break;
  }
  return [null, x];
}

function isTypeElem(x: ast.Expr): boolean {
  switch (x.kind) {
    case 'ArrayType':
    case 'StructType':
    case 'FuncType':
    case 'InterfaceType':
    case 'MapType':
    case 'ChanType':
      return true;
    case 'BinaryExpr':
      return isTypeElem(x.x) || isTypeElem(x.y);
    case 'UnaryExpr':
      return x.op === '~';
    case 'ParenExpr':
      return isTypeElem(x.x);
  }
  return false;
}

/** The tree of a file that is not Go at all (or whose parse stopped): an empty `File`, like go/parser's. */
export function emptyFile(sourceLength: number): ast.File {
  return new N.File(NO_POS, NO_POS, null, NO_POS, new N.Ident(NO_POS, ''), NONE, NONE, NONE, '', 0, sourceLength);
}

/**
 * The parser extends the scanner: the current token (`tok`, `pos`, `end`,
 * `lit`, `tokLine`) is the scanner's, with no copying per token.
 */
export class Parser extends Scanner {
  private readonly pt: PositionTable;

  // comments
  private readonly comments: ast.CommentGroup[] = [];
  private leadComment: ast.CommentGroup | null = null;
  private lineComment: ast.CommentGroup | null = null;
  private top = true;
  private goVersion = '';

  // error recovery
  private syncPos = NO_POS;
  private syncCnt = 0;

  // non-syntactic parser control
  private exprLev = 0;
  private inRhs = false;
  private imports: ast.ImportSpec[] = [];
  private nestLev = 0;
  /** The deepest nesting met (ParseFileResult.nesting): `nestLev`, and within a union `A | B | ...`, its terms too. */
  maxNesting = 0;
  private depth = 0;
  /** The parse stopped because it needed more than `maxDepth` (or more stack than the thread has): the tree and errors are incomplete. */
  outOfStack = false;
  /** Where the parse stopped when `outOfStack`. */
  stoppedAt = 0;
  private isRange = false;

  // A stack for building lists: elements are pushed, then copied out into
  // an exactly sized array (JS arrays grown by push keep spare capacity).
  private scratch: unknown[] = [];
  private sp = 0;

  constructor(src: string, pt: PositionTable, invalidUtf8: readonly number[] = [], utf16 = false, private readonly maxDepth = MAX_DEPTH) {
    super(src, [], invalidUtf8, utf16);
    this.pt = pt;
    this.tokLine = 0; // line of the token before the first one
    this.pos = NO_POS;
  }

  /** Parses the whole file. Never throws for any input. */
  parseFile(): ast.File {
    let f: ast.File | null = null;
    try {
      this.next();
      f = this.parseFileInner();
    } catch (e) {
      // a JS stack overflow: this thread's stack is smaller than maxDepth assumes
      if (e === OUT_OF_STACK || e instanceof RangeError) {
        this.outOfStack = true;
        this.stoppedAt = Math.max(0, this.pos);
      } else if (e !== BAILOUT) {
        throw e;
      }
      f = null;
    }
    this.scratch = [];
    // not a valid Go source file: an empty file, like go/parser
    return f ?? emptyFile(this.src.length);
  }

  // ---------------------------------------------------------------------------
  // Parsing support

  private push(x: unknown): void {
    this.scratch[this.sp++] = x;
  }

  /** The elements pushed since `start`, as an exactly sized array. */
  private take<T>(start: number): T[] {
    const s = this.scratch as T[];
    const n = this.sp - start;
    this.sp = start;
    // short lists (most of them) as literals: cheaper than a slice call
    switch (n) {
      case 0:
        return NONE;
      case 1:
        return [s[start]!];
      case 2:
        return [s[start]!, s[start + 1]!];
      case 3:
        return [s[start]!, s[start + 1]!, s[start + 2]!];
      case 4:
        return [s[start]!, s[start + 1]!, s[start + 2]!, s[start + 3]!];
    }
    return s.slice(start, start + n);
  }

  /** The current token (a method so that TS does not narrow it across next()). */
  private tk(): Token {
    return this.tok;
  }

  private lineFor(pos: number): number {
    return pos < 0 ? 0 : this.pt.line(pos);
  }

  private next0(): void {
    this.scan();
    if (this.tok === Token.COMMENT) {
      if (this.top && this.lit.startsWith('//go:build')) {
        const r = parseConstraint(this.lit);
        if (r.ok) this.goVersion = goVersionOf(r.expr);
      }
    } else {
      this.top = false;
    }
  }

  /** Line on which the last consumed comment (group) ends. */
  private endline = 0;

  private consumeComment(): ast.Comment {
    let endline = this.tokLine;
    const text = this.lit;
    if (text.charCodeAt(1) === 42 /* * */) {
      let k = text.indexOf('\n');
      while (k >= 0) {
        endline++;
        k = text.indexOf('\n', k + 1);
      }
    }
    const c: ast.Comment = new N.Comment(this.pos, text);
    this.next0();
    this.endline = endline;
    return c;
  }

  /** Consumes a comment group; the line it ends on is left in `this.endline`. */
  private consumeCommentGroup(n: number): ast.CommentGroup {
    const s0 = this.sp;
    let endline = this.tokLine;
    while (this.tk() === Token.COMMENT && this.tokLine <= endline + n) {
      this.push(this.consumeComment());
      endline = this.endline;
    }
    const list = this.take<ast.Comment>(s0);
    const g: ast.CommentGroup = new N.CommentGroup(list[0]!.start, list[list.length - 1]!.end, list);
    this.comments.push(g);
    this.endline = endline;
    return g;
  }

  private next(): void {
    this.leadComment = null;
    this.lineComment = null;
    const prevLine = this.tokLine;
    this.next0();
    if (this.tk() === Token.COMMENT) this.collectComments(prevLine);
  }

  private collectComments(prevLine: number): void {
    let comment: ast.CommentGroup | null = null;
    let endline: number;
    if (this.tokLine === prevLine) {
      // The comment is on same line as the previous token; it
      // cannot be a lead comment but may be a line comment.
      comment = this.consumeCommentGroup(0);
      endline = this.endline;
      if (this.tokLine !== endline || this.tk() === Token.SEMICOLON || this.tk() === Token.EOF) {
        this.lineComment = comment;
      }
    }
    endline = -1;
    while (this.tk() === Token.COMMENT) {
      comment = this.consumeCommentGroup(1);
      endline = this.endline;
    }
    if (endline + 1 === this.tokLine) {
      this.leadComment = comment;
    }
  }

  private error(pos: number, msg: string): void {
    const errs = this.errors;
    const n = errs.length;
    // like go/parser without AllErrors: discard errors reported on the
    // same line as the last recorded error (likely spurious)
    if (n > 0 && this.lineFor(errs[n - 1]!.offset) === this.lineFor(pos)) return;
    errs.push({ offset: pos, msg });
  }

  private errorExpected(pos: number, msg: string): void {
    msg = 'expected ' + msg;
    if (pos === this.pos) {
      if (this.tk() === Token.SEMICOLON && this.lit === '\n') msg += ', found newline';
      else if (this.tk() >= Token.IDENT && this.tk() <= Token.STRING) msg += ', found ' + this.lit;
      else msg += ", found '" + TOKEN_STRINGS[this.tk()] + "'";
    }
    this.error(pos, msg);
  }

  private expect(tok: Token): number {
    const pos = this.pos;
    if (this.tk() !== tok) this.errorExpected(pos, "'" + TOKEN_STRINGS[tok] + "'");
    this.next();
    return pos;
  }

  private expect2(tok: Token): number {
    let pos = NO_POS;
    if (this.tk() === tok) pos = this.pos;
    else this.errorExpected(this.pos, "'" + TOKEN_STRINGS[tok] + "'");
    this.next();
    return pos;
  }

  private expectClosing(tok: Token, context: string): number {
    if (this.tk() !== tok && this.tk() === Token.SEMICOLON && this.lit === '\n') {
      this.error(this.pos, "missing ',' before newline in " + context);
      this.next();
    }
    return this.expect(tok);
  }

  private expectSemi(): ast.CommentGroup | null {
    switch (this.tk()) {
      case Token.RPAREN:
      case Token.RBRACE:
        return null; // semicolon is optional before a closing ')' or '}'
      case Token.COMMA:
      case Token.SEMICOLON: {
        // permit a ',' instead of a ';' but complain
        if (this.tk() === Token.COMMA) this.errorExpected(this.pos, "';'");
        let comment: ast.CommentGroup | null;
        if (this.lit === ';') {
          this.next();
          comment = this.lineComment; // use following comments
        } else {
          comment = this.lineComment; // use preceding comments
          this.next();
        }
        return comment;
      }
      default:
        this.errorExpected(this.pos, "';'");
        this.advance(STMT_START);
        return null;
    }
  }

  private atComma(context: string, follow: Token): boolean {
    if (this.tk() === Token.COMMA) return true;
    if (this.tk() !== follow) {
      let msg = "missing ','";
      if (this.tk() === Token.SEMICOLON && this.lit === '\n') msg += ' before newline';
      this.error(this.pos, msg + ' in ' + context);
      return true; // "insert" comma and continue
    }
    return false;
  }

  private advance(to: Uint8Array): void {
    for (; this.tk() !== Token.EOF; this.next()) {
      if (to[this.tk()] === 1) {
        if (this.pos === this.syncPos && this.syncCnt < 10) {
          this.syncCnt++;
          return;
        }
        if (this.pos > this.syncPos) {
          this.syncPos = this.pos;
          this.syncCnt = 0;
          return;
        }
      }
    }
  }

  /** incNestLev at a recursive entry point. */
  private enter(): void {
    if (++this.nestLev > MAX_NEST_LEV) this.bail();
    if (++this.depth > this.maxDepth) throw OUT_OF_STACK;
    if (this.nestLev > this.maxNesting) this.maxNesting = this.nestLev;
  }

  private leave(): void {
    this.nestLev--;
    this.depth--;
  }

  private bail(): never {
    this.error(this.pos, 'exceeded max nesting depth');
    throw BAILOUT;
  }

  // ---------------------------------------------------------------------------
  // Identifiers

  private parseIdent(): ast.Ident {
    const pos = this.pos;
    if (this.tk() === Token.IDENT) {
      const name = this.lit;
      this.next();
      return new N.Ident(pos, name);
    }
    this.expect(Token.IDENT);
    return new N.Ident(pos, '_');
  }

  private parseIdentList(): ast.Ident[] {
    const s0 = this.sp;
    this.push(this.parseIdent());
    while (this.tk() === Token.COMMA) {
      this.next();
      this.push(this.parseIdent());
    }
    return this.take(s0);
  }

  // ---------------------------------------------------------------------------
  // Common productions

  private parseExprList(): ast.Expr[] {
    const x = this.parseExpr();
    if (this.tk() !== Token.COMMA) return [x];
    const s0 = this.sp;
    this.push(x);
    while (this.tk() === Token.COMMA) {
      this.next();
      this.push(this.parseExpr());
    }
    return this.take(s0);
  }

  private parseList(inRhs: boolean): ast.Expr[] {
    const old = this.inRhs;
    this.inRhs = inRhs;
    const list = this.parseExprList();
    this.inRhs = old;
    return list;
  }

  // ---------------------------------------------------------------------------
  // Types

  private parseType(): ast.Expr {
    const typ = this.tryIdentOrType();
    if (typ === null) {
      const pos = this.pos;
      this.errorExpected(pos, 'type');
      this.advance(EXPR_END);
      return mkBad(pos, this.pos);
    }
    return typ;
  }

  private parseQualifiedIdent(ident: ast.Ident | null): ast.Expr {
    let typ = this.parseTypeName(ident);
    if (this.tk() === Token.LBRACK) typ = this.parseTypeInstance(typ);
    return typ;
  }

  private parseTypeName(ident: ast.Ident | null): ast.Expr {
    if (ident === null) ident = this.parseIdent();
    if (this.tk() === Token.PERIOD) {
      this.next();
      const sel = this.parseIdent();
      return new N.SelectorExpr(ident.start, ident, sel);
    }
    return ident;
  }

  private parseArrayType(lbrack: number, len: ast.Expr | null): ast.ArrayType {
    if (len === null) {
      this.exprLev++;
      if (this.tk() === Token.ELLIPSIS) {
        len = new N.Ellipsis(this.pos, this.pos + 3, this.pos, null);
        this.next();
      } else if (this.tk() !== Token.RBRACK) {
        len = this.parseRhs();
      }
      this.exprLev--;
    }
    if (this.tk() === Token.COMMA) {
      this.error(this.pos, 'unexpected comma; expecting ]');
      this.next();
    }
    this.expect(Token.RBRACK);
    const elt = this.parseType();
    return new N.ArrayType(lbrack, elt.end, lbrack, len, elt);
  }

  private parseArrayFieldOrTypeInstance(x: ast.Ident): [ast.Ident | null, ast.Expr] {
    const lbrack = this.expect(Token.LBRACK);
    let trailingComma = NO_POS;
    const s0 = this.sp;
    if (this.tk() !== Token.RBRACK) {
      this.exprLev++;
      this.push(this.parseRhs());
      while (this.tk() === Token.COMMA) {
        const comma = this.pos;
        this.next();
        if (this.tk() === Token.RBRACK) {
          trailingComma = comma;
          break;
        }
        this.push(this.parseRhs());
      }
      this.exprLev--;
    }
    const args = this.take<ast.Expr>(s0);
    const rbrack = this.expect(Token.RBRACK);
    if (args.length === 0) {
      // x []E
      const elt = this.parseType();
      return [x, new N.ArrayType(lbrack, elt.end, lbrack, null, elt)];
    }
    if (args.length === 1) {
      const elt = this.tryIdentOrType();
      if (elt !== null) {
        // x [P]E
        if (trailingComma >= 0) this.error(trailingComma, 'unexpected comma; expecting ]');
        return [x, new N.ArrayType(lbrack, elt.end, lbrack, args[0]!, elt)];
      }
    }
    // x[P], x[P1, P2], ...
    return [null, packIndexExpr(x, lbrack, args, rbrack)];
  }

  private parseFieldDecl(): ast.Field {
    const doc = this.leadComment;
    let names: ast.Ident[] = NONE;
    let typ: ast.Expr;
    switch (this.tk()) {
      case Token.IDENT: {
        const name = this.parseIdent();
        if (this.tk() === Token.PERIOD || this.tk() === Token.STRING || this.tk() === Token.SEMICOLON || this.tk() === Token.RBRACE) {
          // embedded type
          typ = name;
          if (this.tk() === Token.PERIOD) typ = this.parseQualifiedIdent(name);
        } else {
          // name1, name2, ... T
          if (this.tk() === Token.COMMA) {
            const s0 = this.sp;
            this.push(name);
            while (this.tk() === Token.COMMA) {
              this.next();
              this.push(this.parseIdent());
            }
            names = this.take(s0);
          } else names = [name];
          if (names.length === 1 && this.tk() === Token.LBRACK) {
            const r = this.parseArrayFieldOrTypeInstance(name);
            typ = r[1];
            if (r[0] === null) names = NONE;
          } else {
            typ = this.parseType();
          }
        }
        break;
      }
      case Token.MUL: {
        const star = this.pos;
        this.next();
        if (this.tk() === Token.LPAREN) {
          // *(T)
          this.error(this.pos, 'cannot parenthesize embedded type');
          this.next();
          typ = this.parseQualifiedIdent(null);
          if (this.tk() === Token.RPAREN) this.next();
        } else {
          typ = this.parseQualifiedIdent(null);
        }
        typ = mkStar(star, typ);
        break;
      }
      case Token.LPAREN: {
        this.error(this.pos, 'cannot parenthesize embedded type');
        this.next();
        if (this.tk() === Token.MUL) {
          // (*T)
          const star = this.pos;
          this.next();
          typ = mkStar(star, this.parseQualifiedIdent(null));
        } else {
          typ = this.parseQualifiedIdent(null);
        }
        if (this.tk() === Token.RPAREN) this.next();
        break;
      }
      default: {
        const pos = this.pos;
        this.errorExpected(pos, 'field name or embedded type');
        this.advance(EXPR_END);
        typ = mkBad(pos, this.pos);
      }
    }
    let tag: ast.BasicLit | null = null;
    if (this.tk() === Token.STRING) {
      tag = new N.BasicLit(this.end, this.pos, 'STRING', this.lit);
      this.next();
    }
    const comment = this.expectSemi();
    return mkField(doc, names, typ, tag, comment);
  }

  private parseStructType(): ast.StructType {
    const pos = this.expect(Token.STRUCT);
    const lbrace = this.expect(Token.LBRACE);
    const s0 = this.sp;
    while (this.tk() === Token.IDENT || this.tk() === Token.MUL || this.tk() === Token.LPAREN) {
      this.push(this.parseFieldDecl());
    }
    const list = this.take<ast.Field>(s0);
    const rbrace = this.expect(Token.RBRACE);
    const fields = mkFieldList(lbrace, list, rbrace);
    return new N.StructType(pos, fields.end, pos, fields, false);
  }

  private parsePointerType(): ast.StarExpr {
    const star = this.expect(Token.MUL);
    const base = this.parseType();
    return mkStar(star, base);
  }

  private parseDotsType(): ast.Ellipsis {
    const pos = this.expect(Token.ELLIPSIS);
    const elt = this.parseType();
    return new N.Ellipsis(pos, elt.end, pos, elt);
  }

  /** Parses a parameter; the result is left in `parName` and `parTyp`. */
  private parseParamDecl(name: ast.Ident | null, typeSetsOK: boolean): void {
    let fname: ast.Ident | null = null;
    let ftyp: ast.Expr | null = null;
    let tok = this.tk();
    if (name !== null) {
      tok = Token.IDENT; // force IDENT case in switch below
    } else if (typeSetsOK && this.tk() === Token.TILDE) {
      return this.setPar(null, this.embeddedElem(null));
    }
    switch (tok) {
      case Token.IDENT:
        if (name !== null) {
          fname = name; // (go/parser restores its forced token here; ours was a local)
        } else {
          fname = this.parseIdent();
        }
        switch (this.tk()) {
          case Token.IDENT:
          case Token.MUL:
          case Token.ARROW:
          case Token.FUNC:
          case Token.CHAN:
          case Token.MAP:
          case Token.STRUCT:
          case Token.INTERFACE:
          case Token.LPAREN:
            ftyp = this.parseType();
            break;
          case Token.LBRACK: {
            const r = this.parseArrayFieldOrTypeInstance(fname);
            fname = r[0];
            ftyp = r[1];
            break;
          }
          case Token.ELLIPSIS:
            ftyp = this.parseDotsType();
            return this.setPar(fname, ftyp); // don't allow ...type "|" ...
          case Token.PERIOD:
            ftyp = this.parseQualifiedIdent(fname);
            fname = null;
            break;
          case Token.TILDE:
            if (typeSetsOK) {
              ftyp = this.embeddedElem(null);
              return this.setPar(fname, ftyp);
            }
            break;
          case Token.OR:
            if (typeSetsOK) {
              ftyp = this.embeddedElem(fname);
              fname = null;
              return this.setPar(fname, ftyp);
            }
            break;
        }
        break;
      case Token.MUL:
      case Token.ARROW:
      case Token.FUNC:
      case Token.LBRACK:
      case Token.CHAN:
      case Token.MAP:
      case Token.STRUCT:
      case Token.INTERFACE:
      case Token.LPAREN:
        ftyp = this.parseType();
        break;
      case Token.ELLIPSIS:
        ftyp = this.parseDotsType();
        return this.setPar(fname, ftyp);
      default:
        this.errorExpected(this.pos, "')'");
        this.advance(EXPR_END);
    }
    if (typeSetsOK && this.tk() === Token.OR && ftyp !== null) {
      ftyp = this.embeddedElem(ftyp);
    }
    return this.setPar(fname, ftyp);
  }

  private parName: ast.Ident | null = null;
  private parTyp: ast.Expr | null = null;

  private setPar(name: ast.Ident | null, typ: ast.Expr | null): void {
    this.parName = name;
    this.parTyp = typ;
  }

  private parseParameterList(
    name0: ast.Ident | null,
    typ0: ast.Expr | null,
    closing: Token,
    dddok: boolean,
  ): ast.Field[] {
    const tparams = closing === Token.RBRACK;
    let pos0 = this.pos;
    if (name0 !== null) pos0 = name0.start;
    else if (typ0 !== null) pos0 = typ0.start;

    // (name, type) pairs are kept on the scratch stack from `base`
    const base = this.sp;
    let named = 0;
    let typed = 0;
    while (name0 !== null || (this.tk() !== closing && this.tk() !== Token.EOF)) {
      let pname: ast.Ident | null;
      let ptyp: ast.Expr | null;
      if (typ0 !== null) {
        if (tparams) typ0 = this.embeddedElem(typ0);
        pname = name0;
        ptyp = typ0;
      } else {
        this.parseParamDecl(name0, tparams);
        pname = this.parName;
        ptyp = this.parTyp;
      }
      name0 = null;
      typ0 = null;
      if (pname !== null || ptyp !== null) {
        this.push(pname);
        this.push(ptyp);
        if (pname !== null && ptyp !== null) named++;
        if (ptyp !== null) typed++;
      }
      if (!this.atComma('parameter list', closing)) break;
      this.next();
    }
    const S = this.scratch as (ast.Ident | ast.Expr | null)[];
    const count = (this.sp - base) >> 1;
    if (count === 0) return NONE;

    if (named === 0) {
      // all unnamed => found names are type names
      for (let i = 0; i < count; i++) {
        const k = base + 2 * i;
        if (S[k] !== null) {
          S[k + 1] = S[k]!;
          S[k] = null;
        }
      }
      if (tparams) {
        let errPos: number;
        let msg: string;
        if (named === typed) {
          errPos = this.pos;
          msg = 'missing type constraint';
        } else {
          errPos = pos0;
          msg = 'missing type parameter name';
          if (count === 1) msg += ' or invalid array length';
        }
        this.error(errPos, msg);
      }
    } else if (named !== count) {
      // some named or we're in a type parameter list => all must be named
      let errPos = NO_POS;
      let typ: ast.Expr | null = null;
      for (let i = count - 1; i >= 0; i--) {
        const k = base + 2 * i;
        const ptyp = S[k + 1] as ast.Expr | null;
        if (ptyp !== null) {
          typ = ptyp;
          if (S[k] === null) {
            errPos = typ.start;
            S[k] = mkIdent(errPos, '_');
          }
        } else if (typ !== null) {
          S[k + 1] = typ;
        } else {
          errPos = (S[k] as ast.Ident).start;
          S[k + 1] = mkBad(errPos, this.pos);
        }
      }
      if (errPos >= 0) {
        let msg: string;
        if (named === typed) {
          errPos = this.pos;
          msg = tparams ? 'missing type constraint' : 'missing parameter type';
        } else if (tparams) {
          msg = 'missing type parameter name';
          if (count === 1) msg += ' or invalid array length';
        } else {
          msg = 'missing parameter name';
        }
        this.error(errPos, msg);
      }
    }

    // check use of ...
    let first = true;
    for (let i = 0; i < count; i++) {
      const k = base + 2 * i + 1;
      const t = S[k] as ast.Expr | null;
      if (t !== null && t.kind === 'Ellipsis' && (!dddok || i + 1 < count)) {
        if (first) {
          first = false;
          this.error(t.ellipsis, dddok ? 'can only use ... with final parameter' : 'invalid use of ...');
        }
        S[k] = mkBad(t.start, t.end);
      }
    }

    // fields are pushed above the pairs
    const fieldStart = this.sp;
    if (named === 0) {
      for (let i = 0; i < count; i++) this.push(mkField(null, NONE, S[base + 2 * i + 1] as ast.Expr, null, null));
    } else {
      // consecutive names with the same type share one field
      let typ: ast.Expr | null = null;
      let namesStart = -1;
      for (let i = 0; i < count; i++) {
        const ptyp = S[base + 2 * i + 1] as ast.Expr;
        if (ptyp !== typ) {
          if (namesStart >= 0) this.push(mkField(null, this.take<ast.Ident>(namesStart), typ, null, null));
          typ = ptyp;
          namesStart = this.sp;
        }
        this.push(S[base + 2 * i] as ast.Ident);
      }
      this.push(mkField(null, this.take<ast.Ident>(namesStart), typ, null, null));
    }
    const out = this.scratch.slice(fieldStart, this.sp) as ast.Field[];
    this.sp = base;
    return out;
  }

  private parseTypeParameters(): ast.FieldList | null {
    const lbrack = this.expect(Token.LBRACK);
    let list: ast.Field[] = NONE;
    if (this.tk() !== Token.RBRACK) list = this.parseParameterList(null, null, Token.RBRACK, false);
    const rbrack = this.expect(Token.RBRACK);
    if (list.length === 0) {
      this.error(rbrack, 'empty type parameter list');
      return null;
    }
    return mkFieldList(lbrack, list, rbrack);
  }

  private parseParameters(result: boolean): ast.FieldList | null {
    if (!result || this.tk() === Token.LPAREN) {
      const lparen = this.expect(Token.LPAREN);
      let list: ast.Field[] = NONE;
      if (this.tk() !== Token.RPAREN) list = this.parseParameterList(null, null, Token.RPAREN, !result);
      const rparen = this.expect(Token.RPAREN);
      return mkFieldList(lparen, list, rparen);
    }
    const typ = this.tryIdentOrType();
    if (typ !== null) return mkFieldList(NO_POS, [mkField(null, NONE, typ, null, null)], NO_POS);
    return null;
  }

  private parseFuncType(): ast.FuncType {
    const pos = this.expect(Token.FUNC);
    if (this.tk() === Token.LBRACK) {
      const tparams = this.parseTypeParameters();
      if (tparams !== null) this.error(tparams.opening, 'function type must have no type parameters');
    }
    const params = this.parseParameters(false)!;
    const results = this.parseParameters(true);
    return mkFuncType(pos, null, params, results);
  }

  private parseMethodSpec(): ast.Field {
    const doc = this.leadComment;
    let idents: ast.Ident[] = NONE;
    let typ: ast.Expr;
    const x = this.parseTypeName(null);
    if (x.kind === 'Ident') {
      const ident = x;
      if (this.tk() === Token.LBRACK) {
        // generic method or embedded instantiated type
        const lbrack = this.pos;
        this.next();
        this.exprLev++;
        const x1 = this.parseExpr();
        this.exprLev--;
        if (x1.kind === 'Ident' && this.tk() !== Token.COMMA && this.tk() !== Token.RBRACK) {
          // generic method m[T any]
          this.parseParameterList(x1, null, Token.RBRACK, false);
          this.expect(Token.RBRACK);
          this.error(lbrack, 'interface method must have no type parameters');
          const params = this.parseParameters(false)!;
          const results = this.parseParameters(true);
          idents = [ident];
          typ = mkFuncType(NO_POS, null, params, results);
        } else {
          // embedded instantiated type
          const s0 = this.sp;
          this.push(x1);
          if (this.atComma('type argument list', Token.RBRACK)) {
            this.exprLev++;
            this.next();
            while (this.tk() !== Token.RBRACK && this.tk() !== Token.EOF) {
              this.push(this.parseType());
              if (!this.atComma('type argument list', Token.RBRACK)) break;
              this.next();
            }
            this.exprLev--;
          }
          const list = this.take<ast.Expr>(s0);
          const rbrack = this.expectClosing(Token.RBRACK, 'type argument list');
          typ = packIndexExpr(ident, lbrack, list, rbrack);
        }
      } else if (this.tk() === Token.LPAREN) {
        // ordinary method
        const params = this.parseParameters(false)!;
        const results = this.parseParameters(true);
        idents = [ident];
        typ = mkFuncType(NO_POS, null, params, results);
      } else {
        // embedded type
        typ = x;
      }
    } else {
      // embedded, possibly instantiated type
      typ = x;
      if (this.tk() === Token.LBRACK) typ = this.parseTypeInstance(typ);
    }
    // the comment is added by the caller
    return mkField(doc, idents, typ, null, null);
  }

  private embeddedElem(x: ast.Expr | null): ast.Expr {
    if (x === null) x = this.embeddedTerm();
    // go/parser does not count union terms in its nesting level; the tree still gets deeper
    let terms = this.nestLev;
    while (this.tk() === Token.OR) {
      const opPos = this.pos;
      this.next();
      const y = this.embeddedTerm();
      x = mkBinary(x, opPos, '|', y);
      if (++terms > this.maxNesting) this.maxNesting = terms;
    }
    return x;
  }

  private embeddedTerm(): ast.Expr {
    if (this.tk() === Token.TILDE) {
      const opPos = this.pos;
      this.next();
      const x = this.parseType();
      return mkUnary(opPos, '~', x);
    }
    const t = this.tryIdentOrType();
    if (t === null) {
      const pos = this.pos;
      this.errorExpected(pos, '~ term or type');
      this.advance(EXPR_END);
      return mkBad(pos, this.pos);
    }
    return t;
  }

  private parseInterfaceType(): ast.InterfaceType {
    const pos = this.expect(Token.INTERFACE);
    const lbrace = this.expect(Token.LBRACE);
    const s0 = this.sp;
    for (;;) {
      if (this.tk() === Token.IDENT) {
        const f = this.parseMethodSpec() as Mut<ast.Field>;
        if (f.names.length === 0) {
          f.type = this.embeddedElem(f.type!);
          f.end = f.type.end;
        }
        f.comment = this.expectSemi();
        this.push(f);
      } else if (this.tk() === Token.TILDE) {
        const typ = this.embeddedElem(null);
        const comment = this.expectSemi();
        this.push(mkField(null, NONE, typ, null, comment));
      } else {
        const t = this.tryIdentOrType();
        if (t === null) break;
        const typ = this.embeddedElem(t);
        const comment = this.expectSemi();
        this.push(mkField(null, NONE, typ, null, comment));
      }
    }
    const list = this.take<ast.Field>(s0);
    const rbrace = this.expect(Token.RBRACE);
    const methods = mkFieldList(lbrace, list, rbrace);
    return new N.InterfaceType(pos, methods.end, pos, methods, false);
  }

  private parseMapType(): ast.MapType {
    const pos = this.expect(Token.MAP);
    this.expect(Token.LBRACK);
    const key = this.parseType();
    this.expect(Token.RBRACK);
    const value = this.parseType();
    return new N.MapType(pos, value.end, pos, key, value);
  }

  private parseChanType(): ast.ChanType {
    const pos = this.pos;
    let dir: ast.ChanDir = 'both';
    let arrow = NO_POS;
    if (this.tk() === Token.CHAN) {
      this.next();
      if (this.tk() === Token.ARROW) {
        arrow = this.pos;
        this.next();
        dir = 'send';
      }
    } else {
      arrow = this.expect(Token.ARROW);
      this.expect(Token.CHAN);
      dir = 'recv';
    }
    const value = this.parseType();
    return new N.ChanType(pos, value.end, pos, arrow, dir, value);
  }

  private parseTypeInstance(typ: ast.Expr): ast.Expr {
    const opening = this.expect(Token.LBRACK);
    this.exprLev++;
    const s0 = this.sp;
    while (this.tk() !== Token.RBRACK && this.tk() !== Token.EOF) {
      this.push(this.parseType());
      if (!this.atComma('type argument list', Token.RBRACK)) break;
      this.next();
    }
    const list = this.take<ast.Expr>(s0);
    this.exprLev--;
    const closing = this.expectClosing(Token.RBRACK, 'type argument list');
    if (list.length === 0) {
      this.errorExpected(closing, 'type argument list');
      return mkIndex(typ, opening, mkBad(opening + 1, closing), closing);
    }
    return packIndexExpr(typ, opening, list, closing);
  }

  private tryIdentOrType(): ast.Expr | null {
    this.enter();
    let r: ast.Expr | null = null;
    switch (this.tk()) {
      case Token.IDENT: {
        let typ = this.parseTypeName(null);
        if (this.tk() === Token.LBRACK) typ = this.parseTypeInstance(typ);
        r = typ;
        break;
      }
      case Token.LBRACK: {
        const lbrack = this.expect(Token.LBRACK);
        r = this.parseArrayType(lbrack, null);
        break;
      }
      case Token.STRUCT:
        r = this.parseStructType();
        break;
      case Token.MUL:
        r = this.parsePointerType();
        break;
      case Token.FUNC:
        r = this.parseFuncType();
        break;
      case Token.INTERFACE:
        r = this.parseInterfaceType();
        break;
      case Token.MAP:
        r = this.parseMapType();
        break;
      case Token.CHAN:
      case Token.ARROW:
        r = this.parseChanType();
        break;
      case Token.LPAREN: {
        const lparen = this.pos;
        this.next();
        const x = this.parseType();
        const rparen = this.expect(Token.RPAREN);
        r = new N.ParenExpr(lparen, x, rparen);
        break;
      }
    }
    this.leave();
    return r;
  }

  // ---------------------------------------------------------------------------
  // Blocks

  private parseStmtList(): ast.Stmt[] {
    const s0 = this.sp;
    while (this.tk() !== Token.CASE && this.tk() !== Token.DEFAULT && this.tk() !== Token.RBRACE && this.tk() !== Token.EOF) {
      this.push(this.parseStmt());
    }
    return this.take(s0);
  }

  private parseBlockStmt(): ast.BlockStmt {
    const lbrace = this.expect(Token.LBRACE);
    const list = this.parseStmtList();
    const rbrace = this.expect2(Token.RBRACE);
    return mkBlock(lbrace, list, rbrace);
  }

  // ---------------------------------------------------------------------------
  // Expressions

  private parseFuncTypeOrLit(): ast.Expr {
    const typ = this.parseFuncType();
    if (this.tk() !== Token.LBRACE) return typ;
    this.exprLev++;
    const body = this.parseBlockStmt();
    this.exprLev--;
    return new N.FuncLit(typ.start, body.end, typ, body);
  }

  private parseOperand(): ast.Expr {
    switch (this.tk()) {
      case Token.IDENT: {
        const pos = this.pos;
        const name = this.lit;
        this.next();
        return new N.Ident(pos, name);
      }
      case Token.INT:
      case Token.FLOAT:
      case Token.IMAG:
      case Token.CHAR:
      case Token.STRING: {
        const x: ast.BasicLit = new N.BasicLit(this.end, this.pos, LIT_KIND[this.tk()]!, this.lit);
        this.next();
        return x;
      }
      case Token.LPAREN: {
        const lparen = this.pos;
        this.next();
        this.exprLev++;
        const x = this.parseRhs(); // types may be parenthesized: (some type)
        this.exprLev--;
        const rparen = this.expect(Token.RPAREN);
        return new N.ParenExpr(lparen, x, rparen);
      }
      case Token.FUNC:
        return this.parseFuncTypeOrLit();
    }
    const typ = this.tryIdentOrType();
    if (typ !== null) return typ; // could be type for composite literal or conversion
    const pos = this.pos;
    this.errorExpected(pos, 'operand');
    this.advance(STMT_START);
    return mkBad(pos, this.pos);
  }

  private parseTypeAssertion(x: ast.Expr): ast.Expr {
    const lparen = this.expect(Token.LPAREN);
    let typ: ast.Expr | null = null;
    if (this.tk() === Token.TYPE) {
      this.next(); // type switch: typ == null
    } else {
      typ = this.parseType();
    }
    const rparen = this.expect(Token.RPAREN);
    return new N.TypeAssertExpr(x.start, rparen + 1, x, lparen, typ, rparen);
  }

  private parseIndexOrSliceOrInstance(x: ast.Expr): ast.Expr {
    const lbrack = this.expect(Token.LBRACK);
    if (this.tk() === Token.RBRACK) {
      // empty index, slice or index expressions are not permitted
      this.errorExpected(this.pos, 'operand');
      const rbrack = this.pos;
      this.next();
      return mkIndex(x, lbrack, mkBad(rbrack, rbrack), rbrack);
    }
    this.exprLev++;
    let args: ast.Expr[] | null = null;
    let index0: ast.Expr | null = null;
    let index1: ast.Expr | null = null;
    let index2: ast.Expr | null = null;
    let colon0 = NO_POS;
    let colon1 = NO_POS;
    if (this.tk() !== Token.COLON) index0 = this.parseRhs();
    let ncolons = 0;
    if (this.tk() === Token.COLON) {
      // slice expression
      while (this.tk() === Token.COLON && ncolons < 2) {
        if (ncolons === 0) colon0 = this.pos;
        else colon1 = this.pos;
        ncolons++;
        this.next();
        if (this.tk() !== Token.COLON && this.tk() !== Token.RBRACK && this.tk() !== Token.EOF) {
          const e = this.parseRhs();
          if (ncolons === 1) index1 = e;
          else index2 = e;
        }
      }
    } else if (this.tk() === Token.COMMA) {
      // instance expression
      const s0 = this.sp;
      this.push(index0);
      while (this.tk() === Token.COMMA) {
        this.next();
        if (this.tk() !== Token.RBRACK && this.tk() !== Token.EOF) this.push(this.parseType());
      }
      args = this.take(s0);
    }
    this.exprLev--;
    const rbrack = this.expect(Token.RBRACK);
    if (ncolons > 0) {
      let slice3 = false;
      if (ncolons === 2) {
        slice3 = true;
        if (index1 === null) {
          this.error(colon0, 'middle index required in 3-index slice');
          index1 = mkBad(colon0 + 1, colon1);
        }
        if (index2 === null) {
          this.error(colon1, 'final index required in 3-index slice');
          index2 = mkBad(colon1 + 1, rbrack);
        }
      }
      return new N.SliceExpr(x.start, rbrack + 1, x, lbrack, index0, index1, index2, slice3, rbrack);
    }
    if (args === null) return mkIndex(x, lbrack, index0!, rbrack);
    return packIndexExpr(x, lbrack, args, rbrack);
  }

  private parseCallOrConversion(fun: ast.Expr): ast.CallExpr {
    const lparen = this.expect(Token.LPAREN);
    this.exprLev++;
    const s0 = this.sp;
    let ellipsis = NO_POS;
    while (this.tk() !== Token.RPAREN && this.tk() !== Token.EOF && ellipsis < 0) {
      this.push(this.parseRhs()); // builtins may expect a type: make(some type, ...)
      if (this.tk() === Token.ELLIPSIS) {
        ellipsis = this.pos;
        this.next();
      }
      if (!this.atComma('argument list', Token.RPAREN)) break;
      this.next();
    }
    const list = this.take<ast.Expr>(s0);
    this.exprLev--;
    const rparen = this.expectClosing(Token.RPAREN, 'argument list');
    return new N.CallExpr(fun.start, fun, lparen, list, ellipsis, rparen);
  }

  private parseValue(): ast.Expr {
    if (this.tk() === Token.LBRACE) return this.parseLiteralValue(null);
    return this.parseExpr();
  }

  private parseElement(): ast.Expr {
    const x = this.parseValue();
    if (this.tk() === Token.COLON) {
      const colon = this.pos;
      this.next();
      const value = this.parseValue();
      return new N.KeyValueExpr(x.start, value.end, x, colon, value);
    }
    return x;
  }

  private parseLiteralValue(typ: ast.Expr | null): ast.CompositeLit {
    this.enter();
    const lbrace = this.expect(Token.LBRACE);
    const s0 = this.sp;
    this.exprLev++;
    if (this.tk() !== Token.RBRACE) {
      while (this.tk() !== Token.RBRACE && this.tk() !== Token.EOF) {
        this.push(this.parseElement());
        if (!this.atComma('composite literal', Token.RBRACE)) break;
        this.next();
      }
    }
    const elts = this.take<ast.Expr>(s0);
    this.exprLev--;
    const rbrace = this.expectClosing(Token.RBRACE, 'composite literal');
    this.leave();
    return new N.CompositeLit(typ !== null ? typ.start : lbrace, typ, lbrace, elts, rbrace, false);
  }

  private parsePrimaryExpr(x: ast.Expr | null): ast.Expr {
    if (x === null) x = this.parseOperand();
    // nesting is tracked per iteration like go/parser (the tree gets deeper)
    const lev0 = this.nestLev;
    loop: for (;;) {
        if (++this.nestLev > MAX_NEST_LEV) this.bail();
      if (this.nestLev > this.maxNesting) this.maxNesting = this.nestLev;
        switch (this.tk()) {
          case Token.PERIOD:
            this.next();
            if (this.tk() === Token.IDENT) {
              const sel = this.parseIdent();
              x = new N.SelectorExpr(x.start, x, sel);
            } else if (this.tk() === Token.LPAREN) {
              x = this.parseTypeAssertion(x);
            } else {
              const pos = this.pos;
              this.errorExpected(pos, 'selector or type assertion');
              if (this.tk() !== Token.RBRACE) this.next(); // make progress
              const sel = mkIdent(pos, '_');
              x = new N.SelectorExpr(x.start, x, sel);
            }
            break;
          case Token.LBRACK:
            x = this.parseIndexOrSliceOrInstance(x);
            break;
          case Token.LPAREN:
            x = this.parseCallOrConversion(x);
            break;
          case Token.LBRACE: {
            // operand may have returned a parenthesized complit type
            const t = unparen(x);
            switch (t.kind) {
              case 'BadExpr':
              case 'Ident':
              case 'SelectorExpr':
              case 'IndexExpr':
              case 'IndexListExpr':
                if (this.exprLev < 0) break loop;
                break; // x is possibly a composite literal type
              case 'ArrayType':
              case 'StructType':
              case 'MapType':
                break; // x is a composite literal type
              default:
                break loop;
            }
            if (t !== x) this.error(t.start, 'cannot parenthesize type in composite literal');
            x = this.parseLiteralValue(x);
            break;
          }
          default:
            break loop;
        }
    }
    this.nestLev = lev0;
    return x;
  }

  private parseUnaryExpr(): ast.Expr {
    this.enter();
    let r: ast.Expr;
    switch (this.tk()) {
      case Token.ADD:
      case Token.SUB:
      case Token.NOT:
      case Token.XOR:
      case Token.AND:
      case Token.TILDE: {
        const pos = this.pos;
        const op = TOKEN_STRINGS[this.tk()] as ast.UnaryOp;
        this.next();
        const x = this.parseUnaryExpr();
        r = mkUnary(pos, op, x);
        break;
      }
      case Token.ARROW: {
        // channel type or receive expression
        let arrow = this.pos;
        this.next();
        const x = this.parseUnaryExpr();
        if (x.kind === 'ChanType') {
          // (<-type): re-associate position info and <-
          let typ: Mut<ast.ChanType> | null = x;
          let dir: ast.ChanDir = 'send';
          while (typ !== null && dir === 'send') {
            if (typ.dir === 'recv') {
              // error: (<-type) is (<-(<-chan T))
              this.errorExpected(typ.arrow, "'chan'");
            }
            const a = typ.arrow;
            typ.begin = arrow;
            typ.start = arrow;
            typ.arrow = arrow;
            arrow = a;
            dir = typ.dir;
            typ.dir = 'recv';
            typ = typ.value.kind === 'ChanType' ? typ.value : null;
          }
          if (dir === 'send') this.errorExpected(arrow, 'channel type');
          r = x;
        } else {
          r = mkUnary(arrow, '<-', x);
        }
        break;
      }
      case Token.MUL: {
        const pos = this.pos;
        this.next();
        const x = this.parseUnaryExpr();
        r = mkStar(pos, x);
        break;
      }
      default:
        r = this.parsePrimaryExpr(null);
    }
    this.leave();
    return r;
  }

  private parseBinaryExpr(x: ast.Expr | null, prec1: number): ast.Expr {
    if (x === null) x = this.parseUnaryExpr();
    const lev0 = this.nestLev;
    for (;;) {
      if (++this.nestLev > MAX_NEST_LEV) this.bail();
      if (this.nestLev > this.maxNesting) this.maxNesting = this.nestLev;
      let op = this.tk();
      if (this.inRhs && op === Token.ASSIGN) op = Token.EQL;
      const oprec = precedence(op);
      if (oprec < prec1) {
        this.nestLev = lev0;
        return x;
      }
      const pos = this.expect(op);
      const y = this.parseBinaryExpr(null, oprec + 1);
      x = mkBinary(x, pos, TOKEN_STRINGS[op] as ast.BinaryOp, y);
    }
  }

  /** The result may be a type or even a raw type ([...]int). */
  private parseExpr(): ast.Expr {
    return this.parseBinaryExpr(null, 1);
  }

  private parseRhs(): ast.Expr {
    const old = this.inRhs;
    this.inRhs = true;
    const x = this.parseExpr();
    this.inRhs = old;
    return x;
  }

  // ---------------------------------------------------------------------------
  // Statements

  /**
   * Parses a simple statement; sets `this.isRange` when it parsed the
   * assignment of a range clause (mode rangeOk).
   */
  private parseSimpleStmt(mode: Mode): ast.Stmt {
    this.isRange = false;
    // the lhs list: an array only when there are several expressions
    const oldRhs = this.inRhs;
    this.inRhs = false;
    const x0 = this.parseExpr();
    let xs: ast.Expr[] | null = null;
    if (this.tk() === Token.COMMA) {
      const s0 = this.sp;
      this.push(x0);
      while (this.tk() === Token.COMMA) {
        this.next();
        this.push(this.parseExpr());
      }
      xs = this.take(s0);
    }
    this.inRhs = oldRhs;
    const tok = this.tk();
    switch (tok) {
      case Token.DEFINE:
      case Token.ASSIGN:
      case Token.ADD_ASSIGN:
      case Token.SUB_ASSIGN:
      case Token.MUL_ASSIGN:
      case Token.QUO_ASSIGN:
      case Token.REM_ASSIGN:
      case Token.AND_ASSIGN:
      case Token.OR_ASSIGN:
      case Token.XOR_ASSIGN:
      case Token.SHL_ASSIGN:
      case Token.SHR_ASSIGN:
      case Token.AND_NOT_ASSIGN: {
        // assignment statement, possibly part of a range clause
        const pos = this.pos;
        this.next();
        let y: ast.Expr[];
        let isRange = false;
        if (mode === Mode.rangeOk && this.tk() === Token.RANGE && (tok === Token.DEFINE || tok === Token.ASSIGN)) {
          const rpos = this.pos;
          this.next();
          const rx = this.parseRhs();
          const re: RangeExpr = { kind: 'UnaryExpr', start: rpos, end: rx.end, opPos: rpos, op: 'range', x: rx };
          y = [re as unknown as ast.Expr];
          isRange = true;
        } else {
          y = this.parseList(true);
        }
        this.isRange = isRange;
        return new N.AssignStmt(x0.start, y[y.length - 1]!.end, xs ?? [x0], pos, TOKEN_STRINGS[tok] as ast.AssignOp, y);
      }
    }
    if (xs !== null) {
      this.errorExpected(x0.start, '1 expression');
    }
    switch (tok) {
      case Token.COLON: {
        // labeled statement
        const colon = this.pos;
        this.next();
        if (mode === Mode.labelOk && x0.kind === 'Ident') {
          const stmt = this.parseStmt();
          return new N.LabeledStmt(x0.start, stmt.end, x0, colon, stmt);
        }
        this.error(colon, 'illegal label declaration');
        return new N.BadStmt(x0.start, colon + 1);
      }
      case Token.ARROW: {
        // send statement
        const arrow = this.pos;
        this.next();
        const y = this.parseRhs();
        return new N.SendStmt(x0.start, y.end, x0, arrow, y);
      }
      case Token.INC:
      case Token.DEC: {
        const s: ast.IncDecStmt = new N.IncDecStmt(x0.start, this.pos + 2, x0, this.pos, tok === Token.INC ? '++' : '--');
        this.next();
        return s;
      }
    }
    return new N.ExprStmt(x0.start, x0.end, x0);
  }

  private parseCallExpr(callType: string): ast.CallExpr | null {
    let x = this.parseRhs(); // could be a conversion: (some type)(x)
    const t = unparen(x);
    if (t !== x) {
      this.error(x.start, `expression in ${callType} must not be parenthesized`);
      x = t;
    }
    if (x.kind === 'CallExpr') return x;
    if (x.kind !== 'BadExpr') {
      // only report error if it's a new one
      this.error(x.end, `expression in ${callType} must be function call`);
    }
    return null;
  }

  private parseGoStmt(): ast.Stmt {
    const pos = this.expect(Token.GO);
    const call = this.parseCallExpr('go');
    this.expectSemi();
    if (call === null) return new N.BadStmt(pos, pos + 2);
    return new N.GoStmt(pos, call.end, pos, call);
  }

  private parseDeferStmt(): ast.Stmt {
    const pos = this.expect(Token.DEFER);
    const call = this.parseCallExpr('defer');
    this.expectSemi();
    if (call === null) return new N.BadStmt(pos, pos + 5);
    return new N.DeferStmt(pos, call.end, pos, call);
  }

  private parseReturnStmt(): ast.ReturnStmt {
    const pos = this.pos;
    this.expect(Token.RETURN);
    let x: ast.Expr[] = NONE;
    if (this.tk() !== Token.SEMICOLON && this.tk() !== Token.RBRACE) x = this.parseList(true);
    this.expectSemi();
    const end = x.length > 0 ? x[x.length - 1]!.end : pos + 6;
    return new N.ReturnStmt(end, pos, x);
  }

  private parseBranchStmt(tok: Token): ast.BranchStmt {
    const pos = this.expect(tok);
    let label: ast.Ident | null = null;
    if (tok === Token.GOTO || ((tok === Token.CONTINUE || tok === Token.BREAK) && this.tk() === Token.IDENT)) {
      label = this.parseIdent();
    }
    this.expectSemi();
    const s = TOKEN_STRINGS[tok] as ast.BranchTok;
    return new N.BranchStmt(pos, label !== null ? label.end : pos + s.length, pos, s, label);
  }

  private makeExpr(s: ast.Stmt | null, want: string): ast.Expr | null {
    if (s === null) return null;
    if (s.kind === 'ExprStmt') return s.x;
    const found = s.kind === 'AssignStmt' ? 'assignment' : 'simple statement';
    this.error(s.start, `expected ${want}, found ${found} (missing parentheses around composite literal?)`);
    return mkBad(s.start, s.end);
  }

  private parseIfHeader(): [ast.Stmt | null, ast.Expr] {
    if (this.tk() === Token.LBRACE) {
      this.error(this.pos, 'missing condition in if statement');
      return [null, mkBad(this.pos, this.pos)];
    }
    const prevLev = this.exprLev;
    this.exprLev = -1;
    let init: ast.Stmt | null = null;
    if (this.tk() !== Token.SEMICOLON) {
      // accept potential variable declaration but complain
      if (this.tk() === Token.VAR) {
        this.next();
        this.error(this.pos, 'var declaration not allowed in if initializer');
      }
      init = this.parseSimpleStmt(Mode.basic);
    }
    let condStmt: ast.Stmt | null = null;
    let semiPos = NO_POS;
    let semiLit = '';
    if (this.tk() !== Token.LBRACE) {
      if (this.tk() === Token.SEMICOLON) {
        semiPos = this.pos;
        semiLit = this.lit;
        this.next();
      } else {
        this.expect(Token.SEMICOLON);
      }
      if (this.tk() !== Token.LBRACE) condStmt = this.parseSimpleStmt(Mode.basic);
    } else {
      condStmt = init;
      init = null;
    }
    let cond: ast.Expr | null = null;
    if (condStmt !== null) {
      cond = this.makeExpr(condStmt, 'boolean expression');
    } else if (semiPos >= 0) {
      if (semiLit === '\n') this.error(semiPos, 'unexpected newline, expecting { after if clause');
      else this.error(semiPos, 'missing condition in if statement');
    }
    if (cond === null) cond = mkBad(this.pos, this.pos);
    this.exprLev = prevLev;
    return [init, cond];
  }

  private parseIfStmt(): ast.IfStmt {
    this.enter();
    const pos = this.expect(Token.IF);
    const [init, cond] = this.parseIfHeader();
    const body = this.parseBlockStmt();
    let else_: ast.Stmt | null = null;
    if (this.tk() === Token.ELSE) {
      this.next();
      if (this.tk() === Token.IF) {
        else_ = this.parseIfStmt();
      } else if (this.tk() === Token.LBRACE) {
        else_ = this.parseBlockStmt();
        this.expectSemi();
      } else {
        this.errorExpected(this.pos, 'if statement or block');
        else_ = new N.BadStmt(this.pos, this.pos);
      }
    } else {
      this.expectSemi();
    }
    this.leave();
    return new N.IfStmt(else_ !== null ? else_.end : body.end, pos, init, cond, body, else_);
  }

  private parseCaseClause(): ast.CaseClause {
    const pos = this.pos;
    let list: ast.Expr[] | null = null;
    if (this.tk() === Token.CASE) {
      this.next();
      list = this.parseList(true);
    } else {
      this.expect(Token.DEFAULT);
    }
    const colon = this.expect(Token.COLON);
    const body = this.parseStmtList();
    const end = body.length > 0 ? body[body.length - 1]!.end : colon + 1;
    return new N.CaseClause(pos, end, pos, list, colon, body);
  }

  private isTypeSwitchGuard(s: ast.Stmt | null): boolean {
    if (s === null) return false;
    if (s.kind === 'ExprStmt') return isTypeSwitchAssert(s.x);
    if (s.kind === 'AssignStmt') {
      if (s.lhs.length === 1 && s.rhs.length === 1 && isTypeSwitchAssert(s.rhs[0]!)) {
        if (s.tok === '=') {
          this.error(s.tokPos, "expected ':=', found '='");
          return true;
        }
        if (s.tok === ':=') return true;
      }
    }
    return false;
  }

  private parseSwitchStmt(): ast.Stmt {
    const pos = this.expect(Token.SWITCH);
    let s1: ast.Stmt | null = null;
    let s2: ast.Stmt | null = null;
    if (this.tk() !== Token.LBRACE) {
      const prevLev = this.exprLev;
      this.exprLev = -1;
      if (this.tk() !== Token.SEMICOLON) s2 = this.parseSimpleStmt(Mode.basic);
      if (this.tk() === Token.SEMICOLON) {
        this.next();
        s1 = s2;
        s2 = null;
        if (this.tk() !== Token.LBRACE) s2 = this.parseSimpleStmt(Mode.basic);
      }
      this.exprLev = prevLev;
    }
    const typeSwitch = this.isTypeSwitchGuard(s2);
    const lbrace = this.expect(Token.LBRACE);
    const s0 = this.sp;
    while (this.tk() === Token.CASE || this.tk() === Token.DEFAULT) this.push(this.parseCaseClause());
    const list = this.take<ast.Stmt>(s0);
    const rbrace = this.expect(Token.RBRACE);
    this.expectSemi();
    const body = mkBlock(lbrace, list, rbrace);
    if (typeSwitch) {
      return new N.TypeSwitchStmt(pos, body.end, pos, s1, s2!, body);
    }
    const tag = this.makeExpr(s2, 'switch expression');
    return new N.SwitchStmt(pos, body.end, pos, s1, tag, body);
  }

  private parseCommClause(): ast.CommClause {
    const pos = this.pos;
    let comm: ast.Stmt | null = null;
    if (this.tk() === Token.CASE) {
      this.next();
      let lhs = this.parseList(false);
      if (this.tk() === Token.ARROW) {
        // SendStmt
        if (lhs.length > 1) this.errorExpected(lhs[0]!.start, '1 expression');
        const arrow = this.pos;
        this.next();
        const rhs = this.parseRhs();
        comm = new N.SendStmt(lhs[0]!.start, rhs.end, lhs[0]!, arrow, rhs);
      } else {
        // RecvStmt
        const tok = this.tk();
        if (tok === Token.ASSIGN || tok === Token.DEFINE) {
          // RecvStmt with assignment
          if (lhs.length > 2) {
            this.errorExpected(lhs[0]!.start, '1 or 2 expressions');
            lhs = lhs.slice(0, 2);
          }
          const tpos = this.pos;
          this.next();
          const rhs = this.parseRhs();
          comm = new N.AssignStmt(lhs[0]!.start, rhs.end, lhs, tpos, tok === Token.ASSIGN ? '=' : ':=', [rhs]);
        } else {
          // lhs must be single receive operation
          if (lhs.length > 1) this.errorExpected(lhs[0]!.start, '1 expression');
          comm = new N.ExprStmt(lhs[0]!.start, lhs[0]!.end, lhs[0]!);
        }
      }
    } else {
      this.expect(Token.DEFAULT);
    }
    const colon = this.expect(Token.COLON);
    const body = this.parseStmtList();
    const end = body.length > 0 ? body[body.length - 1]!.end : colon + 1;
    return new N.CommClause(pos, end, pos, comm, colon, body);
  }

  private parseSelectStmt(): ast.SelectStmt {
    const pos = this.expect(Token.SELECT);
    const lbrace = this.expect(Token.LBRACE);
    const s0 = this.sp;
    while (this.tk() === Token.CASE || this.tk() === Token.DEFAULT) this.push(this.parseCommClause());
    const list = this.take<ast.Stmt>(s0);
    const rbrace = this.expect(Token.RBRACE);
    this.expectSemi();
    const body = mkBlock(lbrace, list, rbrace);
    return new N.SelectStmt(pos, body.end, pos, body);
  }

  private parseForStmt(): ast.Stmt {
    const pos = this.expect(Token.FOR);
    let s1: ast.Stmt | null = null;
    let s2: ast.Stmt | null = null;
    let s3: ast.Stmt | null = null;
    let isRange = false;
    // for "for range x": (no lhs)
    let rangeNoLhs: RangeExpr | null = null;
    if (this.tk() !== Token.LBRACE) {
      const prevLev = this.exprLev;
      this.exprLev = -1;
      if (this.tk() !== Token.SEMICOLON) {
        if (this.tk() === Token.RANGE) {
          // "for range x" (nil lhs in assignment)
          const rpos = this.pos;
          this.next();
          const rx = this.parseRhs();
          rangeNoLhs = { kind: 'UnaryExpr', start: rpos, end: rx.end, opPos: rpos, op: 'range', x: rx };
          isRange = true;
        } else {
          s2 = this.parseSimpleStmt(Mode.rangeOk);
          isRange = this.isRange;
        }
      }
      if (!isRange && this.tk() === Token.SEMICOLON) {
        this.next();
        s1 = s2;
        s2 = null;
        if (this.tk() !== Token.SEMICOLON) s2 = this.parseSimpleStmt(Mode.basic);
        this.expectSemi();
        if (this.tk() !== Token.LBRACE) s3 = this.parseSimpleStmt(Mode.basic);
      }
      this.exprLev = prevLev;
    }
    const body = this.parseBlockStmt();
    this.expectSemi();
    if (isRange) {
      let key: ast.Expr | null = null;
      let value: ast.Expr | null = null;
      let tokPos = NO_POS;
      let tok: ':=' | '=' | null = null;
      let re: RangeExpr;
      if (rangeNoLhs !== null) {
        re = rangeNoLhs;
      } else {
        const as = s2 as ast.AssignStmt;
        const lhs = as.lhs;
        switch (lhs.length) {
          case 1:
            key = lhs[0]!;
            break;
          case 2:
            key = lhs[0]!;
            value = lhs[1]!;
            break;
          default:
            this.errorExpected(lhs[lhs.length - 1]!.start, 'at most 2 expressions');
            return new N.BadStmt(pos, body.end);
        }
        tokPos = as.tokPos;
        tok = as.tok as ':=' | '=';
        re = as.rhs[0] as unknown as RangeExpr;
      }
      return new N.RangeStmt(pos, body.end, pos, key, value, tokPos, tok, re.start, re.x, body);
    }
    return new N.ForStmt(pos, body.end, pos, s1, this.makeExpr(s2, 'boolean or range expression'), s3, body);
  }

  private parseStmt(): ast.Stmt {
    this.enter();
    let s: ast.Stmt;
    switch (this.tk()) {
      case Token.CONST:
      case Token.TYPE:
      case Token.VAR: {
        const decl = this.parseDecl(STMT_START) as ast.GenDecl | ast.BadDecl;
        s = new N.DeclStmt(decl.start, decl.end, decl);
        break;
      }
      case Token.IDENT:
      case Token.INT:
      case Token.FLOAT:
      case Token.IMAG:
      case Token.CHAR:
      case Token.STRING:
      case Token.FUNC:
      case Token.LPAREN:
      case Token.LBRACK:
      case Token.STRUCT:
      case Token.MAP:
      case Token.CHAN:
      case Token.INTERFACE:
      case Token.ADD:
      case Token.SUB:
      case Token.MUL:
      case Token.AND:
      case Token.XOR:
      case Token.ARROW:
      case Token.NOT:
        s = this.parseSimpleStmt(Mode.labelOk);
        // labeled statements are parsed by parseSimpleStmt - no semicolon after them
        if (s.kind !== 'LabeledStmt') this.expectSemi();
        break;
      case Token.GO:
        s = this.parseGoStmt();
        break;
      case Token.DEFER:
        s = this.parseDeferStmt();
        break;
      case Token.RETURN:
        s = this.parseReturnStmt();
        break;
      case Token.BREAK:
      case Token.CONTINUE:
      case Token.GOTO:
      case Token.FALLTHROUGH:
        s = this.parseBranchStmt(this.tk());
        break;
      case Token.LBRACE:
        s = this.parseBlockStmt();
        this.expectSemi();
        break;
      case Token.IF:
        s = this.parseIfStmt();
        break;
      case Token.SWITCH:
        s = this.parseSwitchStmt();
        break;
      case Token.SELECT:
        s = this.parseSelectStmt();
        break;
      case Token.FOR:
        s = this.parseForStmt();
        break;
      case Token.SEMICOLON: {
        const implicit = this.lit === '\n';
        s = new N.EmptyStmt(this.pos, implicit ? this.pos : this.pos + 1, this.pos, implicit);
        this.next();
        break;
      }
      case Token.RBRACE:
        // a semicolon may be omitted before a closing "}"
        s = new N.EmptyStmt(this.pos, this.pos, this.pos, true);
        break;
      default: {
        const pos = this.pos;
        this.errorExpected(pos, 'statement');
        this.advance(STMT_START);
        s = new N.BadStmt(pos, this.pos);
      }
    }
    this.leave();
    return s;
  }

  // ---------------------------------------------------------------------------
  // Declarations

  private parseImportSpec(doc: ast.CommentGroup | null): ast.ImportSpec {
    let ident: ast.Ident | null = null;
    if (this.tk() === Token.IDENT) {
      ident = this.parseIdent();
    } else if (this.tk() === Token.PERIOD) {
      ident = mkIdent(this.pos, '.');
      this.next();
    }
    const pos = this.pos;
    let end = this.pos;
    let path = '';
    if (this.tk() === Token.STRING) {
      path = this.lit;
      end = this.end;
      this.next();
    } else if (this.tk() >= Token.IDENT && this.tk() <= Token.STRING) {
      this.error(pos, 'import path must be a string');
      this.next();
    } else {
      this.error(pos, 'missing import path');
      this.advance(EXPR_END);
    }
    const comment = this.expectSemi();
    const lit: ast.BasicLit = new N.BasicLit(end, pos, 'STRING', path);
    const spec: ast.ImportSpec = new N.ImportSpec(ident !== null ? ident.start : pos, end, doc, ident, lit, comment);
    this.imports.push(spec);
    return spec;
  }

  private parseValueSpec(doc: ast.CommentGroup | null, keyword: Token): ast.ValueSpec {
    const idents = this.parseIdentList();
    let typ: ast.Expr | null = null;
    let values: ast.Expr[] = NONE;
    if (keyword === Token.CONST) {
      // always permit optional type and initialization for more tolerant parsing
      if (this.tk() !== Token.EOF && this.tk() !== Token.SEMICOLON && this.tk() !== Token.RPAREN) {
        typ = this.tryIdentOrType();
        if (this.tk() === Token.ASSIGN) {
          this.next();
          values = this.parseList(true);
        }
      }
    } else {
      if (this.tk() !== Token.ASSIGN) typ = this.parseType();
      if (this.tk() === Token.ASSIGN) {
        this.next();
        values = this.parseList(true);
      }
    }
    const comment = this.expectSemi();
    const end =
      values.length > 0 ? values[values.length - 1]!.end : typ !== null ? typ.end : idents[idents.length - 1]!.end;
    return new N.ValueSpec(idents[0]!.start, end, doc, idents, typ, values, comment);
  }

  private parseTypeSpec(doc: ast.CommentGroup | null): ast.TypeSpec {
    const name = this.parseIdent();
    let typeParams: ast.FieldList | null = null;
    let assign = NO_POS;
    let type: ast.Expr;
    if (this.tk() === Token.LBRACK) {
      // array/slice type or type parameter list
      const lbrack = this.pos;
      this.next();
      if (this.tk() === Token.IDENT) {
        let x: ast.Expr = this.parseIdent();
        if (this.tk() !== Token.LBRACK) {
          this.exprLev++;
          const lhs = this.parsePrimaryExpr(x);
          x = this.parseBinaryExpr(lhs, 1);
          this.exprLev--;
        }
        const [pname, ptype] = extractName(x, this.tk() === Token.COMMA);
        if (pname !== null && (ptype !== null || this.tk() !== Token.RBRACK)) {
          // parseGenericType
          const list = this.parseParameterList(pname, ptype, Token.RBRACK, false);
          const closePos = this.expect(Token.RBRACK);
          typeParams = mkFieldList(lbrack, list, closePos);
          if (this.tk() === Token.ASSIGN) {
            assign = this.pos;
            this.next();
          }
          type = this.parseType();
        } else {
          type = this.parseArrayType(lbrack, x);
        }
      } else {
        type = this.parseArrayType(lbrack, null);
      }
    } else {
      if (this.tk() === Token.ASSIGN) {
        assign = this.pos;
        this.next();
      }
      type = this.parseType();
    }
    const comment = this.expectSemi();
    return new N.TypeSpec(name.start, type.end, doc, name, typeParams, assign, type, comment);
  }

  private parseSpec(doc: ast.CommentGroup | null, keyword: Token): ast.Spec {
    switch (keyword) {
      case Token.IMPORT:
        return this.parseImportSpec(doc);
      case Token.TYPE:
        return this.parseTypeSpec(doc);
      default:
        return this.parseValueSpec(doc, keyword);
    }
  }

  private parseGenDecl(keyword: Token): ast.GenDecl {
    const doc = this.leadComment;
    const pos = this.expect(keyword);
    let lparen = NO_POS;
    let rparen = NO_POS;
    let list: ast.Spec[];
    if (this.tk() === Token.LPAREN) {
      lparen = this.pos;
      this.next();
      const s0 = this.sp;
      while (this.tk() !== Token.RPAREN && this.tk() !== Token.EOF) {
        this.push(this.parseSpec(this.leadComment, keyword));
      }
      list = this.take(s0);
      rparen = this.expect(Token.RPAREN);
      this.expectSemi();
    } else {
      list = [this.parseSpec(null, keyword)];
    }
    return new N.GenDecl(pos, rparen >= 0 ? rparen + 1 : list[0]!.end, doc, pos, TOKEN_STRINGS[keyword] as ast.DeclTok, lparen, list, rparen);
  }

  private parseFuncDecl(): ast.FuncDecl {
    const doc = this.leadComment;
    const pos = this.expect(Token.FUNC);
    let recv: ast.FieldList | null = null;
    if (this.tk() === Token.LPAREN) recv = this.parseParameters(false);
    const ident = this.parseIdent();
    let tparams: ast.FieldList | null = null;
    if (this.tk() === Token.LBRACK) {
      tparams = this.parseTypeParameters();
      if (recv !== null && tparams !== null) {
        this.error(tparams.opening, 'method must have no type parameters');
        tparams = null;
      }
    }
    const params = this.parseParameters(false)!;
    const results = this.parseParameters(true);
    let body: ast.BlockStmt | null = null;
    switch (this.tk()) {
      case Token.LBRACE:
        body = this.parseBlockStmt();
        this.expectSemi();
        break;
      case Token.SEMICOLON:
        this.next();
        if (this.tk() === Token.LBRACE) {
          // opening { of function declaration on next line
          this.error(this.pos, 'unexpected semicolon or newline before {');
          body = this.parseBlockStmt();
          this.expectSemi();
        }
        break;
      default:
        this.expectSemi();
    }
    const type = mkFuncType(pos, tparams, params, results);
    return new N.FuncDecl(type.start, body !== null ? body.end : type.end, doc, recv, ident, type, body);
  }

  private parseDecl(sync: Uint8Array): ast.Decl {
    switch (this.tk()) {
      case Token.IMPORT:
      case Token.CONST:
      case Token.VAR:
      case Token.TYPE:
        return this.parseGenDecl(this.tk());
      case Token.FUNC:
        return this.parseFuncDecl();
      default: {
        const pos = this.pos;
        this.errorExpected(pos, 'declaration');
        this.advance(sync);
        return new N.BadDecl(pos, this.pos);
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Source files

  private parseFileInner(): ast.File | null {
    // Don't bother parsing the rest if we had errors scanning the first token.
    if (this.errors.length !== 0) return null;
    const doc = this.leadComment;
    const pos = this.expect(Token.PACKAGE);
    const ident = this.parseIdent();
    this.expectSemi();
    if (this.errors.length !== 0) return null;

    const s0 = this.sp;
    while (this.tk() === Token.IMPORT) this.push(this.parseGenDecl(Token.IMPORT));
    let prev = Token.IMPORT;
    while (this.tk() !== Token.EOF) {
      // continue to accept import declarations for error tolerance, but complain
      if (this.tk() === Token.IMPORT && prev !== Token.IMPORT) {
        this.error(this.pos, 'imports must appear before other declarations');
      }
      prev = this.tk();
      this.push(this.parseDecl(DECL_START));
    }
    const decls = this.take<ast.Decl>(s0);
    const imports = this.imports.length > 0 ? this.imports.slice() : NONE; // exactly sized
    const comments = this.comments.length > 0 ? this.comments.slice() : NONE;
    return new N.File(pos, decls.length > 0 ? decls[decls.length - 1]!.end : ident.end, doc, pos, ident, decls, imports, comments, this.goVersion, 0, this.src.length);
  }
}
