/**
 * A tree in flat form, to pass between threads. Structured clone (and V8's
 * serializer under it) recurses into nested objects, so a tree deeper than
 * the receiving thread's stack could not be sent as it is: here every
 * object of the tree becomes one record of flat arrays, written and read
 * by loops. Shared objects (a doc comment group is also in the file's
 * comment list) stay shared, and every node gets its class back.
 */
import type { File } from './ast.js';
import * as N from './nodes.js';
import { NONE } from './nodes.js';

/** Plain data only: structured clone copies it without recursion. */
export interface FlatTree {
  /** Kind names: node kinds, and ARRAY, EMPTY or OBJECT. */
  readonly kinds: string[];
  /** Property name lists of the records. */
  readonly keyLists: string[][];
  /** Per record: kind index, key list index (-1 for arrays), first value, value count. */
  readonly records: Int32Array;
  readonly values: unknown[];
  /** 1 where `values[i]` is the index of a record (a reference), 0 for a plain value. */
  readonly isRef: Uint8Array;
}

const ARRAY = '[]';
/** The shared frozen empty list (nodes.ts NONE). */
const EMPTY = '[none]';
const OBJECT = '{}';

/** Node kind → class prototype, from the classes of nodes.ts. */
const PROTOTYPES: ReadonlyMap<string, object> = (() => {
  const m = new Map<string, object>();
  for (const value of Object.values(N)) {
    if (typeof value !== 'function') continue;
    const proto = (value as { prototype?: { kind?: unknown } }).prototype;
    if (proto && typeof proto.kind === 'string') m.set(proto.kind, proto);
  }
  return m;
})();

export function flattenTree(root: File): FlatTree {
  const ids = new Map<object, number>([[root, 0]]);
  const objects: object[] = [root];
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const keyLists: string[][] = [];
  const keyListIndex = new Map<string, number>();
  const records: number[] = [];
  const values: unknown[] = [];
  const isRef: number[] = [];
  const indexOf = <T>(table: T[], index: Map<string, number>, key: string, item: T): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = table.length;
      table.push(item);
      index.set(key, i);
    }
    return i;
  };
  const put = (v: unknown): void => {
    if (v !== null && typeof v === 'object') {
      let id = ids.get(v);
      if (id === undefined) {
        id = objects.length;
        ids.set(v, id);
        objects.push(v);
      }
      values.push(id);
      isRef.push(1);
    } else {
      values.push(v);
      isRef.push(0);
    }
  };
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    const first = values.length;
    if (Array.isArray(o)) {
      const kind = o === NONE ? EMPTY : ARRAY;
      records.push(indexOf(kinds, kindIndex, kind, kind), -1, first, o.length);
      for (let j = 0; j < o.length; j++) put(o[j]);
      continue;
    }
    const kind = (o as { kind?: unknown }).kind;
    const name = typeof kind === 'string' && PROTOTYPES.get(kind) === Object.getPrototypeOf(o) ? kind : OBJECT;
    const keys = Object.keys(o);
    records.push(indexOf(kinds, kindIndex, name, name), indexOf(keyLists, keyListIndex, keys.join('\0'), keys), first, keys.length);
    const rec = o as Record<string, unknown>;
    for (let j = 0; j < keys.length; j++) put(rec[keys[j]!]);
  }
  return { kinds, keyLists, records: Int32Array.from(records), values, isRef: Uint8Array.from(isRef) };
}

export function unflattenTree(flat: FlatTree): File {
  const { kinds, keyLists, records, values, isRef } = flat;
  const n = records.length / 4;
  const objects: object[] = new Array(n);
  // every object first, so that references can point forward
  for (let i = 0; i < n; i++) {
    const kind = kinds[records[4 * i]!]!;
    if (kind === EMPTY) objects[i] = NONE;
    else if (kind === ARRAY) objects[i] = [];
    else if (kind === OBJECT) objects[i] = {};
    else objects[i] = Object.create(PROTOTYPES.get(kind)!) as object;
  }
  for (let i = 0; i < n; i++) {
    const o = objects[i]!;
    if (o === NONE) continue;
    const keys = records[4 * i + 1]! >= 0 ? keyLists[records[4 * i + 1]!]! : null;
    const first = records[4 * i + 2]!;
    const count = records[4 * i + 3]!;
    for (let j = 0; j < count; j++) {
      const v = isRef[first + j] ? objects[values[first + j] as number] : values[first + j];
      // arrays are filled in order (packed, like the parser's)
      if (keys) (o as Record<string, unknown>)[keys[j]!] = v;
      else (o as unknown[]).push(v);
    }
  }
  return objects[0] as File;
}
