/** Entry point of a scan worker thread: serves the tasks of `scan-tasks.ts`. */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { serveWorker } from './pool.js';
import { ScanWorker, type ScanBroadcast, type ScanTask, type ScanTaskResult } from './scan-tasks.js';

const state = new ScanWorker();
serveWorker<ScanTask, ScanTaskResult, ScanBroadcast>(parentPort!, {
  // the knowledge is serialized here, once: the main thread only forwards it
  task: (task) => {
    const r = state.task(task);
    return { ...r, knowledge: serialize(r.knowledge) };
  },
  broadcast: (msg) => state.broadcast(msg),
});
