/**
 * Constant values and constant arithmetic (a small `go/constant`).
 * Integers are exact (`bigint`); floats are IEEE doubles (Go's are exact
 * rationals, so a float result is an approximation and only claimed for
 * simple cases).
 */
import type { BasicLit, BinaryOp, UnaryOp } from '../syntax/ast.js';

export type ConstValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'float'; readonly value: number };

/** JSON form of a constant: `"s:..."`, `"i:123"`, `"b:true"`, `"f:1.5"`. */
export type ConstJSON = string;

export function constToJSON(c: ConstValue): ConstJSON {
  switch (c.kind) {
    case 'string': return 's:' + c.value;
    case 'int': return 'i:' + c.value.toString();
    case 'bool': return 'b:' + c.value;
    case 'float': return 'f:' + c.value;
  }
}
export function constFromJSON(s: ConstJSON): ConstValue | undefined {
  const v = s.slice(2);
  switch (s[0]) {
    case 's': return { kind: 'string', value: v };
    case 'i': try { return { kind: 'int', value: BigInt(v) }; } catch { return undefined; }
    case 'b': return { kind: 'bool', value: v === 'true' };
    case 'f': return { kind: 'float', value: Number(v) };
    default: return undefined;
  }
}

export function constString(c: ConstValue): string {
  switch (c.kind) {
    case 'string': return JSON.stringify(c.value);
    case 'int': return c.value.toString();
    case 'bool': return String(c.value);
    case 'float': return String(c.value);
  }
}

export const intConst = (v: bigint | number): ConstValue => ({ kind: 'int', value: BigInt(v) });
export const strConst = (v: string): ConstValue => ({ kind: 'string', value: v });
export const boolConst = (v: boolean): ConstValue => ({ kind: 'bool', value: v });

/** The value of a basic literal (undefined for imaginary literals or malformed text). */
export function literalValue(lit: BasicLit): ConstValue | undefined {
  const text = lit.value;
  switch (lit.litKind) {
    case 'INT': {
      const t = text.replace(/_/g, '');
      try {
        if (/^0[0-7]+$/.test(t)) return intConst(BigInt('0o' + t.slice(1)));
        if (/^0[oO]/.test(t)) return intConst(BigInt('0o' + t.slice(2)));
        return intConst(BigInt(t));
      } catch {
        return undefined;
      }
    }
    case 'FLOAT': {
      const t = text.replace(/_/g, '');
      if (/^0[xX]/.test(t)) return hexFloat(t);
      const v = Number(t);
      return Number.isFinite(v) ? { kind: 'float', value: v } : undefined;
    }
    case 'CHAR': {
      const s = unquoteChar(text.slice(1, -1));
      return s === undefined ? undefined : intConst(s.codePointAt(0) ?? 0);
    }
    case 'STRING': {
      const s = unquote(text);
      return s === undefined ? undefined : strConst(s);
    }
    default:
      return undefined;
  }
}

function hexFloat(t: string): ConstValue | undefined {
  const m = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (!m) return undefined;
  const mant = parseInt((m[1] || '0') + (m[2] || ''), 16);
  const v = mant * Math.pow(2, Number(m[3]) - 4 * (m[2] ?? '').length);
  return { kind: 'float', value: v };
}

/** Unquotes a Go string literal (interpreted or raw). Strings are UTF-16 JS strings; invalid UTF-8 escapes map to U+FFFD. */
export function unquote(text: string): string | undefined {
  if (text.length < 2) return undefined;
  if (text[0] === '`') return text.slice(1, -1).replace(/\r/g, '');
  if (text[0] !== '"') return undefined;
  const body = text.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  const bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length) { out += Buffer.from(bytes).toString('utf8'); bytes.length = 0; }
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') { flush(); out += c; continue; }
    const e = body[++i];
    switch (e) {
      case 'n': flush(); out += '\n'; break;
      case 't': flush(); out += '\t'; break;
      case 'r': flush(); out += '\r'; break;
      case 'a': flush(); out += '\x07'; break;
      case 'b': flush(); out += '\b'; break;
      case 'f': flush(); out += '\f'; break;
      case 'v': flush(); out += '\v'; break;
      case '\\': flush(); out += '\\'; break;
      case '"': flush(); out += '"'; break;
      case "'": flush(); out += "'"; break;
      case 'x': bytes.push(parseInt(body.slice(i + 1, i + 3), 16)); i += 2; break;
      case 'u': flush(); out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16)); i += 4; break;
      case 'U': flush(); out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16)); i += 8; break;
      default:
        if (e !== undefined && e >= '0' && e <= '7') { bytes.push(parseInt(body.slice(i, i + 3), 8)); i += 2; break; }
        return undefined;
    }
  }
  flush();
  return out;
}

function unquoteChar(body: string): string | undefined {
  if (body[0] !== '\\') return body;
  if (body[1] === 'x' || (body[1]! >= '0' && body[1]! <= '7')) {
    const v = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 8);
    return String.fromCodePoint(v);
  }
  return unquote('"' + body + '"');
}

/** UTF-8 byte length of a string constant (Go's `len`). */
export function utf8Len(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function toFloat(c: ConstValue): number | undefined {
  if (c.kind === 'int') return Number(c.value);
  if (c.kind === 'float') return c.value;
  return undefined;
}

/**
 * Binary constant operation. `intDiv` selects integer division (both
 * operands integer-typed or untyped integers). Returns undefined for
 * division by zero or unsupported combinations.
 */
export function binaryOp(op: BinaryOp, x: ConstValue, y: ConstValue, intDiv: boolean): ConstValue | undefined {
  switch (op) {
    case '==': case '!=': case '<': case '<=': case '>': case '>=': return compare(op, x, y);
    case '&&': return x.kind === 'bool' && y.kind === 'bool' ? boolConst(x.value && y.value) : undefined;
    case '||': return x.kind === 'bool' && y.kind === 'bool' ? boolConst(x.value || y.value) : undefined;
    case '<<': case '>>': {
      if (y.kind !== 'int' && !(y.kind === 'float' && Number.isInteger(y.value))) return undefined;
      const s = y.kind === 'int' ? y.value : BigInt(y.value);
      if (s < 0n || s > 10000n) return undefined;
      const xv = x.kind === 'int' ? x.value : x.kind === 'float' && Number.isInteger(x.value) ? BigInt(x.value) : undefined;
      if (xv === undefined) return undefined;
      return intConst(op === '<<' ? xv << s : xv >> s);
    }
  }
  if (x.kind === 'string' && y.kind === 'string') return op === '+' ? strConst(x.value + y.value) : undefined;
  if (x.kind === 'int' && y.kind === 'int') {
    const a = x.value, b = y.value;
    switch (op) {
      case '+': return intConst(a + b);
      case '-': return intConst(a - b);
      case '*': return intConst(a * b);
      case '/':
        if (b === 0n) return undefined;
        if (intDiv) return intConst(a / b);
        return a % b === 0n ? intConst(a / b) : { kind: 'float', value: Number(a) / Number(b) };
      case '%': return b === 0n ? undefined : intConst(a % b);
      case '&': return intConst(a & b);
      case '|': return intConst(a | b);
      case '^': return intConst(a ^ b);
      case '&^': return intConst(a & ~b);
      default: return undefined;
    }
  }
  const a = toFloat(x), b = toFloat(y);
  if (a === undefined || b === undefined) return undefined;
  switch (op) {
    case '+': return { kind: 'float', value: a + b };
    case '-': return { kind: 'float', value: a - b };
    case '*': return { kind: 'float', value: a * b };
    case '/': return b === 0 ? undefined : { kind: 'float', value: a / b };
    default: return undefined;
  }
}

function compare(op: BinaryOp, x: ConstValue, y: ConstValue): ConstValue | undefined {
  let c: number;
  if (x.kind === 'string' && y.kind === 'string') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else if (x.kind === 'bool' && y.kind === 'bool') {
    if (op !== '==' && op !== '!=') return undefined;
    c = x.value === y.value ? 0 : 1;
  } else if (x.kind === 'int' && y.kind === 'int') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else {
    const a = toFloat(x), b = toFloat(y);
    if (a === undefined || b === undefined) return undefined;
    c = a < b ? -1 : a > b ? 1 : 0;
  }
  switch (op) {
    case '==': return boolConst(c === 0);
    case '!=': return boolConst(c !== 0);
    case '<': return boolConst(c < 0);
    case '<=': return boolConst(c <= 0);
    case '>': return boolConst(c > 0);
    case '>=': return boolConst(c >= 0);
    default: return undefined;
  }
}

/** Unary constant operation; `bits`/`unsigned` give the size of a typed operand for `^`. */
export function unaryOp(op: UnaryOp, x: ConstValue, bits?: number, unsigned?: boolean): ConstValue | undefined {
  switch (op) {
    case '+': return x.kind === 'int' || x.kind === 'float' ? x : undefined;
    case '-':
      if (x.kind === 'int') return intConst(-x.value);
      if (x.kind === 'float') return { kind: 'float', value: -x.value };
      return undefined;
    case '!': return x.kind === 'bool' ? boolConst(!x.value) : undefined;
    case '^':
      if (x.kind !== 'int') return undefined;
      if (unsigned && bits) return intConst(x.value ^ ((1n << BigInt(bits)) - 1n));
      return intConst(~x.value);
    default: return undefined;
  }
}

/** Size in bits and signedness of an integer basic type name. */
export function intTypeInfo(name: string): { bits: number; unsigned: boolean } | undefined {
  const m = /^(u?)int(8|16|32|64|ptr)?$/.exec(name);
  if (!m) return undefined;
  const bits = m[2] === undefined || m[2] === 'ptr' ? 64 : Number(m[2]);
  return { bits, unsigned: m[1] === 'u' || m[2] === 'ptr' };
}
