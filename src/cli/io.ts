/**
 * What the CLI touches of the process, passed in so commands can be run and
 * tested in-process: streams, environment, working directory.
 */
import { isCI } from 'std-env';

export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/**
 * Whether to colour a stream: `--color`/`--no-color` win, then NO_COLOR and
 * FORCE_COLOR, then a terminal that is not "dumb". (picocolors' own check
 * turns colour on whenever CI is set, even when piped.)
 */
export function colorEnabled(stream: OutputStream, env: CliIO['env'], flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A progress bar only on an interactive terminal: never in CI, when piped, or quiet. */
export function progressEnabled(io: CliIO, quiet: boolean): boolean {
  return !quiet && io.stderr.isTTY === true && !isCI && io.env.CI === undefined && io.env.TERM !== 'dumb';
}
