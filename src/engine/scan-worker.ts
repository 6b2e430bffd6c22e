/** Entry point of a scan worker thread: serves the tasks of `scan-tasks.ts`. */
import { parentPort } from 'node:worker_threads';
import { serveWorker } from './pool.js';
import { ScanWorker, type ScanBroadcast, type ScanTask, type ScanTaskResult } from './scan-tasks.js';

const state = new ScanWorker();
serveWorker<ScanTask, ScanTaskResult, ScanBroadcast>(parentPort!, {
  task: (task) => state.task(task),
  broadcast: (msg) => state.broadcast(msg),
});
