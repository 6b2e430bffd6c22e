/**
 * The head of a Go file, read once during discovery for everything planning
 * needs: the build header (constraints, generated marker) and the package
 * clause and imports. Only a prefix of the file is read.
 */
import fs from 'node:fs';
import { scanImports, type ImportHeader } from '../syntax/header.js';
import { parseFileHeader, type FileHeader } from '../semantics/build-target.js';

export interface FileHead extends ImportHeader {
  readonly header: FileHeader;
}

const FIRST_READ = 8 * 1024;
/** The read buffer, reused from file to file (grown when a head needs more). */
let buffer = Buffer.allocUnsafe(FIRST_READ);

/**
 * Reads 8 KiB of the file, then four times more while the header or the
 * import declarations run to the end of what was read. Throws the `fs`
 * error when the file cannot be read.
 */
export function readFileHead(absPath: string): FileHead {
  const fd = fs.openSync(absPath, 'r');
  try {
    let size = FIRST_READ;
    for (;;) {
      if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
      const n = fs.readSync(fd, buffer, 0, size, 0);
      const head = fileHead(buffer.toString('utf8', 0, n));
      if (n < size || (head.header.codeLine !== undefined && head.complete)) return head;
      size *= 4;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The head of a whole source, or of a prefix of it (then `complete` tells whether the imports ended in it). */
export function fileHead(source: string): FileHead {
  return { header: parseFileHeader(headerText(source)), ...scanImports(source) };
}

/** The part of a source before its package clause (plus a little), where build constraints live. */
function headerText(source: string): string {
  const m = /^package[ \t]/m.exec(source);
  return m ? source.slice(0, m.index + 80) : source.slice(0, 16384);
}
