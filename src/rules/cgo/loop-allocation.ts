import type * as ast from '../../syntax/ast.js';
import type { CallExpr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { deref, underlying } from '../../semantics/types.js';
import { CGO_RULE_BASE, cgoAnalysis, freeCallText, leaksOf, loopsAround, releases, varName } from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/loop-allocation',
    title: 'Free C memory allocated in a loop within the iteration',
    severity: 'medium',
    precision: 'high',
    cwe: [401, 770],
    tags: ['cgo', 'memory'],
    since: '0.1.0',
    messages: {
      deferInLoop: '{alloc} allocates C memory in every iteration of the loop, but the deferred `{freeCall}` only runs when the function returns, so all of it stays allocated until then and grows with the input. Free it at the end of each iteration: call {free} explicitly, or move the loop body into a function that defers the free.',
      deferInFiniteLoop: '{alloc} allocates C memory in every iteration of the loop, but the deferred `{freeCall}` only runs when the function returns: nothing leaks, since the loop ends, but every iteration\'s allocation is held until then, so memory peaks with the size of the input. Free it at the end of each iteration: call {free} explicitly, or move the loop body into a function that defers the free.',
      afterLoop: '{alloc} allocates C memory in every iteration of the loop, but `{name}` is freed only after the loop: each iteration overwrites the pointer and leaks the previous allocation. Free it inside the loop, before the next iteration allocates again.',
    },
    docs: {
      finds: 'An allocation of C memory (`C.CString`, `C.malloc`, ... and policy allocators) inside a `for` or `range` loop whose release is a `defer` inside the loop body (deferred calls run when the function returns, not at the end of the iteration), or a single free after the loop while every iteration overwrites the pointer.',
      why: 'A `defer` in a loop body registers one deferred call per iteration; none runs before the function returns. Every C allocation of the loop stays alive until then: a loop over a large input, or a long-running loop in a worker goroutine, grows C memory without bound, invisible to Go\'s heap profiles and garbage collector. A free after the loop releases only the last allocation; the others leak for good.',
      fix: 'Release the memory in the iteration that allocated it: call `C.free` at the end of the body (on every path), or move the body into a function (or function literal called on the spot) whose own `defer` runs at the end of each iteration.',
      bad: `package topics

/*
#include <stdlib.h>
#include <stdio.h>
*/
import "C"

import "unsafe"

// PrintAll prints topics until the channel is closed.
func PrintAll(topics <-chan string) {
	for t := range topics {
		ct := C.CString(t)
		defer C.free(unsafe.Pointer(ct))
		C.puts(ct)
	}
}
`,
      good: `package topics

/*
#include <stdlib.h>
#include <stdio.h>
*/
import "C"

import "unsafe"

// PrintAll prints topics until the channel is closed.
func PrintAll(topics <-chan string) {
	for t := range topics {
		ct := C.CString(t)
		C.puts(ct)
		C.free(unsafe.Pointer(ct))
	}
}
`,
      limits: 'Only loops of the allocating function are considered: a defer inside a function literal called in the loop runs at the end of that call and is fine. A deferred free is not reported when the iteration stores the pointer (a slice or array element, a field, a composite literal) or hands it to a function that keeps it: the memory must outlive the iteration, and freeing it there would be a use after free. The rule does not know how many iterations a loop runs, so a loop over two items is reported like one over a million; but where every enclosing loop ends by itself (a `range` over a slice, array, map, string or integer, or a counting `for i := 0; i < n; i++`), the memory is released when the function returns and the finding is low: the cost is a peak, not a leak. Loops that run until something else stops them (`for {}`, `for cond {}`, a `range` over a channel or an iterator function) keep the rule\'s severity.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const a = cgoAnalysis(ctx);
    return {
      CallExpr(call: CallExpr) {
        const t = a.track(call);
        if (!t || t.origin.kind !== 'var') return;
        const loops = loopsAround(ctx.pkg, call, t.fn);
        if (loops.length === 0) return;
        const g = t.origin.group;
        const data = { alloc: t.site.name, free: t.site.free, name: varName(t), freeCall: freeCallText(ctx.pkg, t) };
        const inLoop = (n: Node) => loops.some((l) => n.start >= l.body.start && n.end <= l.body.end);
        // a deferred release inside a loop that also contains the allocation, unless the memory is
        // stored or handed over in the loop: then it must outlive the iteration, and the defer is right
        const kept = [...g.effects].some(([node, es]) => inLoop(node) && es.some((e) => e.kind === 'keep' && e.how === 'now'));
        for (const [node] of g.effects) {
          if (kept || node.kind !== 'DeferStmt' || !releases(g, node, t.stmt) || !inLoop(node)) continue;
          const related = [{ range: node, message: 'deferred here: runs only when the function returns' }];
          if (loops.every((l) => endsByItself(ctx.pkg, l))) ctx.report({ range: call, messageId: 'deferInFiniteLoop', severity: 'low', data, related });
          else ctx.report({ range: call, messageId: 'deferInLoop', data, related });
          return;
        }
        const r = leaksOf(ctx.pkg, t);
        const loop = r.leaks.find((l) => l.kind === 'after-loop');
        if (!loop) return;
        const frees = [...g.effects].filter(([, es]) => es.some((e) => e.kind === 'free' && e.how === 'now')).map(([n]) => n);
        ctx.report({
          range: call,
          messageId: 'afterLoop',
          data,
          related: frees.slice(0, 3).map((n) => ({ range: n, message: `${data.name} is freed here, after the loop` })),
        });
      },
    };
  },
});

/**
 * Whether a loop ends after a number of iterations fixed when it starts: a
 * `range` over a slice, array (or pointer to one), map, string or integer,
 * or a counting loop `for i := a; i < b; i++` whose condition compares the
 * variable its post statement steps. Loops over channels and iterator
 * functions, and loops with other conditions, may run as long as something
 * else wants.
 */
function endsByItself(pkg: PackageInfo, loop: ast.ForStmt | ast.RangeStmt): boolean {
  if (loop.kind === 'RangeStmt') {
    const t = underlying(deref(underlying(pkg.typeOf(loop.x), pkg.info)), pkg.info);
    return t.kind === 'slice' || t.kind === 'array' || t.kind === 'map' || (t.kind === 'basic' && t.name !== 'bool' && t.name !== 'unsafe.Pointer');
  }
  const cond = loop.cond && unparen(loop.cond);
  if (!cond || cond.kind !== 'BinaryExpr' || !['<', '<=', '>', '>=', '!='].includes(cond.op)) return false;
  const post = loop.post;
  const stepped = post?.kind === 'IncDecStmt' ? post.x : post?.kind === 'AssignStmt' && (post.tok === '+=' || post.tok === '-=') && post.lhs.length === 1 ? post.lhs[0]! : null;
  if (!stepped || stepped.kind !== 'Ident') return false;
  const v = pkg.objectOf(stepped);
  const isVar = (e: ast.Expr) => { const x = unparen(e); return x.kind === 'Ident' && pkg.objectOf(x) === v; };
  return v !== undefined && (isVar(cond.x) || isVar(cond.y));
}
