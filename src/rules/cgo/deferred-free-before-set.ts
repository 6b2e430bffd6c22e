import type * as ast from '../../syntax/ast.js';
import type { DeferStmt } from '../../syntax/ast.js';
import { usesOf } from '../../semantics/flow.js';
import type { PackageInfo } from '../../semantics/package.js';
import type { Obj } from '../../semantics/scope.js';
import { defineRule } from '../../engine/rule.js';
import { cCallName, CGO_RULE_BASE, cgoAnalysis, freedVar } from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/deferred-free-before-set',
    title: 'Defer the free of C memory after the pointer is set',
    severity: 'high',
    precision: 'high',
    cwe: [401],
    tags: ['cgo', 'memory', 'leak'],
    since: '0.1.0',
    messages: {
      nilAtDefer: '`{name}` is nil when this defer runs, and a deferred call evaluates its arguments at once: it frees nil when the function returns, and the memory that the call below stores in `{name}` (see the related location) is never freed. Defer the free after that call, or defer a closure that reads `{name}` at return: `defer func() { C.free(unsafe.Pointer({name})) }()`.',
    },
    docs: {
      finds: 'A `defer` of a free (`C.free`, a policy deallocator, a preamble or module function that frees its argument) of a local pointer that is declared without a value (`var paths **C.char`), not touched between its declaration and the defer, and filled afterwards through its address by a C function of the package (`C.list(&paths, &n)`, declared in the preamble, a header of the package directory or its C sources, with that parameter a non-`const` pointer to a pointer): the C out-parameter pattern.',
      why: 'The arguments of a deferred call are evaluated when the `defer` statement runs, not when the function returns. The deferred free receives the nil the pointer held then, frees nothing, and the memory C stores in the pointer later leaks on every call. The code reads as if the memory were freed, so reviews and tests miss it.',
      fix: 'Move the `defer` below the call that fills the pointer (after its error check, if a failed call leaves the pointer unset), or defer a function literal, which reads the variable when the function returns: `defer func() { C.free(unsafe.Pointer(paths)) }()`.',
      bad: `package keychain

/*
#include <stdlib.h>
int list(char ***paths, unsigned *n);
*/
import "C"

import "unsafe"

func Count() int {
	var paths **C.char
	defer C.free(unsafe.Pointer(paths))
	var n C.uint
	C.list(&paths, &n)
	return int(n)
}
`,
      good: `package keychain

/*
#include <stdlib.h>
int list(char ***paths, unsigned *n);
*/
import "C"

import "unsafe"

func Count() int {
	var paths **C.char
	var n C.uint
	C.list(&paths, &n)
	defer C.free(unsafe.Pointer(paths))
	return int(n)
}
`,
      limits: 'Only a declaration and a defer in the same block are compared, with nothing between them that mentions the pointer. A pointer assigned an allocation after the defer (`cs = C.CString(s)`) is cgo/unfreed-memory\'s finding, at the allocation. Only C functions whose declaration Redline reads are judged: functions of system headers (`#include <git2.h>`) are not, and a `const` out-parameter (`const char **out`) is taken as memory the callee keeps. Whether the function really stores memory the caller must free is not checked further.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const { pkg } = ctx;
    const a = cgoAnalysis(ctx);
    return {
      DeferStmt(d: DeferStmt) {
        if (d.call.kind !== 'CallExpr') return;
        const freed = freedVar(pkg, d.call, a.policy);
        if (!freed) return;
        const setter = filledAfter(pkg, d, freed.obj);
        if (!setter) return;
        const name = freed.obj.name;
        ctx.report({ range: d.call, messageId: 'nilAtDefer', data: { name }, related: [{ range: setter, message: `this call stores into \`${name}\` through its address, after the defer` }] });
      },
    };
  },
});

/**
 * Whether argument `i` of the call is an out-parameter through which a C
 * function of the package's own C code (preamble, headers, sources) hands
 * over memory: declared as a pointer to a pointer and not `const`
 * (`const char **out` points into memory the callee keeps owning, as
 * libgit2's `git_branch_name` does).
 */
function storesOwnedMemory(pkg: PackageInfo, call: ast.CallExpr, i: number): boolean {
  const name = i >= 0 ? cCallName(pkg, call) : undefined;
  const param = name === undefined ? undefined : pkg.cgoDecls().funcs.get(name)?.params[i];
  return param !== undefined && param.type.ptr >= 2 && !param.isConst;
}

/**
 * The call that fills `o` through its address after the defer `d`, when
 * `o` is declared without a value earlier in the same block and nothing
 * between the declaration and `d` mentions it.
 */
function filledAfter(pkg: PackageInfo, d: DeferStmt, o: Obj): ast.CallExpr | undefined {
  const spec = o.node;
  if (o.kind !== 'var' || o.isParam || spec?.kind !== 'ValueSpec' || spec.values.length > 0) return undefined;
  const declStmt = pkg.parentOf(pkg.parentOf(spec) ?? spec);
  const block = pkg.parentOf(d);
  if (declStmt?.kind !== 'DeclStmt' || block?.kind !== 'BlockStmt' || pkg.parentOf(declStmt) !== block) return undefined;
  const from = block.list.indexOf(declStmt);
  const at = block.list.indexOf(d);
  if (from < 0 || at <= from) return undefined;
  for (let i = from + 1; i < at; i++) if (usesOf(pkg, block.list[i]!, o).length > 0) return undefined;
  for (const st of block.list.slice(at + 1)) {
    for (const id of usesOf(pkg, st, o)) {
      const amp = pkg.parentOf(id);
      const call = amp?.kind === 'UnaryExpr' && amp.op === '&' ? pkg.parentOf(amp) : undefined;
      if (call?.kind === 'CallExpr' && storesOwnedMemory(pkg, call, call.args.indexOf(amp as ast.Expr))) return call;
    }
  }
  return undefined;
}
