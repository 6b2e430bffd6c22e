/**
 * Where Go code hands a credential to a protocol: the `Authorization`
 * header of net/http (`Header.Set/Add`, `http.Header{...}`,
 * `h["Authorization"] = ...`), `Request.SetBasicAuth`, and gRPC metadata
 * (`metadata.Pairs/New/AppendToOutgoingContext`, `MD.Set/Append`,
 * `metadata.MD{...}`). Also: what of such a value is hardcoded.
 */
import type { AssignStmt, CallExpr, CompositeLit, Expr, Node } from '../../syntax/ast.js';
import { calledName } from '../../semantics/fact-names.js';
import { calledPackage, calleeForm } from '../../semantics/call-shapes.js';
import type { PackageInfo } from '../../semantics/package.js';
import { unparen } from '../../syntax/ast.js';
import { deref } from '../../semantics/types.js';
import { constString, isMethodOf } from '../shared/log-sinks.js';
import { constLeaves, leavesOf, type ConstLeaf } from './trace.js';

export type AuthKind = 'header' | 'basic-auth' | 'grpc';

/** A credential value handed to a protocol. */
export interface AuthUse {
  /** What to report: the call, or the literal element. */
  readonly at: Node;
  /** The value expression (the header value, the password). */
  readonly value: Expr;
  readonly kind: AuthKind;
  /** `Authorization`, `Proxy-Authorization`, `authorization` (gRPC). */
  readonly header: string;
}

const HEADERS = new Set(['authorization', 'proxy-authorization']);
const METADATA = 'google.golang.org/grpc/metadata';

/** The names of the calls below (a check before resolving the callee): methods, and functions of the metadata package. */
const AUTH_METHOD_NAMES = new Set(['Set', 'Add', 'SetBasicAuth', 'Append']);
const AUTH_FUNC_NAMES = new Set(['Pairs', 'AppendToOutgoingContext', 'New']);

function authHeader(pkg: PackageInfo, key: Expr | undefined): string | undefined {
  const k = key ? constString(pkg, key) : undefined;
  return k !== undefined && HEADERS.has(k.toLowerCase()) ? k : undefined;
}

/** No credential values (shared: the results below are read-only). */
const NO_AUTH_USES: readonly AuthUse[] = Object.freeze([]);

/** Credential values a call passes: `h.Set("Authorization", v)`, `r.SetBasicAuth(u, p)`, `metadata.Pairs("authorization", v)`. */
export function authUsesOfCall(pkg: PackageInfo, call: CallExpr): readonly AuthUse[] {
  const name = calledName(call);
  if (name === undefined) return NO_AUTH_USES;
  if (AUTH_METHOD_NAMES.has(name)) {
    if (calleeForm(pkg, call) !== 'method') return NO_AUTH_USES;
  } else if (AUTH_FUNC_NAMES.has(name)) {
    // metadata.New(...), or New(...) through a dot import; not errors.New
    const form = calleeForm(pkg, call);
    if (form === 'method' || (form === 'package-func' && calledPackage(pkg, call) !== METADATA)) return NO_AUTH_USES;
  } else return NO_AUTH_USES;
  const c = pkg.calleeOf(call);
  const args = call.args;
  if (isMethodOf(c, 'net/http', 'Header', 'Set', 'Add')) {
    const header = authHeader(pkg, args[0]);
    return header && args[1] ? [{ at: call, value: args[1], kind: 'header', header }] : NO_AUTH_USES;
  }
  if (isMethodOf(c, 'net/http', 'Request', 'SetBasicAuth')) return args[1] ? [{ at: call, value: args[1], kind: 'basic-auth', header: 'Authorization' }] : NO_AUTH_USES;
  if (isMethodOf(c, METADATA, 'MD', 'Set', 'Append')) {
    const header = authHeader(pkg, args[0]);
    return header ? args.slice(1).map((value) => ({ at: call, value, kind: 'grpc' as const, header })) : NO_AUTH_USES;
  }
  if (c.kind === 'func' && c.pkg === METADATA) {
    if (c.name === 'Pairs') return pairs(pkg, call, 0);
    if (c.name === 'AppendToOutgoingContext') return pairs(pkg, call, 1);
    if (c.name === 'New' && args[0]?.kind === 'CompositeLit') return mapEntries(pkg, args[0], call, 'grpc');
  }
  return NO_AUTH_USES;
}

function pairs(pkg: PackageInfo, call: CallExpr, from: number): readonly AuthUse[] {
  const out: AuthUse[] = [];
  for (let i = from; i + 1 < call.args.length; i += 2) {
    const header = authHeader(pkg, call.args[i]);
    if (header) out.push({ at: call, value: call.args[i + 1]!, kind: 'grpc', header });
  }
  return out;
}

/** Credential values of `http.Header{"Authorization": {...}}` and `metadata.MD{"authorization": {...}}` literals. */
export function authUsesOfLit(pkg: PackageInfo, lit: CompositeLit): readonly AuthUse[] {
  // before typing the literal: a written type that is not a name (map[..]..{}, []T{}, struct{..}{}) is
  // not Header or MD, and only a key that is an auth header, or may be a constant naming one, counts
  const tx = lit.type;
  if (tx !== null && tx.kind !== 'Ident' && tx.kind !== 'SelectorExpr' && tx.kind !== 'IndexExpr' && tx.kind !== 'IndexListExpr' && tx.kind !== 'ParenExpr') return NO_AUTH_USES;
  if (!lit.elts.some((e) => e.kind === 'KeyValueExpr' && (e.key.kind !== 'BasicLit' || authHeader(pkg, e.key) !== undefined))) return NO_AUTH_USES;
  const t = deref(pkg.typeOf(lit));
  if (t.kind !== 'named') return NO_AUTH_USES;
  if (t.pkg === 'net/http' && t.name === 'Header') return mapEntries(pkg, lit, undefined, 'header');
  if (t.pkg === METADATA && t.name === 'MD') return mapEntries(pkg, lit, undefined, 'grpc');
  return NO_AUTH_USES;
}

function mapEntries(pkg: PackageInfo, lit: CompositeLit, at: Node | undefined, kind: AuthKind): readonly AuthUse[] {
  const out: AuthUse[] = [];
  for (const elt of lit.elts) {
    if (elt.kind !== 'KeyValueExpr') continue;
    const header = authHeader(pkg, elt.key);
    if (!header) continue;
    const v = elt.value;
    if (v.kind === 'CompositeLit') for (const x of v.elts) out.push({ at: at ?? x, value: x, kind, header });
    else out.push({ at: at ?? v, value: v, kind, header });
  }
  return out;
}

/** `req.Header["Authorization"] = []string{v}`. */
export function authUsesOfAssign(pkg: PackageInfo, assign: AssignStmt): readonly AuthUse[] {
  if (assign.lhs.length !== assign.rhs.length) return NO_AUTH_USES;
  let out: AuthUse[] | undefined;
  for (let i = 0; i < assign.lhs.length; i++) {
    const l = unparen(assign.lhs[i]!);
    if (l.kind !== 'IndexExpr' || !isHeaderMap(pkg, l.x)) continue;
    const header = authHeader(pkg, l.index);
    const rhs = unparen(assign.rhs[i]!);
    if (!header) continue;
    if (rhs.kind === 'CompositeLit') for (const x of rhs.elts) (out ??= []).push({ at: assign, value: x, kind: 'header', header });
  }
  return out ?? NO_AUTH_USES;
}

function isHeaderMap(pkg: PackageInfo, e: Expr): boolean {
  const t = deref(pkg.typeOf(e));
  return t.kind === 'named' && ((t.pkg === 'net/http' && t.name === 'Header') || (t.pkg === METADATA && t.name === 'MD'));
}

/**
 * Whether a constant expression is (part of) a credential value handed to a
 * protocol: the literal-authorization-header rule reports those, so the
 * generic hardcoded-credential rule leaves them alone.
 */
export function isAuthValue(pkg: PackageInfo, e: Expr): boolean {
  const within = (u: AuthUse) => u.value.start <= e.start && e.end <= u.value.end;
  for (let p = pkg.parentOf(e), depth = 0; p && depth < 8; p = pkg.parentOf(p), depth++) {
    switch (p.kind) {
      case 'CallExpr':
        if (authUsesOfCall(pkg, p).some(within)) return true;
        break;
      case 'CompositeLit':
        if (authUsesOfLit(pkg, p).some(within)) return true;
        break;
      case 'AssignStmt':
        return authUsesOfAssign(pkg, p).some(within);
      default:
        if (p.kind.endsWith('Stmt') || p.kind.endsWith('Decl') || p.kind === 'ValueSpec') return false;
    }
  }
  return false;
}

/** `base64.StdEncoding.EncodeToString(b)` and the other encodings. */
export function isBase64Encode(pkg: PackageInfo, call: CallExpr): boolean {
  return isMethodOf(pkg.calleeOf(call), 'encoding/base64', 'Encoding', 'EncodeToString');
}

/** One part of a concatenated value. */
export interface ValuePart {
  readonly expr: Expr;
  /** The text the part contributes, when hardcoded. */
  readonly text?: string;
  /** For `base64(...)` of a constant: the decoded text. */
  readonly decoded?: string;
  /** The constants the part is built from. */
  readonly leaves: readonly ConstLeaf[];
}

/** The parts of a `+` concatenation, each with its hardcoded text when it has one. */
export function valueParts(pkg: PackageInfo, e: Expr): ValuePart[] {
  e = unparen(e);
  if (e.kind === 'BinaryExpr' && e.op === '+' && constString(pkg, e) === undefined) return [...valueParts(pkg, e.x), ...valueParts(pkg, e.y)];
  const c = constString(pkg, e);
  if (c !== undefined) return [{ expr: e, text: c, leaves: constLeaves(pkg, e) }];
  if (e.kind === 'CallExpr' && isBase64Encode(pkg, e) && e.args[0]) {
    const inner = joinedConst(pkg, e.args[0]);
    if (inner) return [{ expr: e, text: Buffer.from(inner.text).toString('base64'), decoded: inner.text, leaves: inner.leaves }];
  }
  const j = joinedConst(pkg, e);
  return j ? [{ expr: e, text: j.text, leaves: j.leaves }] : [{ expr: e, leaves: [] }];
}

/** The hardcoded text of a value whose every part is a constant (through copies), else undefined. */
function joinedConst(pkg: PackageInfo, e: Expr): { text: string; leaves: ConstLeaf[] } | undefined {
  const all = leavesOf(pkg, e);
  if (all.length === 0 || all.some((l) => l.kind !== 'const')) return undefined;
  const leaves = all as ConstLeaf[];
  return { text: leaves.map((l) => l.value).join(''), leaves };
}
