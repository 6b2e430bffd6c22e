/**
 * Source text as reporters may show or hash it: masked ranges (secrets)
 * replaced by `*`, one UTF-16 unit for one, so columns and lines keep their
 * meaning. Every reporter that touches source text goes through here.
 */
import type { Location, Span } from '../engine/finding.js';
import { tokenRanges } from '../rules/secrets/detect/tokens.js';
import type { ReportInput } from './types.js';

/** Replaces the text of `ranges` (UTF-16 columns) with `*`, keeping line breaks. */
export function maskText(text: string, ranges: readonly Span[]): string {
  if (ranges.length === 0) return text;
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column16: number) => {
    const lineStart = starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
    return Math.min(lineStart + Math.max(column16, 1) - 1, text.length);
  };
  // A range past the end of its line still masks to the line's end.
  return maskOffsets(text, ranges.map((r) => ({ start: offset(r.line, r.column16), end: r.endLine > starts.length ? text.length : offset(r.endLine, r.endColumn16) })));
}

/** Replaces the text of offset ranges with `*`, keeping line breaks. */
function maskOffsets(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split('');
  for (const r of ranges) for (let i = r.start; i < r.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '*';
  return chars.join('');
}

/** Lines of a text, without their `\n` or `\r\n`. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * Reads files through `input.readSource`, masking every masked range any
 * finding declares for the file (so a frame never shows another finding's
 * secret either), and every token of a known format and private key block
 * (a secret next to a finding, in a comment, or with the secrets rules
 * disabled). Cached per file.
 */
export function maskedSourceReader(input: ReportInput): (file: string) => string | undefined {
  const masked = new Map<string, Location[]>();
  for (const f of input.findings) {
    for (const m of f.masked) masked.set(m.file, [...(masked.get(m.file) ?? []), m]);
  }
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = input.readSource(file);
      cache.set(file, text === undefined ? undefined : maskText(maskOffsets(text, tokenRanges(text)), masked.get(file) ?? []));
    }
    return cache.get(file);
  };
}
