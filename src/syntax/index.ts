/**
 * Redline's Go front end: `parseFile` and friends.
 */

import { Buffer, isUtf8 } from 'node:buffer';
import type { File, Node } from './ast.js';
import { parseOnLargeStack } from './large-stack.js';
import { MAX_DEPTH, Parser } from './parser.js';
import { PositionTable } from './position.js';
import { NODE_FIELDS } from './walk.js';

export * from './ast.js';
export { PositionTable, type LineCol } from './position.js';
export {
  Token,
  TOKEN_STRINGS,
  tokenString,
  precedence,
  lookupKeyword,
  isKeywordName,
  isLiteral,
  isOperator,
  isKeyword,
  LOWEST_PREC,
} from './token.js';
export { Scanner } from './scanner.js';
export {
  walk,
  forEachChild,
  childrenOf,
  Inspector,
  visitKinds,
  NODE_FIELDS,
  VISITOR_KEYS,
  NODE_KINDS,
  kindIndex,
  type WalkVisitor,
  type KindVisitors,
  type FieldType,
} from './walk.js';
export { MAX_DEPTH } from './parser.js';

/** A syntax error: offset into the source string, 1-based line and UTF-8 byte column, message. */
export interface SyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ParseFileResult {
  readonly file: File;
  /** Sorted by position; at most one parser error per line (scanner errors are all kept). */
  readonly errors: SyntaxError[];
  readonly positions: PositionTable;
  /** The source text (decoded when the input was bytes). */
  readonly source: string;
  /**
   * The deepest nesting the parser met: nested constructs, and each link of
   * chains like `a+b+c`, `x.f.g` or `A | B` (go/parser's nesting level,
   * plus union terms). The tree is at most a few levels deeper than this.
   */
  readonly nesting: number;
}

interface Decoded {
  text: string;
  invalid: number[];
  utf16: boolean;
}


/**
 * Decodes UTF-8 like Go's `utf8.DecodeRune`: each byte of an invalid
 * sequence becomes one U+FFFD, whose offset is recorded.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (isUtf8(bytes)) {
    const text = Buffer.isBuffer(bytes)
      ? bytes.toString('utf8')
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text, invalid: [], utf16 };
  }
  const invalid: number[] = [];
  const units: number[] = [];
  const chunks: string[] = [];
  let outLen = 0;
  const n = bytes.length;
  let i = 0;
  const flush = (): void => {
    chunks.push(String.fromCharCode.apply(null, units));
    units.length = 0;
  };
  while (i < n) {
    const b0 = bytes[i]!;
    let cp = -1;
    let w = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      const b1 = i + 1 < n ? bytes[i + 1]! : 0;
      if ((b1 & 0xc0) === 0x80) {
        cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
        w = 2;
      }
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = i + 1 < n ? bytes[i + 1]! : 0;
      const b2 = i + 2 < n ? bytes[i + 2]! : 0;
      const lo = b0 === 0xe0 ? 0xa0 : 0x80;
      const hi = b0 === 0xed ? 0x9f : 0xbf;
      if (b1 >= lo && b1 <= hi && (b2 & 0xc0) === 0x80) {
        cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        w = 3;
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = i + 1 < n ? bytes[i + 1]! : 0;
      const b2 = i + 2 < n ? bytes[i + 2]! : 0;
      const b3 = i + 3 < n ? bytes[i + 3]! : 0;
      const lo = b0 === 0xf0 ? 0x90 : 0x80;
      const hi = b0 === 0xf4 ? 0x8f : 0xbf;
      if (b1 >= lo && b1 <= hi && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80) {
        cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
        w = 4;
      }
    }
    if (cp < 0) {
      invalid.push(outLen);
      units.push(0xfffd);
      outLen++;
    } else if (cp > 0xffff) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      outLen += 2;
    } else {
      units.push(cp);
      outLen++;
    }
    i += w;
    if (units.length >= 8192) flush();
  }
  flush();
  return { text: chunks.join(''), invalid, utf16 };
}

/** What the parser found, before errors get lines and columns. */
export interface RawParse {
  readonly file: File;
  readonly errors: readonly { readonly offset: number; readonly msg: string }[];
  readonly nesting: number;
}

function decode(source: string | Uint8Array): Decoded {
  return typeof source === 'string' ? { text: source, invalid: [], utf16: false } : decodeUtf8(source);
}

/** Parses with a recursion budget: null when the file needs more (or more stack than this thread has). */
function parseWithin(d: Decoded, positions: PositionTable, maxDepth: number): RawParse | null {
  const parser = new Parser(d.text, positions, d.invalid, d.utf16, maxDepth);
  const file = parser.parseFile();
  return parser.outOfStack ? null : { file, errors: parser.errors, nesting: parser.maxNesting };
}

/**
 * The parse of a thread with a stack large enough for go/parser's nesting
 * limit (large-stack-worker.ts). Should its stack still overflow, the file
 * is reported as go/parser reports nesting beyond its limit.
 */
export function parseUnbounded(source: string | Uint8Array): RawParse {
  const d = decode(source);
  const parser = new Parser(d.text, new PositionTable(d.text, d.invalid), d.invalid, d.utf16, Infinity);
  const file = parser.parseFile();
  const errors = parser.outOfStack ? [...parser.errors, { offset: parser.stoppedAt, msg: 'exceeded max nesting depth' }] : parser.errors;
  return { file, errors, nesting: parser.maxNesting };
}

/**
 * Parses one Go source file. Never throws: syntax errors are returned, and
 * the tree is always well-formed (for a file that is not Go at all, or
 * whose package clause is broken, it is an empty `File` like go/parser's).
 * A file nested more deeply than this thread's stack follows (beyond
 * MAX_DEPTH levels of recursion, hundreds of nested blocks or parentheses)
 * is parsed on a helper thread with a larger stack: the result is the same
 * on every thread, up to go/parser's own nesting limit.
 */
export function parseFile(source: string | Uint8Array, filename = ''): ParseFileResult {
  void filename;
  const d = decode(source);
  const positions = new PositionTable(d.text, d.invalid);
  const { file, errors: raw, nesting } = parseWithin(d, positions, MAX_DEPTH) ?? parseOnLargeStack(source, d.text.length);
  const errors: SyntaxError[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i]!;
    const off = Math.min(Math.max(e.offset, 0), d.text.length);
    const p = positions.position(off);
    errors[i] = { offset: off, line: p.line, column: p.column, message: e.msg };
  }
  if (errors.length > 1) {
    errors.sort((a, b) => a.offset - b.offset || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  }
  return { file, errors, positions, source: d.text, nesting };
}

/**
 * Renders a tree as JSON for debugging (`redline ast FILE`): each node is an
 * object with `kind` first, then `pos` and `end` as "line:col" (UTF-8 byte
 * columns; "-" when absent), then its fields in go/ast order, with
 * positions rendered as "line:col" too. Iterative: any depth is fine
 * (indentation stops growing at depth 64).
 */
export function astToJSON(node: Node, positions: PositionTable, indent = 2): string {
  const out: string[] = [];
  // work stack: literal text, or a node to expand at a depth
  const stack: (string | [Node, number])[] = [[node, 0]];
  // indentation stops growing past depth 64 (keeps very deep trees linear in size)
  const pad = (d: number): string => (indent > 0 ? '\n' + ' '.repeat(indent * Math.min(d, 64)) : '');
  const sep = indent > 0 ? ': ' : ':';
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const [n, d] = item;
    const parts: (string | [Node, number])[] = [];
    const entry = (key: string, first: boolean): string => (first ? '{' : ',') + pad(d + 1) + JSON.stringify(key) + sep;
    parts.push(entry('kind', true) + JSON.stringify(n.kind));
    parts.push(entry('pos', false) + JSON.stringify(positions.lineCol(n.start)));
    parts.push(entry('end', false) + JSON.stringify(positions.lineCol(n.end)));
    const rec = n as unknown as Record<string, unknown>;
    for (const [name, type] of NODE_FIELDS[n.kind]) {
      const v = rec[name];
      const head = entry(name, false);
      if (type === 'pos') parts.push(head + JSON.stringify(positions.lineCol(v as number)));
      else if (type === 'node') {
        if (v === null || v === undefined) parts.push(head + 'null');
        else parts.push(head, [v as Node, d + 1]);
      } else if (type === 'list') {
        const l = v as Node[] | null;
        if (l === null) parts.push(head + 'null');
        else if (l.length === 0) parts.push(head + '[]');
        else {
          parts.push(head + '[');
          for (let i = 0; i < l.length; i++) {
            parts.push((i > 0 ? ',' : '') + pad(d + 2), [l[i]!, d + 2]);
          }
          parts.push(pad(d + 1) + ']');
        }
      } else parts.push(head + JSON.stringify(v));
    }
    parts.push(pad(d) + '}');
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  }
  return out.join('');
}
