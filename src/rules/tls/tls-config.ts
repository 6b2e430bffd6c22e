/**
 * Shared knowledge about `crypto/tls.Config` for the TLS rules: recognising
 * the type, and reading fields set in composite literals and assignments.
 */
import type { CompositeLit, Expr, KeyValueExpr, Node, SelectorExpr } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';

/** Whether an expression has type `tls.Config` or `*tls.Config`. */
export function isTLSConfig(pkg: PackageInfo, e: Expr): boolean {
  return pkg.isNamedType(pkg.typeOf(e), 'crypto/tls', 'Config');
}

/** The `Field: value` entries of a `tls.Config` literal, by field name; null if it is not one. */
export function tlsConfigFields(pkg: PackageInfo, lit: CompositeLit): Map<string, KeyValueExpr> | null {
  if (!isTLSConfig(pkg, lit)) return null;
  const fields = new Map<string, KeyValueExpr>();
  for (const elt of lit.elts) {
    if (elt.kind === 'KeyValueExpr' && elt.key.kind === 'Ident') fields.set(elt.key.name, elt);
  }
  return fields;
}

/** The `cfg.Field` selector if a node assigns to a field of a `tls.Config`, else null. */
export function tlsConfigFieldTarget(pkg: PackageInfo, lhs: Expr, field: string): SelectorExpr | null {
  return lhs.kind === 'SelectorExpr' && lhs.sel.name === field && isTLSConfig(pkg, lhs.x) ? lhs : null;
}

/** Whether an expression is the constant `true`. */
export function isConstTrue(pkg: PackageInfo, e: Expr): boolean {
  const v = pkg.constValue(e);
  return v?.kind === 'bool' && v.value;
}

/** Whether an expression is the untyped `nil`. */
export function isNil(pkg: PackageInfo, e: Expr): boolean {
  return e.kind === 'Ident' && e.name === 'nil' && pkg.objectOf(e)?.kind === 'nil';
}

/** Normalised source text of an expression, to compare two mentions of the same object path. */
export function exprText(source: string, n: Node): string {
  return source.slice(n.start, n.end).replace(/\s+/g, '');
}
