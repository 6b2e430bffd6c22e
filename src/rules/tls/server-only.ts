/**
 * Configs that only servers use, followed through the package: crypto/tls
 * reads client-only fields (`InsecureSkipVerify`) only when dialling, so a
 * config every use of which installs it in a server — `tls.NewListener`,
 * `tls.Server`, `http.Server.TLSConfig` — makes them dead.
 *
 * A value is followed into the local variables that hold it, the
 * parameters of the package's functions it is passed to, the unexported
 * fields it is stored in (every read of the field, anywhere in the package)
 * and the callers of the unexported function that returns it (`cfg, err :=
 * loadTLSConfig(...)`). Everything else — an exported function's result or
 * field, which other packages may use; a call of another package; a
 * closure — is a use that may dial. Comparisons with nil are no use.
 */
import type { AssignStmt, CallExpr, Expr, FuncDecl, Node } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { packageCallsOf, paramObjects, usedOnlyInPackage } from '../../semantics/callers.js';
import { unparen } from '../../syntax/ast.js';
import { multiValueTargets } from '../../semantics/flow.js';
import { definedVariable, installationAt, isNil, valueAt, valueUses } from './tls-config.js';

/** How many steps (variables, parameters, fields, returns) a config is followed through. */
const MAX_STEPS = 6;

/** Whether every use of the config value at `at` (an expression) installs it in a server, and some use does. */
export function flowsOnlyToServers(pkg: PackageInfo, at: Expr): boolean {
  const flow = new ServerFlow(pkg);
  return flow.value(at, 0) && flow.installed;
}

/** Whether every use of the variable `v` (holding a config) installs it in a server, and some use does. */
export function variableOnlyInServers(pkg: PackageInfo, v: Obj): boolean {
  const flow = new ServerFlow(pkg);
  return flow.variable(v, 0) && flow.installed;
}

class ServerFlow {
  /** Variables, fields and functions being followed: met again, they add nothing (a cycle). */
  private readonly following = new Set<Obj | Node>();
  /** Whether some use installs the config in a server (a config whose results are all discarded installs nothing). */
  installed = false;

  constructor(private readonly pkg: PackageInfo) {}

  /** Whether every way the value at `at` goes leads to a server's installation (`steps` taken so far). */
  value(at: Expr, steps: number): boolean {
    const pkg = this.pkg;
    const installed = installationAt(pkg, at);
    if (installed) {
      if (installed.role !== 'server') return false;
      this.installed = true;
      return true;
    }
    const value = valueAt(pkg, at, true) as Expr;
    const p = pkg.parentOf(value);
    if (!p || steps >= MAX_STEPS) return false;
    switch (p.kind) {
      case 'BinaryExpr':
        return (p.op === '==' || p.op === '!=') && isNil(pkg, p.x === value ? p.y : p.x);
      case 'AssignStmt':
      case 'ValueSpec': {
        const v = definedVariable(pkg, value);
        if (v) return this.variable(v, steps + 1);
        const f = p.kind === 'AssignStmt' ? assignedField(pkg, p, value) : undefined;
        return f !== undefined && this.field(f, steps + 1);
      }
      case 'KeyValueExpr': {
        const field = p.value === value && p.key.kind === 'Ident' ? pkg.objectOf(p.key) : undefined;
        return field?.isField === true && this.field(field, steps + 1);
      }
      case 'ReturnStmt': {
        const fn = pkg.enclosingFunc(p);
        const i = p.results.indexOf(value);
        return fn?.kind === 'FuncDecl' && i >= 0 && this.result(fn, i, steps + 1);
      }
      case 'CallExpr':
        return p.fun !== value && this.argument(p, p.args.indexOf(value), steps + 1);
      default:
        return false;
    }
  }

  /** A variable or a field the value is assigned to. */
  private target(o: Obj, steps: number): boolean {
    return o.isField ? this.field(o, steps) : this.variable(o, steps);
  }

  /** Whether every use of a local variable or parameter as a value leads to a server's installation. */
  variable(v: Obj, steps: number): boolean {
    if (v.kind !== 'var' || v.isPackageLevel || v.isResult || !v.func) return false;
    if (this.following.has(v)) return true;
    this.following.add(v);
    const uses = valueUses(this.pkg, v as Obj & { readonly func: Node });
    return uses.length > 0 && uses.every((u) => this.value(u, steps));
  }

  /** An unexported field (any field in package main): every read of it in the package. */
  private field(f: Obj, steps: number): boolean {
    const pkg = this.pkg;
    if (!usedOnlyInPackage(pkg, f.name)) return false;
    if (this.following.has(f)) return true;
    this.following.add(f);
    let reads = 0;
    for (const [sel, expr] of pkg.res.pendingSel) {
      if (sel.name !== f.name || pkg.objectOf(sel) !== f) continue;
      const top = valueAt(pkg, expr, true);
      const p = pkg.parentOf(top);
      if (p?.kind === 'AssignStmt' && p.lhs.includes(top as Expr)) continue; // a write
      if (p?.kind === 'SelectorExpr' && p.x === top && pkg.objectOf(p.sel)?.isField === true) continue; // a read of one of its fields
      if (!this.value(expr, steps)) return false;
      reads++;
    }
    return reads > 0;
  }

  /** Result `i` of an unexported function (any function in package main): every call of it in the package. */
  private result(fn: FuncDecl, i: number, steps: number): boolean {
    if (this.following.has(fn)) return true;
    const calls = packageCallsOf(this.pkg, fn);
    if (!calls || calls.length === 0) return false;
    this.following.add(fn);
    return calls.every((call) => this.callResult(call, i, steps));
  }

  /** Where result `i` of a call goes: the call itself (one result), or the variable of a multi-value assignment. */
  private callResult(call: CallExpr, i: number, steps: number): boolean {
    const pkg = this.pkg;
    const targets = multiValueTargets(pkg, valueAt(pkg, call, false));
    if (!targets) return i === 0 && this.value(call, steps);
    const lhs = unparen(targets[i]!);
    if (lhs.kind === 'Ident' && lhs.name === '_') return true;
    const o = lhs.kind === 'Ident' ? pkg.objectOf(lhs) : lhs.kind === 'SelectorExpr' ? pkg.objectOf(lhs.sel) : undefined;
    return o !== undefined && this.target(o, steps);
  }

  /** Argument `i` of a call of one of the package's own functions: every use of the parameter it binds. */
  private argument(call: CallExpr, i: number, steps: number): boolean {
    const pkg = this.pkg;
    const c = pkg.calleeOf(call);
    const decl = c.kind === 'func' || c.kind === 'method' ? c.obj?.node : undefined;
    if (i < 0 || decl?.kind !== 'FuncDecl' || !decl.body || pkg.fileOf(decl) === undefined) return false;
    const param = paramObjects(pkg, decl)[i];
    return param !== undefined && this.variable(param, steps);
  }
}

/** The field an assignment sets to `value`: `a.tlsConfig = cfg`. */
function assignedField(pkg: PackageInfo, p: AssignStmt, value: Expr): Obj | undefined {
  const target = p.tok === '=' && p.lhs.length === p.rhs.length ? p.lhs[p.rhs.indexOf(value)] : undefined;
  const t = target && unparen(target);
  const o = t?.kind === 'SelectorExpr' ? pkg.objectOf(t.sel) : undefined;
  return o?.isField ? o : undefined;
}
