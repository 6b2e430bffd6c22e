/**
 * The helper thread of large-stack.ts: raises the flag once it runs, then
 * parses each source it receives with no recursion budget, answers on its
 * port and raises the flag again (its caller waits on it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseUnbounded } from './index.js';
import type { LargeStackAnswer, LargeStackSetup } from './large-stack.js';
import { flattenTree } from './tree-transfer.js';

const { port, signal } = workerData as LargeStackSetup;

function raise(): void {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort!.on('message', (source: string | Uint8Array) => {
  let answer: LargeStackAnswer;
  try {
    const r = parseUnbounded(source);
    answer = { ok: true, tree: flattenTree(r.file), errors: r.errors, nesting: r.nesting };
  } catch (e) {
    answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
  raise();
});
raise();
