/**
 * The Go lexical scanner.
 *
 * Behaviour (tokens, literal text, automatic semicolons, error messages and
 * their positions) follows `go/scanner` (Go 1.26, BSD licensed), whose
 * structure this file credits; the implementation is Redline's own, written
 * for V8: it scans the JS string with `charCodeAt`, keeps the current token
 * in fields (no per-token objects) and slices literal text from the source.
 *
 * Offsets are UTF-16 code-unit offsets into the source string.
 *
 * Errors are collected in `errors`, never thrown; `scan()` always advances.
 */

import { TOKEN_STRINGS, Token, keywordAt } from './token.js';
import { DIGIT_RANGES, LETTER_RANGES, PRINT_RANGES } from './unicode-tables.js';

/** A scanner or parser diagnostic at a source offset. */
export interface RawError {
  offset: number;
  msg: string;
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  PERCENT = 37,
  AMP = 38,
  SQUOTE = 39,
  LPAREN = 40,
  RPAREN = 41,
  STAR = 42,
  PLUS = 43,
  COMMA = 44,
  MINUS = 45,
  DOT = 46,
  SLASH = 47,
  D0 = 48,
  D7 = 55,
  D9 = 57,
  COLON = 58,
  SEMI = 59,
  LT = 60,
  EQ = 61,
  GT = 62,
  UA = 65,
  UZ = 90,
  LBRACK = 91,
  BACKSLASH = 92,
  RBRACK = 93,
  CARET = 94,
  UNDERSCORE = 95,
  BACKTICK = 96,
  LA = 97,
  LZ = 122,
  LBRACE = 123,
  PIPE = 124,
  RBRACE = 125,
  TILDE = 126,
  BOM = 0xfeff,
}

// ASCII character classes: bit 1 = identifier start, bit 2 = identifier part.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= C.UA && c <= C.UZ) || (c >= C.LA && c <= C.LZ) || c === C.UNDERSCORE;
  const digit = c >= C.D0 && c <= C.D9;
  ASCII_CLASS[c] = (letter ? 1 : 0) | (letter || digit ? 2 : 0);
}

// Identifier interning: a small direct-mapped cache of names per file,
// keyed by a hash computed while scanning. Repeated names (`err`, `x`,
// `int`) then share one string: less allocation and less memory for trees
// kept alive. Per file (not global) on purpose: a long-lived table would
// make every new name an old-to-young reference, which costs more in the
// garbage collector than interning saves.
const INTERN_BITS = 10;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
const EMPTY_INTERN: string[] = [];
for (let k = 0; k <= INTERN_MASK; k++) EMPTY_INTERN.push(''); // packed; '' never matches

/** Whether `cp` is in a sorted table of inclusive [lo, hi] ranges. */
function inRanges(table: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[2 * mid]!) hi = mid - 1;
    else if (cp > table[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** `unicode.IsLetter` (Go's Unicode version) for a code point >= 0x80. */
export function isUnicodeLetter(cp: number): boolean {
  return inRanges(LETTER_RANGES, cp);
}

/** `unicode.IsDigit` (Go's Unicode version) for a code point >= 0x80. */
export function isUnicodeDigit(cp: number): boolean {
  return inRanges(DIGIT_RANGES, cp);
}

/** `strconv.IsPrint`. */
function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return inRanges(PRINT_RANGES, cp);
}

/** Go's `%#U` formatting of a rune: `U+0041 'A'`. */
export function formatRuneU(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp >= 0 && isPrint(cp)) return `U+${hex} '${String.fromCodePoint(cp)}'`;
  return `U+${hex}`;
}

/** Go's `%q` formatting of a rune (printable runes only are needed here). */
function quoteRune(cp: number): string {
  if (cp === 0x27) return "'\\''";
  if (cp === 0x5c) return "'\\\\'";
  if (cp >= 0x20 && cp < 0x7f) return `'${String.fromCharCode(cp)}'`;
  if (cp >= 0x80 && isPrint(cp)) return `'${String.fromCodePoint(cp)}'`;
  if (cp < 0x80) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, '0')}'`;
  return `'\\U${cp.toString(16).padStart(8, '0')}'`;
}

function litname(prefix: number): string {
  switch (prefix) {
    case 120: // x
      return 'hexadecimal literal';
    case 111: // o
    case 48: // 0
      return 'octal literal';
    case 98: // b
      return 'binary literal';
  }
  return 'decimal literal';
}

function isHexCode(c: number): boolean {
  return (c >= C.D0 && c <= C.D9) || ((c | 0x20) >= C.LA && (c | 0x20) <= 102);
}

/** Offset of an invalid `_` separator in a number literal, or -1 (`go/scanner.invalidSep`). */
function invalidSep(x: string): number {
  let x1 = 32; // prefix char, we only care if it's 'x'
  let d = C.DOT; // one of '_', '0' (a digit), or '.' (anything else)
  let i = 0;
  if (x.length >= 2 && x.charCodeAt(0) === C.D0) {
    x1 = x.charCodeAt(1) | 0x20;
    if (x1 === 120 || x1 === 111 || x1 === 98) {
      d = C.D0;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x.charCodeAt(i);
    if (d === C.UNDERSCORE) {
      if (p !== C.D0) return i;
    } else if ((d >= C.D0 && d <= C.D9) || (x1 === 120 && isHexCode(d))) {
      d = C.D0;
    } else {
      if (p === C.UNDERSCORE) return i - 1;
      d = C.DOT;
    }
  }
  if (d === C.UNDERSCORE) return x.length - 1;
  return -1;
}

/** Removes `\r` like `go/scanner.stripCR`. */
function stripCR(s: string, comment: boolean): string {
  // go/scanner keeps a '\r' between '*' and '/' in a comment (it cannot end the comment)
  if (!comment || s.indexOf('*\r/') < 0) return s.replaceAll('\r', '');
  let out = '';
  for (let j = 0; j < s.length; j++) {
    const ch = s.charCodeAt(j);
    if (
      ch !== C.CR ||
      (comment && out.length > 2 && out.charCodeAt(out.length - 1) === C.STAR && j + 1 < s.length && s.charCodeAt(j + 1) === C.SLASH)
    ) {
      out += s[j];
    }
  }
  return out;
}

export class Scanner {
  readonly src: string;
  readonly len: number;
  /** Collected errors, in the order they were found. Shared with the parser. */
  readonly errors: RawError[];

  /** Read offset: the next character to look at. */
  private i = 0;
  private insertSemi = false;
  private nlPos = -1;
  /** The intern table of names (null: names are not interned, see the constructor). */
  private readonly intern: string[] | null;
  /** Line (1-based) at the read offset. */
  private line = 1;

  // Offsets (sorted) of characters that `go/scanner.next` complains about
  // whenever it reads them: NUL, a BOM after the start, invalid UTF-8.
  private specialOffs: number[];
  private specialMsgs: string[];
  private specialIdx = 0;

  // The current token.
  tok: Token = Token.ILLEGAL;
  /** 1-based line of the token's first character (unadjusted). */
  tokLine = 1;
  /** Offset of the token's first character. */
  pos = 0;
  /** Offset just past the token in the source. */
  end = 0;
  /**
   * The token text for identifiers, literals and comments (string literals
   * and comments with `\r` removed like go/scanner); ";" or "\n" for
   * semicolons; '' otherwise.
   */
  lit = '';

  /**
   * @param invalidUtf8 sorted offsets (into `src`) of U+FFFD characters that
   *   stand for invalid UTF-8 bytes of the original input.
   * @param utf16 the original input started with a UTF-16 byte order mark.
   * @param internNames share one string per repeated name (worth its 4 KB
   *   table when a whole file is scanned, not for a header).
   */
  constructor(src: string, errors: RawError[], invalidUtf8: readonly number[] = [], utf16 = false, internNames = true) {
    this.intern = internNames ? EMPTY_INTERN.slice() : null;
    this.src = src;
    this.len = src.length;
    this.errors = errors;
    this.specialOffs = [];
    this.specialMsgs = [];
    if (utf16) {
      errors.push({ offset: 0, msg: 'illegal UTF-8 encoding (got UTF-16)' });
      this.utf16 = true;
      return;
    }
    this.collectSpecials(invalidUtf8);
    if (this.len > 0 && src.charCodeAt(0) === C.BOM) this.i = 1; // BOM at file start
  }

  private collectSpecials(invalidUtf8: readonly number[]): void {
    const src = this.src;
    const offs: number[] = [];
    const msgs: string[] = [];
    let nul = src.indexOf('\0');
    let bom = src.indexOf('\uFEFF', 1);
    let k = 0;
    // merge three sorted streams
    for (;;) {
      const inv = k < invalidUtf8.length ? invalidUtf8[k]! : Infinity;
      const n = nul < 0 ? Infinity : nul;
      const b = bom < 0 ? Infinity : bom;
      const m = Math.min(inv, n, b);
      if (m === Infinity) break;
      offs.push(m);
      if (m === n) {
        msgs.push('illegal character NUL');
        nul = src.indexOf('\0', n + 1);
      } else if (m === b) {
        msgs.push('illegal byte order mark');
        bom = src.indexOf('\uFEFF', b + 1);
      } else {
        msgs.push('illegal UTF-8 encoding');
        k++;
      }
    }
    this.specialOffs = offs;
    this.specialMsgs = msgs;
  }

  private flushSpecials(upto: number): void {
    const offs = this.specialOffs;
    let k = this.specialIdx;
    while (k < offs.length && offs[k]! <= upto) {
      this.errors.push({ offset: offs[k]!, msg: this.specialMsgs[k]! });
      k++;
    }
    this.specialIdx = k;
  }

  protected scanError(offset: number, msg: string): void {
    this.errors.push({ offset, msg });
  }

  /** Scans the next token into `tok`, `pos`, `end` and `lit`. */
  scan(): void {
    if (this.nlPos >= 0) {
      // the newline in a preceding general comment (on the comment's first line)
      this.tokLine = this.nlLine;
      this.tok = Token.SEMICOLON;
      this.pos = this.nlPos;
      this.end = this.nlPos + 1;
      this.lit = '\n';
      this.nlPos = -1;
      return;
    }
    if (this.utf16) {
      // go/scanner consumed all input as one invalid character
      this.utf16 = false;
      this.i = this.len;
      this.pos = 0;
      this.end = this.len;
      this.tokLine = 1;
      this.tok = Token.ILLEGAL;
      this.lit = '\uFFFD';
      this.scanError(0, "illegal character U+FFFD '\uFFFD'");
      return;
    }
    const src = this.src;
    const len = this.len;
    let i = this.i;
    // skip white space
    for (;;) {
      if (i >= len) break;
      const c = src.charCodeAt(i);
      if (c === C.SPACE || c === C.TAB || c === C.CR) {
        i++;
        continue;
      }
      if (c === C.LF && !this.insertSemi) {
        i++;
        this.line++;
        continue;
      }
      break;
    }
    this.pos = i;
    this.tokLine = this.line;
    if (i >= len) {
      this.i = i;
      this.end = i;
      if (this.specialIdx < this.specialOffs.length) this.flushSpecials(i);
      if (this.insertSemi) {
        this.insertSemi = false;
        this.tok = Token.SEMICOLON;
        this.lit = '\n';
        return;
      }
      this.tok = Token.EOF;
      this.lit = '';
      return;
    }
    const c = src.charCodeAt(i);
    let insertSemi = false;
    let tok: Token;
    let lit = '';
    if (c < 128 && (ASCII_CLASS[c]! & 1) !== 0) {
      // identifier or keyword, ASCII fast path
      let j = i + 1;
      let c2 = 0;
      let h = c;
      while (j < len && (c2 = src.charCodeAt(j)) < 128 && (ASCII_CLASS[c2]! & 2) !== 0) {
        h = (Math.imul(h, 31) + c2) | 0;
        j++;
      }
      if (j < len && c2 >= 128) {
        j = this.scanIdentTail(j);
        tok = Token.IDENT;
        insertSemi = true;
        lit = src.slice(i, j);
      } else {
        const n = j - i;
        tok = n > 1 && n < 12 && c >= C.LA ? keywordAt(src, i, n) : Token.IDENT;
        if (tok === Token.IDENT) {
          insertSemi = true;
          if (n === 1) {
            lit = src.slice(i, j); // V8 returns its cached one-character string
          } else {
            // interned name (names of 13 or more characters are sliced
            // strings that keep the source alive, as the tree does anyway;
            // sharing them saves 32 bytes per repetition)
            const table = this.intern;
            const slot = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
            const cand = table === null ? '' : table[slot]!;
            if (cand.length === n && sameText(cand, src, i)) {
              lit = cand;
            } else {
              lit = src.slice(i, j);
              if (table !== null) table[slot] = lit;
            }
          }
        } else {
          lit = TOKEN_STRINGS[tok]!;
          insertSemi = tok === Token.BREAK || tok === Token.CONTINUE || tok === Token.FALLTHROUGH || tok === Token.RETURN;
        }
      }
      i = j;
    } else if ((c >= C.D0 && c <= C.D9) || (c === C.DOT && i + 1 < len && isDigitCode(src.charCodeAt(i + 1)))) {
      insertSemi = true;
      // fast path: a plain decimal integer (or a lone 0) not followed by
      // anything that continues a number literal
      let j = i + 1;
      if (c !== C.DOT && c !== C.D0) while (j < len && isDigitCode(src.charCodeAt(j))) j++;
      const t = j < len ? src.charCodeAt(j) : -1;
      if (c !== C.DOT && !(t >= C.D0 && t <= C.D9) && t !== C.DOT && t !== C.UNDERSCORE && t !== 105 /* i */ && (t | 0x20) !== 101 /* e */ && (t | 0x20) !== 112 /* p */ && (c !== C.D0 || ((t | 0x20) !== 120 && (t | 0x20) !== 111 && (t | 0x20) !== 98))) {
        tok = Token.INT;
        i = j;
      } else {
        this.i = i;
        tok = this.scanNumber();
        i = this.i;
      }
      lit = src.slice(this.pos, i);
    } else if (c >= 128 && this.isLetterAt(i)) {
      const j = this.scanIdentTail(i);
      tok = Token.IDENT;
      insertSemi = true;
      lit = src.slice(i, j);
      i = j;
    } else {
      i++; // always make progress
      const n = i < len ? src.charCodeAt(i) : -1;
      switch (c) {
        case C.LF:
          this.insertSemi = false; // newline consumed
          this.line++;
          this.i = i;
          this.tok = Token.SEMICOLON;
          this.end = i;
          this.lit = '\n';
          this.flushSpecials(i);
          return;
        case C.DQUOTE:
          insertSemi = true;
          tok = Token.STRING;
          i = this.scanString(i);
          lit = src.slice(this.pos, i);
          break;
        case C.SQUOTE:
          insertSemi = true;
          tok = Token.CHAR;
          i = this.scanRune(i);
          lit = src.slice(this.pos, i);
          break;
        case C.BACKTICK: {
          insertSemi = true;
          tok = Token.STRING;
          const close = src.indexOf('`', i);
          if (close < 0) {
            this.scanError(this.pos, 'raw string literal not terminated');
            i = len;
          } else {
            i = close + 1;
          }
          this.line += this.countLF(this.pos, i);
          lit = src.slice(this.pos, i);
          if (lit.indexOf('\r') >= 0) lit = stripCR(lit, false);
          break;
        }
        case C.COLON:
          if (n === C.EQ) {
            i++;
            tok = Token.DEFINE;
          } else tok = Token.COLON;
          break;
        case C.DOT:
          tok = Token.PERIOD;
          if (n === C.DOT && i + 1 < len && src.charCodeAt(i + 1) === C.DOT) {
            i += 2;
            tok = Token.ELLIPSIS;
          }
          break;
        case C.COMMA:
          tok = Token.COMMA;
          break;
        case C.SEMI:
          tok = Token.SEMICOLON;
          lit = ';';
          break;
        case C.LPAREN:
          tok = Token.LPAREN;
          break;
        case C.RPAREN:
          insertSemi = true;
          tok = Token.RPAREN;
          break;
        case C.LBRACK:
          tok = Token.LBRACK;
          break;
        case C.RBRACK:
          insertSemi = true;
          tok = Token.RBRACK;
          break;
        case C.LBRACE:
          tok = Token.LBRACE;
          break;
        case C.RBRACE:
          insertSemi = true;
          tok = Token.RBRACE;
          break;
        case C.PLUS:
          if (n === C.EQ) {
            i++;
            tok = Token.ADD_ASSIGN;
          } else if (n === C.PLUS) {
            i++;
            tok = Token.INC;
            insertSemi = true;
          } else tok = Token.ADD;
          break;
        case C.MINUS:
          if (n === C.EQ) {
            i++;
            tok = Token.SUB_ASSIGN;
          } else if (n === C.MINUS) {
            i++;
            tok = Token.DEC;
            insertSemi = true;
          } else tok = Token.SUB;
          break;
        case C.STAR:
          if (n === C.EQ) {
            i++;
            tok = Token.MUL_ASSIGN;
          } else tok = Token.MUL;
          break;
        case C.SLASH:
          if (n === C.SLASH || n === C.STAR) {
            const nlOffset = n === C.SLASH ? this.scanLineComment(i + 1) : this.scanGeneralComment(i + 1);
            i = this.i;
            if (this.insertSemi && nlOffset !== 0) {
              this.nlPos = nlOffset;
              this.nlLine = this.tokLine;
              this.insertSemi = false;
            } else {
              insertSemi = this.insertSemi; // preserve insertSemi info
            }
            this.insertSemi = insertSemi;
            this.tok = Token.COMMENT;
            this.end = i;
            this.flushSpecials(i);
            return;
          }
          if (n === C.EQ) {
            i++;
            tok = Token.QUO_ASSIGN;
          } else tok = Token.QUO;
          break;
        case C.PERCENT:
          if (n === C.EQ) {
            i++;
            tok = Token.REM_ASSIGN;
          } else tok = Token.REM;
          break;
        case C.CARET:
          if (n === C.EQ) {
            i++;
            tok = Token.XOR_ASSIGN;
          } else tok = Token.XOR;
          break;
        case C.LT:
          if (n === C.MINUS) {
            i++;
            tok = Token.ARROW;
          } else if (n === C.EQ) {
            i++;
            tok = Token.LEQ;
          } else if (n === C.LT) {
            i++;
            if (i < len && src.charCodeAt(i) === C.EQ) {
              i++;
              tok = Token.SHL_ASSIGN;
            } else tok = Token.SHL;
          } else tok = Token.LSS;
          break;
        case C.GT:
          if (n === C.EQ) {
            i++;
            tok = Token.GEQ;
          } else if (n === C.GT) {
            i++;
            if (i < len && src.charCodeAt(i) === C.EQ) {
              i++;
              tok = Token.SHR_ASSIGN;
            } else tok = Token.SHR;
          } else tok = Token.GTR;
          break;
        case C.EQ:
          if (n === C.EQ) {
            i++;
            tok = Token.EQL;
          } else tok = Token.ASSIGN;
          break;
        case C.BANG:
          if (n === C.EQ) {
            i++;
            tok = Token.NEQ;
          } else tok = Token.NOT;
          break;
        case C.AMP:
          if (n === C.CARET) {
            i++;
            if (i < len && src.charCodeAt(i) === C.EQ) {
              i++;
              tok = Token.AND_NOT_ASSIGN;
            } else tok = Token.AND_NOT;
          } else if (n === C.EQ) {
            i++;
            tok = Token.AND_ASSIGN;
          } else if (n === C.AMP) {
            i++;
            tok = Token.LAND;
          } else tok = Token.AND;
          break;
        case C.PIPE:
          if (n === C.EQ) {
            i++;
            tok = Token.OR_ASSIGN;
          } else if (n === C.PIPE) {
            i++;
            tok = Token.LOR;
          } else tok = Token.OR;
          break;
        case C.TILDE:
          tok = Token.TILDE;
          break;
        default: {
          // illegal character (possibly a surrogate pair)
          let cp = c;
          if (c >= 0xd800 && c < 0xdc00 && n >= 0xdc00 && n < 0xe000) {
            cp = ((c - 0xd800) << 10) + (n - 0xdc00) + 0x10000;
            i++;
          }
          if (cp !== C.BOM) {
            if (cp === 0x201c || cp === 0x201d) {
              this.scanError(this.pos, `curly quotation mark ${quoteRune(cp)} (use neutral '"')`);
            } else {
              this.scanError(this.pos, `illegal character ${formatRuneU(cp)}`);
            }
          }
          insertSemi = this.insertSemi; // preserve insertSemi info
          tok = Token.ILLEGAL;
          lit = src.slice(this.pos, i);
        }
      }
    }
    this.i = i;
    this.end = i;
    this.tok = tok;
    this.lit = lit;
    this.insertSemi = insertSemi;
    if (this.specialIdx < this.specialOffs.length) this.flushSpecials(i);
  }

  /** Reads a code point at `j` (combining a surrogate pair). */
  private cpAt(j: number): number {
    const c = this.src.charCodeAt(j);
    if (c >= 0xd800 && c < 0xdc00 && j + 1 < this.len) {
      const d = this.src.charCodeAt(j + 1);
      if (d >= 0xdc00 && d < 0xe000) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
    return c;
  }

  private isLetterAt(j: number): boolean {
    return isUnicodeLetter(this.cpAt(j));
  }

  /** Continues an identifier at `j` (any characters); returns its end. */
  private scanIdentTail(j: number): number {
    const src = this.src;
    const len = this.len;
    while (j < len) {
      const c = src.charCodeAt(j);
      if (c < 128) {
        if ((ASCII_CLASS[c]! & 2) === 0) break;
        j++;
        continue;
      }
      const cp = this.cpAt(j);
      if (!isUnicodeLetter(cp) && !isUnicodeDigit(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    return j;
  }

  // ---------------------------------------------------------------------------
  // Comments

  /** `//` comment; `i` is just past `//`. Returns nlOffset (always 0). */
  private scanLineComment(i: number): number {
    const src = this.src;
    let nl = src.indexOf('\n', i);
    if (nl < 0) nl = this.len;
    const start = this.pos;
    let text = src.slice(start, nl);
    if (text.indexOf('\r') >= 0) {
      if (text.charCodeAt(text.length - 1) === C.CR) text = text.slice(0, -1);
      if (text.indexOf('\r') >= 0) text = stripCR(text, false);
    }
    // a //line directive at the start of a line
    if ((start === 0 || src.charCodeAt(start - 1) === C.LF) && text.startsWith('line ', 2)) {
      this.checkLineDirective(start, text);
    }
    this.lit = text;
    this.i = nl;
    return 0;
  }

  /** General comment; `i` is just past `/*`. Returns the first newline offset or 0. */
  private scanGeneralComment(i: number): number {
    const src = this.src;
    const start = this.pos;
    const close = src.indexOf('*/', i);
    let end: number;
    let valid = true;
    if (close < 0) {
      this.scanError(start, 'comment not terminated');
      end = this.len;
      valid = false;
    } else {
      end = close + 2;
    }
    let nlOffset = this.nextLF(i);
    if (nlOffset < 0 || nlOffset >= end) nlOffset = 0;
    else this.line += this.countLF(nlOffset, end);
    let text = src.slice(start, end);
    if (valid && text.startsWith('line ', 2)) this.checkLineDirective(start, text);
    if (text.indexOf('\r') >= 0) text = stripCR(text, true);
    this.lit = text;
    this.i = end;
    return nlOffset;
  }

  /** Reports the errors `go/scanner.updateLineInfo` reports for a bad //line directive. */
  private checkLineDirective(offs: number, text: string): void {
    if (text.charCodeAt(1) === C.STAR) text = text.slice(0, -2);
    text = text.slice(7);
    offs += 7;
    const t1 = trailingDigits(text);
    if (t1.i === 0) return; // not a line directive
    if (!t1.ok) {
      this.scanError(offs + t1.i, 'invalid line number: ' + text.slice(t1.i));
      return;
    }
    const maxLineCol = 1 << 30;
    let i = t1.i;
    let line: number;
    const t2 = trailingDigits(text.slice(0, i - 1));
    if (t2.ok) {
      const i2 = i;
      i = t2.i;
      line = t2.n;
      const col = t1.n;
      if (col === 0 || col > maxLineCol) {
        this.scanError(offs + i2, 'invalid column number: ' + text.slice(i2));
        return;
      }
      text = text.slice(0, i2 - 1); // lop off ":col"
    } else {
      line = t1.n;
    }
    if (line === 0 || line > maxLineCol) {
      this.scanError(offs + i, 'invalid line number: ' + text.slice(i));
    }
  }

  // ---------------------------------------------------------------------------
  // Literals

  /** Scans a number starting at this.i; leaves this.i after it. */
  private scanNumber(): Token {
    const src = this.src;
    const len = this.len;
    const offs = this.i;
    let i = this.i;
    let ch = src.charCodeAt(i);
    let tok = Token.ILLEGAL;
    let base = 10;
    let prefix = 0;
    let digsep = 0;
    let invalid = -1;

    if (ch !== C.DOT) {
      tok = Token.INT;
      if (ch === C.D0) {
        i++;
        ch = i < len ? src.charCodeAt(i) : -1;
        switch (ch | 0x20) {
          case 120: // x
            i++;
            base = 16;
            prefix = 120;
            break;
          case 111: // o
            i++;
            base = 8;
            prefix = 111;
            break;
          case 98: // b
            i++;
            base = 2;
            prefix = 98;
            break;
          default:
            base = 8;
            prefix = C.D0;
            digsep = 1; // leading 0
        }
      }
      // digits
      const r = this.digits(i, base, invalid);
      digsep |= r;
      i = this.i;
      invalid = this.invalidDigit;
    }
    ch = i < len ? src.charCodeAt(i) : -1;
    if (ch === C.DOT) {
      tok = Token.FLOAT;
      if (prefix === 111 || prefix === 98) this.scanError(i, 'invalid radix point in ' + litname(prefix));
      i++;
      digsep |= this.digits(i, base, invalid);
      i = this.i;
      invalid = this.invalidDigit;
    }
    if ((digsep & 1) === 0) this.scanError(i, litname(prefix) + ' has no digits');

    ch = i < len ? src.charCodeAt(i) : -1;
    const e = ch | 0x20;
    if (e === 101 || e === 112) {
      if (e === 101 && prefix !== 0 && prefix !== C.D0) {
        this.scanError(i, `${quoteRune(ch)} exponent requires decimal mantissa`);
      } else if (e === 112 && prefix !== 120) {
        this.scanError(i, `${quoteRune(ch)} exponent requires hexadecimal mantissa`);
      }
      i++;
      tok = Token.FLOAT;
      ch = i < len ? src.charCodeAt(i) : -1;
      if (ch === C.PLUS || ch === C.MINUS) i++;
      const ds = this.digits(i, 10, -2);
      i = this.i;
      digsep |= ds;
      if ((ds & 1) === 0) this.scanError(i, 'exponent has no digits');
    } else if (prefix === 120 && tok === Token.FLOAT) {
      this.scanError(i, "hexadecimal mantissa requires a 'p' exponent");
    }

    if (i < len && src.charCodeAt(i) === 105 /* i */) {
      tok = Token.IMAG;
      i++;
    }
    this.i = i;
    if (tok === Token.INT && invalid >= 0) {
      this.scanError(invalid, `invalid digit ${quoteRune(src.charCodeAt(invalid))} in ${litname(prefix)}`);
    }
    if ((digsep & 2) !== 0) {
      const k = invalidSep(src.slice(offs, i));
      if (k >= 0) this.scanError(offs + k, "'_' must separate successive digits");
    }
    return tok;
  }

  private invalidDigit = -1;
  // Cached position of the next '\n' at or after `lfFrom` (-1: none).
  // Offsets only grow, so the searches stay linear in total even when a
  // long line holds many general comments or raw strings.
  private lfFrom = -1;
  private lfPos = -1;

  /** Offset of the first '\n' at or after `from`, or -1. */
  private nextLF(from: number): number {
    if (this.lfFrom >= 0 && from >= this.lfFrom && (this.lfPos < 0 || from <= this.lfPos)) return this.lfPos;
    this.lfFrom = from;
    this.lfPos = this.src.indexOf('\n', from);
    return this.lfPos;
  }

  /** Number of '\n' in src[from, to). */
  private countLF(from: number, to: number): number {
    let n = 0;
    let k = this.nextLF(from);
    while (k >= 0 && k < to) {
      n++;
      k = this.nextLF(k + 1);
    }
    return n;
  }
  /** The input was UTF-16: one ILLEGAL token, then EOF (like go/scanner). */
  private utf16 = false;
  private nlLine = 0;

  /**
   * Scans digits and '_' from `i` (sets this.i); returns digsep bits.
   * `invalid` < -1 disables invalid-digit tracking; the result of tracking is
   * left in this.invalidDigit.
   */
  private digits(i: number, base: number, invalid: number): number {
    const src = this.src;
    const len = this.len;
    let digsep = 0;
    if (base <= 10) {
      const max = C.D0 + base;
      while (i < len) {
        const c = src.charCodeAt(i);
        if (c === C.UNDERSCORE) digsep |= 2;
        else if (c >= C.D0 && c <= C.D9) {
          digsep |= 1;
          if (c >= max && invalid === -1) invalid = i;
        } else break;
        i++;
      }
    } else {
      while (i < len) {
        const c = src.charCodeAt(i);
        if (c === C.UNDERSCORE) digsep |= 2;
        else if (isHexCode(c)) digsep |= 1;
        else break;
        i++;
      }
    }
    this.i = i;
    this.invalidDigit = invalid;
    return digsep;
  }

  /**
   * Scans an escape sequence; `i` is just past the backslash. Returns the
   * offset after it, or the negative of (offset + 1) when it is invalid.
   */
  private scanEscape(i: number, quote: number): number {
    const src = this.src;
    const len = this.len;
    const offs = i;
    const ch = i < len ? src.charCodeAt(i) : -1;
    let n: number;
    let base: number;
    let max: number;
    switch (ch) {
      case 97: // a
      case 98: // b
      case 102: // f
      case 110: // n
      case 114: // r
      case 116: // t
      case 118: // v
      case C.BACKSLASH:
        return i + 1;
      case C.D0:
      case C.D0 + 1:
      case C.D0 + 2:
      case C.D0 + 3:
      case C.D0 + 4:
      case C.D0 + 5:
      case C.D0 + 6:
      case C.D7:
        n = 3;
        base = 8;
        max = 255;
        break;
      case 120: // x
        i++;
        n = 2;
        base = 16;
        max = 255;
        break;
      case 117: // u
        i++;
        n = 4;
        base = 16;
        max = 0x10ffff;
        break;
      case 85: // U
        i++;
        n = 8;
        base = 16;
        max = 0x10ffff;
        break;
      default:
        if (ch === quote) return i + 1;
        this.scanError(offs, ch < 0 ? 'escape sequence not terminated' : 'unknown escape sequence');
        return -(i + 1);
    }
    let x = 0;
    while (n > 0) {
      const c = i < len ? src.charCodeAt(i) : -1;
      let d = 16;
      if (c >= C.D0 && c <= C.D9) d = c - C.D0;
      else if ((c | 0x20) >= C.LA && (c | 0x20) <= 102) d = (c | 0x20) - C.LA + 10;
      if (d >= base) {
        this.scanError(i, c < 0 ? 'escape sequence not terminated' : `illegal character ${formatRuneU(c < 0 ? c : this.cpAt(i))} in escape sequence`);
        return -(i + 1);
      }
      x = x * base + d;
      i++;
      n--;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.scanError(offs, 'escape sequence is invalid Unicode code point');
      return -(i + 1);
    }
    return i;
  }

  /** Interpreted string; `i` is just past the opening quote. Returns the end offset. */
  private scanString(i: number): number {
    const src = this.src;
    const len = this.len;
    for (;;) {
      if (i >= len) {
        this.scanError(this.pos, 'string literal not terminated');
        return i;
      }
      const ch = src.charCodeAt(i);
      if (ch === C.LF) {
        this.scanError(this.pos, 'string literal not terminated');
        return i;
      }
      i++;
      if (ch === C.DQUOTE) return i;
      if (ch === C.BACKSLASH) {
        const r = this.scanEscape(i, C.DQUOTE);
        i = r < 0 ? -r - 1 : r;
      }
    }
  }

  /** Rune literal; `i` is just past the opening quote. Returns the end offset. */
  private scanRune(i: number): number {
    const src = this.src;
    const len = this.len;
    const offs = this.pos;
    let valid = true;
    let n = 0;
    for (;;) {
      const ch = i < len ? src.charCodeAt(i) : -1;
      if (ch === C.LF || ch < 0) {
        if (valid) {
          this.scanError(offs, 'rune literal not terminated');
          valid = false;
        }
        break;
      }
      i++;
      if (ch === C.SQUOTE) break;
      n++;
      if (ch === C.BACKSLASH) {
        const r = this.scanEscape(i, C.SQUOTE);
        if (r < 0) {
          valid = false;
          i = -r - 1;
        } else i = r;
      } else if (ch >= 0xd800 && ch < 0xdc00 && i < len) {
        const d = src.charCodeAt(i);
        if (d >= 0xdc00 && d < 0xe000) i++; // one rune
      }
    }
    if (valid && n !== 1) this.scanError(offs, 'illegal rune literal');
    return i;
  }
}

function sameText(s: string, src: string, at: number): boolean {
  for (let k = 0; k < s.length; k++) {
    if (s.charCodeAt(k) !== src.charCodeAt(at + k)) return false;
  }
  return true;
}


function isDigitCode(c: number): boolean {
  return c >= C.D0 && c <= C.D9;
}

function trailingDigits(text: string): { i: number; n: number; ok: boolean } {
  const i = text.lastIndexOf(':');
  if (i < 0) return { i: 0, n: 0, ok: false };
  const digits = text.slice(i + 1);
  // strconv.ParseUint(s, 10, 0): decimal digits only, no sign, no '_'
  if (digits.length === 0 || !/^[0-9]+$/.test(digits)) return { i: i + 1, n: 0, ok: false };
  const n = Number(digits);
  if (n > 2 ** 64 - 1) return { i: i + 1, n: 0, ok: false };
  return { i: i + 1, n, ok: true };
}
