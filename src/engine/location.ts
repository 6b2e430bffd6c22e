/** Turning offsets of a file into the locations findings carry. */
import type { PositionTable } from '../syntax/position.js';
import type { Location, Span } from './finding.js';

/** The span of `[start, end)` in a file: 1-based lines, UTF-8 and UTF-16 columns, exclusive end. */
export function spanOf(positions: PositionTable, start: number, end: number): Span {
  const a = positions.position(start);
  const b = positions.position(Math.max(start, end));
  return {
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    column16: positions.utf16Column(start),
    endColumn16: positions.utf16Column(Math.max(start, end)),
  };
}

export function locationOf(file: string, positions: PositionTable, start: number, end: number): Location {
  return { file, ...spanOf(positions, start, end) };
}
