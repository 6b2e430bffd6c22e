/**
 * Typed errors for bad user input (paths, redline.yaml, go.mod, baselines,
 * CLI flags). Each carries one or more problems with a position; the CLI
 * prints `error.message` (one `file:line:col: message` per line) and exits
 * with `exitCode` (2). They never need a stack trace to be understood.
 */

/** One thing wrong with an input, with its position when known (1-based). */
export interface Problem {
  /** The file as shown to the user (relative to the current directory when possible). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What is wrong and what is allowed or what to do. */
  readonly message: string;
}

/** `file:line:col: message`, leaving out the parts that are unknown. */
export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.file !== undefined && p.line !== undefined) {
    where += `:${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  return where === '' ? p.message : `${where}: ${p.message}`;
}

export type InputErrorKind =
  | 'path-not-found'
  | 'not-a-go-file'
  | 'policy'
  | 'go-mod'
  | 'baseline'
  | 'build-target'
  | 'glob'
  | 'cli-override'
  | 'usage'
  | 'unreadable-file'
  | 'no-go-files';

/** Base class of every input error: the CLI maps it to exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly kind: InputErrorKind,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = new.target.name;
  }
}

/** A scan argument names a path that does not exist. */
export class PathNotFoundError extends InputError {
  constructor(readonly path: string, hint?: string) {
    super('path-not-found', [{ message: `${path}: no such file or directory${hint ? ` (${hint})` : ''}` }]);
  }
}

/** A scan argument names a file that is not a `.go` file. */
export class NotAGoFileError extends InputError {
  constructor(readonly path: string) {
    super('not-a-go-file', [{ message: `${path}: not a Go source file (only .go files are scanned)` }]);
  }
}

/** A scan argument names a file or directory that cannot be read. */
export class UnreadablePathError extends InputError {
  constructor(readonly path: string, code: string) {
    super('unreadable-file', [{ message: `${path}: cannot be read (${code}); fix its permissions or leave it out of the arguments` }]);
  }
}

/** An argument that matched no Go files; `below`: a directory with Go files in its subdirectories. */
export interface EmptyArgument {
  readonly arg: string;
  readonly below: boolean;
}

/** No argument matched a Go file: a mistyped path or the wrong directory, which must not pass as a clean scan. */
export class NoGoFilesError extends InputError {
  readonly args: readonly string[];
  /** `notes`: what discovery noticed on the way (a directory a .gitignore hides), said after the error. */
  constructor(empty: readonly EmptyArgument[], notes: readonly string[] = []) {
    const args = empty.map((e) => e.arg);
    const hints = empty.filter((e) => e.below).map((e) => belowHint(e.arg));
    super('no-go-files', [{
      message: `no Go files in ${args.join(', ')}: ${hints.length > 0 ? hints.join('; ') : 'check the paths and the directory redline runs in (vendor/, testdata/, hidden directories and generated files are skipped unless included, and so, outside a git work tree, are paths a .gitignore ignores)'}`,
    }, ...notes.map((message) => ({ message }))]);
    this.args = args;
  }
}

/** What to write instead of a directory argument to scan the directories below it too. */
export function belowHint(arg: string): string {
  const pattern = `${arg.replace(/[\\/]+$/, '') || '.'}/...`;
  return `${arg} names one package (like \`go build ${arg}\`); ${pattern} scans the directories below it too`;
}

/** redline.yaml is malformed or invalid. */
export class PolicyError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('policy', problems);
  }
}

/** go.mod or go.work is malformed. */
export class GoModError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('go-mod', problems);
  }
}

/** A baseline file is malformed. */
export class BaselineError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('baseline', problems);
  }
}

/** An unknown GOOS/GOARCH or malformed build setting. */
export class BuildTargetError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('build-target', problems);
  }
}

/** A malformed path glob (an exclude pattern). */
export class GlobError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('glob', problems);
  }
}

/** `--enable`/`--disable`/`--fail-on` name something that does not exist or contradict each other. */
export class CliOverrideError extends InputError {
  constructor(problems: readonly Problem[]) {
    super('cli-override', problems);
  }
}
