/**
 * The exported API of a package in a JSON-serializable form. Produced by
 * `summarizePackage` for module packages and by the stdlib tables for the
 * standard library; consumed through `ProgramView`.
 */
import type { ConstJSON } from './consts.js';
import type { SignatureType, Type, TypeParamType } from './types.js';

export interface ExportedMethod {
  readonly sig: SignatureType;
  readonly ptr: boolean;
  /** `relPath:offset` of the declaring identifier, when known. */
  readonly pos?: string;
  /** Exported methods of module packages: the declared parameter names, as for functions. */
  readonly params?: readonly string[];
}

export interface ExportedType {
  readonly underlying: Type;
  readonly alias?: boolean;
  readonly typeParams?: readonly TypeParamType[];
  readonly methods: Readonly<Record<string, ExportedMethod>>;
  readonly pos?: string;
}

export interface ExportedPackage {
  readonly path: string;
  readonly name: string;
  readonly types: Readonly<Record<string, ExportedType>>;
  /** `params`: the declared parameter names ('' for unnamed and blank ones), for rules that read what a callee calls its arguments. */
  readonly funcs: Readonly<Record<string, { readonly sig: SignatureType; readonly pos?: string; readonly params?: readonly string[] }>>;
  readonly vars: Readonly<Record<string, { readonly type: Type; readonly pos?: string }>>;
  readonly consts: Readonly<Record<string, { readonly type: Type; readonly value?: ConstJSON; readonly pos?: string }>>;
  /** True when the API is partial (hand-written tables): absent names are unknown, not errors. */
  readonly partial?: boolean;
  /** Package facts (facts.ts PackageFactKind): fact id → values, sorted. */
  readonly facts?: Readonly<Record<string, readonly string[]>>;
}
