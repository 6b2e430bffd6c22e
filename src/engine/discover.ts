/**
 * Which files a scan covers.
 *
 * Arguments are files, directories or Go-style patterns, relative to `cwd`
 * or absolute; none means `./...`.
 * - a directory (`pkg`) means the `.go` files directly in it;
 * - `dir/...` means `dir` and every directory below it; `...` elsewhere is a
 *   wildcard over directory paths exactly as in `go list` patterns
 *   (`./pkg/.../internal`); unlike the go command, `...` crosses into nested
 *   modules, which are scanned as their own modules;
 * - a file is always included, even when a rule below would skip it, but it
 *   must be a `.go` file.
 * Inside a git work tree the candidates are `git ls-files -co
 * --exclude-standard` (run once per repository, nested repositories and
 * submodules included), so `.gitignore` applies exactly as git applies it;
 * outside git the tree is walked and every `.gitignore` from the current
 * directory (or the argument, if outside it) down is honoured.
 * Below an argument's directory, these are skipped unless included:
 * `vendor/`, `testdata/`, names starting with `.` or `_` (the go command
 * ignores them), `node_modules/`, and generated files (a `// Code generated
 * … DO NOT EDIT.` line before the package clause). Exclude globs (policy,
 * CLI) skip files too. Only `.go` files are returned, sorted by relative path.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fdir } from 'fdir';
import ignore, { type Ignore } from 'ignore';
import { belowHint, NoGoFilesError, NotAGoFileError, PathNotFoundError, UnreadablePathError, type EmptyArgument } from './errors.js';
import { readFileHead, type FileHead } from './file-head.js';
import type { PathMatcher } from './glob.js';
import { compareStrings, isWithin, relativeSlash, toSlash } from './paths.js';

/** Kinds of files skipped by default; each can be included. */
export interface IncludeFlags {
  readonly vendor: boolean;
  readonly testdata: boolean;
  /** Directories and files whose names start with `.` or `_`. */
  readonly hidden: boolean;
  readonly nodeModules: boolean;
  readonly generated: boolean;
}

export const DEFAULT_INCLUDE: IncludeFlags = {
  vendor: false,
  testdata: false,
  hidden: false,
  nodeModules: false,
  generated: false,
};

export interface DiscoverOptions {
  /** Absolute directory arguments are relative to; relative paths in the result are relative to it. */
  readonly cwd: string;
  /** Files, directories or patterns; empty means `./...`. */
  readonly args?: readonly string[];
  readonly include?: Partial<IncludeFlags>;
  /** Exclude globs (policy `exclude:`, CLI); explicit file arguments ignore them. */
  readonly exclude?: readonly PathMatcher[];
  /** `never` forces the directory walk even inside a git work tree. */
  readonly git?: 'auto' | 'never';
  /**
   * Called once the candidate files are listed, with their number, before
   * they are read: lets a caller start work that only depends on the size
   * of the scan (worker threads) while the files are read.
   */
  readonly onListed?: (candidates: number) => void;
}

export interface DiscoveredFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to `cwd`, with `/`. */
  readonly rel: string;
  /** The name ends with `_test.go`. */
  readonly isTest: boolean;
  /** Has a `// Code generated … DO NOT EDIT.` header (only possible when included). */
  readonly generated: boolean;
  /** Named directly as an argument. */
  readonly explicit: boolean;
  /** Read for meaning only, never reported on (scan-context.ts). */
  readonly context?: true;
  /** Size in bytes. */
  readonly size: number;
  /** The header and imports, read during discovery (so planning need not read the file again). */
  readonly head?: FileHead;
}

export interface DiscoveryResult {
  readonly files: readonly DiscoveredFile[];
  /** How each searched root was listed. */
  readonly listings: readonly { readonly root: string; readonly via: 'git' | 'walk' }[];
  /** Non-fatal problems (e.g. git refused the repository and the walk was used). */
  readonly warnings: readonly string[];
}

type Target =
  | { readonly kind: 'file'; readonly abs: string }
  /** `root` is the literal directory; `dirRegex` (absolute, `/`) selects directories below it. */
  | { readonly kind: 'dirs'; readonly root: string; readonly recursive: boolean; readonly dirRegex?: RegExp };

const IMPORT_PATH_HINT = 'arguments are file-system paths; import paths are not supported';

/** Turns one argument into a target; throws `PathNotFoundError` / `NotAGoFileError`. */
function parseTarget(arg: string, cwd: string): Target {
  const slashed = toSlash(arg);
  if (slashed.split('/').some((el) => el.includes('...'))) {
    const elements = slashed.split('/');
    const first = elements.findIndex((el) => el.includes('...'));
    const literal = elements.slice(0, first).join('/');
    // `...` and `./...` start at cwd, `/...` at the file-system root.
    const root = literal === '' ? (slashed.startsWith('/') ? path.resolve('/') : cwd) : path.resolve(cwd, literal);
    if (!isDirectory(root)) throw new PathNotFoundError(literal || arg, IMPORT_PATH_HINT);
    const abs = toSlash(root) + (root.endsWith(path.sep) ? '' : '/') + elements.slice(first).join('/');
    return { kind: 'dirs', root, recursive: true, dirRegex: goPatternRegex(abs) };
  }
  const abs = path.resolve(cwd, arg);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new PathNotFoundError(arg, /^[a-z0-9-]+\.[a-z]+\//i.test(slashed) ? IMPORT_PATH_HINT : undefined);
  }
  if (stat.isDirectory()) {
    try {
      fs.readdirSync(abs);
    } catch (e) {
      throw new UnreadablePathError(arg, (e as NodeJS.ErrnoException).code ?? String(e));
    }
    return { kind: 'dirs', root: abs, recursive: false };
  }
  if (!abs.endsWith('.go')) throw new NotAGoFileError(arg);
  return { kind: 'file', abs };
}

/** go's `pkgpattern.MatchPattern`: `...` matches any string; a trailing `/...` also matches the prefix. */
function goPatternRegex(pattern: string): RegExp {
  let re = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (re.endsWith('/\\.\\.\\.')) re = `${re.slice(0, -'/\\.\\.\\.'.length)}(?:/\\.\\.\\.)?`;
  re = re.replaceAll('\\.\\.\\.', '.*');
  return new RegExp(`^${re}$`, 's');
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reports whether a path element (directory or file name) below a target root is skipped by default. */
export function skippedElement(name: string, isDir: boolean, include: IncludeFlags): boolean {
  if (isDir && name === '.git') return true;
  if (!include.hidden && (name.startsWith('.') || name.startsWith('_'))) return true;
  if (!isDir) return false;
  if (!include.vendor && name === 'vendor') return true;
  if (!include.testdata && name === 'testdata') return true;
  if (!include.nodeModules && name === 'node_modules') return true;
  return false;
}

/** Finds the files a scan covers. Throws `PathNotFoundError`/`NotAGoFileError` for bad arguments. */
export function discoverFiles(options: DiscoverOptions): DiscoveryResult {
  const cwd = path.resolve(options.cwd);
  const include: IncludeFlags = { ...DEFAULT_INCLUDE, ...options.include };
  const args = options.args && options.args.length > 0 ? options.args : ['./...'];
  const targets = args.map((a) => parseTarget(a, cwd));
  const lister = new Lister(cwd, options.git ?? 'auto');
  const excluded = (abs: string) => (options.exclude ?? []).some((m) => m.match(abs) !== undefined);

  const found = new Map<string, { explicit: boolean }>();
  const empty: EmptyArgument[] = [];
  targets.forEach((t, i) => {
    if (t.kind === 'file') {
      found.set(t.abs, { explicit: true });
      return;
    }
    const kept = (abs: string): boolean => {
      if (t.dirRegex && !t.dirRegex.test(toSlash(path.dirname(abs)))) return false;
      const elements = toSlash(path.relative(t.root, abs)).split('/');
      return !elements.some((el, j) => skippedElement(el, j < elements.length - 1, include)) && !excluded(abs);
    };
    let matched = false;
    for (const abs of lister.goFilesUnder(t.root, t.recursive, include)) {
      if (!t.recursive && path.dirname(abs) !== t.root) continue;
      if (!kept(abs)) continue;
      matched = true;
      if (!found.has(abs)) found.set(abs, { explicit: false });
    }
    if (matched) return;
    // a directory named alone is one package, like `go build DIR`: are there Go files below it?
    const below = !t.recursive && lister.goFilesUnder(t.root, true, include).some((abs) => path.dirname(abs) !== t.root && kept(abs));
    empty.push({ arg: args[i]!, below });
  });
  if (found.size === 0) throw new NoGoFilesError(empty, lister.warnings);
  for (const e of empty) lister.warnings.push(`${e.arg} matched no Go files${e.below ? `; ${belowHint(e.arg)}` : ''}`);

  options.onListed?.(found.size);
  const files: DiscoveredFile[] = [];
  for (const [abs, { explicit }] of found) {
    let file: DiscoveredFile | undefined;
    try {
      file = readDiscoveredFile(abs, cwd, explicit, include);
    } catch (e) {
      if (explicit) throw new UnreadablePathError(relativeSlash(cwd, abs), (e as NodeJS.ErrnoException).code ?? String(e));
      lister.warnings.push(`cannot read ${relativeSlash(cwd, abs)} (${(e as NodeJS.ErrnoException).code ?? String(e)}); skipped`);
      continue;
    }
    if (file) files.push(file);
  }
  files.sort((a, b) => compareStrings(a.rel, b.rel));
  return { files, listings: lister.listings, warnings: lister.warnings };
}

/**
 * A listed `.go` file with its size and head; undefined when it is no longer
 * a regular file (listed by git but deleted from the work tree) or is
 * generated and generated files are not included (unless named). Throws the
 * `fs` error when its head cannot be read.
 */
export function readDiscoveredFile(abs: string, cwd: string, explicit: boolean, include: IncludeFlags): DiscoveredFile | undefined {
  let size: number;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) return undefined;
    size = st.size;
  } catch {
    return undefined;
  }
  const head = readFileHead(abs);
  const generated = head.header.generated !== undefined;
  if (generated && !include.generated && !explicit) return undefined;
  return { path: abs, rel: relativeSlash(cwd, abs), isTest: abs.endsWith('_test.go'), generated, explicit, size, head };
}

/** Lists candidate `.go` files from git or a walk, caching one git listing per repository. */
class Lister {
  readonly listings: { root: string; via: 'git' | 'walk' }[] = [];
  readonly warnings: string[] = [];
  private readonly repos = new Map<string, readonly string[]>();

  constructor(
    private readonly cwd: string,
    private readonly git: 'auto' | 'never',
  ) {}

  goFilesUnder(root: string, recursive: boolean, include: IncludeFlags): readonly string[] {
    const repo = this.git === 'auto' ? this.gitToplevel(root) : undefined;
    if (repo !== undefined) {
      const listed = this.repoFiles(repo);
      const prefix = root.endsWith(path.sep) ? root : root + path.sep;
      return listed.filter((f) => f.startsWith(prefix) && (recursive || path.dirname(f) === root));
    }
    this.listings.push({ root, via: 'walk' });
    const hidden: string[] = [];
    const files = walkGoFiles(root, recursive, include, isWithin(this.cwd, root) ? this.cwd : root, (dir, code) => this.warnings.push(`cannot read ${relativeSlash(this.cwd, dir)} (${code}); its files are not scanned`), hidden);
    const withGo = hidden.filter(holdsGoFiles);
    if (withGo.length > 0) {
      const named = withGo.slice(0, 3).map((d) => relativeSlash(this.cwd, d)).join(', ') + (withGo.length > 3 ? ` and ${withGo.length - 3} more` : '');
      this.warnings.push(`${named}: skipped, a .gitignore ignores ${withGo.length === 1 ? 'it' : 'them'}; outside a git work tree Redline cannot tell tracked files from ignored ones. Scan from a git checkout, or name the directory as an argument`);
    }
    return files;
  }

  private gitToplevel(dir: string): string | undefined {
    const r = runGit(dir, ['rev-parse', '--show-toplevel']);
    if (r.kind === 'no-git') return undefined;
    if (r.kind === 'failed') {
      if (/dubious ownership/.test(r.stderr)) {
        this.warnings.push(`git refused ${dir} (dubious ownership); walking the directory instead`);
      }
      return undefined;
    }
    return path.resolve(r.stdout.trim());
  }

  private repoFiles(root: string): readonly string[] {
    let files = this.repos.get(root);
    if (!files) {
      files = listRepository(root, this.warnings);
      this.repos.set(root, files);
      this.listings.push({ root, via: 'git' });
    }
    return files;
  }
}

type GitResult = { kind: 'ok'; stdout: string } | { kind: 'failed'; stderr: string } | { kind: 'no-git' };

function runGit(cwd: string, args: readonly string[]): GitResult {
  const env = { ...process.env };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) return { kind: 'no-git' };
  if (r.status !== 0) return { kind: 'failed', stderr: r.stderr };
  return { kind: 'ok', stdout: r.stdout };
}

const STAGED_ENTRY = /^([0-7]{6}) [0-9a-f]{40,64} [0-3]\t(.*)$/s;

/**
 * Absolute paths of the `.go` files git lists for a repository (tracked and
 * untracked, not ignored), recursing into nested repositories and checked-out
 * submodules.
 */
function listRepository(root: string, warnings: string[]): string[] {
  const r = runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--stage']);
  if (r.kind !== 'ok') {
    warnings.push(`git ls-files failed in ${root}; no files listed there`);
    return [];
  }
  const out = new Set<string>();
  for (const entry of r.stdout.split('\0')) {
    if (entry === '') continue;
    const staged = STAGED_ENTRY.exec(entry);
    const rel = staged ? staged[2]! : entry;
    const abs = path.join(root, rel);
    const nestedRepo = staged ? staged[1] === '160000' : rel.endsWith('/');
    if (nestedRepo) {
      if (fs.existsSync(path.join(abs, '.git'))) for (const f of listRepository(abs, warnings)) out.add(f);
      continue;
    }
    if (rel.endsWith('.go')) out.add(abs);
  }
  return [...out];
}

/**
 * Walks a directory for `.go` files, pruning skipped and git-ignored
 * directories; `.gitignore` files apply from `ignoreTop` down. A directory
 * that cannot be read is reported to `unreadable` (the walk itself would
 * skip it silently).
 */
function walkGoFiles(root: string, recursive: boolean, include: IncludeFlags, ignoreTop: string, unreadable: (dir: string, code: string) => void, gitignored: string[]): string[] {
  const gitignore = new GitignoreTree(ignoreTop);
  const readable = (dirPath: string): boolean => {
    try {
      fs.accessSync(dirPath, fs.constants.R_OK | fs.constants.X_OK);
      return true;
    } catch (e) {
      unreadable(dirPath, (e as NodeJS.ErrnoException).code ?? String(e));
      return false;
    }
  };
  const builder = new fdir()
    .withFullPaths()
    .exclude((name, dirPath) => {
      if (skippedElement(name, true, include)) return true;
      if (gitignore.ignored(dirPath, true)) {
        gitignored.push(dirPath);
        return true;
      }
      return !readable(dirPath);
    })
    .filter((p, isDir) => !isDir && p.endsWith('.go') && !gitignore.ignored(p, false));
  return (recursive ? builder : builder.withMaxDepth(0)).crawl(root).sync();
}

/** Whether a directory directly holds `.go` files (a package a `.gitignore` pattern may hide by mistake). */
function holdsGoFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => n.endsWith('.go'));
  } catch {
    return false;
  }
}

/** `.gitignore` files of a tree, loaded lazily, with git's precedence (deeper files win). */
class GitignoreTree {
  private readonly levels = new Map<string, Ignore | null>();

  constructor(private readonly top: string) {}

  ignored(absPath: string, isDir: boolean): boolean {
    const target = absPath.endsWith(path.sep) ? absPath.slice(0, -1) : absPath;
    if (!isWithin(this.top, target) || target === this.top) return false;
    // Directories from the top down to the parent of the path.
    const dirs: string[] = [];
    for (let d = path.dirname(target); isWithin(this.top, d); d = path.dirname(d)) {
      dirs.push(d);
      if (d === this.top) break;
    }
    for (const dir of dirs) {
      const ig = this.level(dir);
      if (!ig) continue;
      const rel = toSlash(path.relative(dir, target)) + (isDir ? '/' : '');
      const r = ig.test(rel);
      if (r.unignored) return false;
      if (r.ignored) {
        // The walk only enters directories that are not ignored, so when this
        // level ignores the parent directory too, its verdict is inherited
        // from a directory a deeper .gitignore re-included: not a rule of
        // this level for the path itself.
        const parentRel = toSlash(path.relative(dir, path.dirname(target)));
        if (parentRel !== '' && ig.test(`${parentRel}/`).ignored) continue;
        return true;
      }
    }
    return false;
  }

  private level(dir: string): Ignore | null {
    let ig = this.levels.get(dir);
    if (ig === undefined) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
      } catch {
        text = undefined;
      }
      ig = text === undefined ? null : ignore({ ignorecase: false }).add(text);
      this.levels.set(dir, ig);
    }
    return ig;
  }
}
