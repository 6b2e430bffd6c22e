import { PositionTable } from '../../src/syntax/position.js';
import { Scanner, type RawError } from '../../src/syntax/scanner.js';
import { Token, TOKEN_STRINGS } from '../../src/syntax/token.js';
import { decodeUtf8 } from '../../src/syntax/index.js';

export interface Scanned {
  toks: string[];
  errs: string[];
}

/** Scans all tokens: "line:col TOK lit" and "line:col: msg" like go/scanner's test output. */
export function scanAll(input: string | Uint8Array): Scanned {
  let src: string;
  let invalid: number[] = [];
  let utf16 = false;
  if (typeof input === 'string') src = input;
  else ({ text: src, invalid, utf16 } = decodeUtf8(input));
  const errors: RawError[] = [];
  const s = new Scanner(src, errors, invalid, utf16);
  const pt = new PositionTable(src, invalid);
  const toks: string[] = [];
  for (let guard = 0; guard < src.length + 10; guard++) {
    s.scan();
    if (s.tok === Token.EOF) break;
    toks.push(`${pt.lineCol(s.pos)} ${TOKEN_STRINGS[s.tok]} ${JSON.stringify(s.lit)}`);
  }
  return { toks, errs: errors.map((e) => `${pt.lineCol(e.offset)}: ${e.msg}`) };
}
