/**
 * Reads only the package clause and the import declarations of a Go file,
 * like go/parser's `ImportsOnly` mode. Used to plan a scan (package names
 * and the import graph) before any file is fully parsed.
 */
import { Scanner, type RawError } from './scanner.js';
import { Token } from './token.js';

export interface ImportHeader {
  /** The package name, or null when the file has no valid package clause. */
  readonly packageName: string | null;
  /** Import paths in source order. */
  readonly imports: readonly string[];
  /**
   * The scan stopped at a token after the imports (or at a syntax error),
   * not at the end of the source: for a prefix of a file, the imports are
   * all there.
   */
  readonly complete: boolean;
  /** The `#include "..."` paths of the cgo preamble (the comment before `import "C"`), in order. */
  readonly cIncludes: readonly string[];
}

export function scanImports(source: string): ImportHeader {
  const errors: RawError[] = [];
  const s = new Scanner(source, errors, [], false, false); // a header: names not interned
  /** Where the comments just before the current token start and end (`docStart` -1: none); nothing is copied until a preamble is asked for. */
  let docStart = -1;
  let docEnd = -1;
  /** Advances past comments and returns the new token (a call, so TypeScript does not narrow across it). */
  const next = (): Token => {
    docStart = -1;
    for (s.scan(); s.tok === Token.COMMENT; s.scan()) {
      if (docStart < 0) docStart = s.pos;
      docEnd = s.end;
    }
    return s.tok;
  };
  const cIncludes: string[] = [];
  const tok = (): Token => s.tok;
  if (next() !== Token.PACKAGE || next() !== Token.IDENT) return { packageName: null, imports: [], complete: s.tok !== Token.EOF, cIncludes };
  const packageName = s.lit;
  next();
  const imports: string[] = [];
  /** `doc`: the source range of the comments before the spec, or before `import` for a spec on its own. */
  const spec = (doc: readonly [number, number]): boolean => {
    if (tok() === Token.IDENT || tok() === Token.PERIOD) next();
    if (tok() !== Token.STRING) return false;
    const path = unquote(s.lit);
    imports.push(path);
    if (path === 'C' && doc[0] >= 0) for (const m of source.slice(doc[0], doc[1]).matchAll(PREAMBLE_INCLUDE)) cIncludes.push(m[1]!);
    next();
    return true;
  };
  while (tok() === Token.SEMICOLON) next();
  while (tok() === Token.IMPORT) {
    const doc = [docStart, docEnd] as const;
    if (next() === Token.LPAREN) {
      next();
      while (tok() !== Token.RPAREN && tok() !== Token.EOF) {
        if (!spec([docStart, docEnd])) break;
        while (tok() === Token.SEMICOLON) next();
      }
      next();
    } else if (!spec(doc)) break;
    while (tok() === Token.SEMICOLON) next();
  }
  return { packageName, imports, complete: s.tok !== Token.EOF, cIncludes };
}

/** `#include "path"` on a line of a line or block comment. */
const PREAMBLE_INCLUDE = /^[ \t]*(?:\/\/|\/\*)?[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm;

/** The value of an import path literal: quotes removed; `\` escapes are not valid in import paths. */
function unquote(lit: string): string {
  return lit.length >= 2 ? lit.slice(1, -1) : lit;
}
