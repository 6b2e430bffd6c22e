/**
 * A fast child visitor for the semantic layer's own traversals: a switch
 * with direct property reads (monomorphic per case) instead of the generic
 * key-table walk. Same children and order as syntax/walk.ts `forEachChild`,
 * except that comments and doc comments are skipped (never needed here),
 * and `File.imports` is not visited twice (the import specs are reached
 * through the declarations).
 */
import type * as ast from '../syntax/ast.js';

/** Calls `fn` on every node of a list, in order (an index loop: no iterator objects). */
function each(list: readonly ast.Node[], fn: (c: ast.Node) => void): void {
  for (let i = 0; i < list.length; i++) fn(list[i]!);
}

export function eachChild(n: ast.Node, fn: (c: ast.Node) => void): void {
  switch (n.kind) {
    case 'Ident': case 'BasicLit': case 'BadExpr': case 'BadStmt': case 'BadDecl': case 'EmptyStmt':
    case 'Comment': case 'CommentGroup':
      return;
    case 'Field': each(n.names, fn); if (n.type) fn(n.type); if (n.tag) fn(n.tag); return;
    case 'FieldList': each(n.list, fn); return;
    case 'Ellipsis': if (n.elt) fn(n.elt); return;
    case 'FuncLit': fn(n.type); fn(n.body); return;
    case 'CompositeLit': if (n.type) fn(n.type); each(n.elts, fn); return;
    case 'ParenExpr': fn(n.x); return;
    case 'SelectorExpr': fn(n.x); fn(n.sel); return;
    case 'IndexExpr': fn(n.x); fn(n.index); return;
    case 'IndexListExpr': fn(n.x); each(n.indices, fn); return;
    case 'SliceExpr': fn(n.x); if (n.low) fn(n.low); if (n.high) fn(n.high); if (n.max) fn(n.max); return;
    case 'TypeAssertExpr': fn(n.x); if (n.type) fn(n.type); return;
    case 'CallExpr': fn(n.fun); each(n.args, fn); return;
    case 'StarExpr': fn(n.x); return;
    case 'UnaryExpr': fn(n.x); return;
    case 'BinaryExpr': fn(n.x); fn(n.y); return;
    case 'KeyValueExpr': fn(n.key); fn(n.value); return;
    case 'ArrayType': if (n.len) fn(n.len); fn(n.elt); return;
    case 'StructType': fn(n.fields); return;
    case 'FuncType': if (n.typeParams) fn(n.typeParams); fn(n.params); if (n.results) fn(n.results); return;
    case 'InterfaceType': fn(n.methods); return;
    case 'MapType': fn(n.key); fn(n.value); return;
    case 'ChanType': fn(n.value); return;
    case 'DeclStmt': fn(n.decl); return;
    case 'LabeledStmt': fn(n.label); fn(n.stmt); return;
    case 'ExprStmt': fn(n.x); return;
    case 'SendStmt': fn(n.chan); fn(n.value); return;
    case 'IncDecStmt': fn(n.x); return;
    case 'AssignStmt': each(n.lhs, fn); each(n.rhs, fn); return;
    case 'GoStmt': fn(n.call); return;
    case 'DeferStmt': fn(n.call); return;
    case 'ReturnStmt': each(n.results, fn); return;
    case 'BranchStmt': if (n.label) fn(n.label); return;
    case 'BlockStmt': each(n.list, fn); return;
    case 'IfStmt': if (n.init) fn(n.init); fn(n.cond); fn(n.body); if (n.else) fn(n.else); return;
    case 'CaseClause': if (n.list) each(n.list, fn); each(n.body, fn); return;
    case 'SwitchStmt': if (n.init) fn(n.init); if (n.tag) fn(n.tag); fn(n.body); return;
    case 'TypeSwitchStmt': if (n.init) fn(n.init); fn(n.assign); fn(n.body); return;
    case 'CommClause': if (n.comm) fn(n.comm); each(n.body, fn); return;
    case 'SelectStmt': fn(n.body); return;
    case 'ForStmt': if (n.init) fn(n.init); if (n.cond) fn(n.cond); if (n.post) fn(n.post); fn(n.body); return;
    case 'RangeStmt': if (n.key) fn(n.key); if (n.value) fn(n.value); fn(n.x); fn(n.body); return;
    case 'ImportSpec': if (n.name) fn(n.name); fn(n.path); return;
    case 'ValueSpec': each(n.names, fn); if (n.type) fn(n.type); each(n.values, fn); return;
    case 'TypeSpec': fn(n.name); if (n.typeParams) fn(n.typeParams); fn(n.type); return;
    case 'GenDecl': each(n.specs, fn); return;
    case 'FuncDecl': if (n.recv) fn(n.recv); fn(n.name); fn(n.type); if (n.body) fn(n.body); return;
    case 'File': fn(n.name); each(n.decls, fn); return;
  }
}
