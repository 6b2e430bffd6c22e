/**
 * Go tokens, numbered like `go/token` (the numeric values are Redline's own;
 * only their grouping matters): literals, operators, keywords.
 */

export const enum Token {
  ILLEGAL = 0,
  EOF,
  COMMENT,

  // literals (IDENT .. STRING)
  IDENT,
  INT,
  FLOAT,
  IMAG,
  CHAR,
  STRING,

  // operators and delimiters (ADD .. TILDE)
  ADD, // +
  SUB, // -
  MUL, // *
  QUO, // /
  REM, // %

  AND, // &
  OR, // |
  XOR, // ^
  SHL, // <<
  SHR, // >>
  AND_NOT, // &^

  ADD_ASSIGN, // +=
  SUB_ASSIGN, // -=
  MUL_ASSIGN, // *=
  QUO_ASSIGN, // /=
  REM_ASSIGN, // %=

  AND_ASSIGN, // &=
  OR_ASSIGN, // |=
  XOR_ASSIGN, // ^=
  SHL_ASSIGN, // <<=
  SHR_ASSIGN, // >>=
  AND_NOT_ASSIGN, // &^=

  LAND, // &&
  LOR, // ||
  ARROW, // <-
  INC, // ++
  DEC, // --

  EQL, // ==
  LSS, // <
  GTR, // >
  ASSIGN, // =
  NOT, // !

  NEQ, // !=
  LEQ, // <=
  GEQ, // >=
  DEFINE, // :=
  ELLIPSIS, // ...

  LPAREN, // (
  LBRACK, // [
  LBRACE, // {
  COMMA, // ,
  PERIOD, // .

  RPAREN, // )
  RBRACK, // ]
  RBRACE, // }
  SEMICOLON, // ;
  COLON, // :
  TILDE, // ~

  // keywords (BREAK .. VAR)
  BREAK,
  CASE,
  CHAN,
  CONST,
  CONTINUE,

  DEFAULT,
  DEFER,
  ELSE,
  FALLTHROUGH,
  FOR,

  FUNC,
  GO,
  GOTO,
  IF,
  IMPORT,

  INTERFACE,
  MAP,
  PACKAGE,
  RANGE,
  RETURN,

  SELECT,
  STRUCT,
  SWITCH,
  TYPE,
  VAR,
}

/** Token spellings, like `token.Token.String()`. Indexed by `Token`. */
export const TOKEN_STRINGS: readonly string[] = [
  'ILLEGAL', 'EOF', 'COMMENT',
  'IDENT', 'INT', 'FLOAT', 'IMAG', 'CHAR', 'STRING',
  '+', '-', '*', '/', '%',
  '&', '|', '^', '<<', '>>', '&^',
  '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '<<=', '>>=', '&^=',
  '&&', '||', '<-', '++', '--',
  '==', '<', '>', '=', '!',
  '!=', '<=', '>=', ':=', '...',
  '(', '[', '{', ',', '.',
  ')', ']', '}', ';', ':', '~',
  'break', 'case', 'chan', 'const', 'continue',
  'default', 'defer', 'else', 'fallthrough', 'for',
  'func', 'go', 'goto', 'if', 'import',
  'interface', 'map', 'package', 'range', 'return',
  'select', 'struct', 'switch', 'type', 'var',
];

/** The spelling of a token (`token.Token.String()`). */
export function tokenString(tok: Token): string {
  return TOKEN_STRINGS[tok] ?? `token(${tok})`;
}

export function isLiteral(tok: Token): boolean {
  return tok >= Token.IDENT && tok <= Token.STRING;
}

export function isOperator(tok: Token): boolean {
  return tok >= Token.ADD && tok <= Token.TILDE;
}

export function isKeyword(tok: Token): boolean {
  return tok >= Token.BREAK && tok <= Token.VAR;
}

/** The lowest binary operator precedence, like `token.LowestPrec`. */
export const LOWEST_PREC = 0;

/** Binary operator precedence (`token.Token.Precedence()`); 0 for non-operators. */
export function precedence(tok: Token): number {
  switch (tok) {
    case Token.LOR:
      return 1;
    case Token.LAND:
      return 2;
    case Token.EQL:
    case Token.NEQ:
    case Token.LSS:
    case Token.LEQ:
    case Token.GTR:
    case Token.GEQ:
      return 3;
    case Token.ADD:
    case Token.SUB:
    case Token.OR:
    case Token.XOR:
      return 4;
    case Token.MUL:
    case Token.QUO:
    case Token.REM:
    case Token.SHL:
    case Token.SHR:
    case Token.AND:
    case Token.AND_NOT:
      return 5;
  }
  return LOWEST_PREC;
}

const KEYWORDS = new Map<string, Token>();
for (let t = Token.BREAK; t <= Token.VAR; t++) KEYWORDS.set(TOKEN_STRINGS[t]!, t);

/** `token.Lookup`: the keyword token for `name`, or IDENT. */
export function lookupKeyword(name: string): Token {
  return KEYWORDS.get(name) ?? Token.IDENT;
}

/** Reports whether `name` is a Go keyword. */
export function isKeywordName(name: string): boolean {
  return KEYWORDS.has(name);
}

/**
 * Keyword lookup straight from the source text without allocating:
 * `src[start, start+len)` is an ASCII identifier. Returns IDENT when it is
 * not a keyword. Dispatches on length and first character.
 */
export function keywordAt(src: string, start: number, len: number): Token {
  const c0 = src.charCodeAt(start);
  switch (len) {
    case 2:
      // go if
      if (c0 === 103 /* g */) return src.charCodeAt(start + 1) === 111 ? Token.GO : Token.IDENT;
      if (c0 === 105 /* i */) return src.charCodeAt(start + 1) === 102 ? Token.IF : Token.IDENT;
      return Token.IDENT;
    case 3:
      // for map var
      if (c0 === 102) return match(src, start, 'for') ? Token.FOR : Token.IDENT;
      if (c0 === 109) return match(src, start, 'map') ? Token.MAP : Token.IDENT;
      if (c0 === 118) return match(src, start, 'var') ? Token.VAR : Token.IDENT;
      return Token.IDENT;
    case 4:
      // case chan else func goto type
      switch (c0) {
        case 99:
          if (match(src, start, 'case')) return Token.CASE;
          return match(src, start, 'chan') ? Token.CHAN : Token.IDENT;
        case 101:
          return match(src, start, 'else') ? Token.ELSE : Token.IDENT;
        case 102:
          return match(src, start, 'func') ? Token.FUNC : Token.IDENT;
        case 103:
          return match(src, start, 'goto') ? Token.GOTO : Token.IDENT;
        case 116:
          return match(src, start, 'type') ? Token.TYPE : Token.IDENT;
      }
      return Token.IDENT;
    case 5:
      // break const defer range
      switch (c0) {
        case 98:
          return match(src, start, 'break') ? Token.BREAK : Token.IDENT;
        case 99:
          return match(src, start, 'const') ? Token.CONST : Token.IDENT;
        case 100:
          return match(src, start, 'defer') ? Token.DEFER : Token.IDENT;
        case 114:
          return match(src, start, 'range') ? Token.RANGE : Token.IDENT;
      }
      return Token.IDENT;
    case 6:
      // import return select struct switch
      switch (c0) {
        case 105:
          return match(src, start, 'import') ? Token.IMPORT : Token.IDENT;
        case 114:
          return match(src, start, 'return') ? Token.RETURN : Token.IDENT;
        case 115:
          if (match(src, start, 'select')) return Token.SELECT;
          if (match(src, start, 'struct')) return Token.STRUCT;
          return match(src, start, 'switch') ? Token.SWITCH : Token.IDENT;
      }
      return Token.IDENT;
    case 7:
      // default package
      if (c0 === 100) return match(src, start, 'default') ? Token.DEFAULT : Token.IDENT;
      if (c0 === 112) return match(src, start, 'package') ? Token.PACKAGE : Token.IDENT;
      return Token.IDENT;
    case 8:
      return c0 === 99 && match(src, start, 'continue') ? Token.CONTINUE : Token.IDENT;
    case 9:
      return c0 === 105 && match(src, start, 'interface') ? Token.INTERFACE : Token.IDENT;
    case 11:
      return c0 === 102 && match(src, start, 'fallthrough') ? Token.FALLTHROUGH : Token.IDENT;
  }
  return Token.IDENT;
}

function match(src: string, start: number, kw: string): boolean {
  for (let i = 1; i < kw.length; i++) {
    if (src.charCodeAt(start + i) !== kw.charCodeAt(i)) return false;
  }
  return true;
}
