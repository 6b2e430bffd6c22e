/**
 * Baselines for adopting Redline in an existing code base: record today's
 * findings once, then fail only on new ones.
 *
 * A baseline is a JSON file with sorted keys and stable formatting:
 *
 *     {
 *       "entries": [
 *         { "file": "pkg/a.go", "fingerprint": "…", "line": 12, "rule": "tls/insecure-skip-verify" }
 *       ],
 *       "policyVersion": "3",
 *       "tool": { "name": "redline", "version": "0.1.0" },
 *       "version": 1
 *     }
 *
 * Identity is per finding: the rule id plus the finding's fingerprint
 * (stable across line shifts, never a raw secret). Entries are a multiset,
 * so a finding reported twice needs two entries, and fixing one finding
 * while adding another of the same rule in the same file is still caught
 * (no count buckets). `file` (relative to the baseline's directory, with
 * `/`) and `line` are hints for people reading the file; `line` may be left
 * out (`slim`) to keep the file unchanged when code moves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BaselineError } from './errors.js';
import type { Finding } from './finding.js';
import { issuesToProblems, LocatedDocument } from './located-yaml.js';
import { compareStrings, relativeSlash } from './paths.js';

export const BASELINE_FORMAT_VERSION = 1;

/** The justification of findings suppressed by a baseline entry. */
export const BASELINE_JUSTIFICATION = 'baseline';

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly rule: string;
  /** Relative to the baseline's directory, with `/`. */
  readonly file: string;
  /** Where the finding was when recorded; a hint only. */
  readonly line?: number;
}

export interface Baseline {
  readonly version: typeof BASELINE_FORMAT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** The `version` of the policy in force when the baseline was written. */
  readonly policyVersion: string;
  /** Sorted by file, rule, fingerprint, line. */
  readonly entries: readonly BaselineEntry[];
}

const BASELINE_SCHEMA = z.strictObject({
  version: z.literal(BASELINE_FORMAT_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  policyVersion: z.string(),
  entries: z.array(
    z.strictObject({
      fingerprint: z.string().min(1),
      rule: z.string().min(1),
      file: z.string().min(1),
      line: z.number().int().min(1).optional(),
    }),
  ),
});

/** Where paths are relative to: findings to `cwd`, baseline entries to `baselineDir`. */
export interface BaselinePaths {
  readonly cwd: string;
  readonly baselineDir: string;
}

export interface CreateBaselineOptions extends BaselinePaths {
  readonly tool: { readonly name: string; readonly version: string };
  readonly policyVersion: string;
  /** Leave out line hints. */
  readonly slim?: boolean;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareStrings(a.file, b.file) ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.fingerprint, b.fingerprint) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

function findingFile(f: Finding, paths: BaselinePaths): string {
  return relativeSlash(paths.baselineDir, path.resolve(paths.cwd, f.location.file));
}

/**
 * A baseline of the findings that are not suppressed inline (findings
 * already suppressed by a baseline are kept: regenerating keeps them).
 */
export function createBaseline(findings: readonly Finding[], options: CreateBaselineOptions): Baseline {
  const entries = findings
    .filter((f) => f.suppression === undefined || f.suppression.kind === 'external')
    .map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.rule,
      file: findingFile(f, options),
      ...(!options.slim && { line: f.location.line }),
    }))
    .sort(compareEntries);
  return {
    version: BASELINE_FORMAT_VERSION,
    tool: { name: options.tool.name, version: options.tool.version },
    policyVersion: options.policyVersion,
    entries,
  };
}

/** JSON with keys sorted at every level, two-space indentation and a final newline. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted = { ...baseline, entries: [...baseline.entries].sort(compareEntries) };
  return `${JSON.stringify(sortKeys(sorted), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Parses baseline text; `shownAs` names it in errors. Throws `BaselineError`. */
export function parseBaseline(text: string, shownAs: string): Baseline {
  let value: unknown;
  let jsonError: string | undefined;
  try {
    value = JSON.parse(text);
  } catch (e) {
    jsonError = (e as Error).message;
  }
  if (jsonError === undefined) {
    const version = (value as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version !== BASELINE_FORMAT_VERSION) {
      throw new BaselineError([
        { file: shownAs, message: `unsupported baseline format version ${version}; this Redline reads version ${BASELINE_FORMAT_VERSION}: write the baseline again` },
      ]);
    }
    const r = BASELINE_SCHEMA.safeParse(value);
    if (r.success) return r.data;
  }
  // Slow path: locate the problems.
  const parsed = LocatedDocument.parse(text, shownAs);
  if (!parsed.ok) throw new BaselineError(parsed.problems);
  if (jsonError !== undefined) {
    const at = /position (\d+)/.exec(jsonError);
    const offset = at ? Number(at[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    throw new BaselineError([{ file: shownAs, line: before.length, column: before[before.length - 1]!.length + 1, message: `not valid JSON: ${jsonError}` }]);
  }
  const r = BASELINE_SCHEMA.safeParse(parsed.doc.value);
  throw new BaselineError(r.success ? [{ file: shownAs, message: 'invalid baseline' }] : issuesToProblems(r.error.issues, parsed.doc, BASELINE_SCHEMA));
}

/** Reads a baseline file; file names in errors are relative to `cwd`. Throws `BaselineError`. */
export function readBaseline(file: string, cwd: string): Baseline {
  const abs = path.resolve(cwd, file);
  const shown = relativeSlash(cwd, abs);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError([{ file: shown, message: code === 'ENOENT' ? `no such file; record the current findings in it with \`redline scan --write-baseline ${shown}\`` : code === 'EISDIR' ? 'is a directory; name the baseline file' : `cannot read the file (${code ?? String(e)})` }]);
  }
  return parseBaseline(text, shown);
}

/** Writes a baseline file atomically (a temporary file renamed over it). Throws `BaselineError` naming `shown` when it cannot. */
export function writeBaseline(file: string, baseline: Baseline, shown = file): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fs.writeFileSync(tmp, serializeBaseline(baseline));
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a directory; name a file' : code === 'ENOENT' ? 'its directory does not exist' : `cannot write the file (${code ?? String(e)})`;
    throw new BaselineError([{ file: shown, message: why }]);
  }
}

export interface ApplyBaselineOptions extends BaselinePaths {
  /** Absolute paths of the files this run scanned. */
  readonly scannedFiles: ReadonlySet<string>;
  /** Whether a file exists (default: the file system). */
  readonly fileExists?: (absPath: string) => boolean;
}

export interface BaselineResult {
  /** The findings in their order; matched ones carry `suppression: { kind: 'external', justification: 'baseline' }`. */
  readonly findings: readonly Finding[];
  readonly baselined: number;
  /**
   * Entries that matched no finding although their file was scanned or no
   * longer exists. Entries of existing files outside this scan are neither
   * used nor stale.
   */
  readonly stale: readonly BaselineEntry[];
}

const entryKey = (rule: string, fingerprint: string) => `${rule}\0${fingerprint}`;

/** Marks the findings a baseline records and lists its stale entries. */
export function applyBaseline(baseline: Baseline, findings: readonly Finding[], options: ApplyBaselineOptions): BaselineResult {
  const available = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) {
    const key = entryKey(e.rule, e.fingerprint);
    available.set(key, [...(available.get(key) ?? []), e]);
  }
  let baselined = 0;
  const out = findings.map((f) => {
    if (f.suppression !== undefined) return f;
    const left = available.get(entryKey(f.rule, f.fingerprint));
    if (!left || left.length === 0) return f;
    // Prefer the entry recorded for the same file, then the nearest line.
    const file = findingFile(f, options);
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      const a = left[best]!;
      const b = left[i]!;
      const score = (e: BaselineEntry) => (e.file === file ? 0 : 1e9) + Math.abs((e.line ?? f.location.line) - f.location.line);
      if (score(b) < score(a)) best = i;
    }
    left.splice(best, 1);
    baselined++;
    return { ...f, suppression: { kind: 'external' as const, justification: BASELINE_JUSTIFICATION } };
  });
  const exists = options.fileExists ?? ((p: string) => fs.existsSync(p));
  const stale = [...available.values()]
    .flat()
    .filter((e) => {
      const abs = path.resolve(options.baselineDir, e.file);
      return options.scannedFiles.has(abs) || !exists(abs);
    })
    .sort(compareEntries);
  return { findings: out, baselined, stale };
}

/** The baseline without the given stale entries (each removes one matching entry). */
export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const remove = new Map<string, number>();
  const id = (e: BaselineEntry) => `${e.file}\0${e.rule}\0${e.fingerprint}\0${e.line ?? ''}`;
  for (const e of stale) remove.set(id(e), (remove.get(id(e)) ?? 0) + 1);
  const entries = baseline.entries.filter((e) => {
    const n = remove.get(id(e)) ?? 0;
    if (n === 0) return true;
    remove.set(id(e), n - 1);
    return false;
  });
  return { ...baseline, entries };
}
