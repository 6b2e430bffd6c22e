/**
 * Parsing on a thread with a large stack, synchronously. go/parser accepts
 * nesting up to 100,000 levels; following that by recursion takes about
 * 100 MB of stack, while Node's main thread has about 1 MB. A file that
 * needs more than its thread follows (parser.ts MAX_DEPTH) is parsed again
 * on a helper thread with a 512 MB stack, started on first need and kept
 * (it does not keep the process alive). The caller blocks until the
 * answer comes: `parseFile` stays synchronous, and its result is the same
 * on every thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { workerArgs, siblingScript } from '../platform/worker-script.js';
import type { RawParse } from './index.js';
import { emptyFile } from './parser.js';
import { unflattenTree, type FlatTree } from './tree-transfer.js';

/** Stack of the helper thread: several times what 100,000 levels of the parser's deepest recursion need. */
const STACK_MB = 512;
/** How long the helper may take to start (a thread whose stack cannot be allocated never does). */
const START_TIMEOUT_MS = 15_000;
/** How long a parse may take before the helper is given up (a 100,000-level file takes about a second). */
const TIMEOUT_MS = 60_000;

/** What the helper sends back: the raw parse with its tree flattened, or why it failed. */
export type LargeStackAnswer =
  | { readonly ok: true; readonly tree: FlatTree; readonly errors: RawParse['errors']; readonly nesting: number }
  | { readonly ok: false; readonly error: string };

/** What the helper receives: a port to answer on and a flag to raise when it is ready, and when it has answered. */
export interface LargeStackSetup {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

interface Helper {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

let helper: Helper | undefined;

/** Starts the helper and waits until it is ready; undefined when it cannot start. */
function startHelper(): Helper | undefined {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const setup: LargeStackSetup = { port: port2, signal };
  const [script, options] = workerArgs(siblingScript(import.meta.url, 'large-stack-worker'), {
    workerData: setup,
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  let worker: Worker;
  try {
    worker = new Worker(script, options);
  } catch {
    return undefined;
  }
  worker.unref();
  port1.unref();
  // events cannot arrive while this thread waits: the helper raises the flag itself once it runs
  if (Atomics.wait(signal, 0, 0, START_TIMEOUT_MS) === 'timed-out') {
    void worker.terminate();
    return undefined;
  }
  // a helper that fails later is replaced at the next need
  const forget = (): void => {
    if (helper?.worker === worker) helper = undefined;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return { worker, port: port1, signal };
}

function ask(source: string | Uint8Array): LargeStackAnswer {
  const h = (helper ??= startHelper());
  if (!h) return { ok: false, error: 'no thread with a large stack could be started' };
  Atomics.store(h.signal, 0, 0);
  h.worker.postMessage(source);
  if (Atomics.wait(h.signal, 0, 0, TIMEOUT_MS) === 'timed-out') {
    void h.worker.terminate();
    helper = undefined;
    return { ok: false, error: 'the thread with a large stack did not answer' };
  }
  const reply = receiveMessageOnPort(h.port);
  return reply ? (reply.message as LargeStackAnswer) : { ok: false, error: 'the thread with a large stack sent no answer' };
}

/**
 * Parses on the helper thread. Should no helper be able to run, the file is
 * reported as nested too deeply (with why), never thrown about.
 */
export function parseOnLargeStack(source: string | Uint8Array, textLength: number): RawParse {
  const answer = ask(source);
  if (answer.ok) return { file: unflattenTree(answer.tree), errors: answer.errors, nesting: answer.nesting };
  return { file: emptyFile(textLength), errors: [{ offset: 0, msg: `exceeded max nesting depth (${answer.error})` }], nesting: 0 };
}
