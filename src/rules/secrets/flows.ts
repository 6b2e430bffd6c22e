/**
 * The async escalation: where hardcoded secrets go. Two parameter facts
 * carry the question across functions and packages of the module
 * (`logs-param`: the parameter reaches a log sink; `spawns-with-param`: the
 * parameter is handed to a goroutine), and a per-package index maps each
 * hardcoded constant expression to the log calls and goroutines it reaches,
 * with the steps in between for related locations.
 */
import { createHash } from 'node:crypto';
import type { CallExpr, Expr, FuncDecl, Node } from '../../syntax/ast.js';
import type { FactKind } from '../../semantics/facts.js';
import { goroutineHandoffs } from '../../semantics/flow.js';
import { startedCall, startedLiteral, startKeyword, startsIn, type GoroutineStart } from '../../semantics/goroutines.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { forEachChild } from '../../syntax/walk.js';
import type { FileRange, RelatedReport } from '../../engine/rule.js';
import { fieldConstructorName, fieldValues, logSinkOf, type ExtraSinks, type LogSink } from '../shared/log-sinks.js';
import { isPassedAsFileName, LOADS_FILE_PARAM, PASSED_FIELDS, showsContent } from './exposure.js';
import { RESULT_FIELDS } from './fields-set.js';
import { REGEXP_PATTERN_PARAM } from './patterns.js';
import { constLeaves, leavesOf, type Step } from './trace.js';

export interface SecretFactIds {
  /** The parameter reaches a log sink. */
  readonly logs: string;
  /** The parameter reaches a log sink that shows it JSON-encoded (`zap.Any`, `json.Marshal` first): exported fields only, `MarshalJSON` masks. */
  readonly logsJson: string;
  /** The parameter is handed to a goroutine (captured, or passed to a `go` call). */
  readonly spawns: string;
}

/** Fact ids for a set of extra log sinks (the default sinks give the plain ids). */
export function secretFactIds(extraSinks: readonly string[]): SecretFactIds {
  if (extraSinks.length === 0) return { logs: 'secrets/logs-param', logsJson: 'secrets/logs-param-json', spawns: 'secrets/spawns-with-param' };
  const h = createHash('sha256').update([...extraSinks].sort().join('\n')).digest('hex').slice(0, 8);
  return { logs: `secrets/logs-param@${h}`, logsJson: `secrets/logs-param-json@${h}`, spawns: 'secrets/spawns-with-param' };
}

const kindCache = new Map<string, FactKind[]>();

/** The fact kinds the secrets rules need, for their extra log sinks. */
export function secretFactKinds(extraSinks: readonly string[]): FactKind[] {
  const ids = secretFactIds(extraSinks);
  let kinds = kindCache.get(ids.logs);
  if (!kinds) {
    const extra: ExtraSinks = new Set(extraSinks);
    // both facts come from one pass over the function's calls
    const logged = new WeakMap<FuncDecl, LoggedParams>();
    const loggedIn = (info: PackageInfo, fn: FuncDecl): LoggedParams => {
      let l = logged.get(fn);
      if (!l) logged.set(fn, (l = loggedParams(info, fn, extra)));
      return l;
    };
    kinds = [
      { id: ids.logs, level: 'param', seedParams: (fn, info) => loggedIn(info, fn).all },
      { id: ids.logsJson, level: 'param', seedParams: (fn, info) => loggedIn(info, fn).json },
      { id: ids.spawns, level: 'param', seedParams: (fn, info) => spawnedParams(info, fn) },
      LOADS_FILE_PARAM,
      PASSED_FIELDS,
      REGEXP_PATTERN_PARAM,
      RESULT_FIELDS,
    ];
    kindCache.set(ids.logs, kinds);
  }
  return kinds;
}

/** Parameter indices (receiver -1) of a function declaration, by object. */
function paramIndices(info: PackageInfo, fn: FuncDecl): Map<Obj, number> {
  const out = new Map<Obj, number>();
  for (const n of fn.recv?.list[0]?.names ?? []) {
    const o = info.objectOf(n);
    if (o) out.set(o, -1);
  }
  let i = 0;
  for (const f of fn.type.params.list) {
    if (f.names.length === 0) i++;
    for (const n of f.names) {
      const o = info.objectOf(n);
      if (o) out.set(o, i);
      i++;
    }
  }
  return out;
}

/**
 * The logged values of a call: a sink's, or a field constructor's
 * (`zap.String("k", v)` built apart from the log call). Given the call's
 * parent, a constructor that is an argument of a sink (or of another
 * constructor) is left to that call, so that each value is judged once.
 * Every sink and constructor logs values of its own arguments: a call
 * without arguments (`err.Error()`) logs nothing and is not resolved.
 */
export function loggedValuesOf(info: PackageInfo, call: CallExpr, extra: ExtraSinks, parent?: Node | null): Pick<LogSink, 'name' | 'values' | 'format' | 'stream'> | null {
  if (call.args.length === 0) return null;
  const sink = logSinkOf(info, call, extra);
  if (sink) return sink;
  const field = fieldValues(info, call);
  if (!field || (parent !== undefined && isSinkArgument(info, call, parent, extra))) return null;
  return { name: fieldConstructorName(info, call) ?? 'a log field', values: field };
}

function isSinkArgument(info: PackageInfo, call: CallExpr, p: Node | null, extra: ExtraSinks): boolean {
  if (p?.kind !== 'CallExpr' || !p.args.includes(call)) return false;
  return logSinkOf(info, p, extra) !== null || fieldValues(info, p) !== null;
}

/** The innermost goroutine start among `starts` whose function literal contains the node. */
function startAround(starts: readonly GoroutineStart[], n: Node): GoroutineStart | null {
  let best: GoroutineStart | null = null;
  for (const s of starts) {
    const lit = startedLiteral(s);
    if (lit && lit.body.start <= n.start && n.end <= lit.body.end && (!best || s.start > best.start)) best = s;
  }
  return best;
}


/** No parameter indices (shared: seedParams results are read-only). */
const NO_PARAMS: readonly number[] = Object.freeze([]);

interface LoggedParams {
  /** Parameters whose content a log shows. */
  readonly all: readonly number[];
  /** Of those, the ones a log shows JSON-encoded. */
  readonly json: readonly number[];
}

const NONE_LOGGED: LoggedParams = { all: NO_PARAMS, json: NO_PARAMS };

/** Indices of the parameters of `fn` whose content a call in its body logs (in order found, repeats kept). */
function loggedParams(info: PackageInfo, fn: FuncDecl, extra: ExtraSinks): LoggedParams {
  const body = info.res.bodies.get(fn);
  if (!body || (!fn.recv && fn.type.params.list.length === 0)) return NONE_LOGGED;
  let params: Map<Obj, number> | undefined;
  let out: number[] | undefined;
  let json: number[] | undefined;
  const calls = body.calls;
  for (let c = 0; c < calls.length; c++) {
    const logged = loggedValuesOf(info, calls[c]!, extra);
    if (!logged) continue;
    params ??= paramIndices(info, fn);
    for (const v of logged.values) {
      if (!showsContent(v)) continue;
      for (const l of leavesOf(info, v.expr)) {
        if (l.kind !== 'param') continue;
        const i = params.get(l.obj);
        // a parameter the function also loads as a file holds where a key is, not the key
        if (i === undefined || isPassedAsFileName(info, l.obj)) continue;
        (out ??= []).push(i);
        if (v.rendering === 'json' || v.rendering === 'zap-any') (json ??= []).push(i);
      }
    }
  }
  return out ? { all: out, json: json ?? NO_PARAMS } : NONE_LOGGED;
}

/** Indices of the parameters of `fn` that a goroutine start in its body hands to a goroutine (in order found, repeats kept). */
function spawnedParams(info: PackageInfo, fn: FuncDecl): readonly number[] {
  const stmts = startsIn(info, fn);
  if (stmts.length === 0) return NO_PARAMS;
  const params = paramIndices(info, fn);
  let out: number[] | undefined;
  for (const stmt of stmts) {
    for (const h of goroutineHandoffs(info, stmt)) {
      for (const l of leavesOf(info, h.at)) {
        if (l.kind !== 'param') continue;
        const i = params.get(l.obj);
        if (i !== undefined) (out ??= []).push(i);
      }
    }
  }
  return out ?? NO_PARAMS;
}

/** The parameter index a call argument binds, for variadic callees too. */
export function paramIndexOfArg(info: PackageInfo, call: CallExpr, i: number): number {
  const sig = info.signatureOf(call);
  if (sig && sig.variadic && i >= sig.params.length - 1) return sig.params.length - 1;
  return i;
}

/** Where a hardcoded value goes. */
export interface Flow {
  /** From the definition to the sink, for related locations. */
  readonly steps: readonly Step[];
  readonly logged: boolean;
  readonly goroutine: boolean;
}

const indexes = new WeakMap<PackageInfo, Map<string, Map<Expr, Flow[]>>>();

/**
 * The flows of every hardcoded constant expression of the package to log
 * sinks and goroutines, keyed by the constant expression (a literal, or a
 * constant's declared value). Computed once per package on first use, from
 * the calls the resolver recorded for each function (no extra tree walk
 * except inside the function literals of `go` statements).
 */
export function hardcodedFlows(info: PackageInfo, extraSinks: readonly string[]): ReadonlyMap<Expr, readonly Flow[]> {
  const ids = secretFactIds(extraSinks);
  let byIds = indexes.get(info);
  if (!byIds) indexes.set(info, (byIds = new Map()));
  let index = byIds.get(ids.logs);
  if (index) return index;
  index = new Map();
  byIds.set(ids.logs, index);
  const extra: ExtraSinks = new Set(extraSinks);
  const add = (root: Expr | undefined, flow: Flow) => {
    if (!root) return;
    const list = index!.get(root);
    if (list) list.push(flow);
    else index!.set(root, [flow]);
  };
  for (const [fn, body] of info.res.bodies) {
    const stmts = startsIn(info, fn);
    // (b) goroutine starts: what they capture and pass
    for (const stmt of stmts) {
      for (const h of goroutineHandoffs(info, stmt)) {
        const message = h.via === 'capture' ? `captured as \`${h.obj.name}\` by the goroutine started here` : 'passed to the goroutine started here';
        for (const l of constLeaves(info, h.at)) add(l.root, { steps: [...l.steps, { node: h.at, message }], logged: false, goroutine: true });
      }
      for (const use of constantsUsedIn(info, stmt)) {
        for (const l of constLeaves(info, use)) add(l.root, { steps: [...l.steps, { node: use, message: 'used on the goroutine started here' }], logged: false, goroutine: true });
      }
    }
    for (const call of body.calls) {
      const go = stmts.length > 0 ? startAround(stmts, call) : null;
      const goSteps = (): Step[] => (go ? [{ node: go, range: startKeyword(go), message: 'runs on the goroutine started here' }] : []);
      const inGoroutine = () => go !== null;
      // (a) log sinks and log fields
      const logged = loggedValuesOf(info, call, extra);
      if (logged) {
        for (const v of logged.values) {
          if (!showsContent(v)) continue;
          for (const l of constLeaves(info, v.expr)) {
            add(l.root, { steps: [...l.steps, ...goSteps(), { node: call, message: `printed to a log by ${logged.name}` }], logged: true, goroutine: inGoroutine() });
          }
        }
      }
      // (c) module functions that log a parameter or hand it to a goroutine
      if (!info.mayCallFactHolder(call, ids.logs) && !info.mayCallFactHolder(call, ids.spawns)) continue;
      const callee = info.calleeOf(call);
      const key = info.calleeKey(callee);
      if (key && (callee.kind === 'func' || callee.kind === 'method') && info.program.facts.param[key]) {
        call.args.forEach((arg, i) => {
          const j = paramIndexOfArg(info, call, i);
          const logs = info.hasParamFact(key, ids.logs, j);
          const spawns = info.hasParamFact(key, ids.spawns, j);
          if (!logs && !spawns) return;
          const what = logs && spawns ? 'hands it to a goroutine and logs it' : logs ? 'logs it' : 'hands it to a goroutine';
          for (const l of constLeaves(info, arg)) {
            add(l.root, { steps: [...l.steps, ...goSteps(), { node: arg, message: `passed to ${callee.name}, which ${what}` }], logged: logs, goroutine: spawns || inGoroutine() });
          }
        });
      }
    }
  }
  return index;
}

/**
 * Constants and string literals used inside the function literal of a
 * goroutine start or as arguments of its call: they run on the new goroutine.
 */
function constantsUsedIn(info: PackageInfo, start: GoroutineStart): Expr[] {
  const call = startedCall(start);
  const out: Expr[] = [];
  const visit = (n: Node): void => {
    if (n.kind === 'BasicLit' && n.litKind === 'STRING') out.push(n);
    else if (n.kind === 'Ident' && info.objectOf(n)?.kind === 'const') out.push(n);
    else if (n.kind === 'SelectorExpr' && info.objectOf(n.sel)?.kind === 'const') {
      out.push(n);
      return;
    }
    forEachChild(n, visit);
  };
  visit(call.fun.kind === 'FuncLit' ? call.fun.body : call.fun);
  for (const a of call.args) visit(a);
  return out;
}

/** Chooses the flow to show: a log call on a goroutine first, then a log call, then a goroutine; the shortest. */
export function bestFlow(flows: readonly Flow[]): Flow | undefined {
  const rank = (f: Flow) => (f.logged && f.goroutine ? 0 : f.logged ? 1 : 2);
  return [...flows].sort((a, b) => rank(a) - rank(b) || a.steps.length - b.steps.length)[0];
}

/** What happens to a secret, for messages: "a goroutine carries it off and it is printed to a log". */
export function flowPhrase(flows: readonly Flow[]): string {
  const logged = flows.some((f) => f.logged);
  const goroutine = flows.some((f) => f.goroutine);
  if (logged && goroutine) return flows.some((f) => f.logged && f.goroutine) ? 'a goroutine prints it to a log' : 'it reaches a goroutine and a log';
  return logged ? 'it is printed to a log' : 'a goroutine carries it off';
}

/** Related locations for a flow's steps, in the files they are in. */
export function relatedOf(info: PackageInfo, steps: readonly Step[]): RelatedReport[] {
  const out: RelatedReport[] = [];
  for (const s of steps) {
    const file = info.fileOf(s.node);
    const range: FileRange['range'] = s.range ?? s.node;
    out.push({ range, message: s.message, ...(file && { file }) });
  }
  return out;
}
