/**
 * A whole scan: policy, discovery, planning, then every package analysed
 * once, in dependency order (in worker threads or in this thread, see
 * scan-schedule.ts) so that each package sees the exports and function
 * facts of the packages it imports; then the baseline and the summary. The
 * result does not depend on the number of workers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { makeBuildTarget, type BuildTarget } from '../semantics/build-target.js';
import { ModuleResolver } from '../semantics/module.js';
import { CATALOG } from '../rules/index.js';
import { applyBaseline, readBaseline, type BaselineEntry } from './baseline.js';
import { discoverFiles, type IncludeFlags } from './discover.js';
import { ENGINE_RULES } from './engine-rules.js';
import { InputError } from './errors.js';
import { compareStrings, relativeSlash } from './paths.js';
import { compareFindings, SEVERITIES, type Finding, type Severity } from './finding.js';
import { defaultPolicy, findPolicyFile, loadPolicy, resolveRuleSettings, type FailOn, type Policy, type ResolvedSettings } from './policy.js';
import type { RuleMeta } from './rule-meta.js';
import { tuneJit } from './jit-tuning.js';
import { ScanCache } from './scan-cache.js';
import { contextFiles } from './scan-context.js';
import { planScan, type ExcludedFile, type NotBuilt } from './scan-plan.js';
import { analysePackages, InlineRunner, PoolRunner } from './scan-runner.js';
import type { ScanSetup, StageTimes } from './scan-tasks.js';

export interface ScanOptions {
  /** Directory paths and results are relative to. */
  readonly cwd: string;
  /** Files, directories or patterns; empty means `./...`. */
  readonly paths?: readonly string[];
  /** `--config`; otherwise `redline.yaml` is looked up from the scan root. */
  readonly config?: string;
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  readonly failOn?: string;
  /** Worker threads; 1 scans in this thread. Default: the machine's parallelism. */
  readonly jobs?: number;
  /** Overrides of the policy's `include:` flags. */
  readonly include?: Partial<IncludeFlags>;
  /** Overrides of the policy's `build:` target. */
  readonly build?: { readonly goos?: string; readonly goarch?: string; readonly tags?: readonly string[] };
  /** A baseline file (overrides the policy's); `false` ignores the policy's. */
  readonly baseline?: string | false;
  readonly onProgress?: (done: number, total: number) => void;
  /** Scans of fewer candidate files (before build constraints) run in this thread, where starting workers would cost more than it saves (default 400). */
  readonly workerThreshold?: number;
  /** A scan cache file (scan-cache.ts): unchanged packages are answered from it, and it is rewritten after the scan. */
  readonly cache?: string;
}

export interface ScanStats {
  readonly files: number;
  readonly packages: number;
  readonly bytes: number;
  /** Files of the scanned directories that the build target leaves out. */
  readonly notBuilt: NotBuilt;
  readonly parseErrors: number;
  readonly durationMs: number;
  readonly workers: number;
  /** Thread time per stage, summed over packages. */
  readonly times: StageTimes;
  /** Packages answered from the scan cache (0 without one). */
  readonly cachedPackages: number;
  /** Files read for meaning only: the rest of packages named file by file, and imported packages left out of the scan (scan-context.ts). */
  readonly contextFiles: number;
}

export interface ScanResult {
  /** Sorted with `compareFindings`; suppressed findings carry `suppression`. */
  readonly findings: readonly Finding[];
  readonly stats: ScanStats;
  readonly policy: Policy;
  readonly failOn: FailOn;
  /** Metadata of the enabled rules, in catalog order. */
  readonly rules: readonly RuleMeta[];
  readonly staleBaselineEntries: readonly BaselineEntry[];
  readonly target: BuildTarget;
  /** Things the user should know that are not findings: files that could not be read, and the like. */
  readonly warnings: readonly string[];
}


export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd);
  const policy = resolvePolicy(cwd, options);
  const settings = resolveRuleSettings(policy, CATALOG, {
    ...(options.enable && { enable: options.enable }),
    ...(options.disable && { disable: options.disable }),
    ...(options.failOn !== undefined && { failOn: options.failOn }),
  });
  const target = options.build ? makeBuildTarget({ ...policy.build, ...options.build }) : policy.build;

  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const threshold = options.workerThreshold ?? 400;
  tuneJit();
  // Workers start (load their code) while the files are read and planned.
  let pool: PoolRunner | undefined;
  let discovery: ReturnType<typeof discoverFiles>;
  let plan: ReturnType<typeof planScan>;
  try {
    const include = { ...policy.include, ...options.include };
    const exclude = [policy.excludeMatcher];
    discovery = discoverFiles({
      cwd,
      ...(options.paths && { args: options.paths }),
      include,
      exclude,
      onListed: (candidates) => {
        if (jobs > 1 && candidates >= threshold) pool = new PoolRunner(jobs);
      },
    });
    const modules = new ModuleResolver({ cwd });
    const context = contextFiles(discovery.files, modules, { cwd, include, exclude });
    // a few named files can bring a large context: it counts for the choice of threads too
    if (!pool && jobs > 1 && discovery.files.length + context.length >= threshold) pool = new PoolRunner(jobs);
    plan = planScan([...discovery.files, ...context], modules, target);
  } catch (e) {
    await pool?.close();
    throw e;
  }

  const setup = scanSetup(cwd, policy, settings);
  const cache = options.cache === undefined ? undefined : new ScanCache(path.resolve(cwd, options.cache), setup, pool ? 'worker' : 'main');
  const warnings = [...discovery.warnings];
  for (const x of plan.excluded) {
    if (x.explicit) warnings.push(`${x.rel}: not built for ${target.goos}/${target.goarch} (${x.reason}); not scanned. Scan it with the --goos, --goarch or --tags it is built for`);
  }
  if (cache?.problem) warnings.push(cache.problem);
  const runner: PoolRunner | InlineRunner = pool ?? new InlineRunner();
  let findings: Finding[];
  let parseErrors = 0;
  const times: StageTimes = { parseMs: 0, semanticsMs: 0, rulesMs: 0 };
  const addTimes = (t: StageTimes) => {
    times.parseMs += t.parseMs;
    times.semanticsMs += t.semanticsMs;
    times.rulesMs += t.rulesMs;
  };
  try {
    await runner.broadcast({ kind: 'setup', setup });
    const results = await analysePackages(plan.packages, runner, options.onProgress, cache);
    findings = [];
    for (const r of results) {
      addTimes(r.times);
      findings.push(...r.findings);
      parseErrors += r.parseErrors;
    }
  } finally {
    await runner.close();
  }

  const unsaved = cache?.save();
  if (unsaved) warnings.push(unsaved);
  findings.sort(compareFindings);
  let stale: readonly BaselineEntry[] = [];
  const baselineFile = options.baseline === false ? undefined : options.baseline ? path.resolve(cwd, options.baseline) : policy.baseline;
  if (baselineFile) {
    const applied = applyBaseline(readBaseline(baselineFile, cwd), findings, {
      cwd,
      baselineDir: path.dirname(baselineFile),
      scannedFiles: new Set(discovery.files.map((f) => f.path)),
    });
    findings = [...applied.findings];
    stale = applied.stale;
  }

  return {
    findings,
    stats: {
      files: plan.files,
      packages: plan.packages.filter((p) => p.files.some((f) => !f.context)).length,
      contextFiles: plan.contextFiles,
      bytes: plan.bytes,
      notBuilt: notBuilt(plan.excluded, target),
      parseErrors,
      durationMs: performance.now() - started,
      workers: runner instanceof PoolRunner ? jobs : 0,
      times,
      cachedPackages: cache?.hits ?? 0,
    },
    policy,
    failOn: settings.failOn,
    rules: CATALOG.filter((m) => settings.rules.get(m.id)?.enabled ?? ENGINE_RULES.includes(m)),
    staleBaselineEntries: stale,
    target,
    warnings,
  };
}

/**
 * The policy of a scan: `--config`, else the `redline.yaml` found upwards
 * from the arguments (cwd without arguments). Arguments under different
 * policies are an input error: one policy would silently apply to all.
 */
function resolvePolicy(cwd: string, options: ScanOptions): Policy {
  if (options.config) return loadPolicy(path.resolve(cwd, options.config), CATALOG, { cwd });
  const args = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const roots = args.map((a) => scanRoot(cwd, a));
  const found = roots.map((r) => findPolicyFile(r));
  const differs = found.findIndex((f) => f !== found[0]);
  if (differs > 0) {
    const shown = (i: number) => `${args[i]} (${found[i] ? relativeSlash(cwd, found[i]!) : 'the built-in default policy'})`;
    throw new InputError('usage', [{ message: `the arguments fall under different policies: ${shown(0)} and ${shown(differs)}; scan them in separate runs, or choose one policy with --config` }]);
  }
  return found[0] ? loadPolicy(found[0], CATALOG, { cwd }) : defaultPolicy(roots[0]!);
}

/** The directory the policy is looked up from for a path argument: the directory it names or holds it. */
function scanRoot(cwd: string, arg: string): string {
  const base = path.resolve(cwd, arg.replace(/(^|\/)\.\.\.$/, '$1.'));
  return existsSync(base) && !base.endsWith('.go') ? base : path.dirname(base);
}

/** What every thread of a scan needs: the enabled rules with their severities and options. */
export function scanSetup(cwd: string, policy: Policy, settings: ResolvedSettings): ScanSetup {
  const rules: Array<ScanSetup['rules'][number]> = [];
  const engineSeverities: Record<string, Severity> = {};
  for (const meta of CATALOG) {
    const s = settings.rules.get(meta.id);
    if (!s?.enabled) continue;
    if (ENGINE_RULES.includes(meta)) engineSeverities[meta.id] = s.severity;
    else rules.push({ id: meta.id, severity: s.severity, options: s.options, ...(!policy.testsSet && meta.tests && { tests: meta.tests }) });
  }
  return { cwd, rules, engineSeverities, tests: policy.tests, honor: policy.honor };
}

/** Unsuppressed findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.suppression) counts[f.severity]++;
  return counts;
}

/** Counts the files left out of the build, and which `--tags` would build them. */
function notBuilt(excluded: readonly ExcludedFile[], target: BuildTarget): NotBuilt {
  const byTags: Record<string, number> = {};
  for (const x of excluded) {
    if (x.tags.length === 0) continue;
    const key = x.tags.join(',');
    byTags[key] = (byTags[key] ?? 0) + 1;
  }
  const sorted = Object.entries(byTags).sort(([a, m], [b, n]) => n - m || compareStrings(a, b));
  return { files: excluded.length, target: `${target.goos}/${target.goarch}`, byTags: Object.fromEntries(sorted) };
}
