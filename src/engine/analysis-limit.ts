/**
 * Code nested more deeply than the analyses' recursion can follow (a
 * generated concatenation of thousands of literals, a chain of thousands
 * of `else if`s): the scan reports where, skips the analysis it cannot do
 * and goes on with the rest, instead of failing.
 */
import type { Node } from '../syntax/ast.js';
import { pushChildrenReversed } from '../syntax/walk.js';

/**
 * Trees deeper than this are not analysed, on any thread. The main
 * thread's stack follows about 2,500 levels of the deepest recursion (a
 * chain of `+`), worker threads' several times more: one fixed limit keeps
 * the results independent of the thread, and so of `--jobs`. The deepest
 * file of GOROOT/src and 30 large repositories is 449 levels deep.
 */
export const MAX_ANALYSED_DEPTH = 1500;

/**
 * Whether a parsed file is deeper than MAX_ANALYSED_DEPTH. The parser's
 * `nesting` bounds the depth (depth ≤ 3·nesting + 5 over GOROOT/src and
 * the corpus), so only files that could be that deep are measured.
 */
export function beyondAnalysisLimit(root: Node, nesting: number): boolean {
  return 3 * nesting + 8 > MAX_ANALYSED_DEPTH && deepestNode(root).depth > MAX_ANALYSED_DEPTH;
}

/** Whether an exception is V8's stack overflow (the last resort, should a tree within the limit still be too deep). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export interface Deepest {
  readonly node: Node;
  readonly depth: number;
}

/** The deepest node of a tree (the first in source order among equals) and its depth, found without recursion. */
export function deepestNode(root: Node): Deepest {
  let best = root;
  let bestDepth = 0;
  const nodes: Node[] = [root];
  const depths: number[] = [0];
  const children: Node[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > bestDepth) {
      best = node;
      bestDepth = depth;
    }
    // children come last-first, so the first child ends on top of the stack
    pushChildrenReversed(node, children);
    for (const child of children) {
      nodes.push(child);
      depths.push(depth + 1);
    }
    children.length = 0;
  }
  return { node: best, depth: bestDepth };
}
