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

import type { Node, NodeKind, NodeOfKind } from './ast.js';

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

// per kind number: child keys as arrays for fast iteration
const KEYS_BY_INDEX: (readonly string[])[] = NODE_KINDS.map((k) => VISITOR_KEYS[k]);

/** Calls `fn` for each direct child of `node`, in source order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  const keys = KEYS_BY_INDEX[KIND_INDEX.get(node.kind)!]!;
  const rec = node as unknown as Record<string, unknown>;
  for (let k = 0; k < keys.length; k++) {
    const v = rec[keys[k]!];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) fn(v[j] as Node);
    } else fn(v as Node);
  }
}

/** The direct children of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  const keys = KEYS_BY_INDEX[KIND_INDEX.get(node.kind)!]!;
  const rec = node as unknown as Record<string, unknown>;
  for (let k = 0; k < keys.length; k++) {
    const v = rec[keys[k]!];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) for (let j = 0; j < v.length; j++) out.push(v[j] as Node);
    else out.push(v as Node);
  }
  return out;
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
  // stack of pending nodes; a marker entry (LEAVE) closes a node
  const stack: (Node | typeof LEAVE)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === LEAVE) {
      const node = ancestors.pop()!;
      if (leave !== undefined) leave.call(visitor, node, ancestors);
      continue;
    }
    const node = item;
    if (enter !== undefined && enter.call(visitor, node, ancestors) === false) continue;
    ancestors.push(node);
    stack.push(LEAVE);
    pushChildrenReversed(node, stack);
  }
}

const LEAVE = Symbol('leave');

function pushChildrenReversed(node: Node, stack: (Node | typeof LEAVE)[]): void {
  const keys = KEYS_BY_INDEX[KIND_INDEX.get(node.kind)!]!;
  const rec = node as unknown as Record<string, unknown>;
  for (let k = keys.length - 1; k >= 0; k--) {
    const v = rec[keys[k]!];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      for (let j = v.length - 1; j >= 0; j--) stack.push(v[j] as Node);
    } else stack.push(v as Node);
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
 * A flat, preorder record of a tree, built once per file: `events` holds
 * for each enter event the node and the index of its matching leave event,
 * so that many visitor sets can be dispatched without re-walking the tree
 * object graph, and `nodesOfKind` answers quickly.
 */
export class Inspector {
  /** Nodes in preorder. */
  readonly nodes: Node[] = [];
  /** Kind number of each node in `nodes`. */
  readonly kinds: Uint8Array;
  /** Index in `nodes` just past the node's subtree (its leave point). */
  readonly subtreeEnd: Int32Array;
  /** Index in `nodes` of the parent, -1 for the root. */
  readonly parents: Int32Array;
  private byKind: Int32Array[] | null = null;

  constructor(root: Node) {
    const nodes = this.nodes;
    const parentsTmp: number[] = [];
    const endTmp: number[] = [];
    // iterative preorder: stack entries are node refs; leave markers are -(index+1)
    const stack: (Node | number)[] = [root];
    const parentStack: number[] = [];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (typeof item === 'number') {
        const idx = -item - 1;
        endTmp[idx] = nodes.length;
        parentStack.pop();
        continue;
      }
      const idx = nodes.length;
      nodes.push(item);
      parentsTmp.push(parentStack.length > 0 ? parentStack[parentStack.length - 1]! : -1);
      endTmp.push(0);
      parentStack.push(idx);
      stack.push(-(idx + 1));
      pushChildrenReversedAny(item, stack);
    }
    const n = nodes.length;
    this.kinds = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.kinds[i] = KIND_INDEX.get(nodes[i]!.kind)!;
    this.subtreeEnd = Int32Array.from(endTmp);
    this.parents = Int32Array.from(parentsTmp);
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
    const nk = NODE_KINDS.length;
    // per kind: the enter and exit functions of all visitor sets
    const enterFns: (VisitorFn<Node>[] | undefined)[] = new Array(nk);
    const exitFns: (VisitorFn<Node>[] | undefined)[] = new Array(nk);
    const wanted = new Uint8Array(nk); // bit 1 enter, bit 2 exit
    for (const set of visitorSets) {
      const rec = set as Record<string, VisitorFn<Node> | undefined>;
      for (const key of Object.keys(rec)) {
        const fn = rec[key];
        if (fn === undefined) continue;
        const exit = key.endsWith(':exit');
        const kind = exit ? key.slice(0, -5) : key;
        const k = KIND_INDEX.get(kind);
        if (k === undefined) continue;
        if (exit) {
          (exitFns[k] ??= []).push(fn);
          wanted[k]! |= 2;
        } else {
          (enterFns[k] ??= []).push(fn);
          wanted[k]! |= 1;
        }
      }
    }
    const nodes = this.nodes;
    const kinds = this.kinds;
    const ends = this.subtreeEnd;
    const n = nodes.length;
    const ancestors: Node[] = [];
    const endStack: number[] = []; // subtree end of each ancestor
    for (let i = 0; i < n; i++) {
      // leave finished ancestors
      while (endStack.length > 0 && endStack[endStack.length - 1]! <= i) {
        endStack.pop();
        const done = ancestors.pop()!;
        const dk = KIND_INDEX.get(done.kind)!;
        if ((wanted[dk]! & 2) !== 0) {
          const fns = exitFns[dk]!;
          for (let f = 0; f < fns.length; f++) fns[f]!(done, ancestors);
        }
      }
      const node = nodes[i]!;
      const k = kinds[i]!;
      if ((wanted[k]! & 1) !== 0) {
        const fns = enterFns[k]!;
        for (let f = 0; f < fns.length; f++) fns[f]!(node, ancestors);
      }
      ancestors.push(node);
      endStack.push(ends[i]!);
    }
    while (ancestors.length > 0) {
      endStack.pop();
      const done = ancestors.pop()!;
      const dk = KIND_INDEX.get(done.kind)!;
      if ((wanted[dk]! & 2) !== 0) {
        const fns = exitFns[dk]!;
        for (let f = 0; f < fns.length; f++) fns[f]!(done, ancestors);
      }
    }
  }
}

function pushChildrenReversedAny(node: Node, stack: (Node | number)[]): void {
  const keys = KEYS_BY_INDEX[KIND_INDEX.get(node.kind)!]!;
  const rec = node as unknown as Record<string, unknown>;
  for (let k = keys.length - 1; k >= 0; k--) {
    const v = rec[keys[k]!];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      for (let j = v.length - 1; j >= 0; j--) stack.push(v[j] as Node);
    } else stack.push(v as Node);
  }
}
