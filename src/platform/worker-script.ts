/**
 * How to start a worker thread on one of Redline's own modules, built
 * (`.js`) or run from source (`.ts`, tests and benchmarks).
 */
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Node 20 does not pass `--import` loaders on to worker threads: a worker
 * on a `.ts` module registers tsx itself, from code given with `eval`.
 */
function tsBootstrap(script: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
}

/**
 * Workers inherit the process's Node options, except that `--input-type`
 * (which only applies to `-e` code) makes a worker that loads a file fail:
 * then the options are passed without it.
 */
const EXEC_ARGV = process.execArgv.some((a) => a.startsWith('--input-type'))
  ? { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) }
  : {};

/** The module URL of a sibling worker script: `name.js` when built, `name.ts` when run from source. */
export function siblingScript(importMetaUrl: string, name: string): URL {
  return new URL(importMetaUrl.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, importMetaUrl);
}

/** The `new Worker(...)` arguments that start `script` with `options`. */
export function workerArgs(script: URL, options: WorkerOptions = {}): [string | URL, WorkerOptions] {
  const common = { ...EXEC_ARGV, ...options };
  return script.pathname.endsWith('.ts') ? [tsBootstrap(script), { ...common, eval: true }] : [script, common];
}
