/**
 * The one interface every output format implements, and its input.
 */
import type { Finding, Severity } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule-meta.js';
import type { NotBuilt } from '../engine/scan-plan.js';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

export interface ReportSummary {
  /** Files scanned. */
  readonly files: number;
  readonly packages: number;
  /** Bytes of source scanned. */
  readonly bytes: number;
  readonly durationMs: number;
  /** Reported (unsuppressed) findings by severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings suppressed by `//redline:` directives. */
  readonly suppressed: number;
  /** Findings suppressed by the baseline. */
  readonly baselined: number;
  readonly parseErrors: number;
  readonly staleBaselineEntries: number;
  /** Files read for meaning only (the rest of packages named file by file, imported packages left out); not counted in `files`. */
  readonly contextFiles: number;
  /** Files found but not scanned because the build target leaves them out. */
  readonly notBuilt: NotBuilt;
}


export interface Invocation {
  readonly commandLine: string;
  /** Absolute directory the run started in; finding paths are relative to it. */
  readonly cwd: string;
  readonly startTime: Date;
  readonly endTime: Date;
  /** 0 no failing finding, 1 failing findings, 2 error. */
  readonly exitCode: number;
}

export interface ReportInput {
  readonly tool: ToolInfo;
  /** Sorted with `compareFindings`; suppressed ones carry `suppression`. */
  readonly findings: readonly Finding[];
  /** The enabled rules. */
  readonly rules: readonly RuleMeta[];
  readonly summary: ReportSummary;
  readonly invocation: Invocation;
  /** The text of a file named as in findings (relative to `invocation.cwd`), or undefined when unreadable. */
  readonly readSource: (file: string) => string | undefined;
  /** Colour the text output (the caller decides: NO_COLOR, TTY, --color). */
  readonly color: boolean;
  /** Show suppressed findings in the text output too (default: only counted). */
  readonly showSuppressed?: boolean;
}

export interface Reporter {
  readonly name: string;
  /** One line for `--help`. */
  readonly description: string;
  /** The whole output, ending with a newline; deterministic for a given input. */
  render(input: ReportInput): string;
}
