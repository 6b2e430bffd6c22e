/**
 * The Go syntax tree, shaped like `go/ast`.
 *
 * Every node is a plain object with a `kind` discriminant named after its
 * `go/ast` type and the `go/ast` field names in camelCase (`CallExpr.Fun` is
 * `fun`, `IfStmt.Else` is `else`). Positions are offsets into the source
 * string (UTF-16 code units, so `source.slice(node.start, node.end)` is the
 * node's text); `NO_POS` (-1) marks an absent position, like `token.NoPos`.
 * `start` and `end` are `go/ast`'s `Pos()` and `End()`.
 *
 * `PositionTable` (position.ts) turns offsets into 1-based lines and
 * columns, counted in UTF-8 bytes like `go/token` or in UTF-16 units for
 * editors and SARIF.
 *
 * Contract: a parsed tree is never mutated by its consumers.
 */

/** An absent position, like `token.NoPos`. */
export const NO_POS = -1;

/** The expression inside any parentheses (go/ast's `Unparen`). */
export function unparen(e: Expr): Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/** The expression whose address `&x` takes, parentheses removed (`&T{...}` → `T{...}`); other expressions unparenthesised. */
export function withoutAddress(e: Expr): Expr {
  const x = unparen(e);
  return x.kind === 'UnaryExpr' && x.op === '&' ? unparen(x.x) : x;
}

/** The operands of a chain of `&&` (`a && (b && c)`: a, b, c), unparenthesised, left to right; the expression itself when it is no conjunction. */
export function conjuncts(e: Expr): Expr[] {
  const x = unparen(e);
  return x.kind === 'BinaryExpr' && x.op === '&&' ? [...conjuncts(x.x), ...conjuncts(x.y)] : [x];
}

/** The operands of a chain of `+` (`a + (b + c)`: a, b, c), unparenthesised, left to right; the expression itself when it is no sum. */
export function sumOperands(e: Expr): Expr[] {
  const out: Expr[] = [];
  const visit = (x: Expr): void => {
    const u = unparen(x);
    if (u.kind === 'BinaryExpr' && u.op === '+') {
      visit(u.x);
      visit(u.y);
    } else out.push(u);
  };
  visit(e);
  return out;
}

/** An offset into the source text in UTF-16 code units, or `NO_POS`. */
export type Offset = number;

interface NodeBase {
  /** Offset of the first character of the node (`go/ast` `Pos()`). */
  readonly start: Offset;
  /** Offset just past the last character of the node (`go/ast` `End()`). */
  readonly end: Offset;
}

// ---------------------------------------------------------------------------
// Operators

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '&' | '|' | '^' | '<<' | '>>' | '&^'
  | '&&' | '||'
  | '==' | '!=' | '<' | '<=' | '>' | '>=';

/** `*x` is a `StarExpr`, never a `UnaryExpr`. `~` appears in constraints. */
export type UnaryOp = '+' | '-' | '!' | '^' | '&' | '<-' | '~';

export type AssignOp =
  | '=' | ':='
  | '+=' | '-=' | '*=' | '/=' | '%='
  | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^=';

export type BranchTok = 'break' | 'continue' | 'goto' | 'fallthrough';
export type DeclTok = 'import' | 'const' | 'type' | 'var';
export type LitKind = 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';
/** `chan T` is 'both', `chan<- T` is 'send', `<-chan T` is 'recv'. */
export type ChanDir = 'both' | 'send' | 'recv';

// ---------------------------------------------------------------------------
// Comments

/** One `//` or `/* *\/` comment; `text` includes the comment markers. */
export interface Comment extends NodeBase {
  readonly kind: 'Comment';
  readonly slash: Offset;
  readonly text: string;
}

/** Adjacent comments with no tokens and at most one blank line between. */
export interface CommentGroup extends NodeBase {
  readonly kind: 'CommentGroup';
  readonly list: Comment[];
}

// ---------------------------------------------------------------------------
// Fields

/** A parameter, result, struct field, method, embedded type or type parameter. */
export interface Field extends NodeBase {
  readonly kind: 'Field';
  readonly doc: CommentGroup | null;
  /** Empty for anonymous parameters and embedded fields. */
  readonly names: Ident[];
  /** Null only in a broken source. */
  readonly type: Expr | null;
  readonly tag: BasicLit | null;
  readonly comment: CommentGroup | null;
}

/** A parenthesized, braced or bracketed list of fields. */
export interface FieldList extends NodeBase {
  readonly kind: 'FieldList';
  /** `(`, `{` or `[`, or NO_POS (a single unparenthesized result). */
  readonly opening: Offset;
  readonly list: Field[];
  readonly closing: Offset;
}

// ---------------------------------------------------------------------------
// Expressions and types

export interface BadExpr extends NodeBase {
  readonly kind: 'BadExpr';
}

export interface Ident extends NodeBase {
  readonly kind: 'Ident';
  readonly name: string;
}

/** `...T` in a parameter list or `[...]T` in an array type. */
export interface Ellipsis extends NodeBase {
  readonly kind: 'Ellipsis';
  readonly ellipsis: Offset;
  readonly elt: Expr | null;
}

/** A literal; `value` is its exact source text, quotes included. */
export interface BasicLit extends NodeBase {
  readonly kind: 'BasicLit';
  readonly valuePos: Offset;
  readonly litKind: LitKind;
  readonly value: string;
}

export interface FuncLit extends NodeBase {
  readonly kind: 'FuncLit';
  readonly type: FuncType;
  readonly body: BlockStmt;
}

export interface CompositeLit extends NodeBase {
  readonly kind: 'CompositeLit';
  /** Null for elided types inside another composite literal. */
  readonly type: Expr | null;
  readonly lbrace: Offset;
  readonly elts: Expr[];
  readonly rbrace: Offset;
  /** True when source expressions are missing from `elts`. */
  readonly incomplete: boolean;
}

export interface ParenExpr extends NodeBase {
  readonly kind: 'ParenExpr';
  readonly lparen: Offset;
  readonly x: Expr;
  readonly rparen: Offset;
}

export interface SelectorExpr extends NodeBase {
  readonly kind: 'SelectorExpr';
  readonly x: Expr;
  readonly sel: Ident;
}

/** `x[index]`: an index expression or an instantiation with one type argument. */
export interface IndexExpr extends NodeBase {
  readonly kind: 'IndexExpr';
  readonly x: Expr;
  readonly lbrack: Offset;
  readonly index: Expr;
  readonly rbrack: Offset;
}

/** `x[A, B]`: an instantiation with several type arguments. */
export interface IndexListExpr extends NodeBase {
  readonly kind: 'IndexListExpr';
  readonly x: Expr;
  readonly lbrack: Offset;
  readonly indices: Expr[];
  readonly rbrack: Offset;
}

export interface SliceExpr extends NodeBase {
  readonly kind: 'SliceExpr';
  readonly x: Expr;
  readonly lbrack: Offset;
  readonly low: Expr | null;
  readonly high: Expr | null;
  readonly max: Expr | null;
  /** True for `x[a:b:c]`. */
  readonly slice3: boolean;
  readonly rbrack: Offset;
}

/** `x.(T)`; `type` is null for `x.(type)` in a type switch. */
export interface TypeAssertExpr extends NodeBase {
  readonly kind: 'TypeAssertExpr';
  readonly x: Expr;
  readonly lparen: Offset;
  readonly type: Expr | null;
  readonly rparen: Offset;
}

export interface CallExpr extends NodeBase {
  readonly kind: 'CallExpr';
  readonly fun: Expr;
  readonly lparen: Offset;
  readonly args: Expr[];
  /** Position of `...` in `f(xs...)`, or NO_POS. */
  readonly ellipsis: Offset;
  readonly rparen: Offset;
}

/** `*x`: a dereference or a pointer type. */
export interface StarExpr extends NodeBase {
  readonly kind: 'StarExpr';
  readonly star: Offset;
  readonly x: Expr;
}

export interface UnaryExpr extends NodeBase {
  readonly kind: 'UnaryExpr';
  readonly opPos: Offset;
  readonly op: UnaryOp;
  readonly x: Expr;
}

/** Also a union `A | B` in a constraint. */
export interface BinaryExpr extends NodeBase {
  readonly kind: 'BinaryExpr';
  readonly x: Expr;
  readonly opPos: Offset;
  readonly op: BinaryOp;
  readonly y: Expr;
}

export interface KeyValueExpr extends NodeBase {
  readonly kind: 'KeyValueExpr';
  readonly key: Expr;
  readonly colon: Offset;
  readonly value: Expr;
}

/** `[N]T`, `[...]T` (`len` is an `Ellipsis`) or `[]T` (`len` is null). */
export interface ArrayType extends NodeBase {
  readonly kind: 'ArrayType';
  readonly lbrack: Offset;
  readonly len: Expr | null;
  readonly elt: Expr;
}

export interface StructType extends NodeBase {
  readonly kind: 'StructType';
  readonly struct: Offset;
  readonly fields: FieldList;
  readonly incomplete: boolean;
}

export interface FuncType extends NodeBase {
  readonly kind: 'FuncType';
  /** The `func` keyword, or NO_POS (interface methods). */
  readonly func: Offset;
  readonly typeParams: FieldList | null;
  readonly params: FieldList;
  readonly results: FieldList | null;
}

/** Methods and embedded elements (types, unions, `~T`) are all in `methods`. */
export interface InterfaceType extends NodeBase {
  readonly kind: 'InterfaceType';
  readonly interface: Offset;
  readonly methods: FieldList;
  readonly incomplete: boolean;
}

export interface MapType extends NodeBase {
  readonly kind: 'MapType';
  readonly map: Offset;
  readonly key: Expr;
  readonly value: Expr;
}

export interface ChanType extends NodeBase {
  readonly kind: 'ChanType';
  /** `chan` keyword or `<-` of `<-chan`. */
  readonly begin: Offset;
  /** The `<-` of `chan<-` or `<-chan`, or NO_POS. */
  readonly arrow: Offset;
  readonly dir: ChanDir;
  readonly value: Expr;
}

export type Expr =
  | BadExpr | Ident | Ellipsis | BasicLit | FuncLit | CompositeLit | ParenExpr
  | SelectorExpr | IndexExpr | IndexListExpr | SliceExpr | TypeAssertExpr
  | CallExpr | StarExpr | UnaryExpr | BinaryExpr | KeyValueExpr
  | ArrayType | StructType | FuncType | InterfaceType | MapType | ChanType;

// ---------------------------------------------------------------------------
// Statements

export interface BadStmt extends NodeBase {
  readonly kind: 'BadStmt';
}

export interface DeclStmt extends NodeBase {
  readonly kind: 'DeclStmt';
  /** A const, type or var declaration. */
  readonly decl: GenDecl | BadDecl;
}

export interface EmptyStmt extends NodeBase {
  readonly kind: 'EmptyStmt';
  readonly semicolon: Offset;
  /** True when the semicolon was inserted, not written. */
  readonly implicit: boolean;
}

export interface LabeledStmt extends NodeBase {
  readonly kind: 'LabeledStmt';
  readonly label: Ident;
  readonly colon: Offset;
  readonly stmt: Stmt;
}

export interface ExprStmt extends NodeBase {
  readonly kind: 'ExprStmt';
  readonly x: Expr;
}

export interface SendStmt extends NodeBase {
  readonly kind: 'SendStmt';
  readonly chan: Expr;
  readonly arrow: Offset;
  readonly value: Expr;
}

export interface IncDecStmt extends NodeBase {
  readonly kind: 'IncDecStmt';
  readonly x: Expr;
  readonly tokPos: Offset;
  readonly tok: '++' | '--';
}

export interface AssignStmt extends NodeBase {
  readonly kind: 'AssignStmt';
  readonly lhs: Expr[];
  readonly tokPos: Offset;
  readonly tok: AssignOp;
  readonly rhs: Expr[];
}

/** `go f(x)`; `call` is a `BadExpr` only in broken source. */
export interface GoStmt extends NodeBase {
  readonly kind: 'GoStmt';
  readonly go: Offset;
  readonly call: CallExpr | BadExpr;
}

export interface DeferStmt extends NodeBase {
  readonly kind: 'DeferStmt';
  readonly defer: Offset;
  readonly call: CallExpr | BadExpr;
}

export interface ReturnStmt extends NodeBase {
  readonly kind: 'ReturnStmt';
  readonly return: Offset;
  readonly results: Expr[];
}

export interface BranchStmt extends NodeBase {
  readonly kind: 'BranchStmt';
  readonly tokPos: Offset;
  readonly tok: BranchTok;
  readonly label: Ident | null;
}

export interface BlockStmt extends NodeBase {
  readonly kind: 'BlockStmt';
  readonly lbrace: Offset;
  readonly list: Stmt[];
  /** NO_POS when the closing brace is missing. */
  readonly rbrace: Offset;
}

export interface IfStmt extends NodeBase {
  readonly kind: 'IfStmt';
  readonly if: Offset;
  readonly init: Stmt | null;
  readonly cond: Expr;
  readonly body: BlockStmt;
  /** A `BlockStmt`, another `IfStmt`, or null. */
  readonly else: Stmt | null;
}

/** A `case` or `default` clause of a switch; `list` is null for `default`. */
export interface CaseClause extends NodeBase {
  readonly kind: 'CaseClause';
  readonly case: Offset;
  readonly list: Expr[] | null;
  readonly colon: Offset;
  readonly body: Stmt[];
}

export interface SwitchStmt extends NodeBase {
  readonly kind: 'SwitchStmt';
  readonly switch: Offset;
  readonly init: Stmt | null;
  readonly tag: Expr | null;
  /** Holds only `CaseClause`s. */
  readonly body: BlockStmt;
}

/** `switch x := y.(type)`; `assign` is `x := y.(type)` or `y.(type)`. */
export interface TypeSwitchStmt extends NodeBase {
  readonly kind: 'TypeSwitchStmt';
  readonly switch: Offset;
  readonly init: Stmt | null;
  readonly assign: Stmt;
  readonly body: BlockStmt;
}

/** A `case` or `default` clause of a select; `comm` is null for `default`. */
export interface CommClause extends NodeBase {
  readonly kind: 'CommClause';
  readonly case: Offset;
  /** A `SendStmt`, or an `ExprStmt`/`AssignStmt` holding a receive. */
  readonly comm: Stmt | null;
  readonly colon: Offset;
  readonly body: Stmt[];
}

export interface SelectStmt extends NodeBase {
  readonly kind: 'SelectStmt';
  readonly select: Offset;
  /** Holds only `CommClause`s. */
  readonly body: BlockStmt;
}

export interface ForStmt extends NodeBase {
  readonly kind: 'ForStmt';
  readonly for: Offset;
  readonly init: Stmt | null;
  readonly cond: Expr | null;
  readonly post: Stmt | null;
  readonly body: BlockStmt;
}

export interface RangeStmt extends NodeBase {
  readonly kind: 'RangeStmt';
  readonly for: Offset;
  readonly key: Expr | null;
  readonly value: Expr | null;
  /** NO_POS when `tok` is null (`for range x`). */
  readonly tokPos: Offset;
  readonly tok: ':=' | '=' | null;
  readonly range: Offset;
  readonly x: Expr;
  readonly body: BlockStmt;
}

export type Stmt =
  | BadStmt | DeclStmt | EmptyStmt | LabeledStmt | ExprStmt | SendStmt
  | IncDecStmt | AssignStmt | GoStmt | DeferStmt | ReturnStmt | BranchStmt
  | BlockStmt | IfStmt | CaseClause | SwitchStmt | TypeSwitchStmt
  | CommClause | SelectStmt | ForStmt | RangeStmt;

// ---------------------------------------------------------------------------
// Specifications and declarations

export interface ImportSpec extends NodeBase {
  readonly kind: 'ImportSpec';
  readonly doc: CommentGroup | null;
  /** The local name: an identifier, `.` or `_`; null when absent. */
  readonly name: Ident | null;
  readonly path: BasicLit;
  readonly comment: CommentGroup | null;
}

/** A const or var spec: `names [type] [= values]`. */
export interface ValueSpec extends NodeBase {
  readonly kind: 'ValueSpec';
  readonly doc: CommentGroup | null;
  readonly names: Ident[];
  readonly type: Expr | null;
  readonly values: Expr[];
  readonly comment: CommentGroup | null;
}

export interface TypeSpec extends NodeBase {
  readonly kind: 'TypeSpec';
  readonly doc: CommentGroup | null;
  readonly name: Ident;
  readonly typeParams: FieldList | null;
  /** Position of `=` for an alias, else NO_POS. */
  readonly assign: Offset;
  readonly type: Expr;
  readonly comment: CommentGroup | null;
}

export type Spec = ImportSpec | ValueSpec | TypeSpec;

export interface BadDecl extends NodeBase {
  readonly kind: 'BadDecl';
}

export interface GenDecl extends NodeBase {
  readonly kind: 'GenDecl';
  readonly doc: CommentGroup | null;
  readonly tokPos: Offset;
  readonly tok: DeclTok;
  /** NO_POS for an unparenthesized declaration. */
  readonly lparen: Offset;
  readonly specs: Spec[];
  readonly rparen: Offset;
}

export interface FuncDecl extends NodeBase {
  readonly kind: 'FuncDecl';
  readonly doc: CommentGroup | null;
  /** The receiver of a method, null for a function. */
  readonly recv: FieldList | null;
  readonly name: Ident;
  readonly type: FuncType;
  /** Null for an external (assembly-implemented) function. */
  readonly body: BlockStmt | null;
}

export type Decl = BadDecl | GenDecl | FuncDecl;

// ---------------------------------------------------------------------------
// Files

export interface File extends NodeBase {
  readonly kind: 'File';
  readonly doc: CommentGroup | null;
  /** The `package` keyword. */
  readonly package: Offset;
  readonly name: Ident;
  readonly decls: Decl[];
  /** Every import spec of the file, in source order. */
  readonly imports: ImportSpec[];
  /** Every comment group of the file, in source order. */
  readonly comments: CommentGroup[];
  /** The minimum Go version from a `//go:build` line, like `go/ast`; '' if none. */
  readonly goVersion: string;
  /** Start and end of the whole source text. */
  readonly fileStart: Offset;
  readonly fileEnd: Offset;
}

export type Node =
  | Expr | Stmt | Spec | Decl | File
  | Field | FieldList | Comment | CommentGroup;

export type NodeKind = Node['kind'];

/** The node type for a kind: `NodeOfKind<'CallExpr'>` is `CallExpr`. */
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;
