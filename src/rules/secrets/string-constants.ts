/**
 * Visiting the string constants a file writes: every string literal and
 * every concatenation of string literals, each checked once as a whole (a
 * literal inside a concatenation is left to the concatenation).
 */
import type { BasicLit, BinaryExpr, Expr, Node } from '../../syntax/ast.js';
import type { KindVisitors } from '../../syntax/walk.js';
import { unparen } from '../../syntax/ast.js';

/** A concatenation of string literals only (named constants in it are checked where they are declared). */
export function isLiteralConcat(e: Expr): boolean {
  const u = unparen(e);
  return (u.kind === 'BasicLit' && u.litKind === 'STRING') || (u.kind === 'BinaryExpr' && u.op === '+' && isLiteralConcat(u.x) && isLiteralConcat(u.y));
}

/** Whether the node whose ancestors these are is an operand of a larger literal concatenation. */
function isPartOfConcat(ancestors: readonly Node[]): boolean {
  let i = ancestors.length - 1;
  while (ancestors[i]?.kind === 'ParenExpr') i--;
  const x = ancestors[i];
  return x?.kind === 'BinaryExpr' && x.op === '+' && isLiteralConcat(x);
}

/**
 * Visitors calling `check` for each string constant expression whose
 * literal text (quotes included) is at least `minLength` long.
 */
export function stringConstantVisitors(minLength: number, check: (root: Expr, ancestors: readonly Node[]) => void): KindVisitors {
  return {
    BasicLit(lit: BasicLit, ancestors) {
      if (lit.litKind === 'STRING' && lit.value.length >= minLength && !isPartOfConcat(ancestors)) check(lit, ancestors);
    },
    BinaryExpr(b: BinaryExpr, ancestors) {
      if (b.op === '+' && isLiteralConcat(b) && !isPartOfConcat(ancestors)) check(b, ancestors);
    },
  };
}
