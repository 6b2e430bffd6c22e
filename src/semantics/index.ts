/**
 * Redline's semantic layer: meaning for rules without a compiler.
 *
 *   phase 1 (per package):  summarizePackage(pkg, factKinds, deps?) → PackageSummary (JSON)
 *   main thread:            buildProgram(summaries, factKinds) → ProgramView (JSON)
 *   phase 2 (per package):  checkPackage(pkg, program) → PackageInfo
 *
 * PackageInfo answers objectOf / typeOf / constValue / calleeOf /
 * importPathOf / cfgOf / factsOf / enclosingFunc; dataflow.ts answers path
 * questions over CFGs.
 */
export * from './types.js';
export type { Obj, ObjKind, ScopeKind } from './scope.js';
export { Scope } from './scope.js';
export { type ConstValue, constString, constToJSON, constFromJSON } from './consts.js';
export type { ExportedPackage, ExportedType, ExportedMethod } from './exports.js';
export { UNIVERSE } from './universe.js';
export { guessPackageName, recvBaseName, type FuncNode, type FileScopeInfo, type ImportInfo } from './resolve.js';
export { CGO_FUNCS, CGO_TYPES, isCgoTypeName, type ExprMode } from './infer.js';
export { goTypeOfC, mergePreambles, parsePreamble, type CFunc, type CParam, type CPreamble, type CType } from './cgo-preamble.js';
export {
  checkPackage, funcKey, methodKey, EMPTY_PROGRAM, NEVER_RETURNS, PackageInfo,
  type Callee, type CheckOptions, type FactTable, type Facts, type FileData, type ModuleInfo,
  type PackageFileInput, type PackageInput, type ProgramView,
} from './package.js';
export { buildCFG, formatCFG, type Block, type BlockKind, type CFG, type CFGOptions, type NodeLocation } from './cfg.js';
export {
  happensTwice, mayHappen, mustHappen, pathsAvoiding, reachable,
  type DoubleEvent, type LeakWitness, type NodePred, type PathOptions,
} from './dataflow.js';
export {
  buildProgram, dependencyOrder, exportsView, NEVER_RETURNS_KIND, paramIndexOf, summarizeChecked, summarizeModule, summarizePackage,
  type CallEdge, type CfgSkeleton, type FactKind, type FuncFactKind, type FuncSummary, type PackageSummary, type ParamFactKind,
} from './facts.js';
export { knownPackage, knownPackageName, knownPackagePaths } from './stdlib/index.js';
export { CallGraph, type CallGraphEdge } from './callgraph.js';
export { runSemantics, type SemanticsTimings } from './bench.js';
