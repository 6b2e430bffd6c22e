/**
 * GitLab Code Quality (`artifacts:reports:codequality`): a JSON array with
 * `description`, `check_name`, `fingerprint`, `severity` and
 * `location.path` + `location.lines.begin`, no BOM. Fingerprints differ per
 * finding (GitLab merges equal ones): an MD5 of the rule, path and Redline
 * fingerprint, with an occurrence number if two findings still collide.
 * Suppressed findings are left out.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../engine/finding.js';
import type { Reporter, ReportInput } from './types.js';

const SEVERITY: Record<Severity, 'blocker' | 'critical' | 'major' | 'minor'> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
};

export const gitlabReporter: Reporter = {
  name: 'gitlab',
  description: 'GitLab Code Quality report (JSON)',
  render(input: ReportInput): string {
    const seen = new Map<string, number>();
    const issues = input.findings
      .filter((f) => f.suppression === undefined)
      .map((f) => {
        const base = `${f.rule}\0${f.location.file}\0${f.fingerprint}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        return {
          description: `${f.rule}: ${f.message}`,
          check_name: f.rule,
          fingerprint: createHash('md5').update(n === 0 ? base : `${base}\0${n}`).digest('hex'),
          severity: SEVERITY[f.severity],
          location: { path: f.location.file, lines: { begin: f.location.line, end: f.location.endLine } },
        };
      });
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};
