/**
 * The compact table format of the standard-library (and well-known
 * third-party) API. Types are strings in `typeString` syntax (see
 * types.ts `parseType`); they are parsed lazily, one package at a time.
 */

/** A named type: underlying type, alias flag, methods (`*` prefix: pointer receiver) and type params. */
export interface TableType {
  /** Underlying type (or the aliased type when `a` is 1). */
  readonly u: string;
  readonly a?: number;
  /** Method name → signature without `func` (`"*(int) error"`). */
  readonly m?: Readonly<Record<string, string>>;
  /** Type parameters: [name, constraint]. */
  readonly tp?: readonly (readonly [string, string])[];
}

export interface TableFunc {
  readonly s: string;
  readonly tp?: readonly (readonly [string, string])[];
}

export interface TablePackage {
  /** Package name. */
  readonly n: string;
  readonly t?: Readonly<Record<string, TableType>>;
  readonly f?: Readonly<Record<string, TableFunc>>;
  /** Variables: name → type. */
  readonly v?: Readonly<Record<string, string>>;
  /** Constants: name → [type, value in ConstJSON form]. */
  readonly c?: Readonly<Record<string, readonly [string, string]>>;
}

export type StdlibTable = Readonly<Record<string, TablePackage>>;
