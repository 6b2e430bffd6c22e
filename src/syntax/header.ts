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
}

export function scanImports(source: string): ImportHeader {
  const errors: RawError[] = [];
  const s = new Scanner(source, errors, [], false, false); // a header: names not interned
  /** Advances past comments and returns the new token (a call, so TypeScript does not narrow across it). */
  const next = (): Token => {
    do s.scan();
    while (s.tok === Token.COMMENT);
    return s.tok;
  };
  const tok = (): Token => s.tok;
  if (next() !== Token.PACKAGE || next() !== Token.IDENT) return { packageName: null, imports: [], complete: s.tok !== Token.EOF };
  const packageName = s.lit;
  next();
  const imports: string[] = [];
  const spec = (): boolean => {
    if (tok() === Token.IDENT || tok() === Token.PERIOD) next();
    if (tok() !== Token.STRING) return false;
    imports.push(unquote(s.lit));
    next();
    return true;
  };
  while (tok() === Token.SEMICOLON) next();
  while (tok() === Token.IMPORT) {
    if (next() === Token.LPAREN) {
      next();
      while (tok() !== Token.RPAREN && tok() !== Token.EOF) {
        if (!spec()) break;
        while (tok() === Token.SEMICOLON) next();
      }
      next();
    } else if (!spec()) break;
    while (tok() === Token.SEMICOLON) next();
  }
  return { packageName, imports, complete: s.tok !== Token.EOF };
}

/** The value of an import path literal: quotes removed; `\` escapes are not valid in import paths. */
function unquote(lit: string): string {
  return lit.length >= 2 ? lit.slice(1, -1) : lit;
}
