/**
 * A small worker-thread pool: tasks go to the first idle worker, or to a
 * given worker (`runOn`, for callers that track what each worker knows); a
 * broadcast reaches every worker (used to install the program view once per
 * worker instead of once per task). Results come back in whatever order
 * workers finish; callers sort them, so output never depends on scheduling.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { workerArgs } from '../platform/worker-script.js';

/** A message a worker receives. */
export type WorkerRequest<T> = { readonly id: number; readonly kind: 'task' | 'broadcast'; readonly payload: T };
/** A message a worker sends back. */
export type WorkerResponse<R> =
  | { readonly id: number; readonly ok: true; readonly result: R }
  | { readonly id: number; readonly ok: false; readonly error: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Tasks occupy their worker; broadcasts do not. */
  readonly isTask: boolean;
}

interface Slot {
  readonly worker: Worker;
  /** Tasks posted to the worker and not yet answered (it handles them in order). */
  outstanding: number;
}

export class WorkerPool<Task, Result> {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ id: number; payload: Task }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  /**
   * `script` is the worker module. A `.ts` module (tests and development)
   * is loaded through tsx; a built `.js` module runs directly.
   */
  constructor(script: URL, size: number, options: { resourceLimits?: ResourceLimits } = {}) {
    const args = workerArgs(script, options.resourceLimits && { resourceLimits: options.resourceLimits });
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(...args);
      const slot: Slot = { worker, outstanding: 0 };
      worker.on('message', (msg: WorkerResponse<unknown>) => this.settle(slot, msg));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs one task on the next idle worker. */
  run(payload: Task): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const { id, done } = this.register();
    this.queue.push({ id, payload });
    this.dispatch();
    return done;
  }

  /**
   * Runs one task on worker `index` (0 ≤ index < size), after the tasks
   * already given to it. The task is posted at once, so a worker given its
   * next task before it finishes the current one does not wait for this
   * thread between them.
   */
  runOn(index: number, payload: Task): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots[index];
    if (!slot) return Promise.reject(new RangeError(`no worker ${index}`));
    const { id, done } = this.register();
    this.post(slot, id, payload);
    return done;
  }

  private register(): { id: number; done: Promise<Result> } {
    const id = this.nextId++;
    const done = new Promise<Result>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, isTask: true }));
    return { id, done };
  }

  private post(slot: Slot, id: number, payload: Task): void {
    slot.outstanding++;
    slot.worker.postMessage({ id, kind: 'task', payload } satisfies WorkerRequest<Task>);
  }

  /** Sends one message to every worker and waits until all have handled it. */
  async broadcast<B>(payload: B): Promise<void> {
    if (this.failure) throw this.failure;
    await Promise.all(
      this.slots.map((slot) => {
        const id = this.nextId++;
        return new Promise<void>((resolve, reject) => {
          this.pending.set(id, { resolve: () => resolve(), reject, isTask: false });
          slot.worker.postMessage({ id, kind: 'broadcast', payload } satisfies WorkerRequest<B>);
        });
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Gives queued tasks to idle workers. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.outstanding === 0) {
        const next = this.queue.shift()!;
        this.post(slot, next.id, next.payload);
      }
    }
  }

  private settle(slot: Slot, msg: WorkerResponse<unknown>): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
    if (p.isTask) {
      slot.outstanding--;
      this.dispatch();
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * The worker side: answers tasks and broadcasts from the pool. Handlers may
 * be async; an exception becomes a rejected task with its message.
 */
export function serveWorker<Task, Result, B>(
  port: { on(event: 'message', fn: (msg: WorkerRequest<Task | B>) => void): unknown; postMessage(msg: WorkerResponse<Result | null>): void },
  handlers: { task(payload: Task): Result | Promise<Result>; broadcast(payload: B): void | Promise<void> },
): void {
  port.on('message', (msg) => {
    void (async () => {
      try {
        const result = msg.kind === 'task' ? await handlers.task(msg.payload as Task) : (await handlers.broadcast(msg.payload as B), null);
        port.postMessage({ id: msg.id, ok: true, result });
      } catch (e) {
        port.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      }
    })();
  });
}
