/**
 * The log-sink model shared by rules that ask "does this value end up in a
 * log?": which calls write a log entry (or attach fields that every later
 * entry carries), which argument expressions they write, under which
 * attribute key, with which printf verb, and how the logger renders a
 * value (fmt verbs, JSON, slog, zap's `Any`), so a rule can judge whether a
 * struct's masking method is honoured.
 *
 * Covered: `log` (package and `*log.Logger`), `log/slog` (functions,
 * `*slog.Logger` methods, key/value pairs, `slog.String/Any/Group/...`
 * attributes), `fmt.Print*` and `fmt.Fprint*` to `os.Stdout`/`os.Stderr`,
 * the `print`/`println` built-ins, zap (`*zap.Logger`, `*zap.SugaredLogger`,
 * field constructors), logrus (package functions, `*Logger`, `*Entry`,
 * `WithField(s)`), zerolog (`*Event`, `Context`, `Logger.Print*`, the `log`
 * package), go-kit log (`Logger.Log` key/value pairs, `log.With`), hclog
 * (`Logger` methods), klog and glog package functions, and policy-configured extra
 * sinks given as fact keys (`pkg/path.Func`, `(pkg/path.Type).Method`).
 */
import type { CallExpr, CompositeLit, Expr, Node } from '../../syntax/ast.js';
import { calledName, lastName } from '../../semantics/fact-names.js';
import { unparen } from '../../syntax/ast.js';
import type { Callee, PackageInfo } from '../../semantics/package.js';
import { deref, underlying } from '../../semantics/types.js';

/**
 * How a logger turns a value into text, which decides which methods of its
 * type mask it: `fmt` (String, Error, Format; GoString for `%#v`), `json`
 * (MarshalJSON, MarshalText; exported fields only), `slog` (LogValue, then
 * the handler's text or JSON rendering), `zap-any` (zap.Any: MarshalLogObject,
 * String, Error, else JSON), `stringer` (the value's own String method).
 */
export type Rendering = 'fmt' | 'json' | 'slog' | 'zap-any' | 'stringer';

/** A printf verb with the flags that change what it shows. */
export interface Verb {
  /** The verb letter: `v`, `s`, `q`, `d`, `x`, `T`, `p`, ... */
  readonly verb: string;
  readonly plus: boolean;
  readonly sharp: boolean;
  /** `%.4s`: the precision, when given as a number. */
  readonly precision?: number;
  /** The format's text between the previous verb (or its start) and this one: `"a repo secret named "`. */
  readonly before?: string;
}

/** One value a sink writes. */
export interface LoggedValue {
  readonly expr: Expr;
  readonly rendering: Rendering;
  /** For printf-style sinks: the verb that formats this argument (undefined: printed like `%v`). */
  readonly verb?: Verb;
  /** The attribute key or field name, when the logger takes one and it is a constant; for printf-style sinks, the label before the verb (`password=%s`). */
  readonly key?: string;
  /** The key is a label in the format, not a logger key. */
  readonly keyInFormat?: boolean;
}

export type SinkFamily = 'log' | 'slog' | 'fmt' | 'builtin' | 'zap' | 'logrus' | 'zerolog' | 'go-kit' | 'hclog' | 'klog' | 'custom';

export interface LogSink {
  readonly call: CallExpr;
  /** A short name for messages: `log.Printf`, `slog.Logger.Info`, `zap.String`. */
  readonly name: string;
  readonly family: SinkFamily;
  /** The format string of a printf-style sink. */
  readonly format?: { readonly expr: Expr; readonly value?: string };
  /** The values written, attribute constructors and key/value pairs unfolded. */
  readonly values: readonly LoggedValue[];
  /** For `fmt` and the built-ins: the standard stream written to (stdout is a program's output, not only a log). */
  readonly stream?: 'stdout' | 'stderr';
}

/** Extra sinks from the policy: fact keys of functions (`pkg.F`) and methods (`(pkg.T).M`). */
export type ExtraSinks = ReadonlySet<string>;

/** No extra sinks (shared). */
export const NO_EXTRA: ExtraSinks = new Set();

const LOG_PRINT = new Set(['Print', 'Println', 'Fatal', 'Fatalln', 'Panic', 'Panicln']);
const LOG_PRINTF = new Set(['Printf', 'Fatalf', 'Panicf']);
const SLOG_LEVELS = new Set(['Debug', 'Info', 'Warn', 'Error']);
const ZAP_LEVELS = new Set(['Debug', 'Info', 'Warn', 'Error', 'DPanic', 'Panic', 'Fatal']);
const LOGRUS_LEVELS = new Set(['Trace', 'Debug', 'Info', 'Print', 'Warn', 'Warning', 'Error', 'Fatal', 'Panic']);
const KLOG_LEVELS = new Set(['Info', 'Warning', 'Error', 'Fatal', 'Exit']);
const KLOG_PATHS = new Set(['k8s.io/klog', 'k8s.io/klog/v2', 'github.com/golang/glog']);

const ZAP = 'go.uber.org/zap';
const LOGRUS = 'github.com/sirupsen/logrus';
const ZEROLOG = 'github.com/rs/zerolog';
const GO_KIT = new Set(['github.com/go-kit/log', 'github.com/go-kit/kit/log']);
const HCLOG = 'github.com/hashicorp/go-hclog';
const HCLOG_LEVELS = new Set(['Trace', 'Debug', 'Info', 'Warn', 'Error']);

/** zerolog `Event`/`Context` methods taking a key and a value, and how they render it. */
const ZEROLOG_FIELDS: Readonly<Record<string, Rendering>> = {
  Str: 'fmt', Strs: 'fmt', Bytes: 'fmt', Hex: 'fmt', RawJSON: 'fmt', Interface: 'json', Any: 'json', Type: 'fmt',
  Stringer: 'stringer', Int: 'fmt', Int64: 'fmt', Uint: 'fmt', Uint64: 'fmt', Float64: 'fmt', Bool: 'fmt',
};

/** zap field constructors taking a key and a value, and how they render it. */
const ZAP_FIELDS: Readonly<Record<string, Rendering>> = {
  String: 'fmt', Strings: 'fmt', ByteString: 'fmt', Binary: 'fmt', Any: 'zap-any', Reflect: 'json', Stringer: 'stringer',
  Int: 'fmt', Int64: 'fmt', Bool: 'fmt', Float64: 'fmt', Duration: 'fmt', Time: 'fmt',
};

/** slog attribute constructors taking a key and a value. */
const SLOG_ATTRS = new Set(['String', 'Any', 'Int', 'Int64', 'Uint64', 'Float64', 'Bool', 'Duration', 'Time']);

/**
 * Every name a sink above can be called by, mirroring the tables and the
 * branches of logSinkOf (level methods with their `f`/`ln`/`w`/`Depth`/
 * `Context` variants): calls by other names are not sinks, and their
 * callees need not be resolved, which is the expensive part.
 */
const SINK_NAMES: ReadonlySet<string> = new Set([
  ...LOG_PRINT, ...LOG_PRINTF, 'Output', 'Fprint', 'Fprintln', 'Fprintf', 'print', 'println',
  'Log', 'Logf', 'Logln', 'LogAttrs', 'With', 'WithPrefix', 'WithSuffix', 'WithField', 'WithFields',
  'Msg', 'Msgf', 'Fields', 'Write', 'InfoS', 'ErrorS', ...Object.keys(ZEROLOG_FIELDS),
]);
const LEVEL_NAME = new RegExp(`^(?:${[...new Set([...SLOG_LEVELS, ...ZAP_LEVELS, ...LOGRUS_LEVELS, ...KLOG_LEVELS, ...HCLOG_LEVELS])].join('|')})(?:f|ln|w|Depth|Context)?$`);

/** Names of attribute and field constructors (fieldValues). */
const FIELD_NAMES: ReadonlySet<string> = new Set([...SLOG_ATTRS, 'Group', ...Object.keys(ZAP_FIELDS)]);

const extraNames = new WeakMap<ExtraSinks, ReadonlySet<string>>();

/**
 * `importPath.Type` of a variable, parameter or field declared with a type of
 * a package Redline does not read (`l *logging.Logger`, a field
 * `log logging.Logger`), from the declaration's type expression: the type
 * itself is unknown, but its name is written there.
 */
function declaredForeignType(pkg: PackageInfo, e: Expr): string | undefined {
  const x = unparen(e);
  const id = x.kind === 'Ident' ? x : x.kind === 'SelectorExpr' ? x.sel : undefined;
  const n = id ? pkg.objectOf(id)?.node : undefined;
  let t = n?.kind === 'Field' || n?.kind === 'ValueSpec' ? n.type : null;
  if (t?.kind === 'StarExpr') t = t.x;
  if (t?.kind !== 'SelectorExpr' || t.x.kind !== 'Ident') return undefined;
  const imported = pkg.res.uses.get(t.x);
  return imported?.kind === 'pkgname' && imported.importPath ? `${imported.importPath}.${t.sel.name}` : undefined;
}

/** Whether a call is named like a sink (built-in or extra): a pre-check that never rules out a sink. */
function mayBeSink(call: CallExpr, extra: ExtraSinks): boolean {
  const name = calledName(call);
  if (name === undefined) return false;
  if (SINK_NAMES.has(name) || LEVEL_NAME.test(name)) return true;
  if (extra.size === 0) return false;
  let names = extraNames.get(extra);
  if (!names) extraNames.set(extra, (names = new Set([...extra].map(lastName))));
  return names.has(name);
}

/** Is the call a log sink? Returns what it logs, or null. */
export function logSinkOf(pkg: PackageInfo, call: CallExpr, extra: ExtraSinks = NO_EXTRA): LogSink | null {
  if (!mayBeSink(call, extra)) return null;
  const callee = pkg.calleeOf(call);
  const args = call.args;
  if (callee.kind === 'builtin') {
    if (callee.name !== 'print' && callee.name !== 'println') return null;
    return { ...sink(call, callee.name, 'builtin', printValues(args, 0)), stream: 'stderr' };
  }
  if (callee.kind === 'func') {
    const { pkg: path, name } = callee;
    switch (path) {
      case 'log':
        return stdLog(pkg, call, `log.${name}`, name);
      case 'fmt': {
        if (name === 'Print' || name === 'Println') return { ...sink(call, `fmt.${name}`, 'fmt', printValues(args, 0)), stream: 'stdout' };
        if (name === 'Printf') return withStream(printfSink(pkg, call, `fmt.${name}`, 'fmt', 0), 'stdout');
        const stream = args[0] ? stdStream(pkg, args[0]) : undefined;
        if ((name === 'Fprint' || name === 'Fprintln' || name === 'Fprintf') && stream) {
          return withStream(name === 'Fprintf' ? printfSink(pkg, call, `fmt.${name}`, 'fmt', 1) : sink(call, `fmt.${name}`, 'fmt', printValues(args, 1)), stream);
        }
        break;
      }
      case 'log/slog':
        return slogCall(pkg, call, `slog.${name}`, name);
      case LOGRUS:
        return logrusCall(pkg, call, `logrus.${name}`, name);
      case `${ZEROLOG}/log`:
        if (name === 'Print') return sink(call, `log.${name}`, 'zerolog', printValues(args, 0));
        if (name === 'Printf') return printfSink(pkg, call, `log.${name}`, 'zerolog', 0);
        break;
      default:
        if (GO_KIT.has(path) && (name === 'With' || name === 'WithPrefix' || name === 'WithSuffix')) {
          return sink(call, `log.${name}`, 'go-kit', keyValues(pkg, args, 1, 'fmt'));
        }
        if (KLOG_PATHS.has(path)) {
          const k = klogCall(pkg, call, name);
          if (k) return k;
        }
    }
    if (extra.has(callee.key)) return customSink(pkg, call, callee.key, name);
    return null;
  }
  if (callee.kind === 'method') {
    const recv = deref(callee.recv);
    const name = callee.name;
    if (recv.kind === 'named') {
      const type = `${recv.pkg}.${recv.name}`;
      if (GO_KIT.has(recv.pkg) && recv.name === 'Logger' && name === 'Log') return sink(call, 'log.Logger.Log', 'go-kit', keyValues(pkg, args, 0, 'fmt'));
      switch (type) {
        case 'log.Logger':
          return stdLog(pkg, call, `log.Logger.${name}`, name);
        case 'log/slog.Logger':
          return slogCall(pkg, call, `slog.Logger.${name}`, name);
        case `${ZAP}.Logger`:
          return zapCall(pkg, call, name);
        case `${ZAP}.SugaredLogger`:
          return sugarCall(pkg, call, name);
        case `${ZAP}/zapcore.CheckedEntry`:
          if (name === 'Write') return sink(call, 'zapcore.CheckedEntry.Write', 'zap', fieldArgs(pkg, args, 0));
          break;
        case `${LOGRUS}.Logger`:
        case `${LOGRUS}.Entry`:
          return logrusCall(pkg, call, `logrus.${recv.name}.${name}`, name);
        case `${ZEROLOG}.Event`:
        case `${ZEROLOG}.Context`:
          return zerologEventCall(pkg, call, `zerolog.${recv.name}.${name}`, name);
        case `${HCLOG}.Logger`:
          if (HCLOG_LEVELS.has(name)) return sink(call, `hclog.Logger.${name}`, 'hclog', [...(args[0] ? [{ expr: args[0], rendering: 'fmt' as const }] : []), ...keyValues(pkg, args, 1, 'fmt')]);
          if (name === 'Log') return sink(call, `hclog.Logger.${name}`, 'hclog', [...(args[1] ? [{ expr: args[1], rendering: 'fmt' as const }] : []), ...keyValues(pkg, args, 2, 'fmt')]);
          if (name === 'With') return sink(call, `hclog.Logger.${name}`, 'hclog', keyValues(pkg, args, 0, 'fmt'));
          break;
        case `${ZEROLOG}.Logger`:
          if (name === 'Print' || name === 'Println') return sink(call, `zerolog.Logger.${name}`, 'zerolog', printValues(args, 0));
          if (name === 'Printf') return printfSink(pkg, call, `zerolog.Logger.${name}`, 'zerolog', 0);
          break;
      }
    }
    if (callee.key && extra.has(callee.key)) return customSink(pkg, call, callee.key, name);
  }
  const fun = call.fun;
  // a method of a policy sink on a type of a package Redline does not read (a third-party logger): known by its receiver's declared type
  if (callee.kind === 'unknown' && extra.size > 0 && fun.kind === 'SelectorExpr') {
    const type = declaredForeignType(pkg, fun.x);
    const key = type && `(${type}).${fun.sel.name}`;
    if (key && extra.has(key)) return customSink(pkg, call, key, fun.sel.name);
  }
  // klog.V(2).Infof(...): the Verbose type is not modelled; recognise the shape
  if ((callee.kind === 'method' || callee.kind === 'unknown') && fun.kind === 'SelectorExpr' && KLOG_LEVELS.has(fun.sel.name.replace(/(f|ln|S|Depth)$/, '')) && isKlogV(pkg, call)) {
    return klogCall(pkg, call, fun.sel.name);
  }
  return null;
}

function sink(call: CallExpr, name: string, family: SinkFamily, values: LoggedValue[], format?: LogSink['format']): LogSink {
  return { call, name, family, values, ...(format && { format }) };
}

/**
 * The label a format gives the verb that follows it, written as a key:
 * `password=` (optionally opening a quote or bracket) right before the
 * verb, as in `"user=%s password=%s"` or a query `"?password=%s"`, or `password: ` starting the text
 * since the previous verb or a line, comma or bracket (`"user: %s, password: %s"`;
 * not the end of a sentence such as `"error validating JWT: %v"`).
 */
function formatLabel(before: string): string | undefined {
  return (/(?:^|[\s,;(\[{?&])([A-Za-z][\w.-]*)\s?=\s?["'\[(]?$/.exec(before) ?? /(?:^|[\n,;|(\[{]|\t)\s*([A-Za-z][\w.-]*)\s?:\s?["'\[(]?$/.exec(before))?.[1];
}

/** `log.Print(args...)`-style values from `from` on: each printed like `%v`. */
function printValues(args: readonly Expr[], from: number, rendering: Rendering = 'fmt'): LoggedValue[] {
  return args.slice(from).map((expr) => ({ expr, rendering }));
}

/** A printf-style sink with its format at `formatIndex`: the format itself and each argument with its verb. */
function printfSink(pkg: PackageInfo, call: CallExpr, name: string, family: SinkFamily, formatIndex: number): LogSink | null {
  const fmtExpr = call.args[formatIndex];
  if (!fmtExpr) return null;
  const value = constString(pkg, fmtExpr);
  const verbs = value !== undefined ? parsePrintf(value) : null;
  const values: LoggedValue[] = [{ expr: fmtExpr, rendering: 'fmt' }];
  call.args.slice(formatIndex + 1).forEach((expr, i) => {
    const verb = verbs?.[i];
    const key = verb?.before !== undefined ? formatLabel(verb.before) : undefined;
    values.push({ expr, rendering: 'fmt', ...(verb && { verb }), ...(key !== undefined && { key, keyInFormat: true }) });
  });
  return sink(call, name, family, values, { expr: fmtExpr, ...(value !== undefined && { value }) });
}

function stdLog(pkg: PackageInfo, call: CallExpr, name: string, method: string): LogSink | null {
  if (LOG_PRINT.has(method)) return sink(call, name, 'log', printValues(call.args, 0));
  if (LOG_PRINTF.has(method)) return printfSink(pkg, call, name, 'log', 0);
  if (method === 'Output' && call.args[1]) return sink(call, name, 'log', [{ expr: call.args[1], rendering: 'fmt' }]);
  return null;
}

function slogCall(pkg: PackageInfo, call: CallExpr, name: string, method: string): LogSink | null {
  const args = call.args;
  let msg: number;
  if (SLOG_LEVELS.has(method)) msg = 0;
  else if (method.endsWith('Context') && SLOG_LEVELS.has(method.slice(0, -'Context'.length))) msg = 1;
  else if (method === 'Log' || method === 'LogAttrs') msg = 2;
  else if (method === 'With') return sink(call, name, 'slog', keyValues(pkg, args, 0, 'slog'));
  else return null;
  const values: LoggedValue[] = args[msg] ? [{ expr: args[msg]!, rendering: 'slog' }] : [];
  values.push(...keyValues(pkg, args, msg + 1, 'slog'));
  return sink(call, name, 'slog', values);
}

function zapCall(pkg: PackageInfo, call: CallExpr, method: string): LogSink | null {
  const name = `zap.Logger.${method}`;
  const args = call.args;
  if (ZAP_LEVELS.has(method)) return sink(call, name, 'zap', [...(args[0] ? [{ expr: args[0], rendering: 'fmt' as const }] : []), ...fieldArgs(pkg, args, 1)]);
  if (method === 'Log') return sink(call, name, 'zap', [...(args[1] ? [{ expr: args[1], rendering: 'fmt' as const }] : []), ...fieldArgs(pkg, args, 2)]);
  if (method === 'With') return sink(call, name, 'zap', fieldArgs(pkg, args, 0));
  return null;
}

function sugarCall(pkg: PackageInfo, call: CallExpr, method: string): LogSink | null {
  const name = `zap.SugaredLogger.${method}`;
  const args = call.args;
  if (method === 'With') return sink(call, name, 'zap', keyValues(pkg, args, 0, 'fmt'));
  const m = /^(Debug|Info|Warn|Error|DPanic|Panic|Fatal)(f|w|ln)?$/.exec(method);
  if (!m) return null;
  if (m[2] === 'f') return printfSink(pkg, call, name, 'zap', 0);
  if (m[2] === 'w') return sink(call, name, 'zap', [...(args[0] ? [{ expr: args[0], rendering: 'fmt' as const }] : []), ...keyValues(pkg, args, 1, 'fmt')]);
  return sink(call, name, 'zap', printValues(args, 0));
}

function logrusCall(pkg: PackageInfo, call: CallExpr, name: string, method: string): LogSink | null {
  const args = call.args;
  if (method === 'WithField') return args[1] ? sink(call, name, 'logrus', [{ expr: args[1], rendering: 'fmt', ...keyOf(pkg, args[0]) }]) : null;
  if (method === 'WithFields') return args[0] ? sink(call, name, 'logrus', mapValues(pkg, args[0], 'fmt')) : null;
  if (method === 'Log' || method === 'Logln') return sink(call, name, 'logrus', printValues(args, 1));
  if (method === 'Logf') return printfSink(pkg, call, name, 'logrus', 1);
  const m = /^(\w+?)(f|ln)?$/.exec(method);
  if (!m || !LOGRUS_LEVELS.has(m[1]!)) return null;
  return m[2] === 'f' ? printfSink(pkg, call, name, 'logrus', 0) : sink(call, name, 'logrus', printValues(args, 0));
}

function zerologEventCall(pkg: PackageInfo, call: CallExpr, name: string, method: string): LogSink | null {
  const args = call.args;
  if (method === 'Msg') return args[0] ? sink(call, name, 'zerolog', [{ expr: args[0], rendering: 'fmt' }]) : null;
  if (method === 'Msgf') return printfSink(pkg, call, name, 'zerolog', 0);
  if (name.startsWith('zerolog.Event.') && neverSent(pkg, call)) return null;
  if (method === 'Fields') return args[0] ? sink(call, name, 'zerolog', mapValues(pkg, args[0], 'json') ?? []) : null;
  const rendering = ZEROLOG_FIELDS[method];
  if (rendering && args[1]) return sink(call, name, 'zerolog', [{ expr: args[1], rendering, ...keyOf(pkg, args[0]) }]);
  return null;
}

/** zerolog's methods that write an event. */
const ZEROLOG_SENDS = new Set(['Msg', 'Msgf', 'MsgFunc', 'Send']);

/**
 * A zerolog event field call whose chain, from a fresh event, is a
 * statement of its own with no call that writes the event
 * (`log.Debug().Interface("cert", cert)`): the event is dropped, never
 * written. An event kept in a variable (`logEvt.Str(...)`, sent later by
 * `logEvt.Msg(...)`), passed or returned may still be sent.
 */
function neverSent(pkg: PackageInfo, call: CallExpr): boolean {
  // the chain must start from a fresh event (`log.Debug()`): an event held in a variable (`logEvt.Str(...)`) is sent later
  let base: Expr = call;
  while (base.kind === 'CallExpr' && base.fun.kind === 'SelectorExpr') base = unparen(base.fun.x);
  if (pkg.isNamedType(pkg.typeOf(base), ZEROLOG, 'Event')) return false;
  let top: Expr = call;
  for (;;) {
    const sel = pkg.parentOf(top);
    if (sel?.kind !== 'SelectorExpr' || sel.x !== top) break;
    const next: Node | null = pkg.parentOf(sel);
    if (next?.kind !== 'CallExpr' || next.fun !== sel) break;
    if (ZEROLOG_SENDS.has(sel.sel.name)) return false;
    top = next;
  }
  return pkg.parentOf(top)?.kind === 'ExprStmt';
}

function klogCall(pkg: PackageInfo, call: CallExpr, method: string): LogSink | null {
  const name = `klog.${method}`;
  const args = call.args;
  if (method === 'InfoS') return sink(call, name, 'klog', [...(args[0] ? [{ expr: args[0], rendering: 'fmt' as const }] : []), ...keyValues(pkg, args, 1, 'fmt')]);
  if (method === 'ErrorS') return sink(call, name, 'klog', [...(args[1] ? [{ expr: args[1], rendering: 'fmt' as const }] : []), ...keyValues(pkg, args, 2, 'fmt')]);
  const m = /^(Info|Warning|Error|Fatal|Exit)(f|ln|Depth)?$/.exec(method);
  if (!m) return null;
  if (m[2] === 'f') return printfSink(pkg, call, name, 'klog', 0);
  return sink(call, name, 'klog', printValues(args, m[2] === 'Depth' ? 1 : 0));
}

/** `klog.V(n).Info(...)`: a method call on the result of a klog/glog `V` call. */
function isKlogV(pkg: PackageInfo, call: CallExpr): boolean {
  const fun = call.fun;
  if (fun.kind !== 'SelectorExpr' || fun.x.kind !== 'CallExpr') return false;
  const inner = pkg.calleeOf(fun.x);
  return inner.kind === 'func' && inner.name === 'V' && KLOG_PATHS.has(inner.pkg);
}

function customSink(pkg: PackageInfo, call: CallExpr, key: string, name: string): LogSink | null {
  const short = key.replace(/^\(?[^()]*\//, '').replace(/[()]/g, '');
  const first = call.args[0];
  if (name.endsWith('f') && first && constString(pkg, first) !== undefined) return printfSink(pkg, call, short, 'custom', 0);
  return sink(call, short, 'custom', printValues(call.args, 0));
}

/** `stdout` for `os.Stdout`, `stderr` for `os.Stderr`, else undefined. */
function stdStream(pkg: PackageInfo, e: Expr): 'stdout' | 'stderr' | undefined {
  if (e.kind !== 'SelectorExpr') return undefined;
  const o = pkg.objectOf(e.sel);
  if (o?.pkg !== 'os') return undefined;
  return o.name === 'Stdout' ? 'stdout' : o.name === 'Stderr' ? 'stderr' : undefined;
}

function withStream(s: LogSink | null, stream: 'stdout' | 'stderr'): LogSink | null {
  return s && { ...s, stream };
}

/** `{key: k}` when `k` is a constant string. */
function keyOf(pkg: PackageInfo, k: Expr | undefined): { key?: string } {
  const v = k ? constString(pkg, k) : undefined;
  return v !== undefined ? { key: v } : {};
}

/**
 * Alternating key/value arguments (slog, zap's `...w`, klog's `...S`) from
 * `from` on; arguments that are attributes or fields are unfolded.
 */
function keyValues(pkg: PackageInfo, args: readonly Expr[], from: number, rendering: Rendering): LoggedValue[] {
  const out: LoggedValue[] = [];
  for (let i = from; i < args.length; i++) {
    const a = args[i]!;
    const field = a.kind === 'CallExpr' ? fieldValues(pkg, a) : null;
    if (field) {
      out.push(...field);
      continue;
    }
    if (isAttrOrField(pkg, a)) continue; // an attribute held in a variable: not visible here
    const next = args[i + 1];
    const key = constString(pkg, a);
    if (key !== undefined && next) {
      out.push({ expr: next, rendering, key });
      i++;
    } else {
      out.push({ expr: a, rendering });
    }
  }
  return out;
}

/** Field arguments of a zap Logger method from `from` on. */
function fieldArgs(pkg: PackageInfo, args: readonly Expr[], from: number): LoggedValue[] {
  const out: LoggedValue[] = [];
  for (const a of args.slice(from)) {
    const f = a.kind === 'CallExpr' ? fieldValues(pkg, a) : null;
    if (f) out.push(...f);
  }
  return out;
}

/** The values of a `logrus.Fields{...}` or `map[string]any{...}` literal, under their keys. */
function mapValues(pkg: PackageInfo, e: Expr, rendering: Rendering): LoggedValue[] {
  if (e.kind !== 'CompositeLit') return [];
  return (e as CompositeLit).elts.flatMap((elt) => (elt.kind === 'KeyValueExpr' ? [{ expr: elt.value, rendering, ...keyOf(pkg, elt.key) }] : []));
}

function isAttrOrField(pkg: PackageInfo, e: Expr): boolean {
  const t = deref(pkg.typeOf(e));
  return t.kind === 'named' && ((t.pkg === 'log/slog' && t.name === 'Attr') || (t.pkg === `${ZAP}/zapcore` && t.name === 'Field') || (t.pkg === ZAP && t.name === 'Field'));
}

/**
 * The values of an attribute or field constructor (`slog.String("k", v)`,
 * `slog.Group("g", ...)`, `zap.Any("k", v)`), or null when the call is not one.
 */
export function fieldValues(pkg: PackageInfo, call: CallExpr): LoggedValue[] | null {
  const name = calledName(call);
  if (name === undefined || !FIELD_NAMES.has(name)) return null;
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func') return null;
  const args = call.args;
  if (c.pkg === 'log/slog') {
    if (SLOG_ATTRS.has(c.name) && args[1]) return [{ expr: args[1], rendering: 'slog', ...keyOf(pkg, args[0]) }];
    if (c.name === 'Group') return keyValues(pkg, args, 1, 'slog');
    return null;
  }
  if (c.pkg === ZAP) {
    const rendering = ZAP_FIELDS[c.name];
    if (rendering && args[1]) return [{ expr: args[1], rendering, ...keyOf(pkg, args[0]) }];
  }
  return null;
}

/** The formatted arguments of `fmt.Sprintf(format, args...)`, each with its verb and label, or null when the call is not one. */
export function formattedValues(pkg: PackageInfo, call: CallExpr): LoggedValue[] | null {
  if (calledName(call) !== 'Sprintf') return null;
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func' || c.pkg !== 'fmt') return null;
  return formatArguments(pkg, call, 0);
}

/** The arguments after the format at `formatIndex` of a printf-style call, each with its verb and label (`password=%s`). */
export function formatArguments(pkg: PackageInfo, call: CallExpr, formatIndex: number): LoggedValue[] {
  return printfSink(pkg, call, '', 'custom', formatIndex)?.values.slice(1) ?? [];
}

/** A short name for an attribute or field constructor: `slog.String`, `zap.Any`. */
export function fieldConstructorName(pkg: PackageInfo, call: CallExpr): string | undefined {
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func') return undefined;
  return c.pkg === 'log/slog' ? `slog.${c.name}` : c.pkg === ZAP ? `zap.${c.name}` : undefined;
}

/** The value of a constant string expression. */
export function constString(pkg: PackageInfo, e: Expr): string | undefined {
  const v = pkg.constValue(e);
  return v?.kind === 'string' ? v.value : undefined;
}

/**
 * The verbs of a printf format, one per argument they consume (a `*` width
 * or precision consumes one too, as verb `*`). Null when the format uses
 * explicit argument indexes (`%[2]s`), which this model does not follow.
 */
export function parsePrintf(format: string): Verb[] | null {
  const out: Verb[] = [];
  let textStart = 0;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') continue;
    const before = format.slice(textStart, i);
    i++;
    if (format[i] === '%') continue;
    let plus = false;
    let sharp = false;
    for (; i < format.length && '+-# 0'.includes(format[i]!); i++) {
      if (format[i] === '+') plus = true;
      if (format[i] === '#') sharp = true;
    }
    if (format[i] === '[') return null;
    if (format[i] === '*') {
      out.push({ verb: '*', plus: false, sharp: false });
      i++;
    } else while (i < format.length && /[0-9]/.test(format[i]!)) i++;
    let precision: number | undefined;
    if (format[i] === '.') {
      i++;
      if (format[i] === '[') return null;
      if (format[i] === '*') {
        out.push({ verb: '*', plus: false, sharp: false });
        i++;
      } else {
        let digits = '';
        while (i < format.length && /[0-9]/.test(format[i]!)) digits += format[i++];
        precision = digits === '' ? 0 : Number(digits);
      }
    }
    if (format[i] === '[') return null;
    if (i >= format.length) break;
    out.push({ verb: format[i]!, plus, sharp, ...(precision !== undefined && { precision }), before });
    textStart = i + 1;
  }
  return out;
}

/** Whether a callee is the method `name` of a named type (or pointer) `pkg.type`. */
export function isMethodOf(callee: Callee, pkg: string, type: string, ...names: string[]): boolean {
  if (callee.kind !== 'method') return false;
  const r = deref(callee.recv);
  return r.kind === 'named' && r.pkg === pkg && r.name === type && names.includes(callee.name);
}

/** Whether a type's underlying type is a struct (used to tell struct values from scalars). */
export function isStructLike(pkg: PackageInfo, e: Expr): boolean {
  return underlying(deref(pkg.typeOf(e)), pkg.info).kind === 'struct';
}
