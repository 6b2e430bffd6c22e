/**
 * Lookup of the known standard-library and third-party package APIs, parsed
 * lazily from the compact tables into `ExportedPackage`s.
 */
import type { ExportedPackage, ExportedType } from '../exports.js';
import { parseSignature, parseType, type SignatureType, type TypeParamType } from '../types.js';
import type { TablePackage } from './format.js';
import { GENERATED } from './generated.js';
import { THIRD_PARTY } from './thirdparty.js';

const cache = new Map<string, ExportedPackage | null>();

function tparamList(owner: string, tp: readonly (readonly [string, string])[] | undefined): TypeParamType[] {
  if (!tp) return [];
  const out: TypeParamType[] = [];
  const map = new Map<string, TypeParamType>();
  tp.forEach(([name], index) => {
    const p: TypeParamType = { kind: 'typeparam', name, index, owner };
    out.push(p);
    map.set(name, p);
  });
  // constraints may mention the params themselves
  return out.map((p, i) => {
    const c = parseType(tp[i]![1], map);
    return { ...p, constraint: c };
  });
}

function convert(path: string, t: TablePackage, partial: boolean): ExportedPackage {
  const types: Record<string, ExportedType> = {};
  for (const [name, e] of Object.entries(t.t ?? {})) {
    const tps = tparamList(`${path}.${name}`, e.tp);
    const map = new Map(tps.map((p) => [p.name, p]));
    const methods: Record<string, { sig: SignatureType; ptr: boolean }> = {};
    for (const [m, s] of Object.entries(e.m ?? {})) {
      const ptr = s.startsWith('*');
      methods[m] = { sig: parseSignature(ptr ? s.slice(1) : s, map), ptr };
    }
    types[name] = { underlying: parseType(e.u, map), methods, ...(e.a ? { alias: true } : {}), ...(tps.length ? { typeParams: tps } : {}) };
  }
  const funcs: Record<string, { sig: SignatureType }> = {};
  for (const [name, f] of Object.entries(t.f ?? {})) {
    const tps = tparamList(`${path}.${name}`, f.tp);
    const map = new Map(tps.map((p) => [p.name, p]));
    const sig = parseSignature(f.s.slice(4), map);
    funcs[name] = { sig: tps.length ? { ...sig, typeParams: tps } : sig };
  }
  const vars: Record<string, { type: ReturnType<typeof parseType> }> = {};
  for (const [name, v] of Object.entries(t.v ?? {})) vars[name] = { type: parseType(v) };
  const consts: Record<string, { type: ReturnType<typeof parseType>; value: string }> = {};
  for (const [name, [ty, val]] of Object.entries(t.c ?? {})) consts[name] = { type: parseType(ty), value: val };
  return { path, name: t.n, types, funcs, vars, consts, ...(partial ? { partial: true } : {}) };
}

/** The API of a known stdlib/third-party package, or undefined. */
export function knownPackage(path: string): ExportedPackage | undefined {
  let p = cache.get(path);
  if (p === undefined) {
    const g = GENERATED[path];
    const tp = THIRD_PARTY[path];
    p = g ? convert(path, g, false) : tp ? convert(path, tp, true) : null;
    cache.set(path, p);
  }
  return p ?? undefined;
}

/** Package names of known packages (without parsing them). */
export function knownPackageName(path: string): string | undefined {
  return GENERATED[path]?.n ?? THIRD_PARTY[path]?.n;
}

export function knownPackagePaths(): string[] {
  return [...Object.keys(GENERATED), ...Object.keys(THIRD_PARTY)];
}
