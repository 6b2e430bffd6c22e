/**
 * Running the package tasks of a scan on threads: in this thread or on a
 * worker pool, in dependency order (scan-schedule.ts).
 */
import { deserialize, serialize } from 'node:v8';
import { siblingScript } from '../platform/worker-script.js';
import { WorkerPool } from './pool.js';
import { chainHash, knowledgeHash, type CachedPackage, type PackageKey, type ScanCache } from './scan-cache.js';
import type { PlannedPackage } from './scan-plan.js';
import { packageGraph, PackageScheduler, type PackageGraph } from './scan-schedule.js';
import { ScanWorker, type Knowledge, type ScanBroadcast, type ScanTask, type ScanTaskResult } from './scan-tasks.js';

/**
 * Analyses the packages on the runner's threads in dependency order: a
 * package goes to an idle thread as soon as the packages it waits for are
 * done, together with the knowledge (exports and facts) of the packages it
 * imports, directly or not, that the thread has not seen. Packages that
 * no package imports are analysed without computing their exports. Results
 * are in plan order. With a cache, a package whose inputs are unchanged is
 * answered from it on this thread (from a stripped entry only when no
 * package that imports it is analysed), and the others are stored in it.
 */
export async function analysePackages(
  packages: readonly PlannedPackage[],
  runner: Runner,
  onProgress?: (done: number, total: number) => void,
  cache?: ScanCache,
): Promise<ScanTaskResult[]> {
  const graph = packageGraph(packages);
  const scheduler = new PackageScheduler(graph);
  const results: ScanTaskResult[] = new Array(packages.length);
  let done = 0;
  const knowledge: Array<ScanTaskResult['knowledge'] | undefined> = [];
  /** Per thread: the packages whose knowledge it has (its own and those sent to it). */
  const knows = Array.from({ length: runner.threads }, () => new Uint8Array(packages.length));
  /** Tasks given to each thread and not done. */
  const outstanding = new Array<number>(runner.threads).fill(0);
  /** With a cache: per package done, the hash of its knowledge and of everything below it (scan-cache.ts). */
  const chains: string[] = [];
  const depChains = (i: number): string[] => graph.deps[i]!.map((d) => chains[d]!);
  const rerun = cache ? strippedToAnalyse(packages, graph, cache) : undefined;
  /** The knowledge thread `t` lacks for package `i`, imported packages first (a thread that knows a package knows its imports). */
  const unseen = (t: number, i: number): Array<ScanTaskResult['knowledge']> => {
    const out: Array<ScanTaskResult['knowledge']> = [];
    const k = knows[t]!;
    const visit = (d: number): void => {
      if (k[d]) return;
      k[d] = 1;
      for (const e of graph.deps[d]!) visit(e);
      out.push(knowledge[d]!);
    };
    for (const d of graph.deps[i]!) visit(d);
    k[i] = 1;
    return out;
  };
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const finish = (i: number, result: ScanTaskResult, hash?: string): void => {
      results[i] = result;
      done++;
      knowledge[i] = result.knowledge;
      if (hash !== undefined) chains[i] = chainHash(hash, depChains(i));
      onProgress?.(done, packages.length);
      scheduler.complete(i);
    };
    /** Answers package `i` from the cache, if it can; else returns its cache key (if any) for storing the result. */
    const fromCache = (i: number, unimported: boolean): { hit: true } | { hit: false; key?: PackageKey } => {
      if (!cache) return { hit: false };
      const key = cache.keyOf(packages[i]!, unimported, depChains(i));
      // a stripped entry serves only when no package that imports it is analysed
      const entry = key === undefined || rerun?.[i] ? undefined : cache.get(key);
      if (!entry) return key === undefined ? { hit: false } : { hit: false, key };
      finish(i, { knowledge: entry.knowledge, findings: [...entry.findings], parseErrors: entry.parseErrors, times: NO_TIME }, entry.knowledgeHash);
      return { hit: true };
    };
    /** Runs package `i` on a thread; false when the cache answered it instead. */
    const dispatch = (thread: number, i: number): boolean => {
      const unimported = graph.dependents[i]!.length === 0;
      const cached = fromCache(i, unimported);
      if (cached.hit) return false;
      outstanding[thread]!++;
      const known = unseen(thread, i);
      runner.run(thread, { kind: 'package', pkg: packages[i]!, ...(known.length > 0 && { known }), ...(unimported && { unimported }), ...(cached.key && { hashFiles: true }) }).then(
        (result) => {
          try {
            finish(i, result, cache && store(cache, cached.key, result));
            outstanding[thread]!--;
            pump();
          } catch (error) {
            failed = true;
            reject(error);
          }
        },
        (error: unknown) => {
          failed = true;
          reject(error);
        },
      );
      return true;
    };
    // Idle threads first; then, while ready work remains, each thread gets its next task to start
    // as soon as it is done with the current one (without a round trip to this thread).
    const pump = (): void => {
      if (failed) return;
      for (let depth = 1; depth <= PIPELINE_DEPTH; depth++) {
        for (let t = 0; t < runner.threads; t++) {
          if (outstanding[t]! >= depth) continue;
          let i = scheduler.next();
          // packages the cache answers take no thread: the next one does
          while (i !== undefined && !dispatch(t, i)) i = scheduler.next();
          if (i === undefined) {
            if (scheduler.pending === 0) resolve();
            return;
          }
        }
      }
    };
    pump();
  });
  return results;
}

const NO_TIME = { parseMs: 0, semanticsMs: 0, rulesMs: 0 } as const;

/**
 * The packages whose cache entries are stripped (scan-cache.ts) and must
 * be analysed again: a package that imports them may be analysed, and it
 * needs their constant values; so do the stripped packages those import.
 * Decided before scheduling, from the packages sure to come from the
 * cache: those with an entry for the key their imports' cached knowledge
 * gives. Any other package may be analysed.
 */
function strippedToAnalyse(packages: readonly PlannedPackage[], graph: PackageGraph, cache: ScanCache): Uint8Array {
  const n = packages.length;
  const rerun = new Uint8Array(n);
  if (!cache.hasEntries) return rerun;
  const entries: Array<CachedPackage | undefined> = new Array(n);
  const chains: string[] = new Array(n);
  for (const i of graph.order) {
    const deps = graph.deps[i]!;
    if (deps.some((d) => entries[d] === undefined)) continue;
    const depChains = deps.map((d) => chains[d]!);
    const key = cache.keyOf(packages[i]!, graph.dependents[i]!.length === 0, depChains);
    const entry = key && cache.peek(key);
    if (!entry) continue;
    entries[i] = entry;
    chains[i] = chainHash(entry.knowledgeHash, depChains);
  }
  const mark = (d: number): void => {
    if (rerun[d] || !entries[d]?.stripped) return;
    rerun[d] = 1;
    for (const e of graph.deps[d]!) mark(e);
  };
  for (let i = 0; i < n; i++) if (entries[i] === undefined) for (const d of graph.deps[i]!) mark(d);
  return rerun;
}

/** Stores a package's results under its key (if it has one); returns the hash of its knowledge (`knowledgeHash`). */
function store(cache: ScanCache, key: PackageKey | undefined, result: ScanTaskResult): string {
  const k = result.knowledge;
  const own = k instanceof Uint8Array ? (deserialize(k) as Knowledge) : k;
  const hash = knowledgeHash(own);
  if (key !== undefined) cache.put(key, { findings: result.findings, parseErrors: result.parseErrors, knowledge: k instanceof Uint8Array ? k : serialize(k), knowledgeHash: hash }, own, result.fileHashes);
  return hash;
}

/** Tasks a thread may hold: the one it runs and the next. */
const PIPELINE_DEPTH = 2;

export interface Runner {
  /** Threads tasks can be given to. */
  readonly threads: number;
  /** Runs a task on thread `thread`, after the ones given to it before. */
  run(thread: number, task: ScanTask): Promise<ScanTaskResult>;
  broadcast(msg: ScanBroadcast): Promise<void>;
  close(): Promise<void>;
}

/** Runs tasks in this thread, one at a time. */
export class InlineRunner implements Runner {
  readonly threads = 1;
  private readonly worker = new ScanWorker();
  async run(_thread: number, task: ScanTask): Promise<ScanTaskResult> {
    return this.worker.task(task);
  }
  async broadcast(msg: ScanBroadcast): Promise<void> {
    this.worker.broadcast(msg);
  }
  async close(): Promise<void> {}
}

/**
 * Heap settings of scan workers. A package's trees and semantic tables live
 * until the package is done, so young-generation collections copy them; a
 * young generation of 96 MB (32 MB semi-spaces; V8's default is 16 MB)
 * lets more of a package die before it is copied or promoted. Measured on
 * GOROOT/src with two workers (median of three): as fast as 192 MB or more,
 * with a peak RSS of ~700 MB instead of ~1080 MB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96 } as const;

/** Runs tasks on worker threads. */
export class PoolRunner implements Runner {
  private readonly pool: WorkerPool<ScanTask, ScanTaskResult>;
  constructor(readonly threads: number) {
    this.pool = new WorkerPool(siblingScript(import.meta.url, 'scan-worker'), threads, { resourceLimits: WORKER_LIMITS });
  }
  run(thread: number, task: ScanTask): Promise<ScanTaskResult> {
    return this.pool.runOn(thread, task);
  }
  broadcast(msg: ScanBroadcast): Promise<void> {
    return this.pool.broadcast(msg);
  }
  close(): Promise<void> {
    return this.pool.close();
  }
}
