/**
 * Checkstyle XML: `<file name>` per file with an `<error>` per unsuppressed
 * finding (line, column in characters, severity error/warning/info,
 * message, source `redline.<rule>`). All text is XML-escaped.
 */
import type { Finding, Severity } from '../engine/finding.js';
import type { Reporter, ReportInput } from './types.js';
import { xmlEscape } from './xml.js';

const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'info',
};

/** Findings grouped by file, in the order given. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.location.file, [...(groups.get(f.location.file) ?? []), f]);
  return groups;
}

export const checkstyleReporter: Reporter = {
  name: 'checkstyle',
  description: 'Checkstyle XML',
  render(input: ReportInput): string {
    const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
    for (const [file, findings] of groupByFile(input.findings.filter((f) => f.suppression === undefined))) {
      out.push(`  <file name="${xmlEscape(file)}">`);
      for (const f of findings) {
        out.push(
          `    <error line="${f.location.line}" column="${f.location.column16}" severity="${SEVERITY[f.severity]}" message="${xmlEscape(f.message)}" source="${xmlEscape(`redline.${f.rule}`)}"/>`,
        );
      }
      out.push('  </file>');
    }
    out.push('</checkstyle>');
    return `${out.join('\n')}\n`;
  },
};
