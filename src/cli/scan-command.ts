/** `redline scan`: runs a scan and writes the report in the chosen format. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { createBaseline, writeBaseline } from '../engine/baseline.js';
import { isFailing } from '../engine/policy.js';
import { countBySeverity, scan, type ScanResult } from '../engine/scan.js';
import { defaultCacheFile } from '../engine/scan-cache.js';
import { reporters, type FormatName, type ReportInput } from '../report/index.js';
import { TOOL } from '../version.js';
import { colorEnabled, progressEnabled, type CliIO } from './io.js';

export interface ScanFlags {
  readonly format: FormatName;
  readonly output?: string;
  readonly failOn?: string;
  readonly enable?: string[];
  readonly disable?: string[];
  readonly config?: string;
  readonly baseline?: string | false;
  readonly writeBaseline?: string;
  readonly jobs?: number;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly tags?: string[];
  readonly goos?: string;
  readonly goarch?: string;
  readonly includeVendor?: boolean;
  readonly includeTestdata?: boolean;
  readonly includeGenerated?: boolean;
  readonly includeHidden?: boolean;
  readonly showSuppressed?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** Runs the scan; returns the exit code (1 when a finding at or above fail-on remains). */
export async function scanCommand(io: CliIO, paths: readonly string[], flags: ScanFlags, commandLine: string): Promise<number> {
  const startTime = new Date();
  const t0 = performance.now();
  const bar = progressEnabled(io, flags.quiet === true) ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WritableStream, clearOnComplete: true, hideCursor: true, format: 'redline {bar} {value}/{total} packages' }, cliProgress.Presets.shades_classic) : null;
  let barStarted = false;
  const tags = flags.tags ?? [];
  const build = flags.goos || flags.goarch || tags.length > 0 ? { ...(flags.goos && { goos: flags.goos }), ...(flags.goarch && { goarch: flags.goarch }), ...(tags.length > 0 && { tags }) } : undefined;
  const include = {
    ...(flags.includeVendor && { vendor: true }),
    ...(flags.includeTestdata && { testdata: true }),
    ...(flags.includeGenerated && { generated: true }),
    ...(flags.includeHidden && { hidden: true }),
  };
  let result: ScanResult;
  try {
    result = await scan({
      cwd: io.cwd,
      paths,
      ...(flags.config && { config: flags.config }),
      enable: flags.enable ?? [],
      disable: flags.disable ?? [],
      ...(flags.failOn && { failOn: flags.failOn }),
      ...(flags.jobs && { jobs: flags.jobs }),
      ...(flags.cacheLocation ? { cache: flags.cacheLocation } : flags.cache && { cache: defaultCacheFile(io.cwd, paths, io.env) }),
      include,
      ...(build && { build }),
      // a baseline being written records every current finding: the old one (perhaps not there yet) is not read
      ...(flags.writeBaseline ? { baseline: false as const } : flags.baseline !== undefined && { baseline: flags.baseline }),
      onProgress: (done, total) => {
        if (!bar) return;
        // Only draw for scans that take a moment: start after the first 300 ms.
        if (!barStarted && performance.now() - t0 < 300) return;
        if (!barStarted) {
          bar.start(total, done);
          barStarted = true;
        } else bar.update(done);
      },
    });
  } finally {
    if (barStarted) bar?.stop();
  }

  // warnings are shown even with --quiet: they say what was not scanned
  for (const w of result.warnings) io.stderr.write(`redline: warning: ${w}\n`);
  if (!flags.quiet && result.stats.cachedPackages > 0) io.stderr.write(`redline: ${result.stats.cachedPackages} of ${result.stats.packages} packages unchanged since the cached scan\n`);

  if (flags.writeBaseline) {
    const file = path.resolve(io.cwd, flags.writeBaseline);
    const reported = result.findings.filter((f) => !f.suppression || f.suppression.kind === 'external');
    writeBaseline(file, createBaseline(reported, { tool: TOOL, policyVersion: result.policy.version, cwd: io.cwd, baselineDir: path.dirname(file) }), flags.writeBaseline);
    if (!flags.quiet) io.stderr.write(`redline: recorded ${reported.length} findings in ${path.relative(io.cwd, file)}\n`);
    return 0;
  }

  const failing = result.findings.some((f) => isFailing(f, result.failOn));
  const exitCode = failing ? 1 : 0;
  const outStream = flags.output ? null : io.stdout;
  const input: ReportInput = {
    tool: TOOL,
    findings: result.findings,
    rules: result.rules,
    summary: {
      files: result.stats.files,
      packages: result.stats.packages,
      bytes: result.stats.bytes,
      durationMs: result.stats.durationMs,
      bySeverity: countBySeverity(result.findings),
      suppressed: result.findings.filter((f) => f.suppression?.kind === 'inSource').length,
      baselined: result.findings.filter((f) => f.suppression?.kind === 'external').length,
      parseErrors: result.stats.parseErrors,
      staleBaselineEntries: result.staleBaselineEntries.length,
      contextFiles: result.stats.contextFiles,
      notBuilt: result.stats.notBuilt,
    },
    invocation: { commandLine: `redline ${commandLine}`.trim(), cwd: io.cwd, startTime, endTime: new Date(), exitCode },
    readSource: (file) => {
      try {
        return readFileSync(path.resolve(io.cwd, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    color: outStream !== null && flags.format === 'text' && colorEnabled(outStream, io.env, flags.color),
    ...(flags.showSuppressed && { showSuppressed: true }),
  };
  const report = reporters[flags.format].render(input);
  if (flags.output) writeFileSync(path.resolve(io.cwd, flags.output), report);
  else io.stdout.write(report);
  return exitCode;
}
