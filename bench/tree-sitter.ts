/** tree-sitter-go (web-tree-sitter + the grammar's wasm), the comparison parser of the benchmarks. */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Language, Parser } from 'web-tree-sitter';

const repo = path.resolve(import.meta.dirname, '..');

/**
 * Parses every source once to warm up, then `passes` more times; returns
 * the best pass in seconds. Byte sources are decoded inside the timed loop,
 * as Redline's parser decodes its input. Trees are deleted at once (WASM memory).
 */
export async function timeTreeSitter(sources: ReadonlyArray<string | Buffer>, passes = 1): Promise<number> {
  await Parser.init();
  const Go = await Language.load(path.join(repo, 'node_modules/tree-sitter-go/tree-sitter-go.wasm'));
  const parser = new Parser();
  parser.setLanguage(Go);
  const text = (s: string | Buffer): string => (typeof s === 'string' ? s : s.toString('utf8'));
  for (const s of sources) parser.parse(text(s))?.delete();
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const s of sources) parser.parse(text(s))?.delete();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  parser.delete();
  return best;
}
