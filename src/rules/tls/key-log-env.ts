import type { Expr } from '../../syntax/ast.js';
import { keyedPackageFacts, type PackageFactKind } from '../../semantics/facts.js';
import type { PackageInfo } from '../../semantics/package.js';
import { perPackage } from '../../semantics/package-memo.js';
import { assignedValues } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import { calleeName, declOf } from './tls-config.js';

const ENV_READERS = new Set(['os.Getenv', 'os.LookupEnv']);

/**
 * Package-level variables set from a function of their package that reads
 * an environment variable (`TLSKeyLogger = newKeyLogger()`, which opens
 * `$SSLKEYLOGFILE`), as `"<import path>.<Var> <ENV>"`: a key-log writer
 * taken from one is switched on by that variable, which the finding names.
 */
export const ENV_SET_VARS: PackageFactKind = {
  id: 'tls/env-set-vars',
  level: 'package',
  seedPackage: (pkg) => {
    const out: string[] = [];
    for (const file of pkg.files) {
      if (file.isTest) continue;
      for (const decl of file.ast.decls) {
        if (decl.kind !== 'GenDecl' || decl.tok !== 'var') continue;
        for (const spec of decl.specs) {
          if (spec.kind !== 'ValueSpec' || spec.values.length !== spec.names.length) continue;
          spec.names.forEach((name, i) => {
            const env = envReadBy(pkg, spec.values[i]!);
            if (env) out.push(`${pkg.pkg.importPath}.${name.name} ${env}`);
          });
        }
      }
    }
    return out;
  },
};

/**
 * The environment variable that decides a writer's value, when one does: a
 * package-level variable of this package or (through the fact) of an
 * imported one, or a local variable, set from a call of a package function
 * that reads the environment.
 */
export function envOfWriter(pkg: PackageInfo, writer: Expr): string | undefined {
  const x = unparen(writer);
  const id = x.kind === 'Ident' ? x : x.kind === 'SelectorExpr' ? x.sel : undefined;
  const o = id && pkg.objectOf(id);
  if (o?.kind !== 'var' || o.isField || o.isParam) return undefined;
  if (o.pkg !== pkg.pkg.importPath) return importedEnvVars(pkg).get(`${o.pkg}.${o.name}`);
  const values = assignedValues(pkg, o);
  return values.length === 1 ? envReadBy(pkg, values[0]!) : undefined;
}

/** The constant key of the first `os.Getenv`/`os.LookupEnv` in the body (closures included) of the package function `value` calls without arguments. */
function envReadBy(pkg: PackageInfo, value: Expr): string | undefined {
  const call = unparen(value);
  if (call.kind !== 'CallExpr' || call.args.length > 0) return undefined;
  const decl = declOf(pkg, call.fun);
  const body = decl && pkg.res.bodies.get(decl);
  for (const c of body?.calls ?? []) {
    if (c.args.length !== 1 || !ENV_READERS.has(calleeName(pkg, c) ?? '')) continue;
    const key = pkg.constValue(c.args[0]!);
    if (key?.kind === 'string') return key.value;
  }
  return undefined;
}

/** The env-set variables of the packages this one imports, by `<import path>.<Var>`. */
const importedEnvVars = perPackage((pkg): ReadonlyMap<string, string> => keyedPackageFacts(pkg, ENV_SET_VARS.id));
