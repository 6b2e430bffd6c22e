/**
 * Whether an insecure TLS config ends up in an HTTP client or transport the
 * whole process shares: `http.DefaultClient`, `http.DefaultTransport`, or a
 * package-level variable. An opt-in switch then turns verification off for
 * every other user of that client too, not only for the caller who asked.
 */
import type { Expr, Node } from '../../syntax/ast.js';
import { unparen } from '../../syntax/ast.js';
import { selectedPackage } from '../../semantics/call-shapes.js';
import { assignedValues } from '../../semantics/flow.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { isLocalVariable, valueUses } from './tls-config.js';

const SHARED_HTTP = new Set(['DefaultClient', 'DefaultTransport']);

/** How many variables the config may pass through (config, transport, client). */
const MAX_HOPS = 3;

/**
 * The shared client or transport `config` (a config literal, or the local
 * variable a field of it is set on) is installed in, as written
 * (`http.DefaultClient`, `sharedClient`), followed through literals
 * (`&http.Transport{TLSClientConfig: ...}`), calls that wrap a value
 * (`logging.NewTransport("x", tr)`), field assignments (`c.Transport = tr`)
 * and local variables of the function; undefined when it is not.
 */
export function sharedClientOf(pkg: PackageInfo, config: Expr): string | undefined {
  if (config.kind === 'Ident') {
    const v = pkg.objectOf(config);
    return isLocalVariable(v) ? throughVariable(pkg, v, 0, config) : undefined; // `cfg.InsecureSkipVerify = true`: a field of cfg's object is set
  }
  return fromValue(pkg, config, 0);
}

/** Climbs from a value that holds the config to where it is stored. */
function fromValue(pkg: PackageInfo, value: Node, hops: number): string | undefined {
  let child: Node = value;
  for (let p = pkg.parentOf(value); p; child = p, p = pkg.parentOf(p)) {
    switch (p.kind) {
      case 'ParenExpr': case 'CompositeLit': continue;
      case 'UnaryExpr': if (p.op === '&') continue; return undefined;
      case 'KeyValueExpr': if (p.value === child) continue; return undefined;
      case 'CallExpr': if (p.args.includes(child as Expr)) continue; return undefined;
      case 'AssignStmt': case 'ValueSpec': {
        const values: readonly Expr[] = p.kind === 'AssignStmt' ? p.rhs : p.values;
        const targets: readonly Expr[] = p.kind === 'AssignStmt' ? p.lhs : p.names;
        if (targets.length !== values.length) return undefined;
        const target = unparen(targets[values.indexOf(child as Expr)]!);
        let holder: Expr = target;
        if (target.kind === 'SelectorExpr') {
          // `http.DefaultClient = c` replaces the shared client; `c.Transport = tr` and
          // `http.DefaultTransport.(*http.Transport).TLSClientConfig = cfg` change one
          const shared = httpDefault(pkg, target) ?? sharedName(pkg, unparen(target.x));
          if (shared !== undefined) return shared;
          holder = unparen(target.x);
          if (holder.kind === 'TypeAssertExpr') holder = unparen(holder.x); // `rt.(*http.Transport).TLSClientConfig = cfg`
        }
        // a package-level variable given the config is a client of its own (`var insecureClient = ...`), not a shared one changed
        const v = holder.kind === 'Ident' ? pkg.objectOf(holder) : undefined;
        // a field of the variable's object is set (`c.Transport = tr`): the object may be a shared one; a variable given the value (`t = tr`) holds it instead
        return isLocalVariable(v) ? throughVariable(pkg, v, hops + 1, holder !== target ? p : undefined) : undefined;
      }
      default: return undefined;
    }
  }
  return undefined;
}

/**
 * Follows a local variable holding the config (or a transport or client
 * holding it) to where it goes; `changedAt`: where a field of the object it
 * holds is set to the config, when that is how the config got there.
 */
function throughVariable(pkg: PackageInfo, v: Obj & { readonly func: Node }, hops: number, changedAt: Node | undefined): string | undefined {
  if (hops > MAX_HOPS) return undefined;
  const shared = changedAt && sharedSource(pkg, v, changedAt);
  if (shared !== undefined) return shared;
  for (const use of valueUses(pkg, v)) {
    const found = fromValue(pkg, use, hops);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `http.DefaultClient` or `http.DefaultTransport`. */
function httpDefault(pkg: PackageInfo, x: Expr): string | undefined {
  return x.kind === 'SelectorExpr' && SHARED_HTTP.has(x.sel.name) && selectedPackage(pkg, x) === 'net/http' ? `http.${x.sel.name}` : undefined;
}

/**
 * A client, transport or dialer the process shares: `http.DefaultClient`,
 * `http.DefaultTransport` (also asserted, `.(*http.Transport)`), a variable
 * of another package whose field is set (`websocket.DefaultDialer`), or a
 * package-level variable of a library package. Package main's own
 * variables are the program's: its switches configure the whole program.
 */
function sharedName(pkg: PackageInfo, e: Expr): string | undefined {
  const x = unparen(e.kind === 'TypeAssertExpr' ? unparen(e.x) : e);
  const builtIn = httpDefault(pkg, x);
  if (builtIn !== undefined) return builtIn;
  const source = pkg.fileOf(x)?.source;
  if (x.kind === 'SelectorExpr' && selectedPackage(pkg, x) !== undefined && source !== undefined) return source.slice(x.start, x.end);
  if (x.kind !== 'Ident' || pkg.pkg.name === 'main') return undefined;
  const v = pkg.objectOf(x);
  return v?.kind === 'var' && v.isPackageLevel ? x.name : undefined;
}

/**
 * A local variable whose every value before `at` is a shared client:
 * `c := sharedClient` copies the pointer, not the client (values assigned
 * after the change, such as a wrapper around it, do not undo it).
 */
function sharedSource(pkg: PackageInfo, v: Obj, at: Node): string | undefined {
  const values = assignedValues(pkg, v).filter((value) => value.start < at.start);
  const names = values.map((value) => sharedName(pkg, value));
  return names.length > 0 && names.every((n) => n !== undefined && n === names[0]) ? names[0] : undefined;
}

