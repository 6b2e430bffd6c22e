/**
 * Objects (what an identifier denotes) and lexical scopes, like go/types
 * `Object` and `Scope`.
 */
import type { Ident, Node } from '../syntax/ast.js';
import type { Type } from './types.js';
import type { ConstValue } from './consts.js';

export type ObjKind = 'var' | 'const' | 'type' | 'func' | 'pkgname' | 'label' | 'builtin' | 'nil';

export type ScopeKind =
  | 'universe' | 'package' | 'file' | 'func' | 'block' | 'if' | 'for' | 'range' | 'switch'
  | 'typeswitch' | 'case' | 'comm' | 'select' | 'typeparams';

const EMPTY_NAMES: ReadonlyMap<string, Obj> = new Map();

export class Scope {
  private map: Map<string, Obj> | null = null;
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    /** The node that opens the scope (FuncDecl, FuncLit, BlockStmt, IfStmt, CaseClause, File...). */
    readonly node: Node | null,
  ) {}
  /** The names declared in this scope (allocated on first declaration). */
  get names(): ReadonlyMap<string, Obj> {
    return this.map ?? EMPTY_NAMES;
  }
  lookupLocal(name: string): Obj | undefined {
    return this.map?.get(name);
  }
  lookup(name: string): Obj | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const m = s.map;
      if (m) {
        const o = m.get(name);
        if (o) return o;
      }
    }
    return undefined;
  }
  insert(obj: Obj): Obj | undefined {
    const m = (this.map ??= new Map());
    const prev = m.get(obj.name);
    if (prev) return prev;
    m.set(obj.name, obj);
    return undefined;
  }
}

/** What an identifier denotes. */
export interface Obj {
  readonly kind: ObjKind;
  readonly name: string;
  /** The declaring identifier, null for universe/imported/implicit objects. */
  readonly decl: Ident | null;
  /**
   * The declaring node: ValueSpec, TypeSpec, FuncDecl, Field (params, results,
   * receivers, struct fields, interface methods, type params), AssignStmt
   * (`:=`), RangeStmt, ImportSpec, LabeledStmt, CaseClause (type switch
   * symbol), null otherwise.
   */
  readonly node: Node | null;
  /** File path of the declaration (`PackageInput` file path), '' when none. */
  readonly file: string;
  /** Package path of the declaring package ('' for universe, 'C' for cgo). */
  readonly pkg: string;
  /** The scope the object is declared in (null for fields, methods, imported objects). */
  readonly parent: Scope | null;
  readonly isParam?: boolean;
  readonly isResult?: boolean;
  readonly isRecv?: boolean;
  readonly isField?: boolean;
  readonly isEmbedded?: boolean;
  readonly isPackageLevel?: boolean;
  /** A method (func obj with a receiver). */
  readonly isMethod?: boolean;
  /** For pkgname: the imported path; for methods: the receiver base type name. */
  readonly importPath?: string;
  readonly recvTypeName?: string;
  /** For pkgname: the package name was guessed from the path. */
  readonly guessed?: boolean;
  /** Declaration position `relPath:offset` for objects of other module packages. */
  readonly pos?: string;
  /** Type, when known up-front (imported objects, fields, implicit objects). */
  type?: Type;
  /** Constant value, when known up-front. */
  value?: ConstValue;
  /** For a type switch symbol: the clause it is declared for. */
  readonly clause?: Node;
  /** For a type obj: is it an alias. */
  isAlias?: boolean;
  /** Index in a const/var spec (the position among names). */
  readonly index?: number;
  /** For objects declared inside a function: the innermost FuncDecl/FuncLit. */
  readonly func?: Node;
  /** For a method of an interface or a struct field: the owner type. */
  readonly ownerType?: Type;
}

/**
 * Objects are instances of one class with every field present, so that all
 * objects share a hidden class (fast, monomorphic property reads).
 */
export class ObjRecord {
  kind: ObjKind;
  name: string;
  decl: Ident | null;
  node: Node | null;
  file: string;
  pkg: string;
  parent: Scope | null;
  isParam: boolean | undefined = undefined;
  isResult: boolean | undefined = undefined;
  isRecv: boolean | undefined = undefined;
  isField: boolean | undefined = undefined;
  isEmbedded: boolean | undefined = undefined;
  isPackageLevel: boolean | undefined = undefined;
  isMethod: boolean | undefined = undefined;
  importPath: string | undefined = undefined;
  recvTypeName: string | undefined = undefined;
  guessed: boolean | undefined = undefined;
  pos: string | undefined = undefined;
  type: Type | undefined = undefined;
  value: ConstValue | undefined = undefined;
  clause: Node | undefined = undefined;
  isAlias: boolean | undefined = undefined;
  index: number | undefined = undefined;
  func: Node | undefined = undefined;
  ownerType: Type | undefined = undefined;
  /** For a function: its fact key (`pkg.F`), built once (one string for all calls: its hash is computed once). */
  funcKey: string | undefined = undefined;
  constructor(kind: ObjKind, name: string, decl: Ident | null, node: Node | null, file: string, pkg: string, parent: Scope | null) {
    this.kind = kind;
    this.name = name;
    this.decl = decl;
    this.node = node;
    this.file = file;
    this.pkg = pkg;
    this.parent = parent;
  }
}

/** Creates an object whose optional fields the caller sets (no `extra` object to copy). */
export function newObjRecord(kind: ObjKind, name: string, decl: Ident | null, node: Node | null, file: string, pkg: string, parent: Scope | null): ObjRecord {
  return new ObjRecord(kind, name, decl, node, file, pkg, parent);
}

/** Creates an object; `extra` sets optional fields. */
export function newObj(
  kind: ObjKind, name: string, decl: Ident | null, node: Node | null, file: string, pkg: string, parent: Scope | null,
  extra?: Partial<Obj>,
): Obj {
  const o = new ObjRecord(kind, name, decl, node, file, pkg, parent);
  if (extra) Object.assign(o, extra);
  return o as Obj;
}

/** A variable declared inside a function: not a parameter, a struct field or a package-level variable (results count). */
export function isFunctionVariable(o: Obj | undefined): o is Obj {
  return o !== undefined && o.kind === 'var' && !o.isParam && !o.isField && !o.isPackageLevel;
}

/** Go's `token.IsExported`: the name starts with an upper-case letter. */
export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90 || (c > 127 && name[0] !== name[0]!.toLowerCase());
}
