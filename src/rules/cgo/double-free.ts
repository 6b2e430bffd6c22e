import type { CallExpr, Node } from '../../syntax/ast.js';
import { happensTwice, mayHappen } from '../../semantics/dataflow.js';
import type { Block } from '../../semantics/cfg.js';
import { defineRule } from '../../engine/rule.js';
import { addressTaken, CGO_RULE_BASE, cgoAnalysis, effectsAt, freedVar, reallocFailedBranch, rootVar, type Group } from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/double-free',
    title: 'Free C memory only once',
    severity: 'critical',
    precision: 'high',
    cwe: [415],
    tags: ['cgo', 'memory', 'crash'],
    since: '0.1.0',
    messages: {
      twice: '`{name}` is freed twice on some path: here, after an earlier free of the same pointer (see the related location). Freeing C memory twice corrupts the C heap: a crash, or memory handed out twice. Free it once, or set `{name} = nil` right after the first free (C.free(nil) does nothing).',
      loop: '`{name}` is freed in every iteration of the loop but allocated outside it: the second iteration frees it again and corrupts the C heap. Free it once, after the loop, or reassign it in every iteration.',
      deferred: '`{name}` is freed here and again by the deferred call (see the related location) when the function returns: a double free corrupts the C heap. Remove this free, or drop the defer and free on every path yourself; setting `{name} = nil` does not help, the deferred call already holds the pointer.',
      twoDefers: '`{name}` is freed by two deferred calls when the function returns: a double free corrupts the C heap. Keep one of them.',
    },
    docs: {
      finds: 'The same C pointer freed twice on some path of a function: two calls of `C.free` (or of a policy deallocator, a preamble function that frees its argument, a module function whose facts say it frees it) on the pointer or on its copies and conversions without an assignment in between, a free in a loop of a pointer allocated outside it, and an explicit free of a pointer whose free is also deferred.',
      why: 'Freeing C memory twice is undefined behaviour in C: the allocator\'s bookkeeping is corrupted, the process may crash far from the bug, or two later allocations receive the same memory and overwrite each other\'s data. Unlike Go memory, nothing protects C memory from it, and the race detector does not see it.',
      fix: 'Free each allocation exactly once. With `defer C.free(unsafe.Pointer(p))` in place, remove the explicit frees. When freeing explicitly on several paths, set the pointer to nil after each free (`C.free(nil)` is a no-op) or restructure so that one free covers all paths.',
      bad: `package scratch

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import "unsafe"

func Length(s string) int {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	n := int(C.strlen(cs))
	C.free(unsafe.Pointer(cs))
	return n
}
`,
      good: `package scratch

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import "unsafe"

func Length(s string) int {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	return int(C.strlen(cs))
}
`,
      limits: 'Pointers are followed in local variables; memory freed through struct fields (a `Close` method called twice) is not tracked. A free in a deferred function literal is not counted when the variable is reassigned in the function (the usual `p = nil` guard). Paths are not checked for feasibility: two frees under complementary conditions (`if ok {...}` then `if !ok {...}`) are reported. `C.realloc(p, n)` frees `p` only when it succeeds: on the branch where its result is nil (`if q == nil {`) `p` is still allocated, to use or to free.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const { pkg } = ctx;
    const a = cgoAnalysis(ctx);
    const done = new Set<string>();
    return {
      CallExpr(call: CallExpr) {
        const f = freedVar(pkg, call, a.policy);
        if (!f) return;
        const fn = pkg.enclosingFunc(call);
        const cfg = fn && pkg.cfgOf(fn);
        if (!fn || !cfg) return;
        const root = rootVar(pkg, f.obj);
        const key = `${fn.start}:${root.decl?.start ?? root.name}`;
        if (done.has(key)) return;
        done.add(key);
        const g = a.group([root], fn, cfg);
        if (addressTaken(pkg, g)) return;
        const resets = [...g.effects].some(([, es]) => es.some((e) => e.kind === 'overwrite'));
        const overwritten = (n: Node) => effectsAt(g, n).some((e) => e.kind === 'overwrite' && e.how === 'now');
        // p = C.realloc(p, n) frees the old value and holds a new one: a reset, not a free
        const isFree = (n: Node) => !overwritten(n) && effectsAt(g, n).some((e) => e.kind === 'free' && (e.how === 'now' || (e.how === 'defer' && (!e.closure || !resets))));
        const reset = (n: Node) => g.defs.has(n) || overwritten(n);
        const frees = [...g.effects.keys()].filter(isFree);
        if (frees.length === 0) return;
        const name = root.name;
        const reported = new Set<Node>();
        const report = (at: Node, messageId: 'twice' | 'loop' | 'deferred' | 'twoDefers', other?: Node) => {
          if (reported.has(at)) return;
          reported.add(at);
          const range = freeCallIn(g, at) ?? at;
          ctx.report({ range, messageId, data: { name }, ...(other && other !== at && { related: [{ range: freeCallIn(g, other) ?? other, message: other.kind === 'DeferStmt' ? `${name} is also freed by this deferred call` : `${name} is first freed here` }] }) });
        };
        // deferred direct calls hold the value they were given; closures are only counted without resets
        // a failed realloc (`if q == nil {` after `q := C.realloc(p, n)`) freed nothing
        const failedBranch = new Map<Node, ((from: Block, to: Block) => boolean) | undefined>();
        const undone = (first: Node, from: Block, to: Block): boolean => {
          if (!failedBranch.has(first)) {
            const c = freeCallIn(g, first);
            failedBranch.set(first, c?.kind === 'CallExpr' ? reallocFailedBranch(pkg, c) : undefined);
          }
          return failedBranch.get(first)?.(from, to) ?? false;
        };
        for (const d of happensTwice(cfg, isFree, { reset, resetDefers: true, undone })) {
          const { first, second } = d;
          if (isFree(second)) {
            if (first.kind === 'DeferStmt' && second.kind === 'DeferStmt') report(second, 'twoDefers', first);
            else if (first === second) report(second, 'loop');
            else if (second.kind === 'DeferStmt') report(first, 'deferred', second);
            else report(second, 'twice', first);
            continue;
          }
          // both happened by the exit: one is deferred, find the other
          if (first.kind === 'DeferStmt') {
            const later = mayHappen(cfg, first, (n) => isFree(n) && n.kind !== 'DeferStmt');
            for (const n of later) report(n, 'deferred', first);
          } else {
            const defers = [...(cfg.defersAt(first)?.may ?? []), ...mayHappen(cfg, first, (n) => n.kind === 'DeferStmt' && isFree(n))].filter(isFree);
            report(first, 'deferred', defers[0]);
          }
        }
      },
    };
  },
});

/** The freeing call of the group at a CFG node, for a precise range. */
function freeCallIn(g: Group, n: Node): Node | undefined {
  return effectsAt(g, n).find((e) => e.kind === 'free')?.call;
}
