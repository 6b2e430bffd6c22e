import type { Node } from '../../syntax/ast.js';
import { pathsAvoiding } from '../../semantics/dataflow.js';
import { goroutineHandoffs } from '../../semantics/flow.js';
import { startOfStatement, type GoroutineStart } from '../../semantics/goroutines.js';
import type { Obj } from '../../semantics/scope.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { addressTaken, CGO_RULE_BASE, cgoAnalysis, effectsAt, freesNow, memoryUseAt, rootVar, waits } from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/pointer-in-goroutine',
    title: 'Wait for goroutines before freeing the C memory they use',
    severity: 'high',
    precision: 'high',
    cwe: [362, 416],
    tags: ['cgo', 'memory', 'goroutine', 'race'],
    since: '0.1.0',
    messages: {
      freedWhileShared: 'The goroutine started here uses the C pointer `{name}`, and this function frees it (see the related location) without waiting for the goroutine: the free can run while the goroutine still reads or writes the memory. Wait for the goroutine first (WaitGroup.Wait, a channel receive), or hand the pointer over and let the goroutine free it.',
      usedWhileFreed: 'The goroutine started here frees the C pointer `{name}`, but this function still uses it afterwards (see the related location) without waiting for the goroutine: the use can run after the free. Finish using it before starting the goroutine, or wait for the goroutine first.',
    },
    docs: {
      finds: 'A C pointer handed to a goroutine (captured by its function literal or passed as an argument of the `go` call; goroutines started by `errgroup.Group.Go`/`TryGo` and `sync.WaitGroup.Go` count like `go` statements) while the starting function keeps its ownership: the function frees the pointer after the `go` statement with no `WaitGroup.Wait`, channel receive or range over a channel in between; or the goroutine frees the pointer while the function still uses it afterwards without waiting. (A goroutine that outlives a deferred free is cgo/use-after-free\'s finding.)',
      why: 'Go\'s memory model orders nothing between a goroutine and the code after the `go` statement without synchronisation. C memory is outside the race detector\'s view: a free that races with the goroutine\'s use corrupts memory or crashes only under load, and never in tests that happen to schedule the goroutine first.',
      fix: 'Either keep ownership and wait for the goroutine (a `sync.WaitGroup`, a done channel) before freeing, or transfer ownership: let the goroutine free the memory when it is done and stop using the pointer in the starting function.',
      bad: `package render

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import "unsafe"

func Render(page string, done chan<- bool) {
	cs := C.CString(page)
	go func() {
		C.puts(cs)
		done <- true
	}()
	C.free(unsafe.Pointer(cs))
}
`,
      good: `package render

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import "unsafe"

func Render(page string, done chan<- bool) {
	cs := C.CString(page)
	go func() {
		defer C.free(unsafe.Pointer(cs))
		C.puts(cs)
		done <- true
	}()
}
`,
      limits: 'Only pointers held in local variables of the starting function are followed. Any `Wait()` call or channel receive between the `go` statement and the free counts as waiting, even one unrelated to that goroutine; a receive in a `select` with a timeout counts too.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const { pkg } = ctx;
    const a = cgoAnalysis(ctx);
    /** `go` is the statement that starts the goroutine (a `go` statement, or one holding `g.Go(f)`). */
    const check = (go: Node, start: GoroutineStart): void => {
      const fn = pkg.enclosingFunc(go);
      const cfg = fn && pkg.cfgOf(fn);
      if (!fn || !cfg) return;
      const roots = new Set<Obj>();
      for (const h of goroutineHandoffs(pkg, start)) {
        if (h.obj.isPackageLevel || !h.obj.decl || h.obj.decl.start < fn.start || h.obj.decl.end > fn.end) continue;
        roots.add(rootVar(pkg, h.obj));
      }
      for (const root of roots) {
        const g = a.group([root], fn, cfg);
        if (addressTaken(pkg, g)) continue;
        const here = effectsAt(g, go).filter((e) => e.how === 'go');
        if (here.length === 0) continue;
        const owns = here.some((e) => e.kind === 'free');
        const borrows = !here.some((e) => e.kind === 'free' || e.kind === 'keep' || e.kind === 'unknown');
        const reset = (n: Node) => g.defs.has(n) || effectsAt(g, n).some((e) => e.kind === 'overwrite' && e.how === 'now');
        const stop = (n: Node) => waits(pkg, n) || reset(n);
        /** Reports the nodes after the start, before any wait or reset, where `hit` holds. */
        const reportAfterStart = (hit: (n: Node) => boolean, messageId: 'freedWhileShared' | 'usedWhileFreed', related: (n: Node) => RelatedReport): void => {
          const hits = (pathsAvoiding(cfg, go, stop, { before: (n) => n !== go && hit(n), defers: false }) ?? []).filter((x) => x.reason === 'before');
          if (hits.length > 0) ctx.report({ range: go, messageId, data: { name: root.name }, related: hits.map((x) => related(x.node)) });
        };
        if (borrows) {
          reportAfterStart((n) => freesNow(g, n), 'freedWhileShared', (n) => ({ range: effectsAt(g, n).find((e) => e.kind === 'free')?.call ?? n, message: `${root.name} is freed here while the goroutine may still use it` }));
        } else if (owns) {
          reportAfterStart((n) => memoryUseAt(g, n) !== undefined, 'usedWhileFreed', (n) => ({ range: memoryUseAt(g, n)!.at, message: `${root.name} is used here while the goroutine may already have freed it` }));
        }
      }
    };
    const statement = (n: Node): void => {
      const start = startOfStatement(pkg, n);
      if (start) check(n, start);
    };
    return { GoStmt: statement, ExprStmt: statement, AssignStmt: statement };
  },
});
