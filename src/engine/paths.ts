/**
 * Path normalisation shared by every module that shows or compares paths.
 * Displayed and stored paths always use `/`, whatever the platform.
 */
import path from 'node:path';

/** Replaces the platform separator with `/`. */
export function toSlash(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/**
 * The path of `target` relative to the directory `from`, with `/`;
 * `.` when they are the same. May start with `../`.
 */
export function relativeSlash(from: string, target: string): string {
  const rel = toSlash(path.relative(from, target));
  return rel === '' ? '.' : rel;
}

/** Reports whether `p` is `dir` or lies below it (both absolute). */
export function isWithin(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Orders strings by UTF-16 code units: the locale-independent order of every sorted output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
