/**
 * The lifetime of C memory inside one Go function, shared by the cgo rules.
 *
 * An allocation (`C.CString`, `C.malloc`, a policy allocator, a preamble
 * function returning malloc'd memory, a module function whose facts say it
 * returns fresh C memory) is followed through the local variables that
 * hold it (copies, `unsafe.Pointer(p)`, `(*C.char)(p)`, `unsafe.Slice`,
 * parameters of a function literal it is passed to): its *group*. Every use
 * of a variable of the group is classified (freed, ownership moved, escaped
 * to code we cannot see, overwritten, used) and attached to the CFG node
 * where it happens, with how it happens (now, in a deferred call, in a
 * goroutine, in a closure). The rules then ask path questions over the CFG
 * (dataflow.ts) with these effects as events.
 *
 * Ownership moves (and the obligation to free ends) when the pointer is
 * returned, stored in a field, a global, a slice or map element, sent on a
 * channel, put in a composite literal, captured and freed by a goroutine,
 * or passed to a function that keeps it (module facts, preamble bodies,
 * the policy's `takes-ownership`, deallocator-like C names). Anything we
 * cannot follow (the variable's address taken, a call through a function
 * value or interface, a third-party function outside the module) ends
 * tracking silently: no finding rather than a guess.
 */
import type * as ast from '../../syntax/ast.js';
import { unparen, withoutAddress } from '../../syntax/ast.js';
import { walk } from '../../syntax/walk.js';
import type { Block, CFG } from '../../semantics/cfg.js';
import { isBuiltinCall } from '../../semantics/call-shapes.js';
import { pathsAvoiding } from '../../semantics/dataflow.js';
import { startOfLiteral } from '../../semantics/goroutines.js';
import { perPackage } from '../../semantics/package-memo.js';
import type { FuncFactKind, ParamFactKind } from '../../semantics/facts.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { FuncNode } from '../../semantics/resolve.js';
import type { Obj } from '../../semantics/scope.js';
import { knownPackageName } from '../../semantics/stdlib/index.js';
import { deref, underlying, type Type } from '../../semantics/types.js';
import { policyOf, type CgoOptions, type CgoPolicy } from './options.js';

/** cgo helpers and libc functions whose result must be released with C.free. */
const LIBC_ALLOCS = new Set(['CString', 'CBytes', 'malloc', 'calloc', 'realloc', 'strdup', 'strndup']);
/** A C callback handed over with a pointer, named as its destructor: the callee releases the pointer later. */
const DESTRUCTOR_NAME = /(^|_)(dtor|destructor|destroy|free|release|cleanup|finalizer?)(_|$)|[a-z](Dtor|Destructor|Destroy|Free|Release|Cleanup|Finalizer?)$/i;
/** cgo helpers that copy from C memory and keep nothing. */
const BORROWING_HELPERS = new Set(['GoString', 'GoStringN', 'GoBytes']);
/** Undeclared C functions whose name says they release their argument. */
const RELEASE_NAME = /(^|_)(free|destroy|release|delete|dispose|unref|finalize|close)(_|$)|[a-z](Free|Destroy|Release|Delete|Dispose|Unref|Close)$/;
/** Methods of standard-library types that store their argument (sync.Map.Store, list.PushBack...). */
const STORING_NAME = /^(Store|Swap|CompareAndSwap|LoadOrStore|Put|Push|PushBack|PushFront|InsertBefore|InsertAfter|Set|SetFinalizer|WithValue|NewHandle|StorePointer|SwapPointer|CompareAndSwapPointer|StoreUintptr|SwapUintptr)$/;

export const FREES_FACT = 'cgo-frees';
export const KEEPS_FACT = 'cgo-keeps';
export const RETURNS_FACT = 'cgo-returns';
export const RETURNS_ALLOC_FACT = 'cgo-returns-alloc';

// ---------------------------------------------------------------------------
// Effects

export type EffectKind =
  /** Released for sure: C.free, a preamble function that frees it, a policy deallocator, a module function that frees it. */
  | 'free'
  /** Ownership moved: stored, returned, sent, passed to a function that keeps it. */
  | 'keep'
  /** Escaped to code we cannot see: stop tracking. */
  | 'unknown'
  /** The variable is assigned another value. */
  | 'overwrite'
  /** Copied into another local variable of the group. */
  | 'copy'
  /** Compared (`p == nil`) or used as a map key (`m[p]`, `delete(m, p)`): not a use of the memory. */
  | 'cmp'
  /** Read, written, passed to a call that borrows it. */
  | 'use'
  /** The value is dropped on the floor (an expression statement). */
  | 'discard';

/** How the code holding the use runs relative to the CFG node it is attached to. */
export type How = 'now' | 'defer' | 'go' | 'closure';

export interface Effect {
  readonly kind: EffectKind;
  readonly how: How;
  /** The identifier (or the allocation call) the effect is about. */
  readonly at: ast.Expr;
  /** The call that frees, keeps or borrows the pointer. */
  readonly call?: ast.CallExpr;
  /** For `defer`/`go`: a function literal reads the variable when it runs (not when the statement is executed). */
  readonly closure?: boolean;
  /** For 'copy': the variable it is copied into. */
  readonly to?: Obj;
  /** For 'cmp' against nil as a branch condition: the operator. */
  readonly nilOp?: '==' | '!=';
  /** For 'keep': how ownership moved, as a phrase ("is returned", "is stored in a field"). */
  readonly why?: string;
}

/** A set of local variables holding the same C pointer, with the effects of their uses by CFG node. */
export interface Group {
  readonly vars: ReadonlySet<Obj>;
  readonly effects: ReadonlyMap<ast.Node, readonly Effect[]>;
  /** CFG nodes that declare a variable of the group (a new variable each time they run). */
  readonly defs: ReadonlySet<ast.Node>;
  /** Some variable of the group is a named result (a bare `return` returns it). */
  readonly namedResult: boolean;
}

export interface AllocSite {
  readonly call: ast.CallExpr;
  /** How the allocator is written in messages: `C.CString`, `C.widget_new`, `newBuffer`. */
  readonly name: string;
  /** How it is released: `C.free`, `C.widget_free`. */
  readonly free: string;
}

export type Origin =
  /** Held in local variables: a group to follow. */
  | { readonly kind: 'var'; readonly group: Group }
  /** The result is not kept anywhere. */
  | { readonly kind: 'discarded' }
  /** Passed straight into a call that does not keep it. */
  | { readonly kind: 'borrowed'; readonly call: ast.CallExpr }
  /** Stored straight into an element of a local slice whose elements nothing frees (`isBorrowingSlice`). */
  | { readonly kind: 'element'; readonly slice: ast.Ident }
  /** Owned elsewhere from the start (stored, returned, freed, escaped). */
  | { readonly kind: 'elsewhere' };

export interface Tracked {
  readonly site: AllocSite;
  readonly fn: FuncNode;
  readonly cfg: CFG;
  /** The CFG node that allocates. */
  readonly stmt: ast.Node;
  readonly origin: Origin;
  /** For a multi-value allocation (`p, err := newBuf()`): the error variable. */
  readonly errVar?: Obj;
}

// ---------------------------------------------------------------------------
// Small helpers

function isNilIdent(pkg: PackageInfo, e: ast.Expr): boolean {
  const x = unparen(e);
  return x.kind === 'Ident' && x.name === 'nil' && (pkg.objectOf(x)?.kind ?? 'nil') === 'nil';
}

/** `C.name` of a selector, or undefined. */
export function cName(pkg: PackageInfo, e: ast.Expr): string | undefined {
  const x = unparen(e);
  // cgo's pseudo-package is always `C` (`import "C"` cannot be renamed)
  if (x.kind !== 'SelectorExpr' || x.x.kind !== 'Ident' || x.x.name !== 'C') return undefined;
  const o = pkg.objectOf(x.x);
  return o?.kind === 'pkgname' && o.importPath === 'C' ? x.sel.name : undefined;
}

/** `C.name(...)`: the name, or undefined. */
export function cCallName(pkg: PackageInfo, call: ast.CallExpr): string | undefined {
  return cName(pkg, call.fun);
}

/** A type conversion, including `(*C.T)(p)` whose C type the semantic layer may not know. */
function isConversion(pkg: PackageInfo, call: ast.CallExpr): boolean {
  if (call.args.length !== 1) return false;
  const fun = unparen(call.fun);
  if (fun.kind === 'StarExpr' || fun.kind === 'ArrayType') return true;
  const c = pkg.calleeOf(call);
  if (c.kind === 'conversion') return true;
  if (c.kind === 'func' && c.pkg === 'C') {
    // an undeclared C name: a typedef from a header when it looks like one (size_t, LPVOID, git_off_t)
    const decls = pkg.cgoDecls();
    if (decls.funcs.has(c.name) || c.name in CGO_KNOWN) return false;
    return /_t$|^[A-Z][A-Z0-9_]*$/.test(c.name);
  }
  return false;
}

/** C library functions that only read or write through their pointer arguments during the call (never `putenv`, which keeps its string). */
const LIBC_BORROWERS = new Set([
  'strlen', 'strnlen', 'strcmp', 'strncmp', 'strcasecmp', 'strncasecmp', 'strchr', 'strrchr', 'strstr', 'strcpy', 'strncpy', 'strcat', 'strncat',
  'memcpy', 'memmove', 'memcmp', 'memset', 'puts', 'fputs', 'printf', 'fprintf', 'sprintf', 'snprintf', 'sscanf', 'perror',
  'atoi', 'atol', 'atoll', 'atof', 'strtol', 'strtoul', 'strtoll', 'strtoull', 'strtod', 'getenv', 'setenv', 'unsetenv',
  'fopen', 'freopen', 'open', 'creat', 'stat', 'lstat', 'access', 'unlink', 'remove', 'mkdir', 'rmdir', 'rename', 'opendir', 'chdir',
  'chmod', 'chown', 'truncate', 'realpath', 'fwrite', 'fread', 'write', 'read', 'send', 'recv', 'dlopen', 'dlsym', 'inet_pton',
  'inet_addr', 'gethostbyname', 'getaddrinfo', 'system', 'setlocale', 'syslog',
]);

/**
 * Whether Redline knows what the C function a call names does with its
 * pointer arguments: defined in the package's preamble or C files, or a C
 * library function that only borrows them. Otherwise borrowing is assumed.
 */
export function knowsCFunction(pkg: PackageInfo, call: ast.CallExpr): boolean {
  const n = cCallName(pkg, call);
  return n === undefined || n in CGO_KNOWN || LIBC_BORROWERS.has(n) || pkg.cgoDecls().funcs.get(n)?.defined === true;
}

const CGO_KNOWN: Record<string, true> = { CString: true, CBytes: true, GoString: true, GoStringN: true, GoBytes: true, free: true, malloc: true, calloc: true, realloc: true, strdup: true };

/**
 * The argument a call passes through: the result is the same memory as that
 * argument. A preamble function that returns a pointer parameter
 * (`static gchar *to_gstr(char *s) { return (gchar *)s; }`), or a module
 * function with the `cgo-returns` fact (`func gstring(s *C.char) *C.gchar { return C.to_gstr(s) }`).
 */
function passedThrough(pkg: PackageInfo, call: ast.CallExpr): number | undefined {
  // only a pure conversion: a function that also keeps or frees the argument is judged by that
  const n = cName(pkg, call.fun);
  if (n !== undefined) {
    const f = pkg.cgoDecls().funcs.get(n);
    const k = f?.returns[0];
    return k !== undefined && k < call.args.length && !f!.keeps.includes(k) && !f!.frees.includes(k) ? k : undefined;
  }
  if (call.args.length === 0 || !pkg.mayCallFactHolder(call, RETURNS_FACT)) return undefined;
  const key = pkg.calleeKey(pkg.calleeOf(call));
  if (!key) return undefined;
  for (let k = 0; k < call.args.length; k++) {
    if (pkg.hasParamFact(key, RETURNS_FACT, k) && !pkg.hasParamFact(key, KEEPS_FACT, k) && !pkg.hasParamFact(key, FREES_FACT, k)) return k;
  }
  return undefined;
}

/** unsafe functions whose result aliases their first argument. */
function isUnsafeAlias(pkg: PackageInfo, call: ast.CallExpr): boolean {
  const c = pkg.calleeOf(call);
  if (c.kind === 'builtin') return c.name === 'Slice' || c.name === 'SliceData' || c.name === 'String' || c.name === 'StringData' || c.name === 'Add';
  return c.kind === 'func' && c.pkg === 'unsafe';
}

/**
 * The outermost expression that still denotes the same pointer as `e`:
 * through parentheses, conversions, unsafe.Slice/Add/SliceData, slicing,
 * `&x[0]` and `&x.f`.
 */
export function climb(pkg: PackageInfo, e: ast.Expr): ast.Expr {
  let cur: ast.Expr = e;
  for (;;) {
    const p = pkg.parentOf(cur);
    if (!p) return cur;
    if (p.kind === 'ParenExpr') { cur = p; continue; }
    if (p.kind === 'CallExpr' && p.args[0] === cur && p.fun !== cur && (isConversion(pkg, p) || isUnsafeAlias(pkg, p))) { cur = p; continue; }
    if (p.kind === 'CallExpr' && p.fun !== cur && p.args[passedThrough(pkg, p) ?? -1] === cur) { cur = p; continue; }
    if (p.kind === 'SliceExpr' && p.x === cur) { cur = p; continue; }
    if ((p.kind === 'IndexExpr' || p.kind === 'SelectorExpr') && p.x === cur) {
      const pp = pkg.parentOf(p);
      const zeroIndex = p.kind === 'SelectorExpr' || (p.kind === 'IndexExpr' && pkg.constValue(p.index)?.value === 0n);
      if (pp?.kind === 'UnaryExpr' && pp.op === '&' && zeroIndex) { cur = pp; continue; }
    }
    return cur;
  }
}

/** Could a value of this type be a C pointer: unsafe.Pointer, uintptr, a pointer to a C type or to an array (`*[1 << 30]byte`)? */
function isPointerLike(pkg: PackageInfo, t: Type): boolean {
  const u = t.kind === 'named' && t.pkg !== 'C' ? underlying(t, pkg.info) : t;
  if (u.kind === 'basic') return u.name === 'unsafe.Pointer' || u.name === 'uintptr';
  if (u.kind === 'pointer') {
    const d = u.elem;
    return (d.kind === 'named' && d.pkg === 'C') || d.kind === 'array';
  }
  return false;
}

/** Facts are only seeded in packages with cgo files: C pointers come from there. */
function isCgoPackage(pkg: PackageInfo): boolean {
  return pkg.files.some((f) => f.isCgo);
}

// ---------------------------------------------------------------------------
// Calls: what a callee does with a pointer argument

export type CallEffect = 'free' | 'keep' | 'use' | 'unknown';

/** What `call` does with its argument `i` (-1: receiver). */
export function callEffect(pkg: PackageInfo, call: ast.CallExpr, i: number, policy: CgoPolicy): { effect: CallEffect; name: string } {
  const c = pkg.calleeOf(call);
  if (c.kind === 'builtin') {
    return { effect: c.name === 'append' && i >= 1 ? 'keep' : 'use', name: c.name };
  }
  if (c.kind === 'func' && c.pkg === 'C') {
    const n = c.name;
    const name = `C.${n}`;
    if (n === 'free') return { effect: 'free', name };
    if (n === 'realloc' && i === 0) return { effect: 'free', name };
    if (policy.frees.has(n)) return { effect: 'free', name };
    if (policy.takes.has(n)) return { effect: 'keep', name };
    if (BORROWING_HELPERS.has(n)) return { effect: 'use', name };
    // C.sqlite3_result_text(ctx, p, n, (*[0]byte)(C.free)), C.closure_new(cb, p, (*[0]byte)(C.closureDestructor)): the callee releases p later
    if (call.args.some((x, j) => j !== i && passesDestructor(pkg, x))) return { effect: 'keep', name };
    const decl = pkg.cgoDecls().funcs.get(n);
    if (decl?.defined) {
      if (decl.frees.includes(i)) return { effect: 'free', name };
      if (decl.keeps.includes(i)) return { effect: 'keep', name };
      return { effect: 'use', name };
    }
    if (RELEASE_NAME.test(n)) return { effect: 'keep', name };
    return { effect: 'use', name };
  }
  if (c.kind === 'func' || c.kind === 'method') {
    const name = c.kind === 'func' ? (c.pkg === pkg.importPath ? c.name : `${c.pkg.slice(c.pkg.lastIndexOf('/') + 1)}.${c.name}`) : c.name;
    if (c.kind === 'method' && c.iface) return { effect: 'unknown', name };
    const inModule = c.pkg === pkg.importPath || pkg.program.packages[c.pkg] !== undefined;
    if (inModule && c.key) {
      let j = i;
      if (j >= 0) {
        const sig = pkg.signatureOf(call);
        if (sig?.variadic && j >= sig.params.length - 1) j = sig.params.length - 1;
      }
      if (pkg.hasParamFact(c.key, FREES_FACT, j)) return { effect: 'free', name };
      if (pkg.hasParamFact(c.key, KEEPS_FACT, j)) return { effect: 'keep', name };
      return { effect: 'use', name };
    }
    if (knownPackageName(c.pkg) !== undefined || c.pkg === 'unsafe') return { effect: STORING_NAME.test(c.name) ? 'keep' : 'use', name };
    return { effect: 'unknown', name };
  }
  return { effect: 'unknown', name: '' };
}

/** Is a C function itself (not a call of it) the argument, possibly converted, and named as a destructor (`C.free`, `C.closureDestructor`)? */
function passesDestructor(pkg: PackageInfo, arg: ast.Expr): boolean {
  let x = unparen(arg);
  while (x.kind === 'CallExpr' && x.args.length === 1 && isConversion(pkg, x)) x = unparen(x.args[0]!);
  const n = cName(pkg, withoutAddress(x));
  return n !== undefined && DESTRUCTOR_NAME.test(n);
}

/** The slice `s` of `s[i] = top`, when `top` is the value assigned. */
function storedElementOf(pkg: PackageInfo, top: ast.Expr): ast.Ident | undefined {
  const p = pkg.parentOf(top);
  if (p?.kind !== 'AssignStmt' || p.lhs.length !== p.rhs.length) return undefined;
  const lhs = p.lhs[p.rhs.indexOf(top)];
  const x = lhs && unparen(lhs);
  const base = x?.kind === 'IndexExpr' ? unparen(x.x) : undefined;
  return base?.kind === 'Ident' ? base : undefined;
}

// ---------------------------------------------------------------------------
// Allocation sites

/** Is this call an allocation of C memory the function must release? */
export function allocSiteOf(pkg: PackageInfo, call: ast.CallExpr, policy: CgoPolicy): AllocSite | null {
  const n = cCallName(pkg, call);
  if (n !== undefined) {
    if (LIBC_ALLOCS.has(n)) return { call, name: `C.${n}`, free: 'C.free' };
    const f = policy.allocs.get(n);
    if (f) return { call, name: `C.${n}`, free: `C.${f}` };
    const decl = pkg.cgoDecls().funcs.get(n);
    if (decl?.allocates) return { call, name: `C.${n}`, free: 'C.free' };
    return null;
  }
  const c = pkg.calleeOf(call);
  if ((c.kind === 'func' || c.kind === 'method') && c.key && pkg.hasFuncFact(c.key, RETURNS_ALLOC_FACT)) {
    return { call, name: c.name, free: 'C.free' };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Per-function analysis

class FuncIndex {
  /** Uses (not declarations) of local variables, closures included. */
  readonly uses = new Map<Obj, ast.Ident[]>();
  constructor(pkg: PackageInfo, readonly fn: FuncNode) {
    if (!fn.body) return;
    walk(fn.body, {
      enter: (n) => {
        if (n.kind !== 'Ident') return;
        const o = pkg.objectOf(n);
        if (!o || o.kind !== 'var' || o.isField || o.isPackageLevel || o.decl === n) return;
        let l = this.uses.get(o);
        if (!l) this.uses.set(o, (l = []));
        l.push(n);
      },
    });
  }
}

/** The analysis of one package under one policy: cached per package and policy, shared by the rules. */
export class CgoAnalysis {
  private readonly indexes = new Map<FuncNode, FuncIndex>();
  private readonly tracked = new Map<ast.CallExpr, Tracked | null>();
  private readonly groups = new Map<string, Group>();
  private readonly borrowingSlices = new Map<Obj, boolean>();

  constructor(readonly pkg: PackageInfo, readonly policy: CgoPolicy) {}

  index(fn: FuncNode): FuncIndex {
    let x = this.indexes.get(fn);
    if (!x) this.indexes.set(fn, (x = new FuncIndex(this.pkg, fn)));
    return x;
  }

  /** The outermost function literal strictly inside `fn` that contains `n`, or null. */
  private litWithin(n: ast.Node, fn: FuncNode): ast.FuncLit | null {
    let lit: ast.FuncLit | null = null;
    for (let x = this.pkg.parentOf(n); x && x !== fn; x = this.pkg.parentOf(x)) if (x.kind === 'FuncLit') lit = x;
    return lit;
  }

  /**
   * Classifies the expression `top` (already climbed) by its context, for a
   * use inside `fn`. `at` is the identifier or call reported.
   */
  private classifyTop(top: ast.Expr, at: ast.Expr, fn: FuncNode): Omit<Effect, 'how'> {
    const pkg = this.pkg;
    const p = pkg.parentOf(top);
    if (!p) return { kind: 'unknown', at };
    switch (p.kind) {
      case 'CallExpr': {
        if (p.fun === top) return { kind: 'use', at };
        const i = p.args.indexOf(top);
        if (i < 0) return { kind: 'use', at };
        const fun = unparen(p.fun);
        if (fun.kind === 'FuncLit') {
          // passed to a function literal: follow its parameter
          const params = fun.type.params.list.flatMap((f) => f.names);
          const param = params[i];
          const o = param ? pkg.objectOf(param) : undefined;
          return o ? { kind: 'copy', at, to: o, call: p } : { kind: 'unknown', at };
        }
        if (i === 1 && isBuiltinCall(pkg, p, 'delete')) return { kind: 'cmp', at }; // a map key: hashed, not dereferenced
        const e = callEffect(pkg, p, i, this.policy);
        if (e.effect === 'keep') return { kind: 'keep', at, call: p, why: `is passed to ${e.name}, which keeps it` };
        return { kind: e.effect, at, call: p };
      }
      case 'AssignStmt': {
        const i = p.rhs.indexOf(top);
        if (i < 0) return { kind: 'use', at };
        if (p.tok !== '=' && p.tok !== ':=') return { kind: 'use', at };
        if (p.lhs.length !== p.rhs.length) return { kind: 'unknown', at };
        return this.storeInto(unparen(p.lhs[i]!), at, fn);
      }
      case 'ValueSpec': {
        const i = p.values.indexOf(top);
        if (i < 0 || p.names.length !== p.values.length) return { kind: 'unknown', at };
        return this.storeInto(p.names[i]!, at, fn);
      }
      case 'ReturnStmt': return { kind: 'keep', at, why: 'is returned' };
      case 'CompositeLit': return p.type === top ? { kind: 'use', at } : { kind: 'keep', at, why: 'is stored in a composite literal' };
      case 'KeyValueExpr': return { kind: 'keep', at, why: p.value === top ? 'is stored in a composite literal' : 'is stored as a map key' };
      case 'SendStmt': return p.value === top ? { kind: 'keep', at, why: 'is sent on a channel' } : { kind: 'use', at };
      case 'ExprStmt': return { kind: 'discard', at };
      case 'BinaryExpr': {
        if (p.op === '==' || p.op === '!=') {
          const other = p.x === top ? p.y : p.x;
          return isNilIdent(pkg, other) ? { kind: 'cmp', at, nilOp: p.op } : { kind: 'cmp', at };
        }
        return { kind: 'use', at };
      }
      case 'UnaryExpr':
        if (p.op === '&') return { kind: 'unknown', at };
        return { kind: 'use', at };
      case 'IndexExpr': {
        // m[p] = v: the pointer is kept as a map key (a handle registry)
        const pp = pkg.parentOf(p);
        if (p.index === top && pp?.kind === 'AssignStmt' && pp.lhs.includes(p)) return { kind: 'keep', at, why: 'is stored as a map key' };
        // m[p] read: a pointer can only index a map, where it is hashed, not dereferenced
        return p.index === top ? { kind: 'cmp', at } : { kind: 'use', at };
      }
      case 'StarExpr': case 'SelectorExpr': case 'SliceExpr': case 'RangeStmt': case 'IfStmt':
      case 'SwitchStmt': case 'IncDecStmt': case 'TypeAssertExpr': case 'CaseClause': case 'ForStmt': case 'IndexListExpr':
        return { kind: 'use', at };
      default:
        return { kind: 'unknown', at };
    }
  }

  /** The pointer is assigned to `lhs`. */
  private storeInto(lhs: ast.Expr, at: ast.Expr, fn: FuncNode): Omit<Effect, 'how'> {
    const pkg = this.pkg;
    if (lhs.kind === 'Ident') {
      if (lhs.name === '_') return { kind: 'use', at };
      const o = pkg.objectOf(lhs);
      if (!o || o.kind !== 'var') return { kind: 'unknown', at };
      if (o.isPackageLevel) return { kind: 'keep', at, why: 'is stored in a package-level variable' };
      // a variable of an enclosing function: the pointer leaves this function's hands
      if (o.decl && (o.decl.start < fn.start || o.decl.end > fn.end)) return { kind: 'keep', at, why: 'is stored in a variable of the enclosing function' };
      return { kind: 'copy', at, to: o };
    }
    if (lhs.kind === 'SelectorExpr') {
      const x = lhs.x.kind === 'Ident' ? pkg.objectOf(lhs.x) : undefined;
      if (x?.kind === 'pkgname') return { kind: 'keep', at, why: 'is stored in a package-level variable' };
      return { kind: 'keep', at, why: 'is stored in a field' };
    }
    if (lhs.kind === 'IndexExpr') {
      // an element of a local slice that nothing frees and that never leaves the function only borrows the memory
      const base = unparen(lhs.x);
      const s = base.kind === 'Ident' ? pkg.objectOf(base) : undefined;
      if (s && this.isBorrowingSlice(s, fn)) return { kind: 'use', at };
      return { kind: 'keep', at, why: 'is stored in a slice, array or map element' };
    }
    if (lhs.kind === 'StarExpr') return { kind: 'keep', at, why: 'is stored through a pointer' };
    return { kind: 'unknown', at };
  }

  /**
   * A local slice or array of `fn` (`cKeys := make([]*C.char, n)`) whose
   * elements are only stored (`cKeys[i] = p`), borrowed by C calls
   * (`C.set_options(&cKeys[0], n)`, `C.use(cKeys[i])`) and measured
   * (`len(cKeys)`): nothing frees them, and the slice never leaves the
   * function (returned, passed to Go, ranged over, stored, captured by a
   * closure), so memory stored in it is never released by anyone.
   */
  private isBorrowingSlice(s: Obj, fn: FuncNode): boolean {
    let known = this.borrowingSlices.get(s);
    if (known !== undefined) return known;
    known = this.computeBorrowingSlice(s, fn);
    this.borrowingSlices.set(s, known);
    return known;
  }

  private computeBorrowingSlice(s: Obj, fn: FuncNode): boolean {
    const pkg = this.pkg;
    if (s.kind !== 'var' || s.isParam || s.isResult || s.isField || s.isPackageLevel || s.func !== fn) return false;
    const t = underlying(pkg.typeOfObj(s), pkg.info);
    if (t.kind !== 'slice' && t.kind !== 'array') return false;
    const borrowedByC = (e: ast.Expr, depth = 0): boolean => {
      const top = climb(pkg, e);
      const call = pkg.parentOf(top);
      // `pass = &s[0]`: a local pointer that C calls only read
      if (call?.kind === 'AssignStmt' && depth === 0) return this.onlyReadByC(call, top, fn, (u) => borrowedByC(u, 1));
      if (call?.kind !== 'CallExpr' || call.fun === top) return false;
      const c = pkg.calleeOf(call);
      if (c.kind === 'builtin') return c.name === 'len' || c.name === 'cap';
      return c.kind === 'func' && c.pkg === 'C' && callEffect(pkg, call, call.args.indexOf(top), this.policy).effect === 'use';
    };
    for (const use of this.index(fn).uses.get(s) ?? []) {
      if (this.litWithin(use, fn)) return false;
      const p = pkg.parentOf(use);
      if (p?.kind === 'IndexExpr' && p.x === use) {
        const at = pkg.parentOf(p);
        if (at?.kind === 'AssignStmt' && at.lhs.includes(p) && (at.tok === '=' || at.tok === ':=')) continue;
        if (borrowedByC(use) || borrowedByC(p)) continue;
        return false;
      }
      if (!borrowedByC(use)) return false;
    }
    return true;
  }

  /** `v = value` where `v` is a local of `fn` whose every use other than assignments to it is `read`. */
  private onlyReadByC(assign: ast.AssignStmt, value: ast.Expr, fn: FuncNode, read: (use: ast.Ident) => boolean): boolean {
    const i = assign.rhs.indexOf(value);
    const lhs = i >= 0 && assign.lhs.length === assign.rhs.length ? unparen(assign.lhs[i]!) : undefined;
    const v = lhs?.kind === 'Ident' ? this.pkg.objectOf(lhs) : undefined;
    if (v?.kind !== 'var' || v.isParam || v.isResult || v.isPackageLevel || v.func !== fn) return false;
    return (this.index(fn).uses.get(v) ?? []).every((u) => {
      if (this.litWithin(u, fn)) return false;
      const p = this.pkg.parentOf(u);
      return (p?.kind === 'AssignStmt' && p.lhs.includes(u)) || read(u);
    });
  }

  /** The effect of a use of a variable (an identifier), with where it attaches in the CFG of `fn`. */
  private useEffect(id: ast.Ident, fn: FuncNode, cfg: CFG): { node: ast.Node; effect: Effect } | null {
    const pkg = this.pkg;
    const p = pkg.parentOf(id);
    let base: Omit<Effect, 'how'>;
    if (p?.kind === 'AssignStmt' && p.lhs.includes(id)) base = p.tok === '=' || p.tok === ':=' ? { kind: 'overwrite', at: id } : { kind: 'use', at: id };
    else if (p?.kind === 'RangeStmt' && (p.key === id || p.value === id)) base = { kind: 'overwrite', at: id };
    else base = this.classifyTop(climb(pkg, id), id, fn);
    return this.attach(id, base, fn, cfg);
  }

  /** Attaches an effect found at `n` to the CFG node where it happens, and says how. */
  private attach(n: ast.Node, base: Omit<Effect, 'how'>, fn: FuncNode, cfg: CFG): { node: ast.Node; effect: Effect } | null {
    const pkg = this.pkg;
    const lit = this.litWithin(n, fn);
    if (lit) {
      const node = cfg.locate(lit);
      if (!node) return null;
      const stmt = node.block.nodes[node.index]!;
      const call = pkg.parentOf(lit);
      const runs = call?.kind === 'CallExpr' && call.fun === lit ? pkg.parentOf(call) : null;
      let how: How = 'closure';
      if (runs?.kind === 'DeferStmt') how = 'defer';
      else if (startOfLiteral(pkg, lit) !== null) how = 'go';
      else if (call?.kind === 'CallExpr' && call.fun === lit) how = 'now'; // called on the spot
      return { node: stmt, effect: { ...base, how, ...(how === 'defer' || how === 'go' ? { closure: true } : {}) } };
    }
    const loc = cfg.locate(n);
    if (!loc) return null;
    const stmt = loc.block.nodes[loc.index]!;
    let how: How = 'now';
    if (base.call && (stmt.kind === 'DeferStmt' || stmt.kind === 'GoStmt') && stmt.call === base.call) how = stmt.kind === 'DeferStmt' ? 'defer' : 'go';
    return { node: stmt, effect: { ...base, how } };
  }

  /** The group of variables starting from `start`, with the effects of their uses in `fn`. */
  group(start: readonly Obj[], fn: FuncNode, cfg: CFG): Group {
    const key = `${start.map((o) => `${o.file}:${o.decl?.start ?? o.name}`).join(',')}@${fn.start}`;
    const cached = this.groups.get(key);
    if (cached) return cached;
    const index = this.index(fn);
    const vars = new Set<Obj>(start);
    const work = [...start];
    const effects = new Map<ast.Node, Effect[]>();
    const defs = new Set<ast.Node>();
    let namedResult = false;
    const add = (node: ast.Node, e: Effect) => {
      let l = effects.get(node);
      if (!l) effects.set(node, (l = []));
      l.push(e);
    };
    while (work.length) {
      const v = work.pop()!;
      if (v.isResult) namedResult = true;
      if (v.decl) {
        const loc = this.litWithin(v.decl, fn) ? cfg.locate(this.litWithin(v.decl, fn)!) : cfg.locate(v.decl);
        if (loc && !v.isParam) defs.add(loc.block.nodes[loc.index]!);
      }
      for (const id of index.uses.get(v) ?? []) {
        const r = this.useEffect(id, fn, cfg);
        if (!r) continue;
        add(r.node, r.effect);
        const to = r.effect.to;
        if (r.effect.kind === 'copy' && to && !vars.has(to)) {
          vars.add(to);
          work.push(to);
        }
      }
    }
    const g: Group = { vars, effects, defs, namedResult };
    this.groups.set(key, g);
    return g;
  }

  /** Follows an allocation: its site, function, CFG node and where the memory goes. */
  track(call: ast.CallExpr): Tracked | null {
    if (this.tracked.has(call)) return this.tracked.get(call)!;
    const t = this.computeTrack(call);
    this.tracked.set(call, t);
    return t;
  }

  private computeTrack(call: ast.CallExpr): Tracked | null {
    const pkg = this.pkg;
    const site = allocSiteOf(pkg, call, this.policy);
    if (!site) return null;
    const fn = pkg.enclosingFunc(call);
    if (!fn) return null;
    const cfg = pkg.cfgOf(fn);
    if (!cfg) return null;
    const loc = cfg.locate(call);
    if (!loc) return null;
    const stmt = loc.block.nodes[loc.index]!;
    const top = climb(pkg, call);
    const parent = pkg.parentOf(top);
    // p, err := newBuf(n): a multi-value allocation by a module function
    if (parent?.kind === 'AssignStmt' && parent.rhs.length === 1 && parent.lhs.length === 2 && parent.rhs[0] === top && (parent.tok === ':=' || parent.tok === '=')) {
      const lhs = unparen(parent.lhs[0]!);
      const errId = unparen(parent.lhs[1]!);
      const errVar = errId.kind === 'Ident' ? pkg.objectOf(errId) : undefined;
      const base = this.storeInto(lhs, call, fn);
      if (base.kind === 'copy' && base.to) return { site, fn, cfg, stmt, origin: { kind: 'var', group: this.group([base.to], fn, cfg) }, ...(errVar && { errVar }) };
      return { site, fn, cfg, stmt, origin: { kind: 'elsewhere' } };
    }
    const base = this.classifyTop(top, call, fn);
    const r = this.attach(call, base, fn, cfg);
    const e = r?.effect;
    if (!e) return { site, fn, cfg, stmt, origin: { kind: 'elsewhere' } };
    if (e.kind === 'copy' && e.to) return { site, fn, cfg, stmt, origin: { kind: 'var', group: this.group([e.to], fn, cfg) } };
    const blank = parent?.kind === 'AssignStmt' && parent.lhs.length === 1 && unparen(parent.lhs[0]!).kind === 'Ident' && (unparen(parent.lhs[0]!) as ast.Ident).name === '_';
    if (e.kind === 'discard' || (blank && e.kind === 'use')) return { site, fn, cfg, stmt, origin: { kind: 'discarded' } };
    if (e.kind === 'use' && e.call && (e.how === 'now' || e.how === 'defer')) return { site, fn, cfg, stmt, origin: { kind: 'borrowed', call: e.call } };
    const slice = e.kind === 'use' ? storedElementOf(pkg, top) : undefined;
    if (slice) return { site, fn, cfg, stmt, origin: { kind: 'element', slice } };
    return { site, fn, cfg, stmt, origin: { kind: 'elsewhere' } };
  }
}

const analysesByPolicy = perPackage(() => new Map<string, CgoAnalysis>(), { byProgram: true });

/**
 * The shared analysis of a package under a policy. It depends on the
 * program's facts: a package checked in phase 1 and reused in phase 2 (with
 * the module's facts) gets a fresh analysis.
 */
export function analysisOf(pkg: PackageInfo, policy: CgoPolicy): CgoAnalysis {
  const m = analysesByPolicy(pkg);
  let a = m.get(policy.key);
  if (!a) m.set(policy.key, (a = new CgoAnalysis(pkg, policy)));
  return a;
}

// ---------------------------------------------------------------------------
// Path predicates over a group

/** Effects of a group at a CFG node. */
export function effectsAt(g: Group, n: ast.Node): readonly Effect[] {
  return g.effects.get(n) ?? [];
}

/** Releases the memory at this node (now) or registers a deferred release (DeferStmt). */
export function releases(g: Group, n: ast.Node, allocStmt: ast.Node): boolean {
  for (const e of effectsAt(g, n)) {
    if (e.how === 'now' && e.kind === 'free') return true;
    if (e.how === 'defer' && (e.kind === 'free' || e.kind === 'keep')) {
      // a direct deferred call evaluates its arguments when the defer runs: it must come after the allocation
      if (e.closure || n.start >= allocStmt.end) return true;
    }
  }
  return false;
}

/** Ownership moves or the pointer escapes at this node: no obligation left. */
export function movesAway(g: Group, n: ast.Node): boolean {
  for (const e of effectsAt(g, n)) {
    if (e.how === 'now' && (e.kind === 'keep' || e.kind === 'unknown')) return true;
    if ((e.how === 'go' || e.how === 'closure') && (e.kind === 'keep' || e.kind === 'unknown' || e.kind === 'free')) return true;
    if (e.how === 'defer' && e.kind === 'unknown') return true;
  }
  if (g.namedResult && n.kind === 'ReturnStmt' && n.results.length === 0) return true;
  return false;
}

/** The only variable of the group is assigned another value here. */
export function overwrites(g: Group, n: ast.Node): boolean {
  if (g.vars.size !== 1) return false;
  return effectsAt(g, n).some((e) => e.how === 'now' && e.kind === 'overwrite');
}

/** An edge that leaves a `p == nil` check on its nil side (nothing to free there), or `err != nil` on its error side. */
export function nilBranch(g: Group, errVar: Obj | undefined, pkg: PackageInfo, guards: ReadonlyMap<string, boolean> = new Map()): (from: Block, to: Block) => boolean {
  return (from, to) => {
    if (from.succs.length !== 2) return false;
    const last = from.nodes[from.nodes.length - 1];
    if (!last) return false;
    // the condition that guarded the allocation, tested again: its outcome is known
    if (guards.size > 0 && isExpr(last)) {
      const a = atomOf(pkg, last);
      const known = a && guards.get(a.text);
      if (a && known !== undefined && known !== null) return to === from.succs[(known === a.positive) ? 1 : 0];
    }
    for (const e of effectsAt(g, last)) {
      if (e.kind !== 'cmp' || !e.nilOp || e.how !== 'now') continue;
      // the comparison must be the branch condition itself
      const cmp = pkg.parentOf(climb(pkg, e.at));
      if (cmp !== last) continue;
      return to === from.succs[e.nilOp === '==' ? 0 : 1];
    }
    if (errVar && last.kind === 'BinaryExpr' && (last.op === '!=' || last.op === '==')) {
      const x = unparen(last.x), y = unparen(last.y);
      const isErr = (z: ast.Expr) => z.kind === 'Ident' && pkg.objectOf(z) === errVar;
      if ((isErr(x) && isNilIdent(pkg, y)) || (isErr(y) && isNilIdent(pkg, x))) return to === from.succs[last.op === '!=' ? 0 : 1];
    }
    return false;
  };
}

/**
 * For `q := C.realloc(p, n)`: the edge into the branch where `q` is nil
 * (`if q == nil {`, the else of `if q != nil {`). A failed realloc leaves
 * `p` allocated and untouched, so `p` is freed only on the other side.
 */
export function reallocFailedBranch(pkg: PackageInfo, free: ast.CallExpr): ((from: Block, to: Block) => boolean) | undefined {
  if (cCallName(pkg, free) !== 'realloc') return undefined;
  const top = climb(pkg, free);
  const assign = pkg.parentOf(top);
  let target: ast.Expr | undefined;
  if (assign?.kind === 'AssignStmt' && assign.lhs.length === assign.rhs.length) target = assign.lhs[assign.rhs.indexOf(top as ast.Expr)];
  else if (assign?.kind === 'ValueSpec' && assign.names.length === assign.values.length) target = assign.names[assign.values.indexOf(top as ast.Expr)];
  const q = target?.kind === 'Ident' ? pkg.objectOf(target) : undefined;
  if (!q) return undefined;
  const isQ = (z: ast.Expr) => z.kind === 'Ident' && pkg.objectOf(z) === q;
  return (from, to) => {
    const last = from.succs.length === 2 ? from.nodes[from.nodes.length - 1] : undefined;
    if (last?.kind !== 'BinaryExpr' || (last.op !== '==' && last.op !== '!=')) return false;
    const x = unparen(last.x), y = unparen(last.y);
    if (!((isQ(x) && isNilIdent(pkg, y)) || (isQ(y) && isNilIdent(pkg, x)))) return false;
    return to === from.succs[last.op === '==' ? 0 : 1];
  };
}

function isExpr(n: ast.Node): n is ast.Expr {
  return !n.kind.endsWith('Stmt');
}

/** A condition without its negations: normalised source text and polarity. */
function atomOf(pkg: PackageInfo, e: ast.Expr): { text: string; positive: boolean; expr: ast.Expr } | null {
  let x = unparen(e);
  let positive = true;
  while (x.kind === 'UnaryExpr' && x.op === '!') { positive = !positive; x = unparen(x.x); }
  const file = pkg.fileOf(x);
  if (!file) return null;
  return { text: file.source.slice(x.start, x.end).replace(/\s+/g, ''), positive, expr: x };
}

/**
 * The conditions known to hold right after the allocating statement,
 * because the statement is inside their `if` (or `else`): atoms of `&&`
 * (`||` in an else) with their value. Only side-effect-free conditions over
 * variables that keep their value (never assigned after their declaration,
 * declared outside every loop around the allocation) count.
 */
export function guardsOf(pkg: PackageInfo, stmt: ast.Node, fn: FuncNode): Map<string, boolean> {
  const out = new Map<string, boolean>();
  let decl: ast.Node | null = fn;
  while (decl && decl.kind !== 'FuncDecl') decl = pkg.enclosingFunc(decl);
  const body = decl?.kind === 'FuncDecl' ? pkg.res.bodies.get(decl) : undefined;
  if (!body) return out;
  const loops = loopsAround(pkg, stmt, fn);
  const stable = (e: ast.Expr): boolean => {
    let ok = true;
    walk(e, {
      enter: (n) => {
        if (!ok) return false;
        switch (n.kind) {
          case 'Ident': {
            const o = pkg.objectOf(n);
            if (o?.kind === 'var' && (body.assigned.has(o) || body.rederived.has(o) || body.addressed.has(o) || (o.decl && loops.some((l) => within(o.decl!, l))))) ok = false;
            return undefined;
          }
          case 'BasicLit': case 'SelectorExpr': case 'BinaryExpr': case 'ParenExpr': return undefined;
          case 'UnaryExpr': if (n.op === '<-' || n.op === '&') ok = false; return undefined;
          case 'CallExpr': { const c = pkg.calleeOf(n); if (!(c.kind === 'builtin' && c.name === 'len')) ok = false; return undefined; }
          default: ok = false; return false;
        }
      },
    });
    return ok;
  };
  const add = (cond: ast.Expr, value: boolean): void => {
    const x = unparen(cond);
    if (x.kind === 'BinaryExpr' && ((value && x.op === '&&') || (!value && x.op === '||'))) { add(x.x, value); add(x.y, value); return; }
    const a = atomOf(pkg, x);
    if (a && stable(a.expr)) out.set(a.text, a.positive === value);
  };
  for (let x: ast.Node = stmt, p = pkg.parentOf(x); p && x !== fn; x = p, p = pkg.parentOf(p)) {
    if (p.kind === 'IfStmt' && x === p.body) add(p.cond, true);
    else if (p.kind === 'IfStmt' && x === p.else) add(p.cond, false);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Facts

/** Parameters that are C pointers (or could be). */
function pointerParams(pkg: PackageInfo, params: ReadonlyMap<Obj, number>): Obj[] {
  const out: Obj[] = [];
  for (const [o, i] of params) if (i >= 0 && isPointerLike(pkg, pkg.typeOfObj(o))) out.push(o);
  return out;
}

const DEFAULT_POLICY = policyOf(undefined);

/** "Frees its parameter": passes it to C.free, a preamble function that frees it, or a function with this fact. */
export const freesFact: ParamFactKind = {
  id: FREES_FACT,
  level: 'param',
  seed(call, i, info) {
    const n = cCallName(info, call);
    if (n === undefined) return false;
    if (n === 'free') return i === 0;
    return info.cgoDecls().funcs.get(n)?.frees.includes(i) ?? false;
  },
};

/** "Keeps its parameter": stores it, returns it, sends it, hands it to a goroutine or to code we cannot see. */
export const keepsFact: ParamFactKind = {
  id: KEEPS_FACT,
  level: 'param',
  seedParams(fn, info, params) {
    if (!isCgoPackage(info)) return [];
    const candidates = pointerParams(info, params);
    if (candidates.length === 0 || !fn.body) return [];
    const a = analysisOf(info, DEFAULT_POLICY);
    const cfg = info.cfgOf(fn);
    if (!cfg) return [];
    const out: number[] = [];
    const through = passedThroughParams(fn, info, candidates);
    for (const o of candidates) {
      const g = a.group([o], fn, cfg);
      let kept = false;
      for (const [node, effects] of g.effects) {
        if (node.kind === 'ReturnStmt' && through.has(o)) continue; // passed through: cgo-returns
        if (movesAway(g, node) || effects.some((e) => e.how === 'defer' && e.kind === 'keep')) { kept = true; break; }
      }
      if (kept) out.push(params.get(o)!);
    }
    return out;
  },
};

/** "Returns its parameter": the result is the same memory (a converting wrapper); callers follow the result as the argument. */
export const returnsFact: ParamFactKind = {
  id: RETURNS_FACT,
  level: 'param',
  seedParams(fn, info, params) {
    if (!isCgoPackage(info)) return [];
    return [...passedThroughParams(fn, info, pointerParams(info, params))].map((o) => params.get(o)!);
  },
};

/** The parameters among `candidates` that every return statement of `fn` (a single result) returns, as the same memory. */
function passedThroughParams(fn: ast.FuncDecl, pkg: PackageInfo, candidates: readonly Obj[]): Set<Obj> {
  if (candidates.length === 0 || !fn.body || fn.type.results?.list.length !== 1 || fn.type.results.list[0]!.names.length > 1) return new Set();
  const results: ast.Expr[] = [];
  let bare = false;
  walk(fn.body, {
    enter: (n) => {
      if (n.kind === 'FuncLit') return false;
      if (n.kind === 'ReturnStmt') {
        if (n.results.length === 1) results.push(n.results[0]!);
        else bare = true;
      }
      return undefined;
    },
  });
  if (bare || results.length === 0) return new Set();
  return new Set(candidates.filter((o) => results.every((r) => { const x = unwrapPointer(pkg, r); return x.kind === 'Ident' && pkg.objectOf(x) === o; })));
}

/** "Returns newly allocated C memory" (as its first result) that the caller must free. */
export const returnsAllocFact: FuncFactKind = {
  id: RETURNS_ALLOC_FACT,
  level: 'func',
  propagate: 'none',
  seedFunc(fn, info) {
    const results = fn.type.results?.list ?? [];
    if (results.length === 0 || !fn.body || !isCgoPackage(info)) return false;
    const first = results[0]!;
    if (!first.type || !isPointerLike(info, info.typeOf(first.type))) return false;
    const a = analysisOf(info, DEFAULT_POLICY);
    const cfg = info.cfgOf(fn);
    if (!cfg) return false;
    let fresh = false;
    let ok = true;
    walk(fn.body, {
      enter: (n) => {
        if (!ok || n.kind === 'FuncLit') return false;
        if (n.kind !== 'ReturnStmt') return undefined;
        const r = n.results[0];
        if (!r) { ok = false; return false; }
        if (isNilIdent(info, r)) return false;
        let x = unparen(r);
        while (x.kind === 'CallExpr' && isConversion(info, x)) x = unparen(x.args[0]!);
        if (x.kind === 'CallExpr' && allocSiteOf(info, x, DEFAULT_POLICY)) { fresh = true; return false; }
        if (x.kind === 'Ident') {
          const o = info.objectOf(x);
          const src = o ? allocatingCallOf(info, o) : undefined;
          const t = src ? a.track(src) : null;
          if (t?.origin.kind === 'var') {
            // the memory must not also be kept elsewhere
            const elsewhere = [...t.origin.group.effects.values()].some((l) => l.some((e) => e.kind === 'keep' && e.why !== 'is returned' || e.kind === 'unknown'));
            if (!elsewhere) { fresh = true; return false; }
          }
        }
        ok = false;
        return false;
      },
    });
    return ok && fresh;
  },
};

/** The allocation call a local variable is initialized with (`p := C.malloc(n)`), if any. */
function allocatingCallOf(pkg: PackageInfo, o: Obj): ast.CallExpr | undefined {
  const n = o.node;
  let rhs: ast.Expr | undefined;
  if (n?.kind === 'AssignStmt' && n.lhs.length === n.rhs.length) rhs = n.rhs[n.lhs.findIndex((l) => l === o.decl)];
  else if (n?.kind === 'ValueSpec' && n.values.length === n.names.length) rhs = n.values[n.names.findIndex((l) => l === o.decl)];
  if (!rhs) return undefined;
  let x = unparen(rhs);
  while (x.kind === 'CallExpr' && isConversion(pkg, x)) x = unparen(x.args[0]!);
  return x.kind === 'CallExpr' && allocSiteOf(pkg, x, DEFAULT_POLICY) ? x : undefined;
}

export const CGO_FACTS = [freesFact, keepsFact, returnsFact, returnsAllocFact];

/** What every cgo rule shares: it runs only on files importing "C", and needs the lifetime facts. */
export const CGO_RULE_BASE = { prefilter: { imports: ['C'] }, facts: CGO_FACTS };

/** The lifetime analysis of a package under a cgo rule's options. */
export function cgoAnalysis(ctx: { readonly pkg: PackageInfo; readonly options: CgoOptions | undefined }): CgoAnalysis {
  return analysisOf(ctx.pkg, policyOf(ctx.options));
}

// ---------------------------------------------------------------------------
// Leaks

export interface Leak {
  /** The return, the last statement, the panic, or the overwriting statement. */
  readonly node: ast.Node;
  /**
   * `loop`: the allocation runs again while the variable still holds the
   * previous memory; `after-loop`: the same, when the variable is declared
   * outside the loop and only freed after it (cgo/loop-allocation's case).
   */
  readonly kind: 'return' | 'end' | 'panic' | 'overwrite' | 'loop' | 'after-loop' | 'branch';
}

/** The statement a `break` or `continue` leaves (its loop, switch or select), or null. */
function branchTarget(pkg: PackageInfo, b: ast.BranchStmt): ast.Node | null {
  if (b.tok !== 'break' && b.tok !== 'continue') return null;
  for (let x = pkg.parentOf(b); x; x = pkg.parentOf(x)) {
    if (x.kind === 'FuncLit' || x.kind === 'FuncDecl') return null;
    if (b.label) {
      if (x.kind === 'LabeledStmt' && x.label.name === b.label.name) return x.stmt;
      continue;
    }
    if (x.kind === 'ForStmt' || x.kind === 'RangeStmt') return x;
    if (b.tok === 'break' && (x.kind === 'SwitchStmt' || x.kind === 'TypeSwitchStmt' || x.kind === 'SelectStmt')) return x;
  }
  return null;
}

export interface LeakResult {
  readonly leaks: readonly Leak[];
  /** The group is released (freed now or by a deferred call) somewhere in the function. */
  readonly released: boolean;
  /** Ownership moves away somewhere in the function. */
  readonly moves: boolean;
}

const NO_LEAKS: LeakResult = { leaks: [], released: true, moves: false };

/** Is this statement a call of the builtin panic? */
function isPanicStmt(pkg: PackageInfo, n: ast.Node): boolean {
  if (n.kind !== 'ExprStmt') return false;
  const x = unparen(n.x);
  if (x.kind !== 'CallExpr') return false;
  const c = pkg.calleeOf(x);
  return c.kind === 'builtin' && c.name === 'panic';
}

function within(n: ast.Node, outer: ast.Node): boolean {
  return n.start >= outer.start && n.end <= outer.end;
}

/** Paths on which a tracked allocation held in variables is neither freed nor handed over. */
export function leaksOf(pkg: PackageInfo, t: Tracked): LeakResult {
  if (t.origin.kind !== 'var') return NO_LEAKS;
  const g = t.origin.group;
  const { cfg, stmt } = t;
  // effects at the allocating statement itself, outside the allocation (a goroutine literal it is passed to)
  for (const e of effectsAt(g, stmt)) {
    if (within(e.at, t.site.call)) continue;
    if (e.kind === 'free' || e.kind === 'keep' || e.kind === 'unknown') return NO_LEAKS;
  }
  let released = false;
  let moves = g.namedResult;
  for (const node of g.effects.keys()) {
    if (node === stmt) continue;
    if (releases(g, node, stmt)) released = true;
    if (movesAway(g, node)) moves = true;
  }
  const isDeferredRelease = (d: ast.Node) => d.kind === 'DeferStmt' && releases(g, d, stmt);
  const overwriteAt = (n: ast.Node) => overwrites(g, n) || (g.vars.size === 1 && g.defs.has(n) && n === stmt);
  // a break or continue that leaves the scope of every variable of the group
  const leavesScope = (n: ast.Node): boolean => {
    if (n.kind !== 'BranchStmt') return false;
    const target = branchTarget(pkg, n);
    if (!target) return false;
    for (const v of g.vars) if (!v.decl || !within(v.decl, target) || v.isParam) return false;
    return true;
  };
  const event = (n: ast.Node) => releases(g, n, stmt);
  const base = { kill: (n: ast.Node) => movesAway(g, n), exits: 'all' as const, prune: nilBranch(g, t.errVar, pkg, guardsOf(pkg, stmt, t.fn)) };
  // a break, continue or goto after which the memory leaks: the witness is the jump (not the exit it leads to)
  const jumps = new Map<ast.Node, boolean>();
  const leakingJump = (n: ast.Node): boolean => {
    if (n.kind !== 'BranchStmt' || n.tok === 'fallthrough') return false;
    let r = jumps.get(n);
    if (r === undefined) {
      const w = pathsAvoiding(cfg, n, event, { ...base, before: (m) => overwriteAt(m) || leavesScope(m) }) ?? [];
      r = w.some((x) => x.reason !== 'panic' || isPanicStmt(pkg, x.node));
      jumps.set(n, r);
    }
    return r;
  };
  const witnesses = pathsAvoiding(cfg, stmt, event, { ...base, before: (n) => overwriteAt(n) || leavesScope(n) || leakingJump(n) }) ?? [];
  const leaks: Leak[] = [];
  for (const w of witnesses) {
    if (w.reason === 'panic') {
      if (isPanicStmt(pkg, w.node)) leaks.push({ node: w.node, kind: 'panic' });
      continue;
    }
    if (w.reason === 'before') {
      // a deferred release registered before the overwrite frees the earlier value (loop-allocation's concern)
      if ((cfg.defersAt(w.node)?.may ?? []).some(isDeferredRelease)) continue;
      if (w.node.kind === 'BranchStmt') leaks.push({ node: w.node, kind: 'branch' });
      else leaks.push({ node: w.node, kind: w.node === stmt ? (freedOnlyAfterLoop(pkg, t) ? 'after-loop' : 'loop') : 'overwrite' });
      continue;
    }
    leaks.push({ node: w.node, kind: w.node.kind === 'ReturnStmt' ? 'return' : 'end' });
  }
  return { leaks, released, moves };
}

/** The variable is declared outside the innermost loop around the allocation, and every immediate free is outside that loop. */
function freedOnlyAfterLoop(pkg: PackageInfo, t: Tracked): boolean {
  if (t.origin.kind !== 'var') return false;
  const loop = loopsAround(pkg, t.stmt, t.fn)[0];
  if (!loop) return false;
  const g = t.origin.group;
  const inLoop = (n: ast.Node) => within(n, loop.body);
  for (const d of g.defs) if (inLoop(d)) return false;
  let frees = 0;
  for (const [node, effects] of g.effects) {
    if (!effects.some((e) => e.kind === 'free' && e.how === 'now')) continue;
    if (inLoop(node)) return false;
    frees++;
  }
  return frees > 0;
}

/** The loop statements of `fn` that contain `n` (innermost first), not crossing function literals. */
export function loopsAround(pkg: PackageInfo, n: ast.Node, fn: FuncNode): (ast.ForStmt | ast.RangeStmt)[] {
  const out: (ast.ForStmt | ast.RangeStmt)[] = [];
  for (let x = pkg.parentOf(n); x && x !== fn; x = pkg.parentOf(x)) {
    if (x.kind === 'FuncLit') return [];
    if ((x.kind === 'ForStmt' || x.kind === 'RangeStmt') && within(n, x.body)) out.push(x);
  }
  return out;
}

/** How to free the variable of a tracked allocation, as Go source: `C.free(unsafe.Pointer(cs))`, `C.free(p)`, `C.widget_free(w)`. */
export function freeCallText(pkg: PackageInfo, t: Tracked): string {
  const name = varName(t);
  if (t.site.free !== 'C.free' || t.origin.kind !== 'var') return `${t.site.free}(${name})`;
  const o = t.origin.group.vars.values().next().value!;
  const ty = pkg.typeOfObj(o);
  return ty.kind === 'basic' && ty.name === 'unsafe.Pointer' ? `C.free(${name})` : `C.free(unsafe.Pointer(${name}))`;
}

/** A readable name of the variable holding a tracked allocation. */
export function varName(t: Tracked): string {
  if (t.origin.kind !== 'var') return '';
  const first = t.origin.group.vars.values().next().value;
  return first?.name ?? '';
}

// ---------------------------------------------------------------------------
// Frees, roots and synchronisation (double free, use after free, goroutines)

/** Strips parentheses, conversions and unsafe aliasing calls, `&x[0]`: the expression a pointer argument is made from. */
export function unwrapPointer(pkg: PackageInfo, e: ast.Expr): ast.Expr {
  let x = unparen(e);
  for (let i = 0; i < 16; i++) {
    if (x.kind === 'CallExpr' && x.args.length >= 1 && (isConversion(pkg, x) || isUnsafeAlias(pkg, x))) { x = unparen(x.args[0]!); continue; }
    if (x.kind === 'CallExpr') {
      const k = passedThrough(pkg, x);
      if (k !== undefined) { x = unparen(x.args[k]!); continue; }
    }
    if (x.kind === 'UnaryExpr' && x.op === '&') {
      const y = unparen(x.x);
      if (y.kind === 'IndexExpr' && pkg.constValue(y.index)?.value === 0n) { x = unparen(y.x); continue; }
    }
    if (x.kind === 'SliceExpr') { x = unparen(x.x); continue; }
    break;
  }
  return x;
}

/** A local variable (not a field, not package-level) denoted by an identifier. */
function localVar(pkg: PackageInfo, e: ast.Expr): Obj | undefined {
  if (e.kind !== 'Ident') return undefined;
  const o = pkg.objectOf(e);
  return o && o.kind === 'var' && !o.isField && !o.isPackageLevel ? o : undefined;
}

/** The variable a variable was copied from (`q := p`, `q := unsafe.Pointer(p)`), transitively. */
export function rootVar(pkg: PackageInfo, o: Obj): Obj {
  const seen = new Set<Obj>([o]);
  let cur = o;
  for (;;) {
    const n = cur.node;
    let rhs: ast.Expr | undefined;
    if (n?.kind === 'AssignStmt' && n.tok === ':=' && n.lhs.length === n.rhs.length) rhs = n.rhs[n.lhs.indexOf(cur.decl!)];
    else if (n?.kind === 'ValueSpec' && n.values.length === n.names.length) rhs = n.values[n.names.indexOf(cur.decl!)];
    if (!rhs) return cur;
    const src = localVar(pkg, unwrapPointer(pkg, rhs));
    if (!src || seen.has(src)) return cur;
    seen.add(src);
    cur = src;
  }
}

/** For a call that certainly frees one of its arguments: the local variable freed and the argument. */
export function freedVar(pkg: PackageInfo, call: ast.CallExpr, policy: CgoPolicy): { obj: Obj; arg: ast.Expr } | null {
  const n = cCallName(pkg, call);
  // cheap filter: C calls, and module functions with the frees fact
  if (n === undefined) {
    const c = pkg.calleeOf(call);
    const key = pkg.calleeKey(c);
    if (!key || !pkg.program.facts.param[key]?.[FREES_FACT]) return null;
  }
  for (let i = 0; i < call.args.length; i++) {
    if (callEffect(pkg, call, i, policy).effect !== 'free') continue;
    const arg = call.args[i]!;
    const o = localVar(pkg, unwrapPointer(pkg, arg));
    if (o) return { obj: o, arg };
  }
  return null;
}

/** The address of a variable of the group is taken: it may change behind our back. */
export function addressTaken(pkg: PackageInfo, g: Group): boolean {
  for (const effects of g.effects.values()) {
    for (const e of effects) if (e.kind === 'unknown' && pkg.parentOf(e.at)?.kind === 'UnaryExpr') return true;
  }
  return false;
}

/** Does the CFG node wait for other goroutines: `x.Wait()`, a channel receive, a range over a channel? */
export function waits(pkg: PackageInfo, n: ast.Node): boolean {
  let found = false;
  walk(n, {
    enter: (x) => {
      if (found || x.kind === 'FuncLit') return false;
      if (x.kind === 'UnaryExpr' && x.op === '<-') found = true;
      else if (x.kind === 'CallExpr') {
        const f = unparen(x.fun);
        if (f.kind === 'SelectorExpr' && f.sel.name === 'Wait') found = true;
      }
      return undefined;
    },
  });
  if (found) return true;
  // `for range ch`: the range operand is the CFG node
  const p = pkg.parentOf(n);
  if (p?.kind === 'RangeStmt' && p.x === n) return underlying(pkg.typeOf(n as ast.Expr), pkg.info).kind === 'chan';
  return false;
}

export interface FreedGroup {
  readonly root: Obj;
  readonly group: Group;
  readonly fn: FuncNode;
  readonly cfg: CFG;
}

/** The group a certain free call releases (its variable's root and the root's copies), or null. */
export function groupOfFree(a: CgoAnalysis, call: ast.CallExpr): FreedGroup | null {
  const pkg = a.pkg;
  const f = freedVar(pkg, call, a.policy);
  if (!f) return null;
  const fn = pkg.enclosingFunc(call);
  const cfg = fn && pkg.cfgOf(fn);
  if (!fn || !cfg) return null;
  const root = rootVar(pkg, f.obj);
  return { root, group: a.group([root], fn, cfg), fn, cfg };
}

/** The variable is overwritten at this node (`p = C.realloc(p, n)` frees the old value and holds a new one). */
export function overwrittenAt(g: Group, n: ast.Node): boolean {
  return effectsAt(g, n).some((e) => e.kind === 'overwrite' && e.how === 'now');
}

/** Frees the group now (not deferred, not a realloc). */
export function freesNow(g: Group, n: ast.Node): boolean {
  return !overwrittenAt(g, n) && effectsAt(g, n).some((e) => e.kind === 'free' && e.how === 'now');
}

/** A use of the memory (not a free, a nil comparison or a copy) at the node, by code that runs now, in a goroutine, or through a deferred call's arguments. */
export function memoryUseAt(g: Group, n: ast.Node): Effect | undefined {
  return effectsAt(g, n).find((e) => (e.kind === 'use' || e.kind === 'keep' || e.kind === 'unknown' || e.kind === 'discard') && e.how !== 'closure');
}

// ---------------------------------------------------------------------------
// Package-wide: where fields are freed, which methods are called

export interface PackageFrees {
  /** `Type.field` → calls that release that field of a value of the type (certain frees and deallocator-like calls). */
  readonly fieldFrees: ReadonlyMap<string, readonly ast.CallExpr[]>;
  /** Keys of the functions and methods called somewhere in the package. */
  readonly called: ReadonlySet<string>;
}

const packageFrees = new WeakMap<CgoAnalysis, PackageFrees>();

/** The type name and field of `x.f` when x is a value or pointer of a named type of the package. */
export function fieldKey(pkg: PackageInfo, e: ast.Expr): string | undefined {
  const x = unparen(e);
  if (x.kind !== 'SelectorExpr') return undefined;
  const o = pkg.objectOf(x.sel);
  if (!o?.isField) return undefined;
  const t = deref(pkg.typeOf(x.x));
  return t.kind === 'named' ? `${t.name}.${x.sel.name}` : undefined;
}

export function frees(a: CgoAnalysis): PackageFrees {
  let f = packageFrees.get(a);
  if (f) return f;
  const pkg = a.pkg;
  const fieldFrees = new Map<string, ast.CallExpr[]>();
  const called = new Set<string>();
  for (const body of pkg.res.bodies.values()) {
    for (const call of body.calls) {
      const key = pkg.calleeKey(pkg.calleeOf(call));
      if (key) called.add(key);
      for (let i = 0; i < call.args.length; i++) {
        const e = callEffect(pkg, call, i, a.policy).effect;
        if (e !== 'free' && e !== 'keep') continue;
        const k = fieldKey(pkg, unwrapPointer(pkg, call.args[i]!));
        if (!k) continue;
        let l = fieldFrees.get(k);
        if (!l) fieldFrees.set(k, (l = []));
        l.push(call);
      }
    }
  }
  f = { fieldFrees, called };
  packageFrees.set(a, f);
  return f;
}
