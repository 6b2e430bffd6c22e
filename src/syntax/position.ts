/**
 * Offsets to lines and columns.
 *
 * Offsets are UTF-16 code-unit offsets into the source string. Lines are
 * 1-based. `column` counts UTF-8 bytes from the line start plus one, like
 * `go/token` (unadjusted: `//line` directives are ignored); `utf16Column`
 * counts UTF-16 code units plus one, for editors and SARIF.
 */

export interface LineCol {
  readonly line: number;
  readonly column: number;
}

export class PositionTable {
  private readonly src: string;
  private starts: Int32Array | null = null;
  private isAscii = false;
  /** Offsets of U+FFFD characters that stand for one invalid input byte. */
  private readonly invalid: ReadonlySet<number> | null;
  // the last line found (queries are mostly monotonic)
  private lastLine = 0;

  constructor(src: string, invalidUtf8: readonly number[] = []) {
    this.src = src;
    this.invalid = invalidUtf8.length > 0 ? new Set(invalidUtf8) : null;
  }

  /** Offset of the first character of each line; lineStarts[0] = 0. Built on first use. */
  get lineStarts(): Int32Array {
    return this.starts ?? this.build();
  }

  private get ascii(): boolean {
    if (this.starts === null) this.build();
    return this.isAscii;
  }

  private build(): Int32Array {
    const src = this.src;
    const starts: number[] = [0];
    let i = src.indexOf('\n');
    // like go/token, a final newline does not start a line (the end of
    // the file is the end of the last line)
    while (i >= 0 && i + 1 < src.length) {
      starts.push(i + 1);
      i = src.indexOf('\n', i + 1);
    }
    // eslint-disable-next-line no-control-regex
    this.isAscii = !/[^\x00-\x7f]/.test(src);
    this.starts = Int32Array.from(starts);
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line of an offset (clamped into the source). */
  line(offset: number): number {
    const starts = this.starts ?? this.build();
    const n = starts.length;
    let k = this.lastLine;
    if (starts[k]! <= offset && (k + 1 >= n || starts[k + 1]! > offset)) return k + 1;
    if (k + 1 < n && starts[k + 1]! <= offset && (k + 2 >= n || starts[k + 2]! > offset)) {
      this.lastLine = k + 1;
      return k + 2;
    }
    // binary search: last start <= offset
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
    this.lastLine = k;
    return k + 1;
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.src.length;
  }

  /** 1-based column in UTF-8 bytes, like go/token. */
  column(offset: number): number {
    const line = this.line(offset);
    const start = this.lineStarts[line - 1]!;
    if (this.ascii) return offset - start + 1;
    return this.utf8At(offset) - this.utf8At(start) + 1;
  }

  /** 1-based column in UTF-16 code units. */
  utf16Column(offset: number): number {
    return offset - this.lineStarts[this.line(offset) - 1]! + 1;
  }

  /** `{ line, column }` with the column in UTF-8 bytes. */
  position(offset: number): LineCol {
    return { line: this.line(offset), column: this.column(offset) };
  }

  /** `"line:col"` (UTF-8 byte column), or "-" for a negative offset. */
  lineCol(offset: number): string {
    if (offset < 0) return '-';
    return `${this.line(offset)}:${this.column(offset)}`;
  }

  // UTF-8 offsets of every 64th UTF-16 offset (non-ASCII sources only):
  // any column is then at most 64 code units of counting away.
  private checkpoints: Int32Array | null = null;

  /** UTF-8 byte offset of a UTF-16 offset. */
  private utf8At(x: number): number {
    const src = this.src;
    if (x > src.length) x = src.length;
    let cps = this.checkpoints;
    if (cps === null) {
      cps = new Int32Array((src.length >> 6) + 1);
      let b = 0;
      for (let k = 0; k < cps.length; k++) {
        cps[k] = b;
        const end = Math.min(src.length, (k + 1) << 6);
        for (let i = k << 6; i < end; i++) b += this.width(i);
      }
      this.checkpoints = cps;
    }
    let b = cps[x >> 6]!;
    for (let i = (x >> 6) << 6; i < x; i++) b += this.width(i);
    return b;
  }

  /** UTF-8 bytes contributed by the code unit at `i` (a surrogate pair counts 4 in all). */
  private width(i: number): number {
    const c = this.src.charCodeAt(i);
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (c >= 0xd800 && c < 0xdc00) {
      const d = this.src.charCodeAt(i + 1);
      return d >= 0xdc00 && d < 0xe000 ? 4 : 3;
    }
    if (c >= 0xdc00 && c < 0xe000) {
      const p = i > 0 ? this.src.charCodeAt(i - 1) : 0;
      return p >= 0xd800 && p < 0xdc00 ? 0 : 3;
    }
    if (c === 0xfffd && this.invalid !== null && this.invalid.has(i)) return 1; // one invalid input byte
    return 3;
  }
}
