/**
 * Regular-expression patterns. A literal compiled or matched as a pattern
 * (``regexp.MustCompile(`\bftp://[\S]{3,50}:([\S]{3,50})@`)``, directly or
 * through a module function that passes its parameter on, such as a
 * build-tag wrapper `func MustCompile(str string) *regexp.Regexp`) describes
 * text to look for — a secret scanner's rule, or its allowlist of published
 * example keys — not a credential in use.
 */
import type { CallExpr, Expr, Node } from '../../syntax/ast.js';
import { calledName } from '../../semantics/fact-names.js';
import type { ParamFactKind } from '../../semantics/facts.js';
import type { PackageInfo } from '../../semantics/package.js';

/** Functions of `regexp` and its drop-in replacements whose first argument is a pattern. */
const PATTERN_FUNCS = new Set(['MustCompile', 'Compile', 'MustCompilePOSIX', 'CompilePOSIX', 'MatchString', 'Match', 'MatchReader']);
/** `regexp` and the packages that replace it with the same API (RE2 through WebAssembly, a faster fork, .NET syntax). */
const REGEXP_PACKAGES = new Set(['regexp', 'github.com/wasilibs/go-re2', 'github.com/grafana/regexp', 'github.com/dlclark/regexp2']);

/** "This function compiles or matches its parameter as a regular expression." */
export const REGEXP_PATTERN_PARAM: ParamFactKind = {
  id: 'secrets/regexp-pattern-param',
  level: 'param',
  seed: (call, argIndex, pkg) => argIndex === 0 && isPatternCall(pkg, call),
};

/** A call of `regexp` (or a drop-in replacement) that compiles or matches its first argument. */
function isPatternCall(pkg: PackageInfo, call: CallExpr): boolean {
  if (!PATTERN_FUNCS.has(calledName(call) ?? '')) return false;
  const c = pkg.calleeOf(call);
  return c.kind === 'func' && REGEXP_PACKAGES.has(c.pkg);
}

/** Whether `value`, a string constant whose parent node is `parent`, is passed as a regular expression. */
export function isRegexpPattern(pkg: PackageInfo, value: Expr, parent: Node | undefined): boolean {
  if (parent?.kind !== 'CallExpr') return false;
  const i = parent.args.indexOf(value);
  if (i < 0) return false;
  if (i === 0 && isPatternCall(pkg, parent)) return true;
  return pkg.mayCallFactHolder(parent, REGEXP_PATTERN_PARAM.id) && pkg.factsOf(pkg.calleeOf(parent)).hasParam(REGEXP_PATTERN_PARAM.id, i);
}
