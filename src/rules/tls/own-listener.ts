/**
 * Connections a TLS config makes back to this process: the call that dials
 * with the config also takes an address read from one of the process's own
 * listeners (`ln.Addr().String()`), as a gateway in front of its own gRPC
 * server does (`RegisterXHandlerFromEndpoint(ctx, mux, grpcLn.Addr().String(), opts)`).
 */
import type { CallExpr, Expr, Node } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { calledName } from '../../semantics/fact-names.js';
import { assignedValues, unparen } from '../../semantics/flow.js';
import { deref } from '../../semantics/types.js';
import { bindingOf, identUses, shortText, valueAt } from './tls-config.js';

/** Calls that wrap a config on its way to a dial: gRPC transport credentials and the dial option that carries them. */
const WRAPPERS = new Set(['NewTLS', 'NewClientTLSFromCert', 'WithTransportCredentials']);
/** How many variables a config may pass through (`cfg`, `creds`, `opts`) before the dial. */
const MAX_HOPS = 4;

/**
 * The address expression (shortened source text) when every call that
 * dials with the config at `config` (the literal, or the variable a field
 * of it is set on) also takes an address of one of this process's own
 * listeners; undefined otherwise, or when no such call is found.
 */
export function ownListenerDial(pkg: PackageInfo, source: string, config: Expr): string | undefined {
  const dials: CallExpr[] = [];
  const reached = config.kind === 'Ident' ? followVariable(pkg, pkg.objectOf(config), dials, 1) : collectDials(pkg, config, dials, 0);
  if (!reached) return undefined;
  let address: Expr | undefined;
  for (const dial of dials) {
    let own: Expr | undefined;
    for (const a of dial.args) if ((own = ownListenerAddress(pkg, a))) break;
    if (!own) return undefined;
    address ??= own;
  }
  return address && shortText(source, address, 50);
}

/**
 * Adds to `dials` the calls the value at `at` reaches as an argument:
 * through the wrappers, `append`, slice literals and local variables.
 * False when the value also goes anywhere else (a field, a return, another
 * function's closure), so nothing can be said of every connection.
 */
function collectDials(pkg: PackageInfo, at: Node, dials: CallExpr[], hops: number): boolean {
  const value = valueAt(pkg, at, true);
  const p = pkg.parentOf(value);
  if (p?.kind === 'CallExpr' && p.fun !== value) {
    const name = calledName(p) ?? '';
    if (name === 'append' || WRAPPERS.has(name)) return collectDials(pkg, p, dials, hops);
    dials.push(p);
    return true;
  }
  if (p?.kind === 'CompositeLit') return collectDials(pkg, p, dials, hops); // []grpc.DialOption{grpc.WithTransportCredentials(...)}
  const binding = bindingOf(pkg, value);
  if (!binding || hops >= MAX_HOPS) return false;
  return followVariable(pkg, pkg.objectOf(binding.name), dials, hops + 1);
}

/** Every use of a local variable, but those that set it or its fields, leads to a dial. */
function followVariable(pkg: PackageInfo, v: Obj | undefined, dials: CallExpr[], hops: number): boolean {
  if (!v || v.kind !== 'var' || v.isPackageLevel || v.isField || v.isParam || v.isResult || !v.func) return false;
  const before = dials.length;
  for (const use of identUses(v.func, pkg, v)) {
    const p = pkg.parentOf(use);
    if (p?.kind === 'SelectorExpr' && p.x === use && pkg.objectOf(p.sel)?.isField === true) continue; // cfg.InsecureSkipVerify = true
    if (p?.kind === 'AssignStmt' && p.lhs.includes(use)) continue; // opts = append(opts, ...): the right-hand side is followed
    if (p?.kind === 'ValueSpec' && p.names.includes(use)) continue;
    if (p?.kind === 'CallExpr' && calledName(p) === 'append' && p.args[0] === use) continue; // the slice it is appended to
    if (!collectDials(pkg, use, dials, hops)) return false;
  }
  return dials.length > before;
}

/** The `ln.Addr().String()` of a `net.Listener` that `arg` is (or a local set only from such calls, the first of them). */
function ownListenerAddress(pkg: PackageInfo, arg: Expr): Expr | undefined {
  const e = unparen(arg);
  if (e.kind !== 'Ident') return isListenerAddressCall(pkg, e) ? e : undefined;
  const o = pkg.objectOf(e);
  const values = o && o.kind === 'var' && !o.isParam && !o.isField ? assignedValues(pkg, o) : [];
  return values.length > 0 && values.every((v) => isListenerAddressCall(pkg, unparen(v))) ? values[0] : undefined;
}

function isListenerAddressCall(pkg: PackageInfo, e: Expr): boolean {
  if (e.kind !== 'CallExpr' || e.args.length > 0) return false;
  const f = unparen(e.fun);
  if (f.kind !== 'SelectorExpr' || f.sel.name !== 'String') return false;
  const addr = unparen(f.x);
  if (addr.kind !== 'CallExpr') return false;
  const c = pkg.calleeOf(addr);
  if (c.kind !== 'method' || c.pkg !== 'net' || c.name !== 'Addr') return false;
  const recv = deref(c.recv);
  return recv.kind === 'named' && /Listener$/.test(recv.name);
}
