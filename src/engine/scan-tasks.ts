/**
 * The work of a scan on one package, the same in a worker thread and in the
 * main thread: parse, check against the exports and facts of the packages it
 * imports, compute its own function facts, run the rules. Everything crossing
 * this boundary is plain data.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { parseFile } from '../syntax/index.js';
import { checkPackage, type FactTable, type PackageFileInput, type PackageInfo, type PackageInput } from '../semantics/package.js';
import { FactNameIndex } from '../semantics/fact-names.js';
import { buildProgram, packageFactsOf, summarizeChecked, type FactKind } from '../semantics/facts.js';
import type { ExportedPackage } from '../semantics/exports.js';
import { beyondAnalysisLimit, deepestNode, isStackOverflow } from './analysis-limit.js';
import { analyzePackage, parseErrorFinding, unanalysedFileFindings, type AnalyzeOptions, type EnabledRule, type SyntaxProblem } from './analyze.js';
import { relativeSlash } from './paths.js';
import { CATALOG, RULES } from '../rules/index.js';
import type { Finding, Severity } from './finding.js';
import type { TestMode } from './policy.js';
import { factKindsOf } from './rule.js';
import { contentHash, optionalContentHash, readCFile } from './scan-cache.js';
import type { PlannedPackage } from './scan-plan.js';
import type { ForeignTool } from './foreign-suppressions.js';

export interface ScanSetup {
  readonly cwd: string;
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity; readonly options: unknown; readonly tests?: TestMode }>;
  readonly engineSeverities: Readonly<Record<string, Severity>>;
  readonly tests: TestMode;
  /** The linters whose suppression comments the policy honours (`suppressions:`). */
  readonly honor: readonly ForeignTool[];
}

export type ScanBroadcast = { readonly kind: 'setup'; readonly setup: ScanSetup };

/**
 * Exports and function facts of an analysed package. Worker threads pass
 * it on serialized (`v8.serialize`, once, by the thread that produced it):
 * the main thread forwards the bytes without decoding them.
 */
export interface Knowledge {
  readonly packages: Readonly<Record<string, ExportedPackage>>;
  readonly facts: FactTable;
}

export interface ScanTask {
  readonly kind: 'package';
  readonly pkg: PlannedPackage;
  /**
   * Knowledge of packages `pkg` imports (transitively) that this thread has
   * not seen, imported packages first: learnt before `pkg` is analysed.
   */
  readonly known?: ReadonlyArray<Knowledge | Uint8Array>;
  /**
   * No package of the scan imports `pkg`: its exports are not computed, and
   * its knowledge holds its facts only (default: exported).
   */
  readonly unimported?: boolean;
  /** Return the content hash of each file as read (for the scan cache: results of files edited since they were keyed are not stored). */
  readonly hashFiles?: boolean;
}

/** Milliseconds spent in each stage of a task, summed over packages (CPU time of one thread). */
export interface StageTimes {
  parseMs: number;
  semanticsMs: number;
  rulesMs: number;
}

export interface ScanTaskResult {
  /** The package's exports and function facts, for the packages that import it (serialized by worker threads). */
  readonly knowledge: Knowledge | Uint8Array;
  readonly findings: Finding[];
  /** Files of the package with syntax errors. */
  readonly parseErrors: number;
  readonly times: StageTimes;
  /** With `hashFiles`: `contentHash` of each file of the package, in plan order, then `optionalContentHash` of each C header. */
  readonly fileHashes?: readonly string[];
}

/**
 * The state of one scan in one thread: the enabled rules and the exports
 * and facts of the packages analysed so far (by this thread, or by others
 * and passed along with tasks). Packages arrive in dependency order
 * (scan-schedule.ts), so every package's imports are known when it is
 * analysed, and each package is parsed and checked exactly once.
 */
export class ScanWorker {
  private setup: ScanSetup | null = null;
  private enabled: EnabledRule[] = [];
  private factKinds: FactKind[] = [];
  private program: MutableProgram = emptyProgram();

  broadcast(msg: ScanBroadcast): void {
    switch (msg.kind) {
      case 'setup': {
        this.setup = msg.setup;
        const byId = new Map(RULES.map((r) => [r.meta.id as string, r]));
        this.enabled = msg.setup.rules.flatMap((s) => {
          const rule = byId.get(s.id);
          return rule ? [{ rule, severity: s.severity, options: s.options, ...(s.tests && { tests: s.tests }) }] : [];
        });
        this.factKinds = factKindsOf(this.enabled);
        this.program = emptyProgram();
        return;
      }
    }
  }

  task(task: ScanTask): ScanTaskResult {
    const setup = this.setup;
    if (!setup) throw new Error('scan worker used before setup');
    for (const k of task.known ?? []) {
      const { packages, facts } = k instanceof Uint8Array ? (deserialize(k) as Knowledge) : k;
      this.learn(packages, facts);
    }
    const t0 = performance.now();
    const { input, syntaxErrors, fileHashes, tooDeep } = loadPackage(task.pkg, task.hashFiles === true);
    const t1 = performance.now();
    const hashes = fileHashes && { fileHashes };
    // context files (scan-context.ts) give meaning only: neither their findings nor their syntax errors are reported
    const context = new Set(task.pkg.files.flatMap((f) => (f.context ? [f.path] : [])));
    for (const p of context) syntaxErrors.delete(p);
    const options: AnalyzeOptions = {
      rules: this.enabled,
      catalog: CATALOG,
      cwd: setup.cwd,
      tests: setup.tests,
      honor: setup.honor,
      engineSeverity: (rule) => setup.engineSeverities[rule],
      ...(context.size > 0 && { context }),
    };
    // Nested too deeply to check (beyond the limit, or beyond this thread's stack): reported; dependents see no exports of it.
    const unanalysed = (): ScanTaskResult => ({
      knowledge: { packages: {}, facts: { func: {}, param: {} } },
      findings: unanalysedPackageFindings(input, syntaxErrors, options),
      parseErrors: syntaxErrors.size,
      times: { parseMs: t1 - t0, semanticsMs: performance.now() - t1, rulesMs: 0 },
      ...hashes,
    });
    if (tooDeep) return unanalysed();
    let checked: PackageInfo;
    let own: Knowledge;
    try {
      checked = checkPackage(input, this.program);
      const exported = !task.unimported;
      const program = buildProgram([summarizeChecked(checked, this.factKinds, { exports: exported, depsFinal: true })], this.factKinds, this.program);
      own = exported ? program : { packages: {}, facts: program.facts };
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      return unanalysed();
    }
    // The package's own facts count for calls inside it; dependents get them with their tasks.
    this.learn(own.packages, own.facts);
    // A new view object (sharing the same tables): analyses cached against the pre-fact view are not reused.
    const info = checkPackage(input, { ...this.program }, { reuse: checked });
    // package facts may ask about the package's own function facts: they come after them
    const ownExports = own.packages[info.importPath];
    const pkgFacts = ownExports && packageFactsOf(info, this.factKinds);
    if (pkgFacts) {
      const exports = { ...ownExports, facts: pkgFacts };
      own = { ...own, packages: { ...own.packages, [info.importPath]: exports } };
      this.program.packages[info.importPath] = exports;
    }
    const t2 = performance.now();
    const findings = analyzePackage(info, syntaxErrors, options);
    // Semantic queries are lazy: time spent answering the rules' questions counts as rule time here.
    return {
      knowledge: own,
      findings,
      parseErrors: syntaxErrors.size,
      times: { parseMs: t1 - t0, semanticsMs: t2 - t1, rulesMs: performance.now() - t2 },
      ...hashes,
    };
  }

  private learn(packages: Readonly<Record<string, ExportedPackage>>, facts: FactTable): void {
    Object.assign(this.program.packages, packages);
    Object.assign(this.program.facts.func, facts.func);
    Object.assign(this.program.facts.param, facts.param);
    this.program.factNames.add(facts);
  }
}

/** What a thread knows: tables that grow as packages are learned, and the index of their fact names. */
interface MutableProgram {
  readonly packages: Record<string, ExportedPackage>;
  readonly facts: { func: Record<string, readonly string[]>; param: Record<string, Readonly<Record<string, readonly number[]>>> };
  readonly factNames: FactNameIndex;
}

function emptyProgram(): MutableProgram {
  return { packages: {}, facts: { func: {}, param: {} }, factNames: new FactNameIndex() };
}

/** A package that could not be checked: where it nests deepest, and each file's syntax error. */
function unanalysedPackageFindings(input: PackageInput, syntaxErrors: ReadonlyMap<string, readonly SyntaxProblem[]>, options: AnalyzeOptions): Finding[] {
  const files = input.files.filter((f) => !options.context?.has(f.path));
  if (files.length === 0) return [];
  let deepest = files[0]!;
  let at = deepestNode(deepest.ast);
  for (const f of files.slice(1)) {
    const d = deepestNode(f.ast);
    if (d.depth > at.depth) [deepest, at] = [f, d];
  }
  const findings = unanalysedFileFindings(deepest, at, syntaxErrors.get(deepest.path) ?? [], 'package', options);
  for (const f of files) {
    const errors = syntaxErrors.get(f.path);
    const parseError = f !== deepest && errors ? parseErrorFinding(f, errors, options) : undefined;
    if (parseError) findings.push(parseError);
  }
  return findings;
}

/**
 * Reads and parses the files of a planned package; with `hash`, also the
 * content hash of each file as read. `tooDeep`: a file is deeper than the
 * analyses follow (MAX_ANALYSED_DEPTH).
 */
export function loadPackage(pkg: PlannedPackage, hash = false): { input: PackageInput; syntaxErrors: Map<string, SyntaxProblem[]>; fileHashes?: string[]; tooDeep: boolean } {
  const files: PackageFileInput[] = [];
  const syntaxErrors = new Map<string, SyntaxProblem[]>();
  const fileHashes: string[] | undefined = hash ? [] : undefined;
  let tooDeep = false;
  for (const f of pkg.files) {
    const bytes = readFileSync(f.path);
    fileHashes?.push(contentHash(bytes));
    const parsed = parseFile(bytes, f.path);
    if (beyondAnalysisLimit(parsed.file, parsed.nesting)) tooDeep = true;
    const problems: SyntaxProblem[] = parsed.errors.map((e) => ({ offset: e.offset, message: e.message }));
    if (f.headerError) problems.unshift({ offset: 0, message: f.headerError });
    if (problems.length > 0) syntaxErrors.set(f.path, problems);
    files.push({
      path: f.path,
      relPath: f.relPath,
      source: parsed.source,
      ast: parsed.file,
      positions: parsed.positions,
      isTest: f.isTest,
      isCgo: parsed.file.imports.some((s) => s.path.value === '"C"'),
    });
  }
  const cgoFiles: Record<string, string> = {};
  for (const h of pkg.cFiles ?? []) {
    const bytes = readCFile(h);
    fileHashes?.push(optionalContentHash(bytes));
    if (bytes) cgoFiles[relativeSlash(pkg.dir, h)] = bytes.toString('utf8');
  }
  const input: PackageInput = { importPath: pkg.importPath, dir: pkg.dir, name: pkg.name, module: pkg.module, files, ...(pkg.cFiles && { cgoFiles }) };
  return { input, syntaxErrors, ...(fileHashes && { fileHashes }), tooDeep };
}
