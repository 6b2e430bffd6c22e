/**
 * A small direct-mapped cache of recent answers about nodes, slot chosen by
 * the node's start offset: rules ask about the same node one after another
 * (each rule's visitor, then its helpers), and a hit costs two array reads,
 * less than a lookup in a large Map.
 */
const SLOTS = 256; // a power of two
const MASK = SLOTS - 1;

export class RecentAnswers<K extends { readonly start: number }, V> {
  private readonly keys: (K | null)[] = new Array<K | null>(SLOTS).fill(null);
  private readonly values: (V | undefined)[] = new Array<V | undefined>(SLOTS).fill(undefined);

  /** Whether the answer for `key` is held (then `get` returns it). */
  has(key: K): boolean {
    return this.keys[key.start & MASK] === key;
  }

  /** The answer held for `key`; only after `has(key)`. */
  get(key: K): V {
    return this.values[key.start & MASK] as V;
  }

  set(key: K, value: V): void {
    const slot = key.start & MASK;
    this.keys[slot] = key;
    this.values[slot] = value;
  }
}
