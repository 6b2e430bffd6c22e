/**
 * Planning a scan: which files take part in the build for the target, how
 * they group into packages, and which planned packages each imports (the
 * order of analysis is scan-schedule.ts's), from the headers alone —
 * before any full parse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decideFile, readFileHeader, type BuildTarget } from '../semantics/build-target.js';
import type { ModuleResolver } from '../semantics/module.js';
import type { DiscoveredFile } from './discover.js';
import { readFileHead } from './file-head.js';
import { compareStrings, relativeSlash } from './paths.js';

export interface PlannedFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the module root, with `/`. */
  readonly relPath: string;
  readonly isTest: boolean;
  readonly size: number;
  /** A malformed `//go:build` header, reported as a finding. */
  readonly headerError?: string;
  /** Read for meaning only, never reported on (scan-context.ts). */
  readonly context?: true;
}

export interface PlannedPackage {
  /** Unique key: the import path, plus `_test` for external test packages. */
  readonly importPath: string;
  readonly dir: string;
  readonly name: string;
  readonly module: { readonly path: string; readonly goVersion: string };
  readonly files: readonly PlannedFile[];
  /** Import paths of other planned packages this one imports. */
  readonly deps: readonly string[];
  /** Absolute paths of the C headers and sources (`*.h`, `*.c`) of a package that imports "C": its directory's, sorted, then those its preambles include from other directories of the module (`includedCFiles`). */
  readonly cFiles?: readonly string[];
}

export interface ExcludedFile {
  readonly rel: string;
  readonly reason: string;
  /** The custom tags that would build it (`--tags`); empty for another platform or release. */
  readonly tags: readonly string[];
  /** Named as an argument (a pre-commit hook's changed file, say): worth telling the user. */
  readonly explicit: boolean;
}

/** Files the build target leaves out (`*_windows.go` on Linux, `//go:build integration`): not scanned. */
export interface NotBuilt {
  readonly files: number;
  /** The target, `linux/amd64`. */
  readonly target: string;
  /** Of those, the files that custom tags would build, by the tags as `--tags` takes them (`quic`, `e2e,slow`). */
  readonly byTags: Readonly<Record<string, number>>;
}

export interface ScanPlan {
  readonly packages: readonly PlannedPackage[];
  /** Files left out because they are not built for the target. */
  readonly excluded: readonly ExcludedFile[];
  /** Files and bytes reported on (context files not counted). */
  readonly files: number;
  readonly bytes: number;
  /** Context files read (scan-context.ts). */
  readonly contextFiles: number;
}

/** Reads each file's header and groups the files that are built for `target` into packages. */
export function planScan(files: readonly DiscoveredFile[], modules: ModuleResolver, target: BuildTarget): ScanPlan {
  const groups = new Map<string, { dir: string; moduleDir: string; name: string; importPath: string; module: PlannedPackage['module']; files: PlannedFile[]; imports: Set<string>; cIncludes: Set<string> }>();
  const excluded: ExcludedFile[] = [];
  let bytes = 0;
  let count = 0;
  let context = 0;
  for (const f of files) {
    const head = f.head ?? readFileHead(f.path);
    const decision = decideFile(path.basename(f.path), head.header, target);
    if (f.context && !decision.included) continue;
    if (!decision.included && decision.reason !== 'bad-constraint') {
      excluded.push({ rel: f.rel, reason: decision.detail, tags: decision.tags ?? [], explicit: f.explicit });
      continue;
    }
    const { packageName, imports, cIncludes } = head;
    const { module, importPath } = modules.moduleOfFile(f.path);
    // A file without a package clause still belongs somewhere: its parse error is reported with its directory's package.
    const name = packageName ?? '';
    const external = name.endsWith('_test') && f.isTest;
    const key = external ? `${importPath}_test` : `${importPath}\0${name.replace(/^$/, '?')}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        dir: path.dirname(f.path),
        moduleDir: module.dir,
        name,
        importPath: external ? `${importPath}_test` : importPath,
        module: { path: module.path, goVersion: module.language },
        files: [],
        imports: new Set(),
        cIncludes: new Set(),
      };
      groups.set(key, g);
    }
    for (const imp of imports) g.imports.add(imp);
    for (const inc of cIncludes) g.cIncludes.add(inc);
    g.files.push({
      path: f.path,
      relPath: relativeSlash(module.dir, f.path),
      isTest: f.isTest,
      size: f.size,
      ...(!decision.included && { headerError: decision.detail }),
      ...(f.context && { context: true as const }),
    });
    if (f.context) {
      context++;
    } else {
      bytes += f.size;
      count++;
    }
  }
  const packages = [...groups.values()]
    .map((g): PlannedPackage => {
      const cFiles = g.imports.has('C') ? [...cFilesIn(g.dir, target), ...includedCFiles(g.dir, g.moduleDir, g.cIncludes, target)] : [];
      return { importPath: g.importPath, dir: g.dir, name: g.name, module: g.module, files: g.files, deps: [...g.imports], ...(cFiles.length > 0 && { cFiles }) };
    })
    .sort((a, b) => compareStrings(a.importPath, b.importPath) || compareStrings(a.name, b.name));
  const known = new Set(packages.map((p) => p.importPath));
  const withDeps = packages.map((p) => ({ ...p, deps: p.deps.filter((d) => known.has(d) && d !== p.importPath).sort(compareStrings) }));
  return { packages: withDeps, excluded, files: count, bytes, contextFiles: context };
}

/** C files read from one other directory at most: enough for a package's own C helpers, not for a vendored library. */
const MAX_C_FILES_PER_DIR = 64;

/**
 * The C files that preambles reach in other directories of the module: a
 * header included by a relative path (`#include "clib/blob.h"`,
 * `"../../cgo/bloom.h"`), and the sources built for the target in that
 * header's directory (where cgo or a library build defines what it
 * declares). Outside the module, nothing is read.
 */
function includedCFiles(dir: string, moduleDir: string, includes: ReadonlySet<string>, target: BuildTarget): string[] {
  const out = new Set<string>();
  for (const inc of [...includes].sort(compareStrings)) {
    if (!inc.includes('/')) continue; // the package's own directory: cFilesIn
    const header = path.resolve(dir, inc);
    const within = path.relative(moduleDir, header);
    if (within.startsWith('..') || path.isAbsolute(within) || !fs.existsSync(header)) continue;
    out.add(header);
    const other = path.dirname(header);
    if (other === dir) continue;
    for (const f of cFilesIn(other, target).filter((f) => f.endsWith('.c')).slice(0, MAX_C_FILES_PER_DIR)) out.add(f);
  }
  return [...out];
}

/**
 * The C files of a directory: headers its cgo preambles may include with
 * `#include "name.h"`, and the sources cgo compiles with the package for
 * the target (where the functions a preamble only declares are defined):
 * like go/build, a `.c` file whose `_GOOS`/`_GOARCH` name suffix or build
 * constraint excludes it is not compiled (`sink_darwin.c` on linux).
 */
function cFilesIn(dir: string, target: BuildTarget): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const built = (n: string): boolean => {
    if (!n.endsWith('.c')) return true;
    try {
      return decideFile(n, readFileHeader(path.join(dir, n)), target).included;
    } catch {
      return true; // unreadable: reported where it is read
    }
  };
  return names.filter((n) => (n.endsWith('.h') || n.endsWith('.c')) && built(n)).sort(compareStrings).map((n) => path.join(dir, n));
}
