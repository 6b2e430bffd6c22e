/**
 * GitHub Actions workflow commands, one annotation per unsuppressed finding:
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
 * Critical and high findings are errors, medium warnings, low notices.
 * Columns are characters (UTF-16 units). GitHub shows only the first few
 * annotations of a step: upload SARIF for the full list.
 */
import type { Severity } from '../engine/finding.js';
import type { Reporter, ReportInput } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
};

/** Escapes a command's message: `%`, `\r`, `\n`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubReporter: Reporter = {
  name: 'github',
  description: 'GitHub Actions annotations (workflow commands)',
  render(input: ReportInput): string {
    const lines = input.findings
      .filter((f) => f.suppression === undefined)
      .map((f) => {
        const l = f.location;
        const props = [
          `file=${escapeProperty(l.file)}`,
          `line=${l.line}`,
          `endLine=${l.endLine}`,
          `col=${l.column16}`,
          `endColumn=${l.endColumn16}`,
          `title=${escapeProperty(`${f.rule} (${f.severity})`)}`,
        ];
        return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
      });
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
};
