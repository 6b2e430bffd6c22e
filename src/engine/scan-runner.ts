/**
 * Running the package tasks of a scan on threads: in this thread or on a
 * worker pool, in dependency order (scan-schedule.ts).
 */
import { WorkerPool } from './pool.js';
import type { PlannedPackage } from './scan-plan.js';
import { packageGraph, PackageScheduler } from './scan-schedule.js';
import { ScanWorker, type ScanBroadcast, type ScanTask, type ScanTaskResult } from './scan-tasks.js';

/**
 * Analyses the packages on the runner's threads in dependency order: a
 * package goes to an idle thread as soon as the packages it waits for are
 * done, together with the knowledge (exports and facts) of the packages it
 * imports, directly or not, that the thread has not seen. Packages that
 * no package imports are analysed without computing their exports. Results
 * are in plan order.
 */
export async function analysePackages(
  packages: readonly PlannedPackage[],
  runner: Runner,
  onProgress?: (done: number, total: number) => void,
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
    const dispatch = (thread: number, i: number): void => {
      outstanding[thread]!++;
      const known = unseen(thread, i);
      const unimported = graph.dependents[i]!.length === 0;
      runner.run(thread, { kind: 'package', pkg: packages[i]!, ...(known.length > 0 && { known }), ...(unimported && { unimported }) }).then(
        (result) => {
          results[i] = result;
          done++;
          knowledge[i] = result.knowledge;
          onProgress?.(done, packages.length);
          scheduler.complete(i);
          outstanding[thread]!--;
          pump();
        },
        (error: unknown) => {
          failed = true;
          reject(error);
        },
      );
    };
    // Idle threads first; then, while ready work remains, each thread gets its next task to start
    // as soon as it is done with the current one (without a round trip to this thread).
    const pump = (): void => {
      if (failed) return;
      if (scheduler.pending === 0) return resolve();
      for (let depth = 1; depth <= PIPELINE_DEPTH; depth++) {
        for (let t = 0; t < runner.threads; t++) {
          if (outstanding[t]! >= depth) continue;
          const i = scheduler.next();
          if (i === undefined) return;
          dispatch(t, i);
        }
      }
    };
    pump();
  });
  return results;
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
    const script = new URL(import.meta.url.endsWith('.ts') ? './scan-worker.ts' : './scan-worker.js', import.meta.url);
    this.pool = new WorkerPool(script, threads, { resourceLimits: WORKER_LIMITS });
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
