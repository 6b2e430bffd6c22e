/**
 * The fixture harness: Go files under `testdata/` carry `// want "regexp"`
 * comments on the lines where findings must be reported. Each regexp must
 * match exactly one finding on its line (matched against `rule: message`),
 * and every finding must be wanted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../../src/syntax/index.js';
import type { Finding } from '../../src/engine/finding.js';

export interface Want {
  readonly file: string;
  readonly line: number;
  readonly pattern: RegExp;
}

const WANT = /^\/\/\s*want\s+(.*)$/;
const QUOTED = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;

/** The expectations of a Go file; `file` is how findings name it. */
export function wantsOf(absPath: string, file: string): Want[] {
  const { file: ast, positions } = parseFile(readFileSync(absPath), absPath);
  const wants: Want[] = [];
  for (const group of ast.comments) {
    for (const c of group.list) {
      const m = WANT.exec(c.text);
      if (!m) continue;
      const line = positions.line(c.start);
      for (const q of m[1]!.matchAll(QUOTED)) {
        const source = q[1] !== undefined ? (JSON.parse(`"${q[1]}"`) as string) : q[2]!;
        wants.push({ file, line, pattern: new RegExp(source) });
      }
    }
  }
  return wants;
}

/** Problems, one line each: wants no finding satisfied, and findings nobody wanted. */
export function compareWithWants(findings: readonly Finding[], wants: readonly Want[]): string[] {
  const problems: string[] = [];
  const unmatched = new Set(findings);
  for (const w of wants) {
    const hit = [...unmatched].find((f) => f.location.file === w.file && f.location.line === w.line && w.pattern.test(`${f.rule}: ${f.message}`));
    if (hit) unmatched.delete(hit);
    else problems.push(`${w.file}:${w.line}: no finding matched ${w.pattern}`);
  }
  for (const f of unmatched) problems.push(`${f.location.file}:${f.location.line}:${f.location.column}: unexpected ${f.rule}: ${f.message}`);
  return problems.sort();
}

/** Relative path with `/`, as findings name files. */
export function slash(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
