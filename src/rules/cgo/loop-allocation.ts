import type { CallExpr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
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

func PrintAll(topics []string) {
	for _, t := range topics {
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

func PrintAll(topics []string) {
	for _, t := range topics {
		ct := C.CString(t)
		C.puts(ct)
		C.free(unsafe.Pointer(ct))
	}
}
`,
      limits: 'Only loops of the allocating function are considered: a defer inside a function literal called in the loop runs at the end of that call and is fine. A deferred free is not reported when the iteration stores the pointer (a slice or array element, a field, a composite literal) or hands it to a function that keeps it: the memory must outlive the iteration, and freeing it there would be a use after free. The rule does not know how many iterations a loop runs; a loop over two items is reported like one over a million, because the pattern breaks as soon as the input grows.',
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
          ctx.report({ range: call, messageId: 'deferInLoop', data, related: [{ range: node, message: 'deferred here: runs only when the function returns' }] });
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
