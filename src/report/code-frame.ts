/**
 * Code frames for the terminal: a few lines around a range, a gutter with
 * line numbers, the range underlined `^~~~`. Tabs expand to 4-column stops,
 * wide characters take two columns, long lines are clipped around the
 * range, and control or bidirectional-override characters are shown as `?`
 * so source text can never drive the terminal. Callers pass masked text.
 */
import type { Span } from '../engine/finding.js';

export interface FrameOptions {
  /** Context lines before and after the range. */
  readonly before?: number;
  readonly after?: number;
  /** Width of the code column before clipping. */
  readonly maxWidth?: number;
  /** Styles for the gutter and the underline (identity by default). */
  readonly dim?: (s: string) => string;
  readonly mark?: (s: string) => string;
}

const TAB_STOP = 4;
/** Lines of a long range shown at its start and at its end. */
const HEAD_LINES = 3;
const TAIL_LINES = 2;

const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]$/u;

/** One display cell per column; a wide character is followed by an empty continuation cell. */
interface Cells {
  readonly cells: string[];
  /** Display column of each UTF-16 index of the line (and of its end). */
  readonly columnAt: number[];
}

function toCells(line: string): Cells {
  const cells: string[] = [];
  const columnAt: number[] = [];
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    columnAt[i] = cells.length;
    if (ch.length === 2) columnAt[i + 1] = cells.length;
    if (ch === '\t') {
      const n = TAB_STOP - (cells.length % TAB_STOP);
      for (let k = 0; k < n; k++) cells.push(' ');
    } else if (UNSAFE.test(ch)) {
      cells.push('?');
    } else if (ZERO_WIDTH.test(ch)) {
      if (cells.length > 0) cells[cells.length - 1] += ch;
      else cells.push(ch);
    } else if (WIDE.test(ch)) {
      cells.push(ch, '');
    } else {
      cells.push(ch);
    }
    i += ch.length;
  }
  columnAt[line.length] = cells.length;
  return { cells, columnAt };
}

/** Renders a frame of `lines` (1-based `span` lines, UTF-16 columns); empty when the span is outside the text. */
export function codeFrame(lines: readonly string[], span: Span, options: FrameOptions = {}): string[] {
  const before = options.before ?? 2;
  const after = options.after ?? 1;
  const maxWidth = options.maxWidth ?? 100;
  const dim = options.dim ?? ((s: string) => s);
  const mark = options.mark ?? ((s: string) => s);
  if (span.line < 1 || span.line > lines.length) return [];
  const first = span.line;
  const last = Math.min(Math.max(span.endLine, first), lines.length);

  // Which lines to show; a long range shows its head and tail.
  const shown: (number | 'gap')[] = [];
  for (let n = Math.max(1, first - before); n < first; n++) shown.push(n);
  if (last - first + 1 > HEAD_LINES + TAIL_LINES + 1) {
    for (let n = first; n < first + HEAD_LINES; n++) shown.push(n);
    shown.push('gap');
    for (let n = last - TAIL_LINES + 1; n <= last; n++) shown.push(n);
  } else {
    for (let n = first; n <= last; n++) shown.push(n);
  }
  for (let n = last + 1; n <= Math.min(lines.length, last + after); n++) shown.push(n);

  const cells = new Map<number, Cells>();
  const cellsOf = (n: number) => {
    let c = cells.get(n);
    if (!c) {
      c = toCells(lines[n - 1]!);
      cells.set(n, c);
    }
    return c;
  };
  const colOf = (n: number, column16: number) => {
    const c = cellsOf(n);
    const i = Math.min(Math.max(column16 - 1, 0), lines[n - 1]!.length);
    return c.columnAt[i] ?? c.cells.length;
  };
  /** Underlined display columns of line n: [from, to). */
  const underline = (n: number): [number, number] | undefined => {
    if (n < first || n > last) return undefined;
    // Continuation lines are underlined from their first non-blank character.
    const from = n === first ? colOf(n, span.column16) : colOf(n, lines[n - 1]!.search(/\S|$/) + 1);
    const to = n === last && span.endLine <= lines.length ? colOf(n, span.endColumn16) : cellsOf(n).cells.length;
    if (to > from) return [from, to];
    return n === first ? [from, from + 1] : undefined;
  };

  // Clip every line to the same window, which shows the start of the range.
  const start = colOf(first, span.column16);
  const offset = start + 10 > maxWidth ? start - Math.floor(maxWidth / 4) : 0;
  const clip = (row: readonly string[], ellipsis: boolean) => {
    const part = row.slice(offset, offset + maxWidth);
    if (part[0] === '') part[0] = ' '; // the second half of a clipped wide character
    if (ellipsis && offset > 0 && part.length > 0) part[0] = '…';
    if (ellipsis && row.length > offset + maxWidth) part[part.length - 1] = '…';
    return part.join('');
  };

  const width = String(shown.reduce<number>((m, n) => (n === 'gap' ? m : Math.max(m, n)), 0)).length;
  const out: string[] = [];
  for (const n of shown) {
    if (n === 'gap') {
      out.push(dim(`  ${' '.repeat(width)} ⋮`));
      continue;
    }
    const inRange = n >= first && n <= last;
    const c = cellsOf(n);
    out.push(`${inRange ? mark('>') : ' '} ${dim(`${String(n).padStart(width)} │`)} ${clip(c.cells, true)}`.trimEnd());
    const u = underline(n);
    if (u) {
      const row = new Array<string>(Math.max(u[1], c.cells.length)).fill(' ');
      for (let k = u[0]; k < u[1]; k++) row[k] = k === u[0] && n === first ? '^' : '~';
      out.push(`  ${dim(`${' '.repeat(width)} │`)} ${mark(clip(row, false).trimEnd())}`);
    }
  }
  return out;
}
