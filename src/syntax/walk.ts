/**
 * AST traversal: the field table of every node kind, `walk`, and the
 * `Inspector` (like `golang.org/x/tools/go/ast/inspector`) that rules use.
 *
 * Children are visited in source order, in the order `go/ast.Walk` visits
 * them; like `go/ast.Walk`, `File.imports` (duplicates of import specs) and
 * `File.comments` are not traversed (doc and line comment groups are).
 *
 * Traversal is iterative (explicit stacks): deep trees cannot overflow the
 * JS stack.
 */

import type { FuncDecl, FuncLit, Node, NodeKind, NodeOfKind, ReturnStmt } from './ast.js';

/** The type of a node field: a position, a flag, a string, a child node or a list of them. */
export type FieldType = 'pos' | 'bool' | 'string' | 'node' | 'list';

/**
 * Every field of every node kind except `kind`, `start` and `end`, in
 * `ast.ts` (and go/ast) order. `node` fields may be null; `list` fields are
 * arrays (only `CaseClause.list` may be null).
 */
export const NODE_FIELDS: { readonly [K in NodeKind]: readonly (readonly [string, FieldType])[] } = {
  Comment: [['slash', 'pos'], ['text', 'string']],
  CommentGroup: [['list', 'list']],
  Field: [['doc', 'node'], ['names', 'list'], ['type', 'node'], ['tag', 'node'], ['comment', 'node']],
  FieldList: [['opening', 'pos'], ['list', 'list'], ['closing', 'pos']],
  BadExpr: [],
  Ident: [['name', 'string']],
  Ellipsis: [['ellipsis', 'pos'], ['elt', 'node']],
  BasicLit: [['valuePos', 'pos'], ['litKind', 'string'], ['value', 'string']],
  FuncLit: [['type', 'node'], ['body', 'node']],
  CompositeLit: [['type', 'node'], ['lbrace', 'pos'], ['elts', 'list'], ['rbrace', 'pos'], ['incomplete', 'bool']],
  ParenExpr: [['lparen', 'pos'], ['x', 'node'], ['rparen', 'pos']],
  SelectorExpr: [['x', 'node'], ['sel', 'node']],
  IndexExpr: [['x', 'node'], ['lbrack', 'pos'], ['index', 'node'], ['rbrack', 'pos']],
  IndexListExpr: [['x', 'node'], ['lbrack', 'pos'], ['indices', 'list'], ['rbrack', 'pos']],
  SliceExpr: [
    ['x', 'node'], ['lbrack', 'pos'], ['low', 'node'], ['high', 'node'], ['max', 'node'],
    ['slice3', 'bool'], ['rbrack', 'pos'],
  ],
  TypeAssertExpr: [['x', 'node'], ['lparen', 'pos'], ['type', 'node'], ['rparen', 'pos']],
  CallExpr: [['fun', 'node'], ['lparen', 'pos'], ['args', 'list'], ['ellipsis', 'pos'], ['rparen', 'pos']],
  StarExpr: [['star', 'pos'], ['x', 'node']],
  UnaryExpr: [['opPos', 'pos'], ['op', 'string'], ['x', 'node']],
  BinaryExpr: [['x', 'node'], ['opPos', 'pos'], ['op', 'string'], ['y', 'node']],
  KeyValueExpr: [['key', 'node'], ['colon', 'pos'], ['value', 'node']],
  ArrayType: [['lbrack', 'pos'], ['len', 'node'], ['elt', 'node']],
  StructType: [['struct', 'pos'], ['fields', 'node'], ['incomplete', 'bool']],
  FuncType: [['func', 'pos'], ['typeParams', 'node'], ['params', 'node'], ['results', 'node']],
  InterfaceType: [['interface', 'pos'], ['methods', 'node'], ['incomplete', 'bool']],
  MapType: [['map', 'pos'], ['key', 'node'], ['value', 'node']],
  ChanType: [['begin', 'pos'], ['arrow', 'pos'], ['dir', 'string'], ['value', 'node']],
  BadStmt: [],
  DeclStmt: [['decl', 'node']],
  EmptyStmt: [['semicolon', 'pos'], ['implicit', 'bool']],
  LabeledStmt: [['label', 'node'], ['colon', 'pos'], ['stmt', 'node']],
  ExprStmt: [['x', 'node']],
  SendStmt: [['chan', 'node'], ['arrow', 'pos'], ['value', 'node']],
  IncDecStmt: [['x', 'node'], ['tokPos', 'pos'], ['tok', 'string']],
  AssignStmt: [['lhs', 'list'], ['tokPos', 'pos'], ['tok', 'string'], ['rhs', 'list']],
  GoStmt: [['go', 'pos'], ['call', 'node']],
  DeferStmt: [['defer', 'pos'], ['call', 'node']],
  ReturnStmt: [['return', 'pos'], ['results', 'list']],
  BranchStmt: [['tokPos', 'pos'], ['tok', 'string'], ['label', 'node']],
  BlockStmt: [['lbrace', 'pos'], ['list', 'list'], ['rbrace', 'pos']],
  IfStmt: [['if', 'pos'], ['init', 'node'], ['cond', 'node'], ['body', 'node'], ['else', 'node']],
  CaseClause: [['case', 'pos'], ['list', 'list'], ['colon', 'pos'], ['body', 'list']],
  SwitchStmt: [['switch', 'pos'], ['init', 'node'], ['tag', 'node'], ['body', 'node']],
  TypeSwitchStmt: [['switch', 'pos'], ['init', 'node'], ['assign', 'node'], ['body', 'node']],
  CommClause: [['case', 'pos'], ['comm', 'node'], ['colon', 'pos'], ['body', 'list']],
  SelectStmt: [['select', 'pos'], ['body', 'node']],
  ForStmt: [['for', 'pos'], ['init', 'node'], ['cond', 'node'], ['post', 'node'], ['body', 'node']],
  RangeStmt: [
    ['for', 'pos'], ['key', 'node'], ['value', 'node'], ['tokPos', 'pos'], ['tok', 'string'],
    ['range', 'pos'], ['x', 'node'], ['body', 'node'],
  ],
  ImportSpec: [['doc', 'node'], ['name', 'node'], ['path', 'node'], ['comment', 'node']],
  ValueSpec: [['doc', 'node'], ['names', 'list'], ['type', 'node'], ['values', 'list'], ['comment', 'node']],
  TypeSpec: [
    ['doc', 'node'], ['name', 'node'], ['typeParams', 'node'], ['assign', 'pos'], ['type', 'node'],
    ['comment', 'node'],
  ],
  BadDecl: [],
  GenDecl: [['doc', 'node'], ['tokPos', 'pos'], ['tok', 'string'], ['lparen', 'pos'], ['specs', 'list'], ['rparen', 'pos']],
  FuncDecl: [['doc', 'node'], ['recv', 'node'], ['name', 'node'], ['type', 'node'], ['body', 'node']],
  File: [
    ['doc', 'node'], ['package', 'pos'], ['name', 'node'], ['decls', 'list'], ['imports', 'list'],
    ['comments', 'list'], ['goVersion', 'string'], ['fileStart', 'pos'], ['fileEnd', 'pos'],
  ],
};

/** Child keys per kind in visiting order (like ESLint visitor keys). */
export const VISITOR_KEYS: { readonly [K in NodeKind]: readonly string[] } = (() => {
  const out: Record<string, string[]> = {};
  for (const [kind, fields] of Object.entries(NODE_FIELDS)) {
    out[kind] = fields
      .filter(([name, t]) => (t === 'node' || t === 'list') && !(kind === 'File' && (name === 'imports' || name === 'comments')))
      .map(([name]) => name);
  }
  return out as { [K in NodeKind]: string[] };
})();

/** All node kinds, in a fixed order; the index is the kind's number. */
export const NODE_KINDS: readonly NodeKind[] = Object.keys(NODE_FIELDS) as NodeKind[];

const KIND_INDEX = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));

/** The kind number of a node kind (index into NODE_KINDS). */
export function kindIndex(kind: NodeKind): number {
  return KIND_INDEX.get(kind)!;
}

/**
 * Pending children of the `forEachChild` calls in progress: each call pushes
 * its node's children (reversed) on top and pops them all before returning,
 * so calls nest (`fn` may call `forEachChild`) without an array per call.
 */
const childStack: Node[] = [];

/** Calls `fn` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  const base = childStack.length;
  pushChildrenReversed(node, childStack);
  try {
    while (childStack.length > base) fn(childStack.pop()!);
  } finally {
    if (childStack.length > base) childStack.length = base; // `fn` threw
  }
}

/** The return statements of a function (not those of the function literals in it). */
export function returnsOf(fn: FuncDecl | FuncLit): ReturnStmt[] {
  const out: ReturnStmt[] = [];
  const visit = (n: Node): void => {
    if (n.kind === 'FuncLit') return;
    if (n.kind === 'ReturnStmt') out.push(n);
    forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return out;
}

/** The direct children of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const st: Node[] = [];
  pushChildrenReversed(node, st);
  return st.reverse();
}

export interface WalkVisitor {
  /**
   * Called before the children of `node`; `ancestors` holds the path from
   * the root (first) to the parent (last). Return `false` to skip the
   * children (and the matching `leave`).
   */
  enter?(node: Node, ancestors: readonly Node[]): boolean | void;
  /** Called after the children of `node`. */
  leave?(node: Node, ancestors: readonly Node[]): void;
}

/**
 * Depth-first traversal in source order. The `ancestors` array is reused
 * between calls: copy it if you keep it.
 */
export function walk(root: Node, visitor: WalkVisitor): void {
  const enter = visitor.enter;
  const leave = visitor.leave;
  const ancestors: Node[] = [];
  // pending nodes; `marks` holds, for each ancestor, the stack height at
  // which its children end (when the stack drops to it, the node is left)
  const stack: Node[] = [root];
  const marks: number[] = [];
  for (;;) {
    while (marks.length > 0 && stack.length === marks[marks.length - 1]!) {
      marks.pop();
      const done = ancestors.pop()!;
      if (leave !== undefined) leave.call(visitor, done, ancestors);
    }
    if (stack.length === 0) break;
    const node = stack.pop()!;
    if (enter !== undefined && enter.call(visitor, node, ancestors) === false) continue;
    ancestors.push(node);
    marks.push(stack.length);
    pushChildrenReversed(node, stack);
  }
}

// ---------------------------------------------------------------------------
// Inspector

type VisitorFn<N> = (node: N, ancestors: readonly Node[]) => void;

/**
 * Visitor functions by node kind: `CallExpr` is called on enter,
 * `'CallExpr:exit'` on leave. Each receives the node typed by its kind and
 * the ancestors (root first, parent last; reused, copy to keep).
 */
export type KindVisitors = {
  [K in NodeKind]?: VisitorFn<NodeOfKind<K>>;
} & {
  [K in NodeKind as `${K}:exit`]?: VisitorFn<NodeOfKind<K>>;
};

/**
 * A flat preorder record of a tree, built once per file: the nodes, their
 * kind numbers, parents and subtree ends, so that many visitor sets are
 * dispatched in one pass over flat arrays (no re-walking of the object
 * graph) and `nodesOfKind` is a lookup.
 */
export class Inspector {
  /** Nodes in preorder. */
  readonly nodes: Node[];
  /** Kind number (index in NODE_KINDS) of each node in `nodes`. */
  readonly kinds: Uint8Array;
  /** Index in `nodes` just past the node's subtree. */
  readonly subtreeEnd: Int32Array;
  /** Index in `nodes` of the parent, -1 for the root. */
  readonly parents: Int32Array;
  private byKind: Int32Array[] | null = null;

  constructor(root: Node) {
    const nodes: Node[] = [];
    let cap = 1024;
    let kinds = new Uint8Array(cap);
    let parents = new Int32Array(cap);
    const stack: Node[] = [root];
    // parent index of each pending node on `stack`
    let stackParent = new Int32Array(64);
    stackParent[0] = -1;
    let n = 0;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack.pop()!;
      const parent = stackParent[top]!;
      if (n === cap) {
        cap *= 2;
        const k2 = new Uint8Array(cap);
        k2.set(kinds);
        kinds = k2;
        const p2 = new Int32Array(cap);
        p2.set(parents);
        parents = p2;
      }
      nodes.push(node);
      parents[n] = parent;
      kinds[n] = pushChildrenReversed(node, stack);
      const h = stack.length;
      if (h > stackParent.length) {
        const s2 = new Int32Array(Math.max(h, stackParent.length * 2));
        s2.set(stackParent);
        stackParent = s2;
      }
      for (let k = top; k < h; k++) stackParent[k] = n;
      n++;
    }
    this.nodes = nodes;
    this.kinds = kinds.subarray(0, n);
    this.parents = parents.subarray(0, n);
    // subtree ends: children follow their parent in preorder
    const ends = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      if (ends[i]! < i + 1) ends[i] = i + 1;
      const p = parents[i]!;
      if (p >= 0 && ends[p]! < ends[i]!) ends[p] = ends[i]!;
    }
    this.subtreeEnd = ends;
  }

  /** All nodes of a kind, in preorder. */
  nodesOfKind<K extends NodeKind>(kind: K): NodeOfKind<K>[] {
    if (this.byKind === null) this.indexKinds();
    const idxs = this.byKind![KIND_INDEX.get(kind)!]!;
    const out: NodeOfKind<K>[] = new Array(idxs.length);
    for (let i = 0; i < idxs.length; i++) out[i] = this.nodes[idxs[i]!] as NodeOfKind<K>;
    return out;
  }

  private indexKinds(): void {
    const counts = new Int32Array(NODE_KINDS.length);
    const kinds = this.kinds;
    for (let i = 0; i < kinds.length; i++) counts[kinds[i]!]!++;
    const by = NODE_KINDS.map((_, k) => new Int32Array(counts[k]!));
    const fill = new Int32Array(NODE_KINDS.length);
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i]!;
      by[k]![fill[k]!++] = i;
    }
    this.byKind = by;
  }

  /** The ancestors of the node at preorder index `i` (root first). */
  ancestorsOf(i: number): Node[] {
    const out: Node[] = [];
    for (let p = this.parents[i]!; p >= 0; p = this.parents[p]!) out.push(this.nodes[p]!);
    return out.reverse();
  }

  /**
   * Dispatches every node to the visitor maps, in preorder (enter) and
   * postorder (`:exit`), with the ancestor stack.
   */
  visit(...visitorSets: readonly KindVisitors[]): void {
    const { enterFns, exitFns, anyExit } = dispatchTables(visitorSets);
    const nodes = this.nodes;
    const kinds = this.kinds;
    const ends = this.subtreeEnd;
    const n = nodes.length;
    const ancestors: Node[] = [];
    const ancIdx: number[] = []; // preorder index of each ancestor
    for (let i = 0; i < n; i++) {
      // leave the ancestors whose subtree ended
      while (ancIdx.length > 0 && ends[ancIdx[ancIdx.length - 1]!]! <= i) {
        const a = ancIdx.pop()!;
        const done = ancestors.pop()!;
        if (anyExit) {
          const fns = exitFns[kinds[a]!];
          if (fns !== undefined) for (let f = 0; f < fns.length; f++) fns[f]!(done, ancestors);
        }
      }
      const node = nodes[i]!;
      const fns = enterFns[kinds[i]!];
      if (fns !== undefined) for (let f = 0; f < fns.length; f++) fns[f]!(node, ancestors);
      if (ends[i]! > i + 1 || anyExit) {
        ancestors.push(node);
        ancIdx.push(i);
      }
    }
    while (ancIdx.length > 0) {
      const a = ancIdx.pop()!;
      const done = ancestors.pop()!;
      if (anyExit) {
        const fns = exitFns[kinds[a]!];
        if (fns !== undefined) for (let f = 0; f < fns.length; f++) fns[f]!(done, ancestors);
      }
    }
  }
}

interface DispatchTables {
  /** Per kind number: the enter functions of all visitor sets. */
  readonly enterFns: (VisitorFn<Node>[] | undefined)[];
  /** Per kind number: the `:exit` functions. */
  readonly exitFns: (VisitorFn<Node>[] | undefined)[];
  readonly anyExit: boolean;
}

function dispatchTables(visitorSets: readonly KindVisitors[]): DispatchTables {
  const nk = NODE_KINDS.length;
  const enterFns: (VisitorFn<Node>[] | undefined)[] = new Array(nk).fill(undefined);
  const exitFns: (VisitorFn<Node>[] | undefined)[] = new Array(nk).fill(undefined);
  let anyExit = false;
  for (const set of visitorSets) {
    const rec = set as Record<string, VisitorFn<Node> | undefined>;
    for (const key of Object.keys(rec)) {
      const fn = rec[key];
      if (fn === undefined) continue;
      const exit = key.endsWith(':exit');
      const k = KIND_INDEX.get(exit ? key.slice(0, -5) : key);
      if (k === undefined) continue;
      if (exit) {
        (exitFns[k] ??= []).push(fn);
        anyExit = true;
      } else (enterFns[k] ??= []).push(fn);
    }
  }
  return { enterFns, exitFns, anyExit };
}

/**
 * Dispatches every node of the tree to the visitor maps, like
 * `new Inspector(root).visit(...)` (same order, same ancestors), in a
 * single pass without building the inspector's arrays: for one traversal.
 */
export function visitKinds(root: Node, ...visitorSets: readonly KindVisitors[]): void {
  const { enterFns, exitFns, anyExit } = dispatchTables(visitorSets);
  const ancestors: Node[] = [];
  /** Kind number of each ancestor. */
  const ancKinds: number[] = [];
  /** For each ancestor, the stack height at which its children end. */
  const marks: number[] = [];
  const stack: Node[] = [root];
  for (;;) {
    while (marks.length > 0 && stack.length === marks[marks.length - 1]!) {
      marks.pop();
      const done = ancestors.pop()!;
      const fns = exitFns[ancKinds.pop()!];
      if (fns !== undefined) for (let f = 0; f < fns.length; f++) fns[f]!(done, ancestors);
    }
    if (stack.length === 0) return;
    const node = stack.pop()!;
    const h = stack.length;
    const k = pushChildrenReversed(node, stack);
    const fns = enterFns[k];
    if (fns !== undefined) for (let f = 0; f < fns.length; f++) fns[f]!(node, ancestors);
    if (stack.length > h || anyExit) {
      ancestors.push(node);
      ancKinds.push(k);
      marks.push(h);
    }
  }
}

/**
 * Pushes the children of `n` onto `st` in reverse source order (so that
 * popping visits them in source order) and returns the kind number (index
 * in NODE_KINDS). Written out from NODE_FIELDS: direct property reads per
 * kind are much faster than generic keyed access.
 */
export function pushChildrenReversed(n: Node, st: Node[]): number {
  // cases ordered by frequency in real code (string cases are tested in order)
  switch (n.kind) {
    case 'Ident':
      return 5;
    case 'BasicLit':
      return 7;
    case 'SelectorExpr':
      if (n.sel !== null) st.push(n.sel);
      if (n.x !== null) st.push(n.x);
      return 11;
    case 'CallExpr':
      pushRev(n.args, st);
      if (n.fun !== null) st.push(n.fun);
      return 16;
    case 'KeyValueExpr':
      if (n.value !== null) st.push(n.value);
      if (n.key !== null) st.push(n.key);
      return 20;
    case 'AssignStmt':
      pushRev(n.rhs, st);
      pushRev(n.lhs, st);
      return 34;
    case 'BinaryExpr':
      if (n.y !== null) st.push(n.y);
      if (n.x !== null) st.push(n.x);
      return 19;
    case 'BlockStmt':
      pushRev(n.list, st);
      return 39;
    case 'Field':
      if (n.comment !== null) st.push(n.comment);
      if (n.tag !== null) st.push(n.tag);
      if (n.type !== null) st.push(n.type);
      pushRev(n.names, st);
      if (n.doc !== null) st.push(n.doc);
      return 2;
    case 'CompositeLit':
      pushRev(n.elts, st);
      if (n.type !== null) st.push(n.type);
      return 9;
    case 'ValueSpec':
      if (n.comment !== null) st.push(n.comment);
      pushRev(n.values, st);
      if (n.type !== null) st.push(n.type);
      pushRev(n.names, st);
      if (n.doc !== null) st.push(n.doc);
      return 49;
    case 'FieldList':
      pushRev(n.list, st);
      return 3;
    case 'ExprStmt':
      if (n.x !== null) st.push(n.x);
      return 31;
    case 'Comment':
      return 0;
    case 'CommentGroup':
      pushRev(n.list, st);
      return 1;
    case 'IfStmt':
      if (n.else !== null) st.push(n.else);
      if (n.body !== null) st.push(n.body);
      if (n.cond !== null) st.push(n.cond);
      if (n.init !== null) st.push(n.init);
      return 40;
    case 'ReturnStmt':
      pushRev(n.results, st);
      return 37;
    case 'FuncType':
      if (n.results !== null) st.push(n.results);
      if (n.params !== null) st.push(n.params);
      if (n.typeParams !== null) st.push(n.typeParams);
      return 23;
    case 'StarExpr':
      if (n.x !== null) st.push(n.x);
      return 17;
    case 'FuncDecl':
      if (n.body !== null) st.push(n.body);
      if (n.type !== null) st.push(n.type);
      if (n.name !== null) st.push(n.name);
      if (n.recv !== null) st.push(n.recv);
      if (n.doc !== null) st.push(n.doc);
      return 53;
    case 'IndexExpr':
      if (n.index !== null) st.push(n.index);
      if (n.x !== null) st.push(n.x);
      return 12;
    case 'UnaryExpr':
      if (n.x !== null) st.push(n.x);
      return 18;
    case 'GenDecl':
      pushRev(n.specs, st);
      if (n.doc !== null) st.push(n.doc);
      return 52;
    case 'ArrayType':
      if (n.elt !== null) st.push(n.elt);
      if (n.len !== null) st.push(n.len);
      return 21;
    case 'CaseClause':
      pushRev(n.body, st);
      if (n.list !== null) pushRev(n.list, st);
      return 41;
    case 'ParenExpr':
      if (n.x !== null) st.push(n.x);
      return 10;
    case 'SliceExpr':
      if (n.max !== null) st.push(n.max);
      if (n.high !== null) st.push(n.high);
      if (n.low !== null) st.push(n.low);
      if (n.x !== null) st.push(n.x);
      return 14;
    case 'TypeAssertExpr':
      if (n.type !== null) st.push(n.type);
      if (n.x !== null) st.push(n.x);
      return 15;
    case 'DeclStmt':
      if (n.decl !== null) st.push(n.decl);
      return 28;
    case 'ForStmt':
      if (n.body !== null) st.push(n.body);
      if (n.post !== null) st.push(n.post);
      if (n.cond !== null) st.push(n.cond);
      if (n.init !== null) st.push(n.init);
      return 46;
    case 'RangeStmt':
      if (n.body !== null) st.push(n.body);
      if (n.x !== null) st.push(n.x);
      if (n.value !== null) st.push(n.value);
      if (n.key !== null) st.push(n.key);
      return 47;
    case 'IncDecStmt':
      if (n.x !== null) st.push(n.x);
      return 33;
    case 'TypeSpec':
      if (n.comment !== null) st.push(n.comment);
      if (n.type !== null) st.push(n.type);
      if (n.typeParams !== null) st.push(n.typeParams);
      if (n.name !== null) st.push(n.name);
      if (n.doc !== null) st.push(n.doc);
      return 50;
    case 'ImportSpec':
      if (n.comment !== null) st.push(n.comment);
      if (n.path !== null) st.push(n.path);
      if (n.name !== null) st.push(n.name);
      if (n.doc !== null) st.push(n.doc);
      return 48;
    case 'FuncLit':
      if (n.body !== null) st.push(n.body);
      if (n.type !== null) st.push(n.type);
      return 8;
    case 'MapType':
      if (n.value !== null) st.push(n.value);
      if (n.key !== null) st.push(n.key);
      return 25;
    case 'InterfaceType':
      if (n.methods !== null) st.push(n.methods);
      return 24;
    case 'StructType':
      if (n.fields !== null) st.push(n.fields);
      return 22;
    case 'BranchStmt':
      if (n.label !== null) st.push(n.label);
      return 38;
    case 'SwitchStmt':
      if (n.body !== null) st.push(n.body);
      if (n.tag !== null) st.push(n.tag);
      if (n.init !== null) st.push(n.init);
      return 42;
    case 'Ellipsis':
      if (n.elt !== null) st.push(n.elt);
      return 6;
    case 'ChanType':
      if (n.value !== null) st.push(n.value);
      return 26;
    case 'LabeledStmt':
      if (n.stmt !== null) st.push(n.stmt);
      if (n.label !== null) st.push(n.label);
      return 30;
    case 'DeferStmt':
      if (n.call !== null) st.push(n.call);
      return 36;
    case 'GoStmt':
      if (n.call !== null) st.push(n.call);
      return 35;
    case 'SendStmt':
      if (n.value !== null) st.push(n.value);
      if (n.chan !== null) st.push(n.chan);
      return 32;
    case 'SelectStmt':
      if (n.body !== null) st.push(n.body);
      return 45;
    case 'CommClause':
      pushRev(n.body, st);
      if (n.comm !== null) st.push(n.comm);
      return 44;
    case 'TypeSwitchStmt':
      if (n.body !== null) st.push(n.body);
      if (n.assign !== null) st.push(n.assign);
      if (n.init !== null) st.push(n.init);
      return 43;
    case 'IndexListExpr':
      pushRev(n.indices, st);
      if (n.x !== null) st.push(n.x);
      return 13;
    case 'EmptyStmt':
      return 29;
    case 'File':
      pushRev(n.decls, st);
      if (n.name !== null) st.push(n.name);
      if (n.doc !== null) st.push(n.doc);
      return 54;    case 'BadExpr':
      return 4;
    case 'BadStmt':
      return 27;
    case 'BadDecl':
      return 51;

  }
}

function pushRev(l: readonly Node[], st: Node[]): void {
  for (let i = l.length - 1; i >= 0; i--) st.push(l[i]!);
}
