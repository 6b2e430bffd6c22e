/**
 * `redline ast FILE`: the syntax tree of one file as JSON, for rule authors.
 * Syntax errors go to stderr as `file:line:col: message`; the tree of what
 * could be parsed is printed anyway.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../engine/errors.js';
import { astToJSON, parseFile } from '../syntax/index.js';
import type { CliIO } from './io.js';

export interface AstResult {
  readonly json: string;
  readonly errors: readonly string[];
}

export function astOfFile(io: CliIO, file: string): AstResult {
  const abs = path.resolve(io.cwd, file);
  const bytes = readInput(abs, file);
  const { file: tree, errors, positions } = parseFile(bytes, abs);
  return {
    json: `${astToJSON(tree, positions)}\n`,
    errors: errors.map((e) => `${file}:${e.line}:${e.column}: ${e.message}`),
  };
}

function readInput(abs: string, shown: string): Uint8Array {
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    throw new InputError('unreadable-file', [{ message: `${shown}: no such file` }]);
  }
  if (stat.isDirectory()) throw new InputError('unreadable-file', [{ message: `${shown}: is a directory; give one .go file` }]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new InputError('unreadable-file', [{ message: `${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  if (looksBinary(bytes)) throw new InputError('unreadable-file', [{ message: `${shown}: looks like a binary file, not Go source` }]);
  return bytes;
}

/**
 * Many control bytes in the first 8 KiB. A stray NUL in a text file is a
 * syntax error the parser reports, not a reason to refuse the file.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control > 8 && control / n > 0.05;
}
