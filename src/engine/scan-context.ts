/**
 * The code a partial scan needs for meaning but was not asked to report
 * on: the other files of a package whose files were named one by one, and
 * the packages of the scanned modules that the scanned packages import,
 * directly or not. They are read as context files (`DiscoveredFile.context`):
 * parsed and checked for their types, exports and function facts, never
 * reported on. So `redline scan ./cmd/...`, or a pre-commit hook naming the
 * changed files, judges a call into the rest of the module (a helper that
 * frees C memory or never returns, a function that logs its argument) as a
 * scan of `./...` does.
 *
 * A context directory contributes the files a scan of that directory
 * would: `.go` files that are not tests, not hidden or `_`-prefixed, not
 * excluded by the policy, and not generated unless generated files are
 * included. Only directories inside the scanned modules and the other
 * modules of their go.work are read (no module cache, no vendor/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isFile, type ModuleResolver } from '../semantics/module.js';
import { isDirectory, readDiscoveredFile, skippedElement, type DiscoveredFile, type IncludeFlags } from './discover.js';
import { readFileHead } from './file-head.js';
import type { PathMatcher } from './glob.js';
import { compareStrings } from './paths.js';

export interface ContextOptions {
  readonly cwd: string;
  readonly include: IncludeFlags;
  readonly exclude: readonly PathMatcher[];
}

/** The context files of a scan of `files`, sorted by path; none for a scan that already holds every package it imports. */
export function contextFiles(files: readonly DiscoveredFile[], modules: ModuleResolver, options: ContextOptions): DiscoveredFile[] {
  const have = new Set(files.map((f) => f.path));
  resolveModules(files, modules, options.cwd);
  const seenDirs = new Set<string>();
  const out: DiscoveredFile[] = [];
  const addDir = (dir: string): DiscoveredFile[] => {
    if (seenDirs.has(dir)) return [];
    seenDirs.add(dir);
    const added = packageFilesIn(dir, options).filter((f) => !have.has(f.path));
    for (const f of added) have.add(f.path);
    out.push(...added);
    return added;
  };
  // Directories of packages named file by file: the rest of the package.
  for (const f of files) if (f.explicit) addDir(path.dirname(f.path));
  // Imported packages of the scanned modules, to a fixpoint.
  const scannedDirs = new Set(files.filter((f) => !f.isTest).map((f) => path.dirname(f.path)));
  let frontier: readonly DiscoveredFile[] = [...files, ...out];
  while (frontier.length > 0) {
    const next: DiscoveredFile[] = [];
    for (const imp of importsOf(frontier)) {
      const dir = moduleDirOf(imp, modules, options.include);
      if (dir === undefined || scannedDirs.has(dir)) continue;
      next.push(...addDir(dir));
    }
    frontier = next;
  }
  return out.sort((a, b) => compareStrings(a.rel, b.rel));
}

/** Makes the resolver know the modules imports are resolved against: those of the scanned files, and the others of their go.work. */
function resolveModules(files: readonly DiscoveredFile[], modules: ModuleResolver, cwd: string): void {
  for (const dir of new Set(files.map((f) => path.dirname(f.path)))) modules.moduleOfDir(dir);
  for (const m of modules.modules()) {
    const work = m.path === '' ? undefined : modules.workspaceOf(m.dir);
    if (!work) continue;
    const workDir = path.dirname(path.resolve(cwd, work.file));
    for (const u of work.use) {
      const dir = path.resolve(workDir, u.path);
      if (isFile(path.join(dir, 'go.mod'))) modules.moduleOfDir(dir);
    }
  }
}

function importsOf(files: readonly DiscoveredFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) for (const imp of (f.head ?? readFileHead(f.path)).imports) out.add(imp);
  return out;
}

/**
 * The directory of an import path inside a module the resolver has seen,
 * when it exists and belongs to that module (not to a nested one).
 */
function moduleDirOf(importPath: string, modules: ModuleResolver, include: IncludeFlags): string | undefined {
  for (const m of modules.modules()) {
    if (m.path === '' || (importPath !== m.path && !importPath.startsWith(`${m.path}/`))) continue;
    const rest = importPath.slice(m.path.length + 1);
    if (rest.split('/').some((el) => skippedElement(el, true, include))) continue;
    const dir = rest === '' ? m.dir : path.join(m.dir, ...rest.split('/'));
    if (!isDirectory(dir) || modules.moduleOfDir(dir).dir !== m.dir) continue;
    return dir;
  }
  return undefined;
}

/** The non-test `.go` files a scan of the directory alone would read, as context. */
function packageFilesIn(dir: string, options: ContextOptions): DiscoveredFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: DiscoveredFile[] = [];
  for (const name of names) {
    if (!name.endsWith('.go') || name.endsWith('_test.go') || skippedElement(name, false, options.include)) continue;
    const abs = path.join(dir, name);
    if (options.exclude.some((m) => m.match(abs) !== undefined)) continue;
    try {
      const file = readDiscoveredFile(abs, options.cwd, false, options.include);
      if (file) out.push({ ...file, context: true });
    } catch {
      continue; // unreadable context is no context; the scan of that file itself would report it
    }
  }
  return out;
}
