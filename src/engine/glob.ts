/**
 * The one path-glob matcher of Redline (policy `exclude:`, CLI excludes).
 *
 * Patterns are matched against a path relative to a base directory (the
 * directory of redline.yaml, or the current directory), with `/`:
 * - `*` matches within one path element, `?` one character, `[a-z]` / `[!a-z]`
 *   a character class, `{a,b}` alternatives, `\x` a literal `x`;
 * - `**` as a whole path element matches any number of elements (zero too);
 * - a pattern without `/` (or only a trailing one) matches at any depth:
 *   `*_mock.go`, `gen/`;
 * - a pattern with a `/` is anchored at the base directory: `internal/legacy`,
 *   `./cmd/**`, `/tools` (a leading `./` or `/` only anchors);
 * - a pattern that matches a directory matches everything below it.
 * Negation (`!x`) is not supported.
 */
import path from 'node:path';
import { GlobError } from './errors.js';
import { relativeSlash } from './paths.js';

export type GlobResult = { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly error: string };

const ESCAPE = /[.+^$()|{}[\]\\*?/]/g;
const escapeChar = (c: string) => c.replace(ESCAPE, '\\$&');

/** Compiles a pattern to a regular expression tested against `relativePath + '/'`. */
export function compileGlob(pattern: string): GlobResult {
  if (pattern.trim() === '') return { ok: false, error: 'empty pattern' };
  if (pattern.startsWith('!')) return { ok: false, error: 'negated patterns ("!x") are not supported' };
  let p = pattern;
  let anchored = false;
  if (p.startsWith('./')) {
    p = p.slice(2);
    anchored = true;
  } else if (p.startsWith('/')) {
    p = p.slice(1);
    anchored = true;
  }
  if (p.endsWith('/')) p = p.slice(0, -1);
  if (p.includes('/')) anchored = true;
  if (p === '') return { ok: false, error: 'pattern names no path' };
  let body = '';
  for (const segment of p.split('/')) {
    if (segment === '') return { ok: false, error: 'empty path element ("//")' };
    if (segment === '**') {
      body += '(?:[^/]*/)*';
      continue;
    }
    const compiled = compileSegment(segment);
    if (!compiled.ok) return compiled;
    body += `${compiled.source}/`;
  }
  const prefix = anchored ? '' : '(?:[^/]*/)*';
  return { ok: true, regex: new RegExp(`^${prefix}${body}.*$`, 's') };
}

function compileSegment(segment: string): { ok: true; source: string } | { ok: false; error: string } {
  let out = '';
  let i = 0;
  const braces: number[] = [];
  while (i < segment.length) {
    const c = segment[i]!;
    if (c === '\\') {
      if (i + 1 >= segment.length) return { ok: false, error: 'pattern ends with a lone "\\"' };
      out += escapeChar(segment[i + 1]!);
      i += 2;
      continue;
    }
    if (c === '*') {
      while (segment[i] === '*') i++;
      out += '[^/]*';
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      i++;
      continue;
    }
    if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) return { ok: false, error: 'unterminated character class "["' };
      let cls = segment.slice(i + 1, close);
      const negated = cls.startsWith('!') || cls.startsWith('^');
      if (negated) cls = cls.slice(1);
      if (cls === '') return { ok: false, error: 'empty character class "[]"' };
      out += `[${negated ? '^/' : ''}${cls.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close + 1;
      continue;
    }
    if (c === '{') {
      braces.push(i);
      out += '(?:';
      i++;
      continue;
    }
    if (c === ',' && braces.length > 0) {
      out += '|';
      i++;
      continue;
    }
    if (c === '}' && braces.length > 0) {
      braces.pop();
      out += ')';
      i++;
      continue;
    }
    out += escapeChar(c);
    i++;
  }
  if (braces.length > 0) return { ok: false, error: 'unterminated alternatives "{"' };
  return { ok: true, source: out };
}

/** A compiled set of patterns relative to `baseDir`. */
export interface PathMatcher {
  readonly baseDir: string;
  readonly patterns: readonly string[];
  /** The first pattern matching the absolute path, or undefined. Paths outside `baseDir` never match. */
  match(absPath: string): string | undefined;
}

/**
 * Compiles patterns relative to an absolute base directory. Throws a
 * `GlobError` listing every invalid pattern (the policy loader checks its
 * patterns first with `compileGlob` to report them with a position).
 */
export function createPathMatcher(patterns: readonly string[], baseDir: string): PathMatcher {
  const results = patterns.map((pattern) => ({ pattern, result: compileGlob(pattern) }));
  const bad = results.flatMap(({ pattern, result }) => (result.ok ? [] : [{ message: `invalid glob ${JSON.stringify(pattern)}: ${result.error}` }]));
  if (bad.length > 0) throw new GlobError(bad);
  const compiled = results.map(({ pattern, result }) => ({ pattern, regex: (result as { ok: true; regex: RegExp }).regex }));
  return {
    baseDir,
    patterns,
    match(absPath: string): string | undefined {
      const rel = relativeSlash(baseDir, path.resolve(absPath));
      if (rel === '.' || rel.startsWith('../') || rel === '..') return undefined;
      const subject = `${rel}/`;
      return compiled.find((c) => c.regex.test(subject))?.pattern;
    },
  };
}
