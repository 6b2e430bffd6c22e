/**
 * reviewdog's rdjson (`reviewdog -f=rdjson`): one DiagnosticResult with a
 * diagnostic per unsuppressed finding. Columns count UTF-8 bytes and end
 * positions are exclusive, as rdjson specifies. Edits of the first fix in
 * the finding's file become suggestions.
 */
import type { Location, Severity } from '../engine/finding.js';
import { ruleHelpUri } from './rule-docs.js';
import type { Reporter, ReportInput } from './types.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = {
  critical: 'ERROR',
  high: 'ERROR',
  medium: 'WARNING',
  low: 'INFO',
};

function range(l: Location) {
  return { start: { line: l.line, column: l.column }, end: { line: l.endLine, column: l.endColumn } };
}

export const rdjsonReporter: Reporter = {
  name: 'rdjson',
  description: 'reviewdog rdjson (DiagnosticResult)',
  render(input: ReportInput): string {
    const source = { name: input.tool.name, url: input.tool.informationUri };
    const diagnostics = input.findings
      .filter((f) => f.suppression === undefined)
      .map((f) => {
        const edits = (f.fixes[0]?.edits ?? []).filter((e) => e.location.file === f.location.file);
        return {
          message: f.message,
          location: { path: f.location.file, range: range(f.location) },
          severity: SEVERITY[f.severity],
          source,
          code: { value: f.rule, url: ruleHelpUri(f.rule) },
          ...(edits.length > 0 && { suggestions: edits.map((e) => ({ range: range(e.location), text: e.newText })) }),
          ...(f.related.length > 0 && {
            related_locations: f.related.map((r) => ({ message: r.message, location: { path: r.file, range: range(r) } })),
          }),
        };
      });
    return `${JSON.stringify({ source, diagnostics }, null, 2)}\n`;
  },
};
