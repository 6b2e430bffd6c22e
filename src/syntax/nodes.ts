/**
 * The node classes the parser builds (generated once from ast.ts, then
 * maintained by hand). Each node kind is a class whose instances have the
 * `ast.ts` fields as own properties in a fixed order, except `kind`, which
 * is a property of the class prototype: one pointer less per node (the
 * tree of GOROOT/src has ~12.6 million nodes). See ast.ts for the
 * meaning of the fields; consumers see only the ast.ts interfaces.
 */

import type * as ast from './ast.js';

/**
 * The one empty list of all trees (frozen: consumers never mutate a tree,
 * and a mistaken push throws). An own `[]` per empty list would cost 32
 * bytes each; about one list in nine is empty.
 */
export const NONE = Object.freeze([]) as unknown as never[];

/** Derived: `start` is `slash`, `end` is `slash + text.length`. */
export class Comment implements ast.Comment {
  declare readonly kind: 'Comment';
  declare slash: ast.Offset;
  declare text: string;
  constructor(slash_: ast.Offset, text_: string) {
    this.slash = slash_;
    this.text = text_;
  }
  get start(): ast.Offset {
    return this.slash;
  }
  get end(): ast.Offset {
    return this.slash + this.text.length;
  }
}
(Comment.prototype as { kind: string }).kind = 'Comment';

export class CommentGroup implements ast.CommentGroup {
  declare readonly kind: 'CommentGroup';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare list: ast.Comment[];
  constructor(start_: ast.Offset, end_: ast.Offset, list_: ast.Comment[]) {
    this.start = start_;
    this.end = end_;
    this.list = list_;
  }
}
(CommentGroup.prototype as { kind: string }).kind = 'CommentGroup';

export class Field implements ast.Field {
  declare readonly kind: 'Field';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare names: ast.Ident[];
  declare type: ast.Expr | null;
  declare tag: ast.BasicLit | null;
  declare comment: ast.CommentGroup | null;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, names_: ast.Ident[], type_: ast.Expr | null, tag_: ast.BasicLit | null, comment_: ast.CommentGroup | null) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.names = names_;
    this.type = type_;
    this.tag = tag_;
    this.comment = comment_;
  }
}
(Field.prototype as { kind: string }).kind = 'Field';

export class FieldList implements ast.FieldList {
  declare readonly kind: 'FieldList';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare opening: ast.Offset;
  declare list: ast.Field[];
  declare closing: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, opening_: ast.Offset, list_: ast.Field[], closing_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.opening = opening_;
    this.list = list_;
    this.closing = closing_;
  }
}
(FieldList.prototype as { kind: string }).kind = 'FieldList';

export class BadExpr implements ast.BadExpr {
  declare readonly kind: 'BadExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset) {
    this.start = start_;
    this.end = end_;
  }
}
(BadExpr.prototype as { kind: string }).kind = 'BadExpr';

/** `end` is derived: `start + name.length` (also for the `_` stand-in of a missing name, and the empty name of a broken file's `File.name`). */
export class Ident implements ast.Ident {
  declare readonly kind: 'Ident';
  declare start: ast.Offset;
  declare name: string;
  constructor(start_: ast.Offset, name_: string) {
    this.start = start_;
    this.name = name_;
  }
  get end(): ast.Offset {
    return this.start + this.name.length;
  }
}
(Ident.prototype as { kind: string }).kind = 'Ident';

export class Ellipsis implements ast.Ellipsis {
  declare readonly kind: 'Ellipsis';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare ellipsis: ast.Offset;
  declare elt: ast.Expr | null;
  constructor(start_: ast.Offset, end_: ast.Offset, ellipsis_: ast.Offset, elt_: ast.Expr | null) {
    this.start = start_;
    this.end = end_;
    this.ellipsis = ellipsis_;
    this.elt = elt_;
  }
}
(Ellipsis.prototype as { kind: string }).kind = 'Ellipsis';

/** Derived: `start` is `valuePos`. */
export class BasicLit implements ast.BasicLit {
  declare readonly kind: 'BasicLit';
  declare end: ast.Offset;
  declare valuePos: ast.Offset;
  declare litKind: ast.LitKind;
  declare value: string;
  constructor(end_: ast.Offset, valuePos_: ast.Offset, litKind_: ast.LitKind, value_: string) {
    this.end = end_;
    this.valuePos = valuePos_;
    this.litKind = litKind_;
    this.value = value_;
  }
  get start(): ast.Offset {
    return this.valuePos;
  }
}
(BasicLit.prototype as { kind: string }).kind = 'BasicLit';

export class FuncLit implements ast.FuncLit {
  declare readonly kind: 'FuncLit';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare type: ast.FuncType;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, type_: ast.FuncType, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.type = type_;
    this.body = body_;
  }
}
(FuncLit.prototype as { kind: string }).kind = 'FuncLit';

/** Derived: `end` is `rbrace + 1`. */
export class CompositeLit implements ast.CompositeLit {
  declare readonly kind: 'CompositeLit';
  declare start: ast.Offset;
  declare type: ast.Expr | null;
  declare lbrace: ast.Offset;
  declare elts: ast.Expr[];
  declare rbrace: ast.Offset;
  declare incomplete: boolean;
  constructor(start_: ast.Offset, type_: ast.Expr | null, lbrace_: ast.Offset, elts_: ast.Expr[], rbrace_: ast.Offset, incomplete_: boolean) {
    this.start = start_;
    this.type = type_;
    this.lbrace = lbrace_;
    this.elts = elts_;
    this.rbrace = rbrace_;
    this.incomplete = incomplete_;
  }
  get end(): ast.Offset {
    return this.rbrace + 1;
  }
}
(CompositeLit.prototype as { kind: string }).kind = 'CompositeLit';

/** Derived: `start` is `lparen`, `end` is `rparen + 1`. */
export class ParenExpr implements ast.ParenExpr {
  declare readonly kind: 'ParenExpr';
  declare lparen: ast.Offset;
  declare x: ast.Expr;
  declare rparen: ast.Offset;
  constructor(lparen_: ast.Offset, x_: ast.Expr, rparen_: ast.Offset) {
    this.lparen = lparen_;
    this.x = x_;
    this.rparen = rparen_;
  }
  get start(): ast.Offset {
    return this.lparen;
  }
  get end(): ast.Offset {
    return this.rparen + 1;
  }
}
(ParenExpr.prototype as { kind: string }).kind = 'ParenExpr';

/** Derived: `end` is `sel.end`. */
export class SelectorExpr implements ast.SelectorExpr {
  declare readonly kind: 'SelectorExpr';
  declare start: ast.Offset;
  declare x: ast.Expr;
  declare sel: ast.Ident;
  constructor(start_: ast.Offset, x_: ast.Expr, sel_: ast.Ident) {
    this.start = start_;
    this.x = x_;
    this.sel = sel_;
  }
  get end(): ast.Offset {
    return this.sel.end;
  }
}
(SelectorExpr.prototype as { kind: string }).kind = 'SelectorExpr';

/** Derived: `end` is `rbrack + 1`. */
export class IndexExpr implements ast.IndexExpr {
  declare readonly kind: 'IndexExpr';
  declare start: ast.Offset;
  declare x: ast.Expr;
  declare lbrack: ast.Offset;
  declare index: ast.Expr;
  declare rbrack: ast.Offset;
  constructor(start_: ast.Offset, x_: ast.Expr, lbrack_: ast.Offset, index_: ast.Expr, rbrack_: ast.Offset) {
    this.start = start_;
    this.x = x_;
    this.lbrack = lbrack_;
    this.index = index_;
    this.rbrack = rbrack_;
  }
  get end(): ast.Offset {
    return this.rbrack + 1;
  }
}
(IndexExpr.prototype as { kind: string }).kind = 'IndexExpr';

export class IndexListExpr implements ast.IndexListExpr {
  declare readonly kind: 'IndexListExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  declare lbrack: ast.Offset;
  declare indices: ast.Expr[];
  declare rbrack: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr, lbrack_: ast.Offset, indices_: ast.Expr[], rbrack_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.x = x_;
    this.lbrack = lbrack_;
    this.indices = indices_;
    this.rbrack = rbrack_;
  }
}
(IndexListExpr.prototype as { kind: string }).kind = 'IndexListExpr';

export class SliceExpr implements ast.SliceExpr {
  declare readonly kind: 'SliceExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  declare lbrack: ast.Offset;
  declare low: ast.Expr | null;
  declare high: ast.Expr | null;
  declare max: ast.Expr | null;
  declare slice3: boolean;
  declare rbrack: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr, lbrack_: ast.Offset, low_: ast.Expr | null, high_: ast.Expr | null, max_: ast.Expr | null, slice3_: boolean, rbrack_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.x = x_;
    this.lbrack = lbrack_;
    this.low = low_;
    this.high = high_;
    this.max = max_;
    this.slice3 = slice3_;
    this.rbrack = rbrack_;
  }
}
(SliceExpr.prototype as { kind: string }).kind = 'SliceExpr';

export class TypeAssertExpr implements ast.TypeAssertExpr {
  declare readonly kind: 'TypeAssertExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  declare lparen: ast.Offset;
  declare type: ast.Expr | null;
  declare rparen: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr, lparen_: ast.Offset, type_: ast.Expr | null, rparen_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.x = x_;
    this.lparen = lparen_;
    this.type = type_;
    this.rparen = rparen_;
  }
}
(TypeAssertExpr.prototype as { kind: string }).kind = 'TypeAssertExpr';

/** Derived: `end` is `rparen + 1`. */
export class CallExpr implements ast.CallExpr {
  declare readonly kind: 'CallExpr';
  declare start: ast.Offset;
  declare fun: ast.Expr;
  declare lparen: ast.Offset;
  declare args: ast.Expr[];
  declare ellipsis: ast.Offset;
  declare rparen: ast.Offset;
  constructor(start_: ast.Offset, fun_: ast.Expr, lparen_: ast.Offset, args_: ast.Expr[], ellipsis_: ast.Offset, rparen_: ast.Offset) {
    this.start = start_;
    this.fun = fun_;
    this.lparen = lparen_;
    this.args = args_;
    this.ellipsis = ellipsis_;
    this.rparen = rparen_;
  }
  get end(): ast.Offset {
    return this.rparen + 1;
  }
}
(CallExpr.prototype as { kind: string }).kind = 'CallExpr';

/** Derived: `start` is `star`. */
export class StarExpr implements ast.StarExpr {
  declare readonly kind: 'StarExpr';
  declare end: ast.Offset;
  declare star: ast.Offset;
  declare x: ast.Expr;
  constructor(end_: ast.Offset, star_: ast.Offset, x_: ast.Expr) {
    this.end = end_;
    this.star = star_;
    this.x = x_;
  }
  get start(): ast.Offset {
    return this.star;
  }
}
(StarExpr.prototype as { kind: string }).kind = 'StarExpr';

/** Derived: `start` is `opPos`. */
export class UnaryExpr implements ast.UnaryExpr {
  declare readonly kind: 'UnaryExpr';
  declare end: ast.Offset;
  declare opPos: ast.Offset;
  declare op: ast.UnaryOp;
  declare x: ast.Expr;
  constructor(end_: ast.Offset, opPos_: ast.Offset, op_: ast.UnaryOp, x_: ast.Expr) {
    this.end = end_;
    this.opPos = opPos_;
    this.op = op_;
    this.x = x_;
  }
  get start(): ast.Offset {
    return this.opPos;
  }
}
(UnaryExpr.prototype as { kind: string }).kind = 'UnaryExpr';

export class BinaryExpr implements ast.BinaryExpr {
  declare readonly kind: 'BinaryExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  declare opPos: ast.Offset;
  declare op: ast.BinaryOp;
  declare y: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr, opPos_: ast.Offset, op_: ast.BinaryOp, y_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.x = x_;
    this.opPos = opPos_;
    this.op = op_;
    this.y = y_;
  }
}
(BinaryExpr.prototype as { kind: string }).kind = 'BinaryExpr';

export class KeyValueExpr implements ast.KeyValueExpr {
  declare readonly kind: 'KeyValueExpr';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare key: ast.Expr;
  declare colon: ast.Offset;
  declare value: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, key_: ast.Expr, colon_: ast.Offset, value_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.key = key_;
    this.colon = colon_;
    this.value = value_;
  }
}
(KeyValueExpr.prototype as { kind: string }).kind = 'KeyValueExpr';

export class ArrayType implements ast.ArrayType {
  declare readonly kind: 'ArrayType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare lbrack: ast.Offset;
  declare len: ast.Expr | null;
  declare elt: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, lbrack_: ast.Offset, len_: ast.Expr | null, elt_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.lbrack = lbrack_;
    this.len = len_;
    this.elt = elt_;
  }
}
(ArrayType.prototype as { kind: string }).kind = 'ArrayType';

export class StructType implements ast.StructType {
  declare readonly kind: 'StructType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare struct: ast.Offset;
  declare fields: ast.FieldList;
  declare incomplete: boolean;
  constructor(start_: ast.Offset, end_: ast.Offset, struct_: ast.Offset, fields_: ast.FieldList, incomplete_: boolean) {
    this.start = start_;
    this.end = end_;
    this.struct = struct_;
    this.fields = fields_;
    this.incomplete = incomplete_;
  }
}
(StructType.prototype as { kind: string }).kind = 'StructType';

export class FuncType implements ast.FuncType {
  declare readonly kind: 'FuncType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare func: ast.Offset;
  declare typeParams: ast.FieldList | null;
  declare params: ast.FieldList;
  declare results: ast.FieldList | null;
  constructor(start_: ast.Offset, end_: ast.Offset, func_: ast.Offset, typeParams_: ast.FieldList | null, params_: ast.FieldList, results_: ast.FieldList | null) {
    this.start = start_;
    this.end = end_;
    this.func = func_;
    this.typeParams = typeParams_;
    this.params = params_;
    this.results = results_;
  }
}
(FuncType.prototype as { kind: string }).kind = 'FuncType';

export class InterfaceType implements ast.InterfaceType {
  declare readonly kind: 'InterfaceType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare interface: ast.Offset;
  declare methods: ast.FieldList;
  declare incomplete: boolean;
  constructor(start_: ast.Offset, end_: ast.Offset, interface_: ast.Offset, methods_: ast.FieldList, incomplete_: boolean) {
    this.start = start_;
    this.end = end_;
    this.interface = interface_;
    this.methods = methods_;
    this.incomplete = incomplete_;
  }
}
(InterfaceType.prototype as { kind: string }).kind = 'InterfaceType';

export class MapType implements ast.MapType {
  declare readonly kind: 'MapType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare map: ast.Offset;
  declare key: ast.Expr;
  declare value: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, map_: ast.Offset, key_: ast.Expr, value_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.map = map_;
    this.key = key_;
    this.value = value_;
  }
}
(MapType.prototype as { kind: string }).kind = 'MapType';

export class ChanType implements ast.ChanType {
  declare readonly kind: 'ChanType';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare begin: ast.Offset;
  declare arrow: ast.Offset;
  declare dir: ast.ChanDir;
  declare value: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, begin_: ast.Offset, arrow_: ast.Offset, dir_: ast.ChanDir, value_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.begin = begin_;
    this.arrow = arrow_;
    this.dir = dir_;
    this.value = value_;
  }
}
(ChanType.prototype as { kind: string }).kind = 'ChanType';

export class BadStmt implements ast.BadStmt {
  declare readonly kind: 'BadStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset) {
    this.start = start_;
    this.end = end_;
  }
}
(BadStmt.prototype as { kind: string }).kind = 'BadStmt';

export class DeclStmt implements ast.DeclStmt {
  declare readonly kind: 'DeclStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare decl: ast.GenDecl | ast.BadDecl;
  constructor(start_: ast.Offset, end_: ast.Offset, decl_: ast.GenDecl | ast.BadDecl) {
    this.start = start_;
    this.end = end_;
    this.decl = decl_;
  }
}
(DeclStmt.prototype as { kind: string }).kind = 'DeclStmt';

export class EmptyStmt implements ast.EmptyStmt {
  declare readonly kind: 'EmptyStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare semicolon: ast.Offset;
  declare implicit: boolean;
  constructor(start_: ast.Offset, end_: ast.Offset, semicolon_: ast.Offset, implicit_: boolean) {
    this.start = start_;
    this.end = end_;
    this.semicolon = semicolon_;
    this.implicit = implicit_;
  }
}
(EmptyStmt.prototype as { kind: string }).kind = 'EmptyStmt';

export class LabeledStmt implements ast.LabeledStmt {
  declare readonly kind: 'LabeledStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare label: ast.Ident;
  declare colon: ast.Offset;
  declare stmt: ast.Stmt;
  constructor(start_: ast.Offset, end_: ast.Offset, label_: ast.Ident, colon_: ast.Offset, stmt_: ast.Stmt) {
    this.start = start_;
    this.end = end_;
    this.label = label_;
    this.colon = colon_;
    this.stmt = stmt_;
  }
}
(LabeledStmt.prototype as { kind: string }).kind = 'LabeledStmt';

export class ExprStmt implements ast.ExprStmt {
  declare readonly kind: 'ExprStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.x = x_;
  }
}
(ExprStmt.prototype as { kind: string }).kind = 'ExprStmt';

export class SendStmt implements ast.SendStmt {
  declare readonly kind: 'SendStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare chan: ast.Expr;
  declare arrow: ast.Offset;
  declare value: ast.Expr;
  constructor(start_: ast.Offset, end_: ast.Offset, chan_: ast.Expr, arrow_: ast.Offset, value_: ast.Expr) {
    this.start = start_;
    this.end = end_;
    this.chan = chan_;
    this.arrow = arrow_;
    this.value = value_;
  }
}
(SendStmt.prototype as { kind: string }).kind = 'SendStmt';

export class IncDecStmt implements ast.IncDecStmt {
  declare readonly kind: 'IncDecStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare x: ast.Expr;
  declare tokPos: ast.Offset;
  declare tok: '++' | '--';
  constructor(start_: ast.Offset, end_: ast.Offset, x_: ast.Expr, tokPos_: ast.Offset, tok_: '++' | '--') {
    this.start = start_;
    this.end = end_;
    this.x = x_;
    this.tokPos = tokPos_;
    this.tok = tok_;
  }
}
(IncDecStmt.prototype as { kind: string }).kind = 'IncDecStmt';

export class AssignStmt implements ast.AssignStmt {
  declare readonly kind: 'AssignStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare lhs: ast.Expr[];
  declare tokPos: ast.Offset;
  declare tok: ast.AssignOp;
  declare rhs: ast.Expr[];
  constructor(start_: ast.Offset, end_: ast.Offset, lhs_: ast.Expr[], tokPos_: ast.Offset, tok_: ast.AssignOp, rhs_: ast.Expr[]) {
    this.start = start_;
    this.end = end_;
    this.lhs = lhs_;
    this.tokPos = tokPos_;
    this.tok = tok_;
    this.rhs = rhs_;
  }
}
(AssignStmt.prototype as { kind: string }).kind = 'AssignStmt';

export class GoStmt implements ast.GoStmt {
  declare readonly kind: 'GoStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare go: ast.Offset;
  declare call: ast.CallExpr | ast.BadExpr;
  constructor(start_: ast.Offset, end_: ast.Offset, go_: ast.Offset, call_: ast.CallExpr | ast.BadExpr) {
    this.start = start_;
    this.end = end_;
    this.go = go_;
    this.call = call_;
  }
}
(GoStmt.prototype as { kind: string }).kind = 'GoStmt';

export class DeferStmt implements ast.DeferStmt {
  declare readonly kind: 'DeferStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare defer: ast.Offset;
  declare call: ast.CallExpr | ast.BadExpr;
  constructor(start_: ast.Offset, end_: ast.Offset, defer_: ast.Offset, call_: ast.CallExpr | ast.BadExpr) {
    this.start = start_;
    this.end = end_;
    this.defer = defer_;
    this.call = call_;
  }
}
(DeferStmt.prototype as { kind: string }).kind = 'DeferStmt';

/** Derived: `start` is `return`. */
export class ReturnStmt implements ast.ReturnStmt {
  declare readonly kind: 'ReturnStmt';
  declare end: ast.Offset;
  declare return: ast.Offset;
  declare results: ast.Expr[];
  constructor(end_: ast.Offset, return_: ast.Offset, results_: ast.Expr[]) {
    this.end = end_;
    this.return = return_;
    this.results = results_;
  }
  get start(): ast.Offset {
    return this.return;
  }
}
(ReturnStmt.prototype as { kind: string }).kind = 'ReturnStmt';

export class BranchStmt implements ast.BranchStmt {
  declare readonly kind: 'BranchStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare tokPos: ast.Offset;
  declare tok: ast.BranchTok;
  declare label: ast.Ident | null;
  constructor(start_: ast.Offset, end_: ast.Offset, tokPos_: ast.Offset, tok_: ast.BranchTok, label_: ast.Ident | null) {
    this.start = start_;
    this.end = end_;
    this.tokPos = tokPos_;
    this.tok = tok_;
    this.label = label_;
  }
}
(BranchStmt.prototype as { kind: string }).kind = 'BranchStmt';

/** Derived: `start` is `lbrace`. */
export class BlockStmt implements ast.BlockStmt {
  declare readonly kind: 'BlockStmt';
  declare end: ast.Offset;
  declare lbrace: ast.Offset;
  declare list: ast.Stmt[];
  declare rbrace: ast.Offset;
  constructor(end_: ast.Offset, lbrace_: ast.Offset, list_: ast.Stmt[], rbrace_: ast.Offset) {
    this.end = end_;
    this.lbrace = lbrace_;
    this.list = list_;
    this.rbrace = rbrace_;
  }
  get start(): ast.Offset {
    return this.lbrace;
  }
}
(BlockStmt.prototype as { kind: string }).kind = 'BlockStmt';

/** Derived: `start` is `if`. */
export class IfStmt implements ast.IfStmt {
  declare readonly kind: 'IfStmt';
  declare end: ast.Offset;
  declare if: ast.Offset;
  declare init: ast.Stmt | null;
  declare cond: ast.Expr;
  declare body: ast.BlockStmt;
  declare else: ast.Stmt | null;
  constructor(end_: ast.Offset, if_: ast.Offset, init_: ast.Stmt | null, cond_: ast.Expr, body_: ast.BlockStmt, else_: ast.Stmt | null) {
    this.end = end_;
    this.if = if_;
    this.init = init_;
    this.cond = cond_;
    this.body = body_;
    this.else = else_;
  }
  get start(): ast.Offset {
    return this.if;
  }
}
(IfStmt.prototype as { kind: string }).kind = 'IfStmt';

export class CaseClause implements ast.CaseClause {
  declare readonly kind: 'CaseClause';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare case: ast.Offset;
  declare list: ast.Expr[] | null;
  declare colon: ast.Offset;
  declare body: ast.Stmt[];
  constructor(start_: ast.Offset, end_: ast.Offset, case_: ast.Offset, list_: ast.Expr[] | null, colon_: ast.Offset, body_: ast.Stmt[]) {
    this.start = start_;
    this.end = end_;
    this.case = case_;
    this.list = list_;
    this.colon = colon_;
    this.body = body_;
  }
}
(CaseClause.prototype as { kind: string }).kind = 'CaseClause';

export class SwitchStmt implements ast.SwitchStmt {
  declare readonly kind: 'SwitchStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare switch: ast.Offset;
  declare init: ast.Stmt | null;
  declare tag: ast.Expr | null;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, switch_: ast.Offset, init_: ast.Stmt | null, tag_: ast.Expr | null, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.switch = switch_;
    this.init = init_;
    this.tag = tag_;
    this.body = body_;
  }
}
(SwitchStmt.prototype as { kind: string }).kind = 'SwitchStmt';

export class TypeSwitchStmt implements ast.TypeSwitchStmt {
  declare readonly kind: 'TypeSwitchStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare switch: ast.Offset;
  declare init: ast.Stmt | null;
  declare assign: ast.Stmt;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, switch_: ast.Offset, init_: ast.Stmt | null, assign_: ast.Stmt, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.switch = switch_;
    this.init = init_;
    this.assign = assign_;
    this.body = body_;
  }
}
(TypeSwitchStmt.prototype as { kind: string }).kind = 'TypeSwitchStmt';

export class CommClause implements ast.CommClause {
  declare readonly kind: 'CommClause';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare case: ast.Offset;
  declare comm: ast.Stmt | null;
  declare colon: ast.Offset;
  declare body: ast.Stmt[];
  constructor(start_: ast.Offset, end_: ast.Offset, case_: ast.Offset, comm_: ast.Stmt | null, colon_: ast.Offset, body_: ast.Stmt[]) {
    this.start = start_;
    this.end = end_;
    this.case = case_;
    this.comm = comm_;
    this.colon = colon_;
    this.body = body_;
  }
}
(CommClause.prototype as { kind: string }).kind = 'CommClause';

export class SelectStmt implements ast.SelectStmt {
  declare readonly kind: 'SelectStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare select: ast.Offset;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, select_: ast.Offset, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.select = select_;
    this.body = body_;
  }
}
(SelectStmt.prototype as { kind: string }).kind = 'SelectStmt';

export class ForStmt implements ast.ForStmt {
  declare readonly kind: 'ForStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare for: ast.Offset;
  declare init: ast.Stmt | null;
  declare cond: ast.Expr | null;
  declare post: ast.Stmt | null;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, for_: ast.Offset, init_: ast.Stmt | null, cond_: ast.Expr | null, post_: ast.Stmt | null, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.for = for_;
    this.init = init_;
    this.cond = cond_;
    this.post = post_;
    this.body = body_;
  }
}
(ForStmt.prototype as { kind: string }).kind = 'ForStmt';

export class RangeStmt implements ast.RangeStmt {
  declare readonly kind: 'RangeStmt';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare for: ast.Offset;
  declare key: ast.Expr | null;
  declare value: ast.Expr | null;
  declare tokPos: ast.Offset;
  declare tok: ':=' | '=' | null;
  declare range: ast.Offset;
  declare x: ast.Expr;
  declare body: ast.BlockStmt;
  constructor(start_: ast.Offset, end_: ast.Offset, for_: ast.Offset, key_: ast.Expr | null, value_: ast.Expr | null, tokPos_: ast.Offset, tok_: ':=' | '=' | null, range_: ast.Offset, x_: ast.Expr, body_: ast.BlockStmt) {
    this.start = start_;
    this.end = end_;
    this.for = for_;
    this.key = key_;
    this.value = value_;
    this.tokPos = tokPos_;
    this.tok = tok_;
    this.range = range_;
    this.x = x_;
    this.body = body_;
  }
}
(RangeStmt.prototype as { kind: string }).kind = 'RangeStmt';

export class ImportSpec implements ast.ImportSpec {
  declare readonly kind: 'ImportSpec';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare name: ast.Ident | null;
  declare path: ast.BasicLit;
  declare comment: ast.CommentGroup | null;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, name_: ast.Ident | null, path_: ast.BasicLit, comment_: ast.CommentGroup | null) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.name = name_;
    this.path = path_;
    this.comment = comment_;
  }
}
(ImportSpec.prototype as { kind: string }).kind = 'ImportSpec';

export class ValueSpec implements ast.ValueSpec {
  declare readonly kind: 'ValueSpec';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare names: ast.Ident[];
  declare type: ast.Expr | null;
  declare values: ast.Expr[];
  declare comment: ast.CommentGroup | null;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, names_: ast.Ident[], type_: ast.Expr | null, values_: ast.Expr[], comment_: ast.CommentGroup | null) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.names = names_;
    this.type = type_;
    this.values = values_;
    this.comment = comment_;
  }
}
(ValueSpec.prototype as { kind: string }).kind = 'ValueSpec';

export class TypeSpec implements ast.TypeSpec {
  declare readonly kind: 'TypeSpec';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare name: ast.Ident;
  declare typeParams: ast.FieldList | null;
  declare assign: ast.Offset;
  declare type: ast.Expr;
  declare comment: ast.CommentGroup | null;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, name_: ast.Ident, typeParams_: ast.FieldList | null, assign_: ast.Offset, type_: ast.Expr, comment_: ast.CommentGroup | null) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.name = name_;
    this.typeParams = typeParams_;
    this.assign = assign_;
    this.type = type_;
    this.comment = comment_;
  }
}
(TypeSpec.prototype as { kind: string }).kind = 'TypeSpec';

export class BadDecl implements ast.BadDecl {
  declare readonly kind: 'BadDecl';
  declare start: ast.Offset;
  declare end: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset) {
    this.start = start_;
    this.end = end_;
  }
}
(BadDecl.prototype as { kind: string }).kind = 'BadDecl';

export class GenDecl implements ast.GenDecl {
  declare readonly kind: 'GenDecl';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare tokPos: ast.Offset;
  declare tok: ast.DeclTok;
  declare lparen: ast.Offset;
  declare specs: ast.Spec[];
  declare rparen: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, tokPos_: ast.Offset, tok_: ast.DeclTok, lparen_: ast.Offset, specs_: ast.Spec[], rparen_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.tokPos = tokPos_;
    this.tok = tok_;
    this.lparen = lparen_;
    this.specs = specs_;
    this.rparen = rparen_;
  }
}
(GenDecl.prototype as { kind: string }).kind = 'GenDecl';

export class FuncDecl implements ast.FuncDecl {
  declare readonly kind: 'FuncDecl';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare recv: ast.FieldList | null;
  declare name: ast.Ident;
  declare type: ast.FuncType;
  declare body: ast.BlockStmt | null;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, recv_: ast.FieldList | null, name_: ast.Ident, type_: ast.FuncType, body_: ast.BlockStmt | null) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.recv = recv_;
    this.name = name_;
    this.type = type_;
    this.body = body_;
  }
}
(FuncDecl.prototype as { kind: string }).kind = 'FuncDecl';

export class File implements ast.File {
  declare readonly kind: 'File';
  declare start: ast.Offset;
  declare end: ast.Offset;
  declare doc: ast.CommentGroup | null;
  declare package: ast.Offset;
  declare name: ast.Ident;
  declare decls: ast.Decl[];
  declare imports: ast.ImportSpec[];
  declare comments: ast.CommentGroup[];
  declare goVersion: string;
  declare fileStart: ast.Offset;
  declare fileEnd: ast.Offset;
  constructor(start_: ast.Offset, end_: ast.Offset, doc_: ast.CommentGroup | null, package_: ast.Offset, name_: ast.Ident, decls_: ast.Decl[], imports_: ast.ImportSpec[], comments_: ast.CommentGroup[], goVersion_: string, fileStart_: ast.Offset, fileEnd_: ast.Offset) {
    this.start = start_;
    this.end = end_;
    this.doc = doc_;
    this.package = package_;
    this.name = name_;
    this.decls = decls_;
    this.imports = imports_;
    this.comments = comments_;
    this.goVersion = goVersion_;
    this.fileStart = fileStart_;
    this.fileEnd = fileEnd_;
  }
}
(File.prototype as { kind: string }).kind = 'File';

