/**
 * The work of a scan on packages, the same in a worker thread and in the
 * main thread: phase 1 summarises a package (exports, function-fact seeds),
 * phase 2 checks it against the whole program and runs the rules.
 * Everything crossing this boundary is plain data.
 */
import { readFileSync } from 'node:fs';
import { parseFile } from '../syntax/index.js';
import { checkPackage, type PackageFileInput, type PackageInput, type ProgramView } from '../semantics/package.js';
import { summarizePackage, type FactKind, type PackageSummary } from '../semantics/facts.js';
import type { ExportedPackage } from '../semantics/exports.js';
import { analyzePackage, type EnabledRule, type SyntaxProblem } from './analyze.js';
import { CATALOG, RULES } from '../rules/index.js';
import type { Finding, Severity } from './finding.js';
import type { TestMode } from './policy.js';
import { factKindsOf } from './rule.js';
import type { PlannedPackage } from './scan-plan.js';

export interface ScanSetup {
  readonly cwd: string;
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity; readonly options: unknown; readonly tests?: TestMode }>;
  readonly engineSeverities: Readonly<Record<string, Severity>>;
  readonly tests: TestMode;
}

export type ScanBroadcast =
  | { readonly kind: 'setup'; readonly setup: ScanSetup }
  | { readonly kind: 'exports'; readonly packages: Readonly<Record<string, ExportedPackage>> }
  | { readonly kind: 'program'; readonly program: ProgramView };

export type ScanTask = { readonly kind: 'summarize' | 'analyze'; readonly pkg: PlannedPackage };

export type ScanTaskResult =
  | { readonly kind: 'summary'; readonly summary: PackageSummary }
  | { readonly kind: 'findings'; readonly findings: Finding[]; readonly parseErrors: number };

/** The state of one scan in one thread: the enabled rules, known exports, the program. */
export class ScanWorker {
  private setup: ScanSetup | null = null;
  private enabled: EnabledRule[] = [];
  private factKinds: FactKind[] = [];
  private exports: Record<string, ExportedPackage> = {};
  private program: ProgramView | null = null;

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
        this.exports = {};
        this.program = null;
        return;
      }
      case 'exports':
        Object.assign(this.exports, msg.packages);
        return;
      case 'program':
        this.program = msg.program;
        return;
    }
  }

  private exportsView(): ProgramView {
    return noFacts(this.exports);
  }

  task(task: ScanTask): ScanTaskResult {
    const setup = this.setup;
    if (!setup) throw new Error('scan worker used before setup');
    const { input, syntaxErrors } = loadPackage(task.pkg);
    if (task.kind === 'summarize') {
      return { kind: 'summary', summary: summarizePackage(input, this.factKinds, this.exportsView()) };
    }
    const info = checkPackage(input, this.program ?? this.exportsView());
    const findings = analyzePackage(info, syntaxErrors, {
      rules: this.enabled,
      catalog: CATALOG,
      cwd: setup.cwd,
      tests: setup.tests,
      engineSeverity: (rule) => setup.engineSeverities[rule],
    });
    return { kind: 'findings', findings, parseErrors: syntaxErrors.size };
  }
}

/** A program view of the exports known so far, without facts. */
function noFacts(packages: Record<string, ExportedPackage>): ProgramView {
  return { packages, facts: { func: {}, param: {} } };
}

/** Reads and parses the files of a planned package. */
export function loadPackage(pkg: PlannedPackage): { input: PackageInput; syntaxErrors: Map<string, SyntaxProblem[]> } {
  const files: PackageFileInput[] = [];
  const syntaxErrors = new Map<string, SyntaxProblem[]>();
  for (const f of pkg.files) {
    const parsed = parseFile(readFileSync(f.path), f.path);
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
  return { input: { importPath: pkg.importPath, dir: pkg.dir, name: pkg.name, module: pkg.module, files }, syntaxErrors };
}
