/**
 * A whole scan: policy, discovery, planning, the two analysis phases over
 * packages (in worker threads or in this thread), baseline, summary. The
 * result does not depend on the number of workers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { makeBuildTarget, type BuildTarget } from '../semantics/build-target.js';
import { buildProgram, type PackageSummary } from '../semantics/facts.js';
import { ModuleResolver } from '../semantics/module.js';
import { CATALOG, RULES } from '../rules/index.js';
import { applyBaseline, readBaseline, type BaselineEntry } from './baseline.js';
import { discoverFiles, type IncludeFlags } from './discover.js';
import { ENGINE_RULES } from './engine-rules.js';
import { compareFindings, SEVERITIES, type Finding, type Severity } from './finding.js';
import { defaultPolicy, findPolicyFile, loadPolicy, resolveRuleSettings, type FailOn, type Policy, type ResolvedSettings } from './policy.js';
import { WorkerPool } from './pool.js';
import type { RuleMeta } from './rule-meta.js';
import { factKindsOf } from './rule.js';
import { planScan, type ScanPlan } from './scan-plan.js';
import { ScanWorker, type ScanBroadcast, type ScanSetup, type ScanTask, type ScanTaskResult } from './scan-tasks.js';

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
}

export interface ScanStats {
  readonly files: number;
  readonly packages: number;
  readonly bytes: number;
  readonly excludedByBuild: number;
  readonly parseErrors: number;
  readonly durationMs: number;
  readonly workers: number;
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
}

/** Below this many files a scan runs in this thread: starting workers would cost more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

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

  const discovery = discoverFiles({
    cwd,
    ...(options.paths && { args: options.paths }),
    include: { ...policy.include, ...options.include },
    exclude: [policy.excludeMatcher],
  });
  const plan = planScan(discovery.files, new ModuleResolver({ cwd }), target);

  const setup = scanSetup(cwd, policy, settings);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const runner = jobs > 1 && plan.files >= MIN_FILES_FOR_WORKERS ? new PoolRunner(jobs) : new InlineRunner();
  let findings: Finding[];
  let parseErrors = 0;
  try {
    findings = [];
    await runner.broadcast({ kind: 'setup', setup });
    const summaries = await summarizeInWaves(runner, plan, options.onProgress);
    const factKinds = factKindsOf(RULES.flatMap((rule) => {
      const s = settings.rules.get(rule.meta.id);
      return s?.enabled ? [{ rule, options: s.options }] : [];
    }));
    await runner.broadcast({ kind: 'program', program: buildProgram(summaries, factKinds) });
    let done = plan.packages.length;
    const total = plan.packages.length * 2;
    const results = await Promise.all(
      plan.packages.map(async (pkg) => {
        const r = await runner.run({ kind: 'analyze', pkg });
        options.onProgress?.(++done, total);
        return r;
      }),
    );
    for (const r of results) {
      if (r.kind !== 'findings') continue;
      findings.push(...r.findings);
      parseErrors += r.parseErrors;
    }
  } finally {
    await runner.close();
  }

  findings.sort(compareFindings);
  let stale: readonly BaselineEntry[] = [];
  const baselineFile = options.baseline === false ? undefined : options.baseline ? path.resolve(cwd, options.baseline) : policy.baseline;
  if (baselineFile) {
    const applied = applyBaseline(readBaseline(baselineFile, cwd), findings, {
      cwd,
      baselineDir: path.dirname(baselineFile),
      scannedFiles: new Set(discovery.files.map((f) => f.rel)),
    });
    findings = [...applied.findings];
    stale = applied.stale;
  }

  return {
    findings,
    stats: {
      files: plan.files,
      packages: plan.packages.length,
      bytes: plan.bytes,
      excludedByBuild: plan.excluded.length,
      parseErrors,
      durationMs: performance.now() - started,
      workers: runner instanceof PoolRunner ? jobs : 0,
    },
    policy,
    failOn: settings.failOn,
    rules: CATALOG.filter((m) => settings.rules.get(m.id)?.enabled ?? ENGINE_RULES.includes(m)),
    staleBaselineEntries: stale,
    target,
  };
}

function resolvePolicy(cwd: string, options: ScanOptions): Policy {
  if (options.config) return loadPolicy(path.resolve(cwd, options.config), CATALOG, { cwd });
  const root = scanRoot(cwd, options.paths ?? []);
  const found = findPolicyFile(root);
  return found ? loadPolicy(found, CATALOG, { cwd }) : defaultPolicy(root);
}

/** The directory the policy is looked up from: the first path argument's directory, else cwd. */
function scanRoot(cwd: string, paths: readonly string[]): string {
  const first = paths[0];
  if (first === undefined) return cwd;
  const base = path.resolve(cwd, first.replace(/(^|\/)\.\.\.$/, '$1.'));
  return existsSync(base) && !base.endsWith('.go') ? base : path.dirname(base);
}

function scanSetup(cwd: string, policy: Policy, settings: ResolvedSettings): ScanSetup {
  const rules: Array<ScanSetup['rules'][number]> = [];
  const engineSeverities: Record<string, Severity> = {};
  for (const meta of CATALOG) {
    const s = settings.rules.get(meta.id);
    if (!s?.enabled) continue;
    if (ENGINE_RULES.includes(meta)) engineSeverities[meta.id] = s.severity;
    else rules.push({ id: meta.id, severity: s.severity, options: s.options, ...(!policy.testsSet && meta.tests && { tests: meta.tests }) });
  }
  return { cwd, rules, engineSeverities, tests: policy.tests };
}

/** Phase 1: summaries, wave by wave, each wave seeing the exports of the ones before. */
async function summarizeInWaves(runner: Runner, plan: ScanPlan, onProgress: ScanOptions['onProgress']): Promise<PackageSummary[]> {
  const all: PackageSummary[] = [];
  let done = 0;
  const total = plan.packages.length * 2;
  for (const wave of plan.waves) {
    const results = await Promise.all(
      wave.map(async (pkg) => {
        const r = await runner.run({ kind: 'summarize', pkg });
        onProgress?.(++done, total);
        return r;
      }),
    );
    const exports: Record<string, PackageSummary['exports']> = {};
    for (const r of results) {
      if (r.kind !== 'summary') continue;
      all.push(r.summary);
      exports[r.summary.path] = r.summary.exports;
    }
    await runner.broadcast({ kind: 'exports', packages: exports });
  }
  return all;
}

interface Runner {
  run(task: ScanTask): Promise<ScanTaskResult>;
  broadcast(msg: ScanBroadcast): Promise<void>;
  close(): Promise<void>;
}

/** Runs tasks in this thread, one at a time. */
class InlineRunner implements Runner {
  private readonly worker = new ScanWorker();
  async run(task: ScanTask): Promise<ScanTaskResult> {
    return this.worker.task(task);
  }
  async broadcast(msg: ScanBroadcast): Promise<void> {
    this.worker.broadcast(msg);
  }
  async close(): Promise<void> {}
}

/** Runs tasks on worker threads. */
class PoolRunner implements Runner {
  private readonly pool: WorkerPool<ScanTask, ScanTaskResult>;
  constructor(size: number) {
    const script = new URL(import.meta.url.endsWith('.ts') ? './scan-worker.ts' : './scan-worker.js', import.meta.url);
    this.pool = new WorkerPool(script, size);
  }
  run(task: ScanTask): Promise<ScanTaskResult> {
    return this.pool.run(task);
  }
  broadcast(msg: ScanBroadcast): Promise<void> {
    return this.pool.broadcast(msg);
  }
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Unsuppressed findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.suppression) counts[f.severity]++;
  return counts;
}
