/**
 * The scan cache (`redline scan --cache`): each package's results (findings,
 * syntax error count, and the exports and facts its importers need), keyed
 * by everything they are computed from, so that an unchanged package is not
 * parsed, checked or analysed again.
 *
 * A package's key hashes: Redline's own code and the Node version (which
 * fixes the serialization), the scan setup (rules, severities, options,
 * test mode) and the current directory, and the kind of thread that
 * analyses packages (how deep a tree it can follow depends on its stack);
 * the planned package (file paths, module, package name, imports within the
 * scan, header errors) and the content of each of its files; whether any
 * package of the scan imports it; and, for every package it imports, a hash
 * of that package's knowledge and of everything that package imports (a
 * Merkle chain). So a change anywhere below a package invalidates it, and
 * nothing else does. Results are stored only when the files the thread read
 * are the ones the key was computed from.
 *
 * Nothing secret is stored: findings hold what the reports show (redacted
 * text, hashes). Knowledge that holds source text that could be a
 * credential is not stored whole: exported string constants that could be
 * one are left out of the entry, which is then `stripped` (only a package
 * that imports it can use those values, and a scan that analyses such an
 * importer analyses the stripped package again: analysePackages); a
 * package with such a struct tag (types reach beyond importers) is not
 * cached at all.
 *
 * The cache is one file per scan root, rewritten after each scan with the
 * entries that scan used (so it never grows beyond one entry per package).
 * The file starts with a marker and a checksum: a damaged cache is ignored
 * with a warning and replaced; a file that is not a cache is left alone.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { detectSecret, looksLikeSecretValue } from '../rules/secrets/detect/index.js';
import type { Finding } from './finding.js';
import type { PlannedPackage } from './scan-plan.js';
import type { Knowledge, ScanSetup } from './scan-tasks.js';

/** The first bytes of every cache file; the version after the slash changes with the layout. */
const MARKER = 'redline-scan-cache/';
const HEADER = Buffer.from(`${MARKER}3\n`);
/** The header, then the hex sha256 of the body and a newline, then the body. */
const CHECKSUM_LENGTH = 65;

/** What the cache keeps of a package task. */
export interface CachedPackage {
  readonly findings: readonly Finding[];
  readonly parseErrors: number;
  /** `v8.serialize` of the package's Knowledge. */
  readonly knowledge: Uint8Array;
  /** `knowledgeHash` of the whole knowledge (stripped or not). */
  readonly knowledgeHash: string;
  /** The knowledge lacks string constant values that could be credentials: only a scan that analyses no package importing this one may use the entry. */
  readonly stripped?: true;
}

/** A package task's cache key, and the hashes of its files' contents it was computed from. */
export interface PackageKey {
  readonly hash: string;
  readonly fileHashes: readonly string[];
}

interface CacheBody {
  readonly code: string;
  readonly entries: Record<string, CachedPackage>;
}

/** Which threads analyse the packages of a scan. */
export type ThreadKind = 'main' | 'worker';

export class ScanCache {
  private readonly old: Record<string, CachedPackage>;
  private readonly used: Record<string, CachedPackage> = {};
  private readonly base: string;
  /** The file exists and is not a cache: it is neither read nor replaced. */
  private readonly foreign: boolean;
  /** Per package, the hash of the setup, the planned package and its files' contents (read once per scan); null when a file cannot be read. */
  private readonly files = new WeakMap<PlannedPackage, { state: Hash; fileHashes: string[] } | null>();
  /** Packages answered from the cache in this scan. */
  hits = 0;
  /** Why the cache file was not used, if it was not (for a warning). */
  readonly problem: string | undefined;

  constructor(readonly file: string, setup: ScanSetup, threads: ThreadKind) {
    this.base = sha256(JSON.stringify([codeIdentity(), process.versions.node, threads, setup]));
    const loaded = readCacheFile(file);
    this.problem = loaded.problem;
    this.foreign = loaded.foreign === true;
    this.old = loaded.entries;
  }

  /**
   * The key of a package task, or undefined when one of its files cannot be
   * read (the task reports that). `deps` are the `chainHash`es of the
   * packages it imports, in the scheduler's order.
   */
  keyOf(pkg: PlannedPackage, unimported: boolean, deps: readonly string[]): PackageKey | undefined {
    const files = this.filesHash(pkg);
    if (!files) return undefined;
    const h = files.state.copy().update(unimported ? '\0u' : '\0i');
    for (const d of deps) h.update('\0').update(d);
    return { hash: h.digest('hex'), fileHashes: files.fileHashes };
  }

  private filesHash(pkg: PlannedPackage): { state: Hash; fileHashes: string[] } | null {
    let known = this.files.get(pkg);
    if (known === undefined) this.files.set(pkg, (known = this.hashFiles(pkg)));
    return known;
  }

  /** The hash of the setup, the planned package and its files' contents; null when a file cannot be read. */
  private hashFiles(pkg: PlannedPackage): { state: Hash; fileHashes: string[] } | null {
    const h = createHash('sha256').update(this.base).update('\0').update(JSON.stringify(pkg));
    const fileHashes: string[] = [];
    const add = (fh: string) => {
      fileHashes.push(fh);
      h.update('\0').update(fh);
    };
    for (const f of pkg.files) {
      let content: Buffer;
      try {
        content = fs.readFileSync(f.path);
      } catch {
        return null;
      }
      add(contentHash(content));
    }
    for (const header of pkg.cFiles ?? []) add(optionalContentHash(readCFile(header)));
    return { state: h, fileHashes };
  }

  /** Whether the cache file had any entry (a new cache answers nothing). */
  get hasEntries(): boolean {
    return Object.keys(this.old).length > 0;
  }

  /** The entry for a key, without counting it as used. */
  peek(key: PackageKey): CachedPackage | undefined {
    return this.old[key.hash] ?? this.used[key.hash];
  }

  get(key: PackageKey): CachedPackage | undefined {
    const e = this.old[key.hash] ?? this.used[key.hash];
    if (e) {
      this.used[key.hash] = e;
      this.hits++;
    }
    return e;
  }

  /**
   * Keeps a package's results, unless the files the thread read (`read`:
   * their content hashes) are not those the key was computed from (edited
   * meanwhile), or a struct tag of its knowledge could be a secret; string
   * constants that could be are left out (`stripped`).
   */
  put(key: PackageKey, entry: CachedPackage, knowledge: Knowledge, read: readonly string[] | undefined): void {
    if (!read || read.length !== key.fileHashes.length || read.some((h, i) => h !== key.fileHashes[i])) return;
    if (holdsSecretLikeText(knowledge.packages, 'tag')) return;
    this.used[key.hash] = holdsSecretLikeText(knowledge.packages, 'value')
      ? { ...entry, knowledge: serialize({ ...knowledge, packages: withoutSecretLikeValues(knowledge.packages) }), stripped: true }
      : entry;
  }

  /**
   * Writes the entries this scan used, atomically (a concurrent scan sees the
   * old file or the new one). Returns why it could not, if it could not; a
   * file that is not a cache is never replaced.
   */
  save(): string | undefined {
    if (this.foreign) return undefined;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      makeDirectories(path.dirname(this.file));
      const body = serialize({ code: codeIdentity(), entries: this.used } satisfies CacheBody);
      fs.writeFileSync(tmp, Buffer.concat([HEADER, Buffer.from(`${sha256(body)}\n`), body]));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      return `cannot write the scan cache ${this.file} (${(e as Error).message}); the next scan starts from scratch`;
    }
  }
}

/** The hash of a file's content, as the key and the threads that read files compute it. */
export function contentHash(content: Uint8Array): string {
  return sha256(content);
}

/**
 * C files larger than this are not read: a generated amalgamation (sqlite3's
 * is 9 MB), not the declarations and small wrappers a package's Go code calls.
 */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const MAX_SOURCE_BYTES = 1024 * 1024;

/** Reads a C file of a planned package; undefined when it cannot be read or is too large (C files are optional knowledge). */
export function readCFile(absPath: string): Buffer | undefined {
  try {
    return fs.statSync(absPath).size <= (absPath.endsWith('.c') ? MAX_SOURCE_BYTES : MAX_HEADER_BYTES) ? fs.readFileSync(absPath) : undefined;
  } catch {
    return undefined;
  }
}

/** The hash of an optional input as keys and loaders record it: its content hash, or a marker when unreadable. */
export function optionalContentHash(content: Uint8Array | undefined): string {
  return content ? contentHash(content) : '-';
}

/**
 * A hash of a package's knowledge that depends on its content only: the
 * bytes of `v8.serialize` also record which objects are shared, and that
 * differs between knowledge computed here and knowledge read back.
 */
export function knowledgeHash(knowledge: Knowledge): string {
  return sha256(JSON.stringify(knowledge));
}

/** The hash that stands for a package's knowledge and, through `deps` (the same hashes of its imports), for everything below it. */
export function chainHash(knowledgeHash: string, deps: readonly string[]): string {
  const h = createHash('sha256').update(knowledgeHash);
  for (const d of deps) h.update('\0').update(d);
  return h.digest('hex');
}

/** The default cache file of a scan: in the user's cache directory, one per current directory and arguments. */
export function defaultCacheFile(cwd: string, paths: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const root = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(root, 'redline', `scan-${sha256(JSON.stringify([cwd, paths])).slice(0, 16)}.bin`);
}

function readCacheFile(file: string): { entries: Record<string, CachedPackage>; problem?: string; foreign?: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: {} };
    const problem = `cannot read the scan cache ${file} (${(e as Error).message}); scanning everything`;
    // a directory, or something else that is not a regular file: never replaced
    return { entries: {}, problem, foreign: code === 'EISDIR' };
  }
  if (bytes.length === 0) return { entries: {} };
  if (!bytes.subarray(0, MARKER.length).equals(Buffer.from(MARKER))) {
    return { entries: {}, foreign: true, problem: `${file} is not a Redline scan cache: it is left as it is, and this scan is not cached (choose another --cache-location)` };
  }
  // another version's layout: nothing in it can be reused, and it is replaced
  if (!bytes.subarray(0, HEADER.length).equals(HEADER)) return { entries: {} };
  const damaged = { entries: {}, problem: `the scan cache ${file} is damaged; scanning everything and replacing it` };
  const sum = bytes.subarray(HEADER.length, HEADER.length + CHECKSUM_LENGTH).toString('latin1');
  const body = bytes.subarray(HEADER.length + CHECKSUM_LENGTH);
  if (sum !== `${sha256(body)}\n`) return damaged;
  let data: Partial<CacheBody> | null;
  try {
    data = deserialize(body) as Partial<CacheBody> | null;
  } catch {
    return damaged;
  }
  if (typeof data?.entries !== 'object' || data.entries === null || !Object.values(data.entries).every(isEntry)) return damaged;
  // another build of Redline: nothing in it can be reused
  return { entries: data.code === codeIdentity() ? data.entries : {} };
}

function isEntry(e: unknown): e is CachedPackage {
  const x = e as Partial<CachedPackage> | null;
  return typeof x === 'object' && x !== null && Array.isArray(x.findings) && typeof x.parseErrors === 'number'
    && x.knowledge instanceof Uint8Array && typeof x.knowledgeHash === 'string' && /^[0-9a-f]{64}$/.test(x.knowledgeHash);
}

/** Creates the missing directories of `dir` one level at a time (recursive mkdir loops forever on procfs). */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) fs.mkdirSync(d);
}

let code: string | undefined;

/** A hash of Redline's own code (every module of the directory this file is in, and below its parent): any change of code invalidates the cache. */
function codeIdentity(): string {
  if (code !== undefined) return code;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|ts|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(root);
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return (code = h.digest('hex'));
}

/**
 * Source text enters knowledge only as string constant values (`value`:
 * `s:…`, consts.ts) and struct tags (`tag`); everything else in it is
 * names, paths, positions and fact ids.
 */
type TextKey = 'tag' | 'value';

/** Whether a string under `key` is source text that could be a credential. */
function secretLike(text: string, key: TextKey): boolean {
  return key === 'tag' ? tagValues(text).some(mayBeSecret) : text.startsWith('s:') && mayBeSecret(text.slice(2));
}

/** Whether knowledge holds, under `which` keys, source text that could be a credential. */
function holdsSecretLikeText(value: unknown, which: TextKey, key?: string): boolean {
  if (typeof value === 'string') return key === which && secretLike(value, which);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => holdsSecretLikeText(v, which));
  for (const k in value) if (holdsSecretLikeText((value as Record<string, unknown>)[k], which, k)) return true;
  return false;
}

/** A copy of knowledge without the constant values that could be credentials (the constants stay, their values unknown). */
function withoutSecretLikeValues<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => withoutSecretLikeValues(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'value' && typeof v === 'string' && secretLike(v, 'value')) continue;
    out[k] = withoutSecretLikeValues(v);
  }
  return out as T;
}

/**
 * Whether a text could be, or contain, a credential some configuration of
 * the secrets rules reports: a token format or key anywhere in it, or a
 * word of it (`Bearer <credential>`, `password=<credential>`) that is not a
 * name or placeholder, whatever its entropy (the rules' threshold is an
 * option).
 */
function mayBeSecret(text: string): boolean {
  if (text.length < 8) return false;
  if (detectSecret(text) !== null || looksLikeSecretValue(text, 0)) return true;
  return text.split(/[\s=:,;&]+/).some((w) => w.length >= 8 && (detectSecret(w) !== null || looksLikeSecretValue(w, 0)));
}

const TAG_PAIR = /([^\s:"]+):"((?:[^"\\]|\\.)*)"/g;

/** The comma-separated parts of a struct tag's values (`json:"id,omitempty"` → `id`, `omitempty`); a tag of another shape whole. */
function tagValues(tag: string): string[] {
  const out: string[] = [];
  let rest = tag;
  for (const m of tag.matchAll(TAG_PAIR)) {
    out.push(...m[2]!.split(','));
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') out.push(tag);
  return out;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
