/**
 * Machine-readable JSON:
 *
 *     { "tool": { "name", "version" },
 *       "findings": [{ "rule", "severity", "message", "file", "line", "column",
 *                      "endLine", "endColumn", "fingerprint",
 *                      "related": [{ "file", "line", "column", "message" }],
 *                      "fixes"?: [{ "message", "edits": [{ "file", "line", "column", "endLine", "endColumn", "newText" }] }],
 *                      "suppressed"?: { "kind", "justification" } }],
 *       "summary": { … } }
 *
 * `file` is relative to the working directory, with `/`. Lines are 1-based;
 * columns are 1-based and count UTF-8 bytes, like go vet; end columns are
 * exclusive. Suppressed findings are included and carry `suppressed`.
 */
import { type Finding, type Location, SEVERITIES } from '../engine/finding.js';
import type { Reporter, ReportInput, ReportSummary } from './types.js';

function range(l: Location) {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...range(f.location),
    fingerprint: f.fingerprint,
    related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })),
    ...(f.fixes.length > 0 && {
      fixes: f.fixes.map((x) => ({ message: x.message, edits: x.edits.map((e) => ({ ...range(e.location), newText: e.newText })) })),
    }),
    ...(f.suppression && { suppressed: { kind: f.suppression.kind, justification: f.suppression.justification } }),
  };
}

/** The summary with its keys in a fixed order. */
function summaryJson(s: ReportSummary) {
  return {
    files: s.files,
    packages: s.packages,
    bytes: s.bytes,
    durationMs: s.durationMs,
    bySeverity: Object.fromEntries(SEVERITIES.map((sev) => [sev, s.bySeverity[sev]])),
    suppressed: s.suppressed,
    baselined: s.baselined,
    parseErrors: s.parseErrors,
    staleBaselineEntries: s.staleBaselineEntries,
    contextFiles: s.contextFiles,
    notBuilt: { files: s.notBuilt.files, target: s.notBuilt.target, byTags: s.notBuilt.byTags },
  };
}

export const jsonReporter: Reporter = {
  name: 'json',
  description: 'JSON: findings with UTF-8 byte columns, and the summary',
  render(input: ReportInput): string {
    const out = {
      tool: { name: input.tool.name, version: input.tool.version },
      findings: input.findings.map(findingJson),
      summary: summaryJson(input.summary),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
