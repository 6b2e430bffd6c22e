import { parentPort } from 'node:worker_threads';
import { serveWorker } from '../../src/engine/pool.js';

let factor = 1;
serveWorker<number, number, number>(parentPort!, {
  task: async (n) => {
    if (n < 0) throw new Error(`negative input ${n}`);
    await new Promise((r) => setTimeout(r, n % 3));
    return n * factor;
  },
  broadcast: (f) => {
    factor = f;
  },
});
