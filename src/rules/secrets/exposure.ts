/**
 * Whether a logged value exposes a credential: a value whose name says it
 * holds one (`password`, `u.Token`, `r.Header.Get("Authorization")`), a
 * value logged under a credential key (`zap.String("token", t)`), a whole
 * struct of a module type with credential fields and no masking method the
 * logger honours, or all the HTTP headers of a request.
 */
import type { CallExpr, Expr, Node, SelectorExpr } from '../../syntax/ast.js';
import { packageFacts, type PackageFactKind, type ParamFactKind } from '../../semantics/facts.js';
import type { PackageInfo } from '../../semantics/package.js';
import { isFunctionVariable, type Obj } from '../../semantics/scope.js';
import { calledName, lastName } from '../../semantics/fact-names.js';
import { isBuiltinCall, selectedPackage } from '../../semantics/call-shapes.js';
import { assignedValues, multiValueTargets, namedObject, usesOf } from '../../semantics/flow.js';
import { sumOperands, unparen } from '../../syntax/ast.js';
import { perPackage } from '../../semantics/package-memo.js';
import { knownPackageName } from '../../semantics/stdlib/index.js';
import { deref, identical, isErrorType, isString, methodSet, underlying, type NamedType, type Type } from '../../semantics/types.js';
import { constString, formattedValues, type LoggedValue, type Rendering, type Verb } from '../shared/log-sinks.js';
import { credentialLikeName, isNameLike, isSecretName, ownerNamesOtherToken, sensitiveName, splitWords } from './detect/index.js';
import { selectorChain, tagValue, unsetFields } from './fields-set.js';
import { calleeParamName, nameOfValue } from './names-of.js';

export interface ExposureSettings {
  readonly extraNames: ReadonlySet<string>;
  readonly ignoreNames: readonly RegExp[];
  /** Struct tag key marking a field as masked. */
  readonly maskingTag: string;
}

export type Exposure =
  /** A value whose name says it is a credential. */
  | { readonly kind: 'named'; readonly noun: string }
  /** A value logged under a credential key. */
  | { readonly kind: 'keyed'; readonly noun: string; readonly key: string; readonly inFormat: boolean }
  /** A struct printed whole, with credential fields in clear. */
  | {
    readonly kind: 'struct'; readonly type: string; readonly fields: readonly string[];
    /** How the fields are shown when not by the log itself: `json` for a value marshalled before it is logged. */
    readonly encoded?: Rendering;
  }
  /** An `http.Header`: Authorization and Cookie in clear. */
  | { readonly kind: 'headers' }
  /** A string built from a credential (`fmt.Sprintf("%s:%s@tcp(%s)/", user, password, addr)`, `a + password`). */
  | { readonly kind: 'embedded'; readonly noun: string; readonly part: Expr };

/** Names too generic to say anything about a value, so the key it is logged under decides. */
const GENERIC_VALUE_NAMES = new Set(['v', 'val', 'value', 's', 'str', 'x', 'p', 'arg', 'data', 'raw', 'b', 'buf', 'tok', 't']);

/** Methods that decide what a value looks like in a log, per rendering. */
const MASKING: Readonly<Record<Rendering, readonly string[]>> = {
  fmt: ['Format', 'Error', 'String'],
  json: ['MarshalJSON', 'MarshalText'],
  slog: ['LogValue', 'String', 'Format', 'Error', 'MarshalJSON', 'MarshalText'],
  'zap-any': ['MarshalLogObject', 'String', 'Error', 'MarshalJSON', 'MarshalText'],
  stringer: [],
};

/** Verbs that never show a value's content. */
const OPAQUE_VERBS = new Set(['T', 'p', '*']);

/**
 * The longest prefix of a value that counts as a redacted form of it (the
 * form the messages recommend): too little of a credential to use it.
 */
const SHORT_PREFIX = 12;

/** Whether a logger shows the content of a value (not for `%T`, `%p`, a `*` width, or a short `%.4s`). */
export function showsContent(v: LoggedValue): boolean {
  return !(v.verb && (OPAQUE_VERBS.has(v.verb.verb) || (v.verb.precision !== undefined && v.verb.precision <= SHORT_PREFIX)));
}

/**
 * A short prefix of a value, `tok[:6]`, alone or between constants
 * (`tok[:6] + "..."`): a redacted form, not the value.
 */
function isShortPrefix(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'BinaryExpr' && x.op === '+') {
    const parts = sumOperands(x);
    return parts.some((p) => unparen(p).kind === 'SliceExpr') && parts.every((p) => pkg.constValue(p) !== undefined || isShortPrefix(pkg, p));
  }
  if (x.kind !== 'SliceExpr' || x.max !== null || x.high === null) return false;
  const low = x.low === null ? 0n : constInt(pkg, x.low);
  const high = constInt(pkg, x.high);
  return low === 0n && high !== undefined && high <= BigInt(SHORT_PREFIX);
}

/** `strings.Repeat("*", n)`: a constant repeated, whatever the count (a mask as long as the secret). */
function isConstantRepeat(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'CallExpr' || e.args.length !== 2 || calledName(e) !== 'Repeat') return false;
  const c = pkg.calleeOf(e);
  return c.kind === 'func' && (c.pkg === 'strings' || c.pkg === 'bytes') && pkg.constValue(e.args[0]!) !== undefined;
}

function constInt(pkg: PackageInfo, e: Expr): bigint | undefined {
  const c = pkg.constValue(e);
  return c?.kind === 'int' ? c.value : undefined;
}

/**
 * Judges one logged value; null when it does not expose a credential.
 * `part`: the value is a part of a string being built, judged by its name
 * and label only (a part that is itself built is not followed, so `s = s + x`
 * cannot recurse).
 */
export function exposureOf(pkg: PackageInfo, v: LoggedValue, s: ExposureSettings, part = false): Exposure | null {
  if (v.rendering === 'stringer') return null;
  if (!showsContent(v)) return null;
  const e = unparen(v.expr);
  if (isShortPrefix(pkg, e)) return null; // `tok[:6] + "..."`: the redacted form
  if (isConstantRepeat(pkg, e)) return null; // `strings.Repeat("*", len(pw))`: a mask of the same length
  if (pkg.constValue(e) !== undefined) return null; // constants: hardcoded secrets are judged apart
  if (isBooleanOperation(e)) return null; // `!tok.Valid()` says something about a token, whatever its operand's type
  if (e.kind === 'CallExpr' && REDACTING.test(calledName(e) ?? '')) return null; // `cfg.getRedacted()`: secrets already replaced
  // `b, _ := json.Marshal(cfg)` logged as `string(b)`: what shows is cfg's fields, whatever b is called
  const marshalled = marshalledStruct(pkg, convertedOperand(pkg, e));
  if (marshalled) {
    const ex = exposureOf(pkg, { expr: marshalled, rendering: 'json' }, s, part);
    return ex?.kind === 'struct' ? { ...ex, encoded: 'json' } : ex;
  }
  const t = pkg.typeOf(e);
  if ((isRequestHeader(pkg, e) && !masked(pkg, t, v.rendering, v.verb) && !onlyPlainHeadersSet(pkg, e as SelectorExpr)) || isRequestDump(pkg, e)) return { kind: 'headers' };
  const structType = moduleStruct(pkg, t, v.rendering);
  if (structType) {
    let fields = sensitiveFields(pkg, t, v.rendering, v.verb, s, 0, new Set(), isApiObject(pkg, t));
    if (fields.length > 0) {
      const masks = maskedFields(pkg, e);
      const unset = unsetFields(pkg, e);
      fields = fields.filter((f) => !masks.has(f) && !unset(f));
    }
    return fields.length > 0 ? { kind: 'struct', type: structType.name, fields } : null;
  }
  if (!isTextual(pkg, t) || masked(pkg, t, v.rendering, v.verb)) return null;
  const ex = textualExposure(pkg, v, e, s, part);
  // `if rawJWT == "" { log.Debug("raw data was: ", rawJWT) }` (asked last: it climbs the parent links)
  return ex && knownEmpty(pkg, e) ? null : ex;
}

/** The exposure of a textual value: by its name, its key or label, or what it is built from. */
function textualExposure(pkg: PackageInfo, v: LoggedValue, e: Expr, s: ExposureSettings, part: boolean): Exposure | null {
  const name = nameOfValue(pkg, e);
  const named = name !== undefined && !namesAction(e, name) ? credentialName(name, s) : null;
  if (named && !isWorkingDirectory(pkg, e) && !isPathFlag(pkg, e) && !isFileName(pkg, e) && !isSecretObjectName(pkg, e, name, v.verb) && !rangesOverNames(pkg, e)) return { kind: 'named', noun: named };
  if (v.key !== undefined) {
    const keyed = namesOperation(v.key) ? null : credentialName(v.key, s);
    // the value's own name wins when it says what it is (`zap.String("token", tokenID)`), unless it shortens the key (`password=%s` of `pass`)
    const nameWins = (name !== undefined && !GENERIC_VALUE_NAMES.has(name.toLowerCase()) && !isDirectRead(convertedOperand(pkg, e)) && !abbreviates(name, v.key))
      || (e.kind === 'CallExpr' && describes(calledName(e) ?? ''));
    if (keyed && !nameWins && !isErrorText(pkg, e)) return { kind: 'keyed', noun: keyed, key: v.key, inFormat: v.keyInFormat === true };
    if (nameWins) return null;
  }
  return part ? null : embeddedCredential(pkg, e, s, 0);
}

/**
 * A string built from a credential: `fmt.Sprintf` with a credential among
 * its shown arguments (by name, or by its label in the format), a `+`
 * concatenation with one, or a local variable assigned such a string
 * (`dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, password, addr, db)`).
 */
function embeddedCredential(pkg: PackageInfo, e: Expr, s: ExposureSettings, depth: number): Exposure | null {
  const x = unparen(e);
  if (depth > 2) return null;
  const parts: LoggedValue[] | null = x.kind === 'CallExpr' ? formattedValues(pkg, x)
    : x.kind === 'BinaryExpr' && x.op === '+' ? sumOperands(x).map((expr) => ({ expr, rendering: 'fmt' as const }))
      : null;
  if (parts) {
    for (const part of parts) {
      const ex = unparen(part.expr).kind === 'Ident' || unparen(part.expr).kind === 'SelectorExpr' ? exposureOf(pkg, { ...part, expr: unparen(part.expr) }, s, true) : null;
      if (ex?.kind === 'named' || ex?.kind === 'keyed') return { kind: 'embedded', noun: ex.noun, part: part.expr };
    }
    return null;
  }
  if (x.kind !== 'Ident') return null;
  const o = pkg.objectOf(x);
  if (!isFunctionVariable(o)) return null;
  for (const a of assignedValues(pkg, o)) {
    const found = embeddedCredential(pkg, a, s, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The fields (`Password`, `Test.MongoPassword`) of a logged local struct
 * that its function sets to a constant before the log: a copy whose
 * secrets are masked (`redacted.Password = "****"`).
 */
function maskedFields(pkg: PackageInfo, logged: Expr): ReadonlySet<string> {
  const o = logged.kind === 'Ident' ? pkg.objectOf(logged) : undefined;
  if (!o || o.kind !== 'var' || o.isPackageLevel || o.isField || !o.func) return NO_FIELDS;
  let out: Set<string> | undefined;
  for (const use of usesOf(pkg, o.func, o)) {
    if (use.start >= logged.start) continue;
    // `o.A.B = const`: climb the selectors to the assignment
    const { path, top } = selectorChain(pkg, use);
    const assign = pkg.parentOf(top);
    if (path.length === 0 || assign?.kind !== 'AssignStmt' || assign.tok !== '=' || assign.lhs.length !== assign.rhs.length) continue;
    const i = assign.lhs.indexOf(top);
    if (i >= 0 && pkg.constValue(assign.rhs[i]!) !== undefined) (out ??= new Set()).add(path.join('.'));
  }
  return out ?? NO_FIELDS;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

const BOOLEAN_OPERATORS = new Set(['!', '&&', '||', '==', '!=', '<', '<=', '>', '>=']);

/** A negation, comparison or logical operation: its value is a boolean even where its operands' types are unknown. */
function isBooleanOperation(e: Expr): boolean {
  return (e.kind === 'UnaryExpr' || e.kind === 'BinaryExpr') && BOOLEAN_OPERATORS.has(e.op);
}

/** The operand of a conversion (`string(hashedPassword)`), else the expression itself. */
function convertedOperand(pkg: PackageInfo, e: Expr): Expr {
  return e.kind === 'CallExpr' && e.args.length === 1 && pkg.calleeOf(e).kind === 'conversion' ? unparen(e.args[0]!) : e;
}

/**
 * The value of a module struct type that a local variable holds the JSON
 * of: every value assigned to it is `json.Marshal(x)` or `json.MarshalIndent(x, ...)`
 * of such an `x` (of one struct type). Other marshalled values (a third-party
 * type, a map) keep the variable's own name as their description.
 */
function marshalledStruct(pkg: PackageInfo, e: Expr): Expr | undefined {
  const v = e.kind === 'Ident' ? pkg.objectOf(e) : undefined;
  if (!isFunctionVariable(v) || pkg.typeOf(e).kind !== 'slice') return undefined; // JSON is a []byte
  const values = assignedValues(pkg, v);
  let arg: Expr | undefined;
  for (const value of values) {
    const call = unparen(value);
    if (call.kind !== 'CallExpr' || call.args.length === 0) return undefined;
    const targets = multiValueTargets(pkg, value);
    if (targets && !(targets[0]?.kind === 'Ident' && pkg.objectOf(targets[0]) === v)) return undefined; // `err` of `b, err := json.Marshal(x)`
    const callee = pkg.calleeOf(call);
    if (callee.kind !== 'func' || callee.pkg !== 'encoding/json' || (callee.name !== 'Marshal' && callee.name !== 'MarshalIndent')) return undefined;
    const x = unparen(call.args[0]!);
    if (!moduleStruct(pkg, pkg.typeOf(x), 'json') || (arg && !identical(pkg.typeOf(arg), pkg.typeOf(x)))) return undefined;
    arg = x;
  }
  return arg;
}

/** A value read from a request or config by key, whose key the logger's key repeats. */
function isDirectRead(e: Expr): boolean {
  return e.kind === 'CallExpr' || e.kind === 'IndexExpr';
}

/** An error or its text (`err`, `err.Error()`): what went wrong, whatever the key or label before it says. */
function isErrorText(pkg: PackageInfo, e: Expr): boolean {
  const x = e.kind === 'CallExpr' && e.args.length === 0 && calledName(e) === 'Error' && unparen(e.fun).kind === 'SelectorExpr' ? (unparen(e.fun) as SelectorExpr).x : e;
  return isErrorType(pkg.typeOf(x));
}

/**
 * A variable the log sits in a branch for being empty: the body of
 * `if v == "" {` or `if len(v) == 0 {`, or the else of `if v != "" {`.
 */
function knownEmpty(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'Ident') return false;
  const o = pkg.objectOf(e);
  if (o?.kind !== 'var') return false;
  const isVar = (x: Expr): boolean => { const u = unparen(x); return u.kind === 'Ident' && pkg.objectOf(u) === o; };
  const emptyTest = (c: Expr, op: '==' | '!='): boolean => {
    const u = unparen(c);
    if (u.kind === 'BinaryExpr' && u.op === '&&' && op === '==') return emptyTest(u.x, op) || emptyTest(u.y, op);
    if (u.kind !== 'BinaryExpr' || u.op !== op) return false;
    const [a, b] = [unparen(u.x), unparen(u.y)];
    const emptyString = (x: Expr) => { const c = pkg.constValue(x); return c?.kind === 'string' && c.value === ''; };
    const zero = (x: Expr) => { const c = pkg.constValue(x); return c?.kind === 'int' && c.value === 0n; };
    const lenOf = (x: Expr) => x.kind === 'CallExpr' && x.args.length === 1 && isBuiltinCall(pkg, x, 'len') && isVar(x.args[0]!);
    return (isVar(a) && emptyString(b)) || (isVar(b) && emptyString(a)) || (lenOf(a) && zero(b)) || (lenOf(b) && zero(a));
  };
  // set again in the branch (`if v == "" { v = load() }`): no longer known
  const setIn = (branch: Node): boolean => usesOf(pkg, branch, o).some((u) => { const a = pkg.parentOf(u); return a?.kind === 'AssignStmt' && a.lhs.includes(u); });
  let child: Node = e;
  for (let p = pkg.parentOf(e); p; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'FuncDecl' || p.kind === 'FuncLit') return false;
    if (p.kind === 'IfStmt' && child === p.body && emptyTest(p.cond, '==')) return !setIn(p.body);
    if (p.kind === 'IfStmt' && child === p.else && emptyTest(p.cond, '!=')) return !setIn(child);
  }
  return false;
}

/** Words that make a call's name say it reports something about a value, not the value: `apiKeyStatus(...)`, `formatValue(...)`, `hasToken()`. */
const DESCRIBING_WORDS = new Set(['status', 'state', 'format', 'formatted', 'describe', 'description', 'summary', 'present', 'configured', 'exists', 'has', 'is', 'len', 'length', 'count', 'type', 'kind']);

/** Whether a name (of a call, read before a key) says it describes a value rather than returning it. */
function describes(name: string): boolean {
  return splitWords(name).some((w) => DESCRIBING_WORDS.has(w));
}

/** Verbs that make a key name a step of the program, not the value logged under it: `set-password`, `reset_token`. */
const OPERATION_VERBS = new Set(['set', 'reset', 'change', 'update', 'forgot', 'verify', 'check', 'validate', 'rotate', 'expire', 'create', 'delete', 'revoke']);

/** Whether a key names an operation on a credential (`set-password`): the value is that step's result or error, not the credential. */
function namesOperation(key: string): boolean {
  const words = splitWords(key);
  return words.length >= 2 && OPERATION_VERBS.has(words[words.length - 2]!);
}

/** Whether a name is a shortening of a key: `pass` of `password`, `pwd`... not `passwordLength`. */
function abbreviates(name: string, key: string): boolean {
  const n = name.toLowerCase();
  const k = key.toLowerCase();
  return n.length >= 3 && n !== k && k.startsWith(n);
}

/** The credential a name says its value holds ("password", "client key"), or null; `strict` for values judged by name alone (not struct fields). */
export function credentialName(name: string, s: ExposureSettings, strict = true): string | null {
  if (s.ignoreNames.some((r) => r.test(name))) return null;
  return sensitiveName(name, s.extraNames, strict)?.noun ?? null;
}

/** Verbs that, first in the name of a variable or field, name how to get a credential, not the credential. */
const ACTION_VERBS = new Set(['fetch', 'load', 'read', 'lookup', 'resolve', 'retrieve', 'obtain', 'acquire']);

/**
 * A variable or field named for an action on a credential
 * (`fetchVaultToken` holding `"env:VAULT_TOKEN"` or `"file:/path"`): it
 * holds how to get one. A call so named (`fetchToken()`) returns one.
 */
function namesAction(e: Expr, name: string): boolean {
  if (e.kind !== 'Ident' && e.kind !== 'SelectorExpr') return false;
  const words = splitWords(name);
  return words.length > 1 && ACTION_VERBS.has(words[0]!);
}

/** `pwd` is also the working directory: not when it comes from os.Getwd or filepath. */
function isWorkingDirectory(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'Ident' || !/^(pwd|cwd|wd)$/i.test(e.name)) return false;
  const o = pkg.objectOf(e);
  if (!o) return false;
  return assignedValues(pkg, o).some((v) => {
    const u = unparen(v);
    if (u.kind !== 'CallExpr') return false;
    const c = pkg.calleeOf(u);
    return c.kind === 'func' && ((c.pkg === 'os' && c.name === 'Getwd') || c.pkg === 'path/filepath' || c.pkg === 'path');
  });
}

/** Usage texts that say a flag holds where something is, not the thing: "path to the private key file". */
const PATH_USAGE = /\b(path|file|filename|directory|dir)\b/i;
/** Usage text of a flag that names a Kubernetes Secret or a key inside one: where the credential is kept, not the credential. */
const SECRET_REF_USAGE = /\bkubernetes secret\b|\b(key|name) (of|in|inside|within|from) (the |a |that |this )?(kubernetes )?secret\b|\bsecret (object|resource)\b/i;

/**
 * `*keyFile` of a string flag (`flag.String`, pflag's `String`/`StringP`, on
 * the package or a flag set) whose usage text says it holds a path.
 */
function isPathFlag(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'StarExpr') return false;
  const x = unparen(e.x);
  const o = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (!o) return false;
  return assignedValues(pkg, o).some((v) => {
    const u = unparen(v);
    return u.kind === 'CallExpr' && definesPathFlag(pkg, u, POINTER_FLAGS, false);
  });
}

/**
 * Whether a call defines a string flag (one of `names`, of flag or pflag,
 * on the package or a flag set) whose usage text, its last argument, says
 * it holds a path, `flag.String("tls-key", "", "path to the key file")`,
 * or names a Kubernetes Secret or a key inside one (`"key inside that Secret"`).
 * With `unseen`, a call on a flag set whose type Redline cannot see (a
 * cobra command's) counts too.
 */
function definesPathFlag(pkg: PackageInfo, call: CallExpr, names: ReadonlySet<string>, unseen: boolean): boolean {
  if (!names.has(calledName(call) ?? '') || call.args.length < 3) return false;
  const usage = constString(pkg, call.args[call.args.length - 1]!);
  if (usage === undefined || !(PATH_USAGE.test(usage) || SECRET_REF_USAGE.test(usage))) return false;
  const c = pkg.calleeOf(call);
  return c.kind === 'func' || c.kind === 'method' ? FLAG_PACKAGES.has(c.pkg) : unseen && c.kind === 'unknown';
}

const FLAG_PACKAGES = new Set(['flag', 'github.com/spf13/pflag']);
/** String flags that return a pointer to the value, and those that bind a variable given to them. */
const POINTER_FLAGS: ReadonlySet<string> = new Set(['String', 'StringP']);
const BOUND_FLAGS: ReadonlySet<string> = new Set(['StringVar', 'StringVarP']);

/** Calls whose result has its secrets replaced: `getRedactedConf()`, `c.Masked()`, `sanitize(cfg)` (not `unmask`). */
const REDACTING = /(?<!un)(redact|mask|saniti[sz]|scrub|obfuscat|censor)/i;

/** File-name parameters of functions that open, read or load files: callee key → argument indices. */
const FILE_NAME_PARAMS: ReadonlyMap<string, readonly number[]> = new Map([
  ['os.ReadFile', [0]], ['os.Open', [0]], ['os.OpenFile', [0]], ['os.Stat', [0]], ['os.Lstat', [0]], ['io/ioutil.ReadFile', [0]],
  ['crypto/tls.LoadX509KeyPair', [0, 1]], ['net/http.ListenAndServeTLS', [1, 2]],
  ['(net/http.Server).ListenAndServeTLS', [0, 1]], ['(net/http.Server).ServeTLS', [1, 2]],
]);
const FILE_NAME_CALLS = new Set([...FILE_NAME_PARAMS.keys()].map(lastName));

/** Variables and fields a package passes somewhere, and the fields among them by `pkg.Type.Field` (a struct judged whole is known by its type). */
interface PassedObjects {
  readonly objects: Set<Obj>;
  readonly fields: Set<string>;
}

/**
 * Per package and question, the variables and fields that some call of the
 * package passes as an argument `select` picks, and those `more` gives
 * (built on first use, again once the package's own facts are known).
 */
function objectsPassed(
  select: (pkg: PackageInfo, call: CallExpr) => Iterable<Expr | undefined>,
  more?: (pkg: PackageInfo) => Iterable<Expr | undefined>,
): (pkg: PackageInfo) => PassedObjects {
  return perPackage((pkg) => {
    const passed: PassedObjects = { objects: new Set(), fields: new Set() };
    const add = (arg: Expr | undefined) => {
      const o = arg && namedObject(pkg, arg);
      if (!o) return;
      passed.objects.add(o);
      const key = fieldKey(pkg, arg!, o);
      if (key) passed.fields.add(key);
    };
    for (const body of pkg.res.bodies.values()) for (const call of body.calls) for (const arg of select(pkg, call)) add(arg);
    if (more) for (const arg of more(pkg)) add(arg);
    return passed;
  }, { byProgram: true });
}

/** `pkg.Type.Field` for a selector `x.Field` of a named struct type, the object `o` it denotes. */
function fieldKey(pkg: PackageInfo, arg: Expr, o: Obj): string | undefined {
  const x = unparen(arg);
  const owner = o.isField && x.kind === 'SelectorExpr' ? deref(pkg.typeOf(x.x)) : undefined;
  return owner?.kind === 'named' ? `${owner.pkg}.${owner.name}.${o.name}` : undefined;
}

/** The indices of a call's arguments that a known function loads as a file (`tls.LoadX509KeyPair(certFile, keyFile)`). */
function fileNameArgs(pkg: PackageInfo, call: CallExpr): readonly number[] {
  if (!FILE_NAME_CALLS.has(calledName(call) ?? '')) return NO_ARGS;
  const c = pkg.calleeOf(call);
  return (c.kind === 'func' || c.kind === 'method' ? FILE_NAME_PARAMS.get(pkg.calleeKey(c) ?? '') : undefined) ?? NO_ARGS;
}
const NO_ARGS: readonly number[] = [];
/** The highest argument index any FILE_NAME_PARAMS function loads as a file: the seed asks about each argument. */
const LAST_FILE_NAME_ARG = Math.max(...[...FILE_NAME_PARAMS.values()].flat());

/** A parameter its function loads as a file, directly or through the functions it passes it to (`ClientAuthTLSConfig(ca, cert, key)`). */
export const LOADS_FILE_PARAM: ParamFactKind = {
  id: 'secrets/loads-file-param',
  level: 'param',
  seed: (call, argIndex, pkg) => argIndex >= 0 && argIndex <= LAST_FILE_NAME_ARG && fileNameArgs(pkg, call).includes(argIndex),
};

/** The arguments a call passes as a file name: to a known function, or to a parameter with the fact. */
function fileNameArgsOf(pkg: PackageInfo, call: CallExpr): Array<Expr | undefined> {
  const args = fileNameArgs(pkg, call).map((i) => call.args[i]);
  const flagged = pathFlagTarget(pkg, call);
  if (flagged) args.push(flagged);
  if (call.args.length === 0 || !pkg.mayCallFactHolder(call, LOADS_FILE_PARAM.id)) return args;
  const facts = pkg.factsOf(pkg.calleeOf(call));
  for (let i = 0; i < call.args.length; i++) if (facts.hasParam(LOADS_FILE_PARAM.id, i)) args.push(call.args[i]);
  return args;
}

/**
 * The variable or field a string flag whose usage text says it holds a path
 * is bound to: `opts.AclSecret` of `fs.StringVar(&opts.AclSecret, "acl_secret",
 * "", "HMAC secret file")` (flag, pflag, and a cobra command's flag set, whose
 * type Redline may not see).
 */
function pathFlagTarget(pkg: PackageInfo, call: CallExpr): Expr | undefined {
  if (call.args.length < 4 || !definesPathFlag(pkg, call, BOUND_FLAGS, true)) return undefined;
  const target = unparen(call.args[0]!);
  return target.kind === 'UnaryExpr' && target.op === '&' ? target.x : undefined;
}

/** Variables and fields the package passes as a file name. */
const fileNameObjects = objectsPassed(fileNameArgsOf);

/**
 * The fields (`pkg.Type.Field`) a package passes as a file name (`file …`)
 * or as an object's name (`name …`), exported with the package: a config
 * struct logged whole in `main` whose `TLS.PrivateKey` another package
 * loads as a file shows a path.
 */
export const PASSED_FIELDS: PackageFactKind = {
  id: 'secrets/passed-fields',
  level: 'package',
  seedPackage: (pkg) => {
    const out: string[] = [];
    const record = (as: 'file' | 'name', arg: Expr | undefined) => {
      const o = arg && mayNameCredential(arg) ? namedObject(pkg, arg) : undefined;
      const key = o && fieldKey(pkg, arg!, o);
      if (key) out.push(`${as} ${key}`);
    };
    // only calls that pass such a field are asked about their callee
    for (const body of pkg.res.bodies.values()) {
      for (const call of body.calls) {
        if (!call.args.some(mayNameCredential)) continue;
        for (const arg of fileNameArgsOf(pkg, call)) record('file', arg);
        for (const arg of objectNameArgsOf(pkg, call)) record('name', arg);
      }
    }
    for (const value of objectNameKeys(pkg)) record('name', value);
    return out;
  },
};

/** A selector whose field name could make a struct logged whole show a credential (the only fields `sensitiveFields` asks about; extra names from the options aside). */
function mayNameCredential(e: Expr): boolean {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' && credentialLikeName(x.sel.name);
}

/** Whether this package or one checked before it passes the field `key` (`pkg.Type.Field`) as a file name (`file`) or an object's name (`name`). */
function passedField(pkg: PackageInfo, as: 'file' | 'name', key: string): boolean {
  return (as === 'file' ? fileNameObjects : objectNameObjects)(pkg).fields.has(key) || packageFacts(pkg, PASSED_FIELDS.id).has(`${as} ${key}`);
}

/** The arguments a call passes as the name of an object: a Kubernetes Secret's, an argument bound to a `name` parameter. */
function objectNameArgsOf(pkg: PackageInfo, call: CallExpr): Array<Expr | undefined> {
  const args: Array<Expr | undefined> = [];
  if (SECRET_CLIENT_METHODS.has(calledName(call) ?? '') && isSecretsClientCall(pkg, call)) args.push(call.args[call.args.length === 1 ? 0 : 1]);
  if (call.args.length === 0) return args;
  const c = pkg.calleeOf(call);
  if (c.kind !== 'func' && c.kind !== 'method') return args;
  for (let i = 0; i < call.args.length; i++) if (OBJECT_NAME_PARAM.test(calleeParamName(pkg, c, i) ?? '')) args.push(call.args[i]);
  return args;
}

/** Variables and fields the package passes as the name of an object, in calls and composite-literal keys. */
const objectNameObjects = objectsPassed(objectNameArgsOf, objectNameKeys);

/** Values of composite-literal keys that name an object: `SecretVolumeSource{SecretName: cfg.PullSecret}`, `LocalObjectReference{Name: s}`. */
function* objectNameKeys(pkg: PackageInfo): Iterable<Expr> {
  for (const [key, { lit }] of pkg.res.pendingKeys) {
    if (!OBJECT_NAME_KEY.test(key.name)) continue;
    for (const el of lit.elts) if (el.kind === 'KeyValueExpr' && el.key === key) yield el.value;
  }
}

/**
 * Whether the package passes the variable or field `o` as a file name
 * somewhere: it holds where a key is (`cfg.ClientKey` loaded by
 * `tls.LoadX509KeyPair(cfg.ClientCert, cfg.ClientKey)`), not the key.
 */
export function isPassedAsFileName(pkg: PackageInfo, o: Obj): boolean {
  return fileNameObjects(pkg).objects.has(o);
}

function isFileName(pkg: PackageInfo, e: Expr): boolean {
  const o = namedObject(pkg, e);
  return o !== undefined && isPassedAsFileName(pkg, o);
}

/** Parameters that take the name of an object (`name`, `secretName`). */
const OBJECT_NAME_PARAM = /^(name|\w*Name)$/;
/** Struct fields that hold the name of an object (`Name`, `SecretName`). */
const OBJECT_NAME_KEY = /^(Name|\w*Name)$/;

/** Methods of client-go's `SecretInterface` whose argument 1 is the Secret's name. */
const SECRET_CLIENT_METHODS = new Set(['Get', 'Patch', 'Delete', 'Update', 'Apply']);

/** `…Secrets(ns).Get(ctx, name, …)` (a lister: `Get(name)`), or the same on a local set from `…Secrets(ns)`: client-go's Secret client and lister. */
function isSecretsClientCall(pkg: PackageInfo, call: CallExpr): boolean {
  const f = unparen(call.fun);
  if (f.kind !== 'SelectorExpr') return false;
  const isSecretsCall = (e: Expr) => {
    const u = unparen(e);
    return u.kind === 'CallExpr' && calledName(u) === 'Secrets';
  };
  if (isSecretsCall(f.x)) return true;
  const o = namedObject(pkg, f.x);
  return o !== undefined && o.kind === 'var' && assignedValues(pkg, o).some(isSecretsCall);
}

/** Format text that introduces a name, not a value: `"a repo secret named %s"`, `"${{ secrets.%s }}"`. */
const NAMING_TEXT = /(\b(named|called)\s+["'`]?|\bsecrets\.)$/i;

/**
 * `c.flagRootTokenSecret` where the printf format introduces it as a name
 * (`"a repo secret named %s"`), or where the package also passes it as the
 * name of an object (a Kubernetes Secret: `secrets.Patch(ctx,
 * c.flagRootTokenSecret, …)`, a parameter called `name` or `secretName`):
 * "secret" names the kind of object, and the value is that object's name,
 * not a secret.
 */
function isSecretObjectName(pkg: PackageInfo, e: Expr, name: string | undefined, verb: Verb | undefined): boolean {
  if (!isSecretName(name)) return false;
  if (verb?.before !== undefined && NAMING_TEXT.test(verb.before)) return true;
  const o = namedObject(pkg, e);
  return o !== undefined && objectNameObjects(pkg).objects.has(o);
}

/**
 * A range variable over a package-level map or slice literal of constant
 * names (`for _, secretKey := range certMap` with `certMap = map[string]string{"server.key": "tls.key"}`):
 * it holds one of those names, the entries of a Secret, not a secret.
 */
function rangesOverNames(pkg: PackageInfo, e: Expr): boolean {
  const v = e.kind === 'Ident' ? pkg.objectOf(e) : undefined;
  const range = v?.node;
  if (range?.kind !== 'RangeStmt') return false;
  const isKey = range.key?.kind === 'Ident' && pkg.objectOf(range.key) === v;
  const x = unparen(range.x);
  const m = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (m?.kind !== 'var' || !m.isPackageLevel) return false;
  const values = assignedValues(pkg, m);
  const lit = values.length === 1 ? unparen(values[0]!) : undefined;
  if (lit?.kind !== 'CompositeLit' || lit.elts.length === 0) return false;
  // the key of a map literal, or an element: a slice's key is an index, never a name
  return lit.elts.every((el) => {
    const item = el.kind === 'KeyValueExpr' ? (isKey ? el.key : el.value) : isKey ? undefined : el;
    const s = item && constString(pkg, item);
    return s !== undefined && isNameLike(s);
  });
}

/** `r.Header` of an `http.Request`: the request's headers, Authorization and Cookie included. */
function isRequestHeader(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'SelectorExpr' || e.sel.name !== 'Header') return false;
  const x = deref(pkg.typeOf(e.x));
  return x.kind === 'named' && x.pkg === 'net/http' && x.name === 'Request';
}

/** `net/http` and `net/http/httptest` functions that make a request with no headers. */
const REQUEST_MAKERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['net/http', new Set(['NewRequest', 'NewRequestWithContext'])],
  ['net/http/httptest', new Set(['NewRequest'])],
]);

/** Header names that may carry a credential: `Authorization`, `Cookie`, `X-Api-Key`, `X-Auth-Token`, `X-Signature`. */
const CREDENTIAL_HEADER = /auth|cookie|key|token|secret|session|sign|pass|cred|bearer/i;

/**
 * `req.Header` of a request the function itself makes with no headers
 * (`req, err := http.NewRequest(...)`) and, before the log, only gives
 * headers whose constant names carry no credential (`req.Header.Set("Range",
 * ...)`) or reads: nothing else touches `req` first (no `SetBasicAuth`, no
 * signer or helper it is passed to), nor later in a loop around the log
 * that does not make the request anew.
 */
function onlyPlainHeadersSet(pkg: PackageInfo, header: SelectorExpr): boolean {
  const base = unparen(header.x);
  const req = base.kind === 'Ident' ? pkg.objectOf(base) : undefined;
  if (!isFunctionVariable(req) || !req.decl) return false;
  const values = assignedValues(pkg, req);
  const madeEmpty = (a: Expr): boolean => {
    const x = unparen(a);
    if (x.kind !== 'CallExpr' || !firstResultOf(pkg, x, req)) return false;
    const c = pkg.calleeOf(x);
    return c.kind === 'func' && REQUEST_MAKERS.get(c.pkg)?.has(c.name) === true;
  };
  if (values.length === 0 || !values.every(madeEmpty)) return false;
  const fn = pkg.enclosingFunc(header);
  if (!fn) return false;
  // a loop around the log that does not declare the request anew brings later uses back before the next log
  let inLoop = false;
  for (let n = pkg.parentOf(header); n && n !== fn && !inLoop; n = pkg.parentOf(n)) {
    inLoop = (n.kind === 'ForStmt' || n.kind === 'RangeStmt') && n.start > req.decl.start;
  }
  return usesOf(pkg, fn, req).every((use) => {
    if (use === base || (use.start > header.start && !inLoop)) return true;
    return isPlainHeaderUse(pkg, use) || isAssignedRequest(pkg, use);
  });
}

/** `req.Header.Set("Range", v)`, `.Add`, `.Del`, `.Get`, `req.Header.Get(...)`, or a read of another field (`req.URL`, `req.Method`). */
function isPlainHeaderUse(pkg: PackageInfo, use: Node): boolean {
  const sel = pkg.parentOf(use);
  if (sel?.kind !== 'SelectorExpr' || sel.x !== use) return false;
  const above = pkg.parentOf(sel);
  if (sel.sel.name !== 'Header') return !(above?.kind === 'CallExpr' && above.fun === sel) && !(above?.kind === 'AssignStmt' && above.lhs.includes(sel));
  const method = above?.kind === 'SelectorExpr' && above.x === sel ? above : undefined;
  const call = method && pkg.parentOf(method);
  if (!method || call?.kind !== 'CallExpr' || call.fun !== method) return false;
  if (method.sel.name === 'Get' || method.sel.name === 'Values' || method.sel.name === 'Del') return true;
  if (method.sel.name !== 'Set' && method.sel.name !== 'Add') return false;
  const arg = call.args[0] && unparen(call.args[0]);
  // a constant, or one of a package Redline does not read, by its name (`headers.Range`)
  const name = arg && (constString(pkg, arg) ?? (arg.kind === 'SelectorExpr' && selectedPackage(pkg, arg) !== undefined ? arg.sel.name : undefined));
  return name !== undefined && !CREDENTIAL_HEADER.test(name);
}

/** The request variable as the target of its own making (`req, err = http.NewRequest(...)`). */
function isAssignedRequest(pkg: PackageInfo, use: Node): boolean {
  const p = pkg.parentOf(use);
  return p?.kind === 'AssignStmt' && p.lhs.includes(use as Expr);
}

/** `net/http/httputil` functions whose result is a request in wire form, headers included. */
const REQUEST_DUMPS = new Set(['DumpRequest', 'DumpRequestOut']);

/**
 * A request dumped with its headers: `httputil.DumpRequest(r, true)`, as
 * such, converted (`string(dump)`), or through a local variable only ever
 * assigned one (`dump, _ := httputil.DumpRequest(r, true)`).
 */
function isRequestDump(pkg: PackageInfo, e: Expr, depth = 0): boolean {
  const x = unparen(e);
  if (depth > 3) return false;
  if (depth === 0 && !importsHttputil(pkg)) return false; // no dump without the package (checked first: it needs no parent links)
  if (x.kind === 'CallExpr') {
    const c = pkg.calleeOf(x);
    if (c.kind === 'func') return c.pkg === 'net/http/httputil' && REQUEST_DUMPS.has(c.name) && !authorizationMaskedBefore(pkg, x);
    return c.kind === 'conversion' && x.args.length === 1 && isRequestDump(pkg, x.args[0]!, depth + 1);
  }
  if (x.kind !== 'Ident') return false;
  const o = pkg.objectOf(x);
  if (!isFunctionVariable(o)) return false;
  const values = assignedValues(pkg, o);
  // `dump, err := httputil.DumpRequest(r, true)` gives both names the call: only the first result is the dump
  return values.length > 0 && values.every((a) => firstResultOf(pkg, a, o) && isRequestDump(pkg, a, depth + 1));
}

/**
 * Whether the function that dumps request `r` first overwrites or deletes
 * its Authorization header: `r.Header.Set("Authorization", "***")`,
 * `r.Header.Del("Authorization")`, also for each name of a list that holds
 * it (`for _, h := range []string{"Authorization", "X-Api-Key"} {
 * r.Header.Set(h, mask) }`).
 */
function authorizationMaskedBefore(pkg: PackageInfo, dump: CallExpr): boolean {
  const arg = dump.args[0] && unparen(dump.args[0]);
  const req = arg?.kind === 'Ident' ? pkg.objectOf(arg) : undefined;
  const fn = req && pkg.enclosingDecl(dump);
  const calls = fn?.kind === 'FuncDecl' ? pkg.res.bodies.get(fn)?.calls : undefined;
  if (!req || !calls) return false;
  const isAuthorization = (e: Expr): boolean => {
    const v = pkg.constValue(e);
    return v?.kind === 'string' && v.value.toLowerCase() === 'authorization';
  };
  // the name itself, or the value of a range over a list that holds it
  const namesAuthorization = (e: Expr): boolean => {
    if (isAuthorization(e)) return true;
    const x = unparen(e);
    const loop = x.kind === 'Ident' ? pkg.objectOf(x)?.node : undefined;
    if (loop?.kind !== 'RangeStmt' || loop.value === null) return false;
    const list = unparen(loop.x);
    return list.kind === 'CompositeLit' && list.elts.some(isAuthorization);
  };
  return calls.some((c) => {
    if (c.start >= dump.start || c.args.length === 0) return false;
    const f = unparen(c.fun);
    if (f.kind !== 'SelectorExpr' || (f.sel.name !== 'Set' && f.sel.name !== 'Del')) return false;
    const h = unparen(f.x);
    if (h.kind !== 'SelectorExpr' || h.sel.name !== 'Header') return false;
    const base = unparen(h.x);
    return base.kind === 'Ident' && pkg.objectOf(base) === req && namesAuthorization(c.args[0]!);
  });
}

function importsHttputil(pkg: PackageInfo): boolean {
  for (const file of pkg.files) for (const path of file.imports.values()) if (path === 'net/http/httputil') return true;
  return false;
}

/** Whether `obj` takes the first result of `value` where it is assigned (`obj, err := f()`, or a single value). */
function firstResultOf(pkg: PackageInfo, value: Expr, obj: Obj): boolean {
  const first = multiValueTargets(pkg, value)?.[0];
  if (!first) return true;
  const u = unparen(first);
  return u.kind === 'Ident' && (u === obj.decl || pkg.objectOf(u) === obj);
}

/** Strings, byte slices, their named forms, interfaces and unknown types (a name then decides). */
function isTextual(pkg: PackageInfo, t: Type): boolean {
  if (t.kind === 'unknown' || t.kind === 'interface') return true;
  if (t.kind === 'pointer') return false;
  const u = underlying(t, pkg.info);
  if (u.kind === 'unknown' || u.kind === 'interface') return true;
  if (u.kind === 'basic') return isString(u);
  if (u.kind === 'slice') {
    const el = underlying(u.elem, pkg.info);
    return el.kind === 'basic' && (el.name === 'uint8' || el.name === 'int32');
  }
  return false;
}

/**
 * Whether a type's method set has a method that decides its rendering.
 * For `%#v`, fmt calls GoString (or Format) and ignores String and Error.
 */
function masked(pkg: PackageInfo, t: Type, rendering: Rendering, verb: Verb | undefined): boolean {
  if (rendering === 'stringer') return true;
  if (deref(t).kind !== 'named') return false;
  const methods = methodSet(t, pkg.info);
  const names = rendering === 'fmt' && verb?.verb === 'v' && verb.sharp ? ['GoString', 'Format'] : MASKING[rendering];
  return names.some((m) => methods.has(m));
}

/** The named struct type of the module behind a value (a pointer is followed at the top), or undefined. */
function moduleStruct(pkg: PackageInfo, t: Type, rendering: Rendering): NamedType | undefined {
  void rendering;
  const d = deref(t);
  if (d.kind !== 'named' || isKnownPackage(d.pkg)) return undefined;
  return underlying(d, pkg.info).kind === 'struct' ? d : undefined;
}

function isKnownPackage(path: string): boolean {
  return path !== '' && knownPackageName(path) !== undefined;
}

const exported = (name: string) => /^\p{Lu}/u.test(name);

/** A Kubernetes API object: a struct that embeds `metav1.TypeMeta` or `metav1.ObjectMeta`. */
function isApiObject(pkg: PackageInfo, t: Type): boolean {
  const u = underlying(deref(t), pkg.info);
  return u.kind === 'struct' && u.fields.some((f) => f.embedded && (f.name === 'TypeMeta' || f.name === 'ObjectMeta'));
}

/**
 * The credential fields a logger shows of a struct value, as paths
 * (`Password`, `DB.Password`): fields with a credential name and a textual
 * type that the rendering shows and nothing masks. fmt shows unexported
 * fields and prints nested pointers as addresses; JSON-based renderings show
 * exported fields only, skip `json:"-"`, and follow pointers. In a
 * Kubernetes API object (`apiObject`), a string field named `…Secret`
 * (`ClusterCredentialsSecret`) names a Secret object: the credential lives
 * there, not in the field.
 */
function sensitiveFields(pkg: PackageInfo, t: Type, rendering: Rendering, verb: Verb | undefined, s: ExposureSettings, depth: number, seen: Set<string>, apiObject: boolean): string[] {
  if (depth > 3 || masked(pkg, t, rendering, verb)) return [];
  const d = deref(t);
  if (d.kind !== 'named' || isKnownPackage(d.pkg)) return [];
  const id = `${d.pkg}.${d.name}`;
  if (seen.has(id)) return [];
  seen.add(id);
  const u = underlying(d, pkg.info);
  if (u.kind !== 'struct') return [];
  const json = rendering === 'json' || rendering === 'zap-any';
  const out: string[] = [];
  for (const f of u.fields) {
    if (tagValue(f.tag, s.maskingTag) !== undefined) continue;
    if (json && (!exported(f.name) || tagValue(f.tag, 'json')?.split(',')[0] === '-')) continue;
    const ft = f.type;
    const follow = ft.kind !== 'pointer' || json;
    if (f.embedded) {
      if (follow) out.push(...sensitiveFields(pkg, ft, rendering, verb, s, depth + 1, seen, apiObject));
      continue;
    }
    if (isTextual(pkg, ft) && ft.kind !== 'interface' && ft.kind !== 'unknown' && underlying(ft, pkg.info).kind !== 'interface') {
      if (apiObject && splitWords(f.name).at(-1) === 'secret') continue;
      if (passedField(pkg, 'file', `${id}.${f.name}`)) continue; // `TLS.PrivateKey` loaded as a file: a path
      if (isSecretName(f.name) && passedField(pkg, 'name', `${id}.${f.name}`)) continue; // `PullSecret` used as `SecretName:`
      if (!masked(pkg, ft, rendering, verb) && credentialName(f.name, s, false) && !ownerNamesOtherToken(d.name, f.name)) out.push(f.name);
      continue;
    }
    if (follow && moduleStruct(pkg, ft, rendering)) {
      for (const sub of sensitiveFields(pkg, ft, rendering, verb, s, depth + 1, seen, apiObject)) out.push(`${f.name}.${sub}`);
    }
  }
  seen.delete(id);
  return out;
}
