/** tree-sitter-go (web-tree-sitter + the grammar's wasm), the comparison parser of the benchmarks. */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Language, Parser } from 'web-tree-sitter';

const repo = path.resolve(import.meta.dirname, '..');

/**
 * Parses every source once to warm up, then `passes` more times; returns
 * the best pass in seconds. Trees are deleted at once (WASM memory).
 */
export async function timeTreeSitter(sources: readonly string[], passes = 1): Promise<number> {
  await Parser.init();
  const Go = await Language.load(path.join(repo, 'node_modules/tree-sitter-go/tree-sitter-go.wasm'));
  const parser = new Parser();
  parser.setLanguage(Go);
  for (const s of sources) parser.parse(s)?.delete();
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const s of sources) parser.parse(s)?.delete();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  parser.delete();
  return best;
}
