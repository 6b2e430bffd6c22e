import type { Finding, Location, RelatedLocation, Severity, SuggestedFix } from '../../src/engine/finding.js';

/**
 * The location of the `occurrence`-th `text` on 1-based `line` of `source`,
 * with UTF-8 byte columns and UTF-16 columns, like the parser's position table.
 */
export function locate(file: string, source: string, line: number, text: string, occurrence = 1): Location {
  const lineText = source.split('\n')[line - 1];
  if (lineText === undefined) throw new Error(`no line ${line}`);
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = lineText.indexOf(text, at + 1);
  if (at < 0) throw new Error(`${JSON.stringify(text)} not on line ${line}`);
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  return {
    file,
    line,
    endLine: line,
    column: bytes(lineText.slice(0, at)) + 1,
    endColumn: bytes(lineText.slice(0, at + text.length)) + 1,
    column16: at + 1,
    endColumn16: at + text.length + 1,
  };
}

export function related(loc: Location, message: string): RelatedLocation {
  return { ...loc, message };
}

export function makeFinding(over: Partial<Finding> & { location: Location; rule?: string; severity?: Severity }): Finding {
  return {
    rule: 'tls/insecure-skip-verify',
    severity: 'critical',
    message: 'TLS certificate verification is disabled',
    related: [],
    fingerprint: `fp-${over.location.file}-${over.location.line}`,
    fixes: [],
    masked: [],
    inTest: false,
    ...over,
  };
}

export function fix(message: string, location: Location, newText: string): SuggestedFix {
  return { message, edits: [{ location, newText }] };
}
