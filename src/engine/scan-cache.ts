/**
 * The scan cache (`redline scan --cache`): each package's results (findings,
 * syntax error count, and the exports and facts its importers need), keyed
 * by everything they are computed from, so that an unchanged package is not
 * parsed, checked or analysed again.
 *
 * A package's key hashes: Redline's own code and the Node version (which
 * fixes the serialization), the scan setup (rules, severities, options,
 * test mode) and the current directory; the planned package (file paths,
 * module, package name, imports within the scan, header errors) and the
 * content of each of its files; whether any package of the scan imports
 * it; and, for every package it imports, a hash of that package's
 * knowledge and of everything that package imports (a Merkle chain). So a
 * change anywhere below a package invalidates it, and nothing else does.
 *
 * Nothing secret is stored: findings hold what the reports show (redacted
 * text, hashes), and a package whose knowledge holds source text that
 * looks like a credential (an exported string constant, a struct tag) is
 * not cached at all.
 *
 * The cache is one file per scan root, rewritten after each scan with the
 * entries that scan used (so it never grows beyond one entry per package).
 * A file that cannot be read or decoded is ignored with a warning.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { detectSecret, looksLikeSecretValue } from '../rules/secrets/detect/index.js';
import type { Finding } from './finding.js';
import type { PlannedPackage } from './scan-plan.js';
import type { Knowledge, ScanSetup } from './scan-tasks.js';

/** Bumped when the file layout changes. */
const FORMAT = 'redline-scan-cache/1';

/** What the cache keeps of a package task. */
export interface CachedPackage {
  readonly findings: readonly Finding[];
  readonly parseErrors: number;
  /** `v8.serialize` of the package's Knowledge. */
  readonly knowledge: Uint8Array;
  /** `knowledgeHash` of it. */
  readonly knowledgeHash: string;
}

/** A package task's cache key, and the size and modification time of its files when it was computed. */
export interface PackageKey {
  readonly hash: string;
  readonly files: readonly string[];
  readonly stamps: readonly string[];
}

interface CacheFile {
  readonly format: string;
  readonly code: string;
  readonly entries: Record<string, CachedPackage>;
}

export class ScanCache {
  private readonly old: Record<string, CachedPackage>;
  private readonly used: Record<string, CachedPackage> = {};
  private readonly base: string;
  /** Packages answered from the cache in this scan. */
  hits = 0;
  /** Why the cache file was not used, if it was not (for a warning). */
  readonly problem: string | undefined;

  constructor(readonly file: string, setup: ScanSetup) {
    this.base = sha256(JSON.stringify([codeIdentity(), process.versions.node, setup]));
    const loaded = readCacheFile(file);
    this.problem = loaded.problem;
    this.old = loaded.entries;
  }

  /**
   * The key of a package task, or undefined when one of its files cannot be
   * read (the task reports that). `deps` are the `chainHash`es of the
   * packages it imports, in the scheduler's order.
   */
  keyOf(pkg: PlannedPackage, unimported: boolean, deps: readonly string[]): PackageKey | undefined {
    const h = createHash('sha256').update(this.base).update('\0').update(JSON.stringify(pkg)).update(unimported ? '\0u' : '\0i');
    const stamps: string[] = [];
    for (const f of pkg.files) {
      try {
        stamps.push(stampOf(f.path));
        h.update('\0').update(sha256(fs.readFileSync(f.path)));
      } catch {
        return undefined;
      }
    }
    for (const d of deps) h.update('\0').update(d);
    return { hash: h.digest('hex'), files: pkg.files.map((f) => f.path), stamps };
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
   * Keeps a package's results, unless its knowledge holds source text that
   * looks like a secret, or one of its files changed since it was keyed
   * (the results may be of the new content).
   */
  put(key: PackageKey, entry: CachedPackage, knowledge: Knowledge): void {
    if (holdsSecretLikeText(knowledge.packages)) return;
    try {
      if (key.files.some((f, i) => stampOf(f) !== key.stamps[i])) return;
    } catch {
      return;
    }
    this.used[key.hash] = entry;
  }

  /** Writes the entries this scan used (atomically: a concurrent scan sees the old file or the new one). */
  save(): void {
    const data: CacheFile = { format: FORMAT, code: codeIdentity(), entries: this.used };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, serialize(data));
    fs.renameSync(tmp, this.file);
  }
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

function readCacheFile(file: string): { entries: Record<string, CachedPackage>; problem?: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: {} };
    return { entries: {}, problem: `cannot read the scan cache ${file} (${(e as Error).message}); scanning everything` };
  }
  try {
    const data = deserialize(bytes) as Partial<CacheFile> | null;
    if (data?.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) {
      return { entries: {}, problem: `${file} is not a Redline scan cache of this version; scanning everything and replacing it` };
    }
    // another version of Redline: nothing in it can be reused
    return { entries: data.code === codeIdentity() ? data.entries : {} };
  } catch {
    return { entries: {}, problem: `the scan cache ${file} is damaged; scanning everything and replacing it` };
  }
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
 * Whether knowledge holds source text that could be a credential (a token
 * format, a private key, or a random-looking value). Source text enters
 * knowledge only as string constant values (`s:…`, consts.ts) and struct
 * tags; everything else in it is names, paths, positions and fact ids.
 */
function holdsSecretLikeText(value: unknown, key?: string): boolean {
  if (typeof value === 'string') {
    if (key === 'tag') return tagValues(value).some(mayBeSecret);
    return key === 'value' && value.startsWith('s:') && mayBeSecret(value.slice(2));
  }
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => holdsSecretLikeText(v));
  for (const k in value) if (holdsSecretLikeText((value as Record<string, unknown>)[k], k)) return true;
  return false;
}

function mayBeSecret(text: string): boolean {
  return text.length >= 8 && (detectSecret(text) !== null || looksLikeSecretValue(text, 3.0));
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

function stampOf(file: string): string {
  const st = fs.statSync(file, { bigint: true });
  return `${st.size}:${st.mtimeNs}`;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
