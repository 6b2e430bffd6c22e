import type { CallExpr, DeferStmt, Node } from '../../syntax/ast.js';
import { mayHappen, pathsAvoiding } from '../../semantics/dataflow.js';
import { startOfStatement } from '../../semantics/goroutines.js';
import { defineRule } from '../../engine/rule.js';
import {
  addressTaken, CGO_RULE_BASE, cgoAnalysis, effectsAt, freesNow, groupOfFree, memoryUseAt, overwrittenAt, reallocFailedBranch, waits, type FreedGroup,
} from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/use-after-free',
    title: 'Do not use C memory after freeing it',
    severity: 'critical',
    precision: 'high',
    cwe: [416],
    tags: ['cgo', 'memory', 'crash', 'goroutine'],
    since: '0.1.0',
    messages: {
      after: '`{name}` is used here after it was freed (see the related location) on some path: the C allocator may already have handed that memory to someone else, so this reads or writes foreign data or crashes. Use it before freeing it, or set `{name} = nil` after the free and check for nil.',
      deferredUse: 'This deferred call uses `{name}`, but the pointer is freed before the function returns (see the related location), so the call runs on freed memory. Free it after the deferred call has run: defer the free before this call (deferred calls run last-in, first-out) or drop the explicit free.',
      deferOrder: 'This deferred call uses `{name}`, but it is registered before the deferred free (see the related location), and deferred calls run last-in, first-out: the free runs first and this call uses freed memory. Register the free first.',
      goroutine: 'The goroutine started here uses `{name}`, which the deferred {free} (see the related location) releases when this function returns, and nothing waits for the goroutine before that: it may use freed C memory. Wait for the goroutine (WaitGroup.Wait, a channel receive) before returning, or let the goroutine free the memory itself.',
    },
    docs: {
      finds: 'Uses of a C pointer (or of its copies and conversions) after it was freed on some path of the function: reading or writing through it, passing it to C or Go functions, returning it, starting a goroutine with it (a `go` statement, `errgroup.Group.Go`, `sync.WaitGroup.Go`); deferred calls that use a pointer freed before they run, including a deferred use registered before the deferred free; and a goroutine started before a deferred free that still uses the pointer after the function returns, with no `WaitGroup.Wait` or channel receive in between.',
      why: 'After `C.free`, the memory belongs to the C allocator again: it may be handed to the next `malloc` in any goroutine, so a use after free reads another allocation\'s data, corrupts it, or crashes. The Go race detector and garbage collector do not see C memory. A goroutine that outlives a `defer C.free` is a common way to get there: the function returns, the deferred free runs, and the goroutine keeps using the pointer.',
      fix: 'Finish every use before the free. For goroutines, wait for them (a `sync.WaitGroup` or a done channel) before the function returns, or hand the ownership to the goroutine and let it free the memory. Setting a pointer to nil after freeing it turns later uses into nil checks instead of silent corruption.',
      bad: `package worker

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import "unsafe"

func Announce(msg string) {
	cs := C.CString(msg)
	defer C.free(unsafe.Pointer(cs))
	go func() {
		C.puts(cs)
	}()
}
`,
      good: `package worker

/*
#include <stdio.h>
#include <stdlib.h>
*/
import "C"

import (
	"sync"
	"unsafe"
)

func Announce(msg string) {
	cs := C.CString(msg)
	defer C.free(unsafe.Pointer(cs))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		C.puts(cs)
	}()
	wg.Wait()
}
`,
      limits: 'Pointers are followed in local variables, not through struct fields or across functions. Comparisons (`p == nil`) and map keys (`m[p]`, `delete(m, p)`: the pointer is hashed, not dereferenced) are not uses. `C.realloc(p, n)` frees `p` only when it succeeds: on the branch where its result is nil (`if q == nil {`) `p` is still allocated, to use or to free. A free in a goroutine racing with uses elsewhere is cgo/pointer-in-goroutine\'s finding; an explicit free after starting a goroutine without waiting is too. Any channel receive or `Wait()` call between the goroutine and the return counts as waiting, even one that does not wait for that goroutine.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const { pkg } = ctx;
    const a = cgoAnalysis(ctx);
    const done = new Set<string>();
    const reported = new Set<Node>();
    const report = (range: Node, messageId: 'after' | 'deferredUse' | 'deferOrder' | 'goroutine', name: string, other: Node, otherMsg: string, extra: Record<string, string> = {}) => {
      if (reported.has(range)) return;
      reported.add(range);
      ctx.report({ range, messageId, data: { name, ...extra }, related: [{ range: other, message: otherMsg }] });
    };

    const check = (fg: FreedGroup) => {
      const { group: g, cfg, root } = fg;
      const name = root.name;
      if (addressTaken(pkg, g)) return;
      const reset = (n: Node) => g.defs.has(n) || overwrittenAt(g, n);
      const freeCall = (n: Node) => effectsAt(g, n).find((e) => e.kind === 'free')?.call ?? n;
      const nodes = [...g.effects.keys()];
      // uses after an immediate free
      for (const f of nodes.filter((n) => freesNow(g, n))) {
        const call = freeCall(f);
        const prune = call.kind === 'CallExpr' ? reallocFailedBranch(pkg, call) : undefined;
        const w = pathsAvoiding(cfg, f, reset, { before: (n) => memoryUseAt(g, n) !== undefined, defers: false, exits: 'all', ...(prune && { prune }) }) ?? [];
        for (const x of w) {
          if (x.reason !== 'before') continue;
          const use = memoryUseAt(g, x.node)!;
          report(use.at, 'after', name, freeCall(f), `${name} is freed here`);
        }
        // deferred calls registered before the free that use the pointer when they run
        const exits = (closure: boolean) => (pathsAvoiding(cfg, f, closure ? reset : () => false, {}) ?? []).length > 0;
        for (const d of cfg.defersAt(f)?.may ?? []) {
          const use = effectsAt(g, d).find((e) => e.how === 'defer' && (e.kind === 'use' || e.kind === 'keep'));
          if (use && exits(!!use.closure)) report(use.at, 'deferredUse', name, freeCall(f), `${name} is freed here, before the deferred call runs`);
        }
      }
      // deferred frees
      for (const df of nodes.filter((n): n is DeferStmt => n.kind === 'DeferStmt' && effectsAt(g, n).some((e) => e.kind === 'free' && e.how === 'defer'))) {
        const freeName = (() => { const c = freeCall(df); return c.kind === 'CallExpr' ? ctx.file.source.slice(c.fun.start, c.fun.end) : 'free'; })();
        // a deferred use registered earlier runs after the free
        for (const d of cfg.defersAt(df)?.may ?? []) {
          const use = effectsAt(g, d).find((e) => e.how === 'defer' && (e.kind === 'use' || e.kind === 'keep'));
          if (use) report(use.at, 'deferOrder', name, freeCall(df), `the deferred free is registered here and runs first`);
        }
        // goroutines that outlive the function
        for (const go of nodes.filter((n) => startOfStatement(pkg, n) !== null)) {
          const uses = effectsAt(g, go).some((e) => e.how === 'go' && (e.kind === 'use' || e.kind === 'copy' || e.kind === 'cmp'));
          const owns = effectsAt(g, go).some((e) => e.how === 'go' && (e.kind === 'free' || e.kind === 'keep' || e.kind === 'unknown'));
          if (!uses || owns) continue;
          const registered = (cfg.defersAt(go)?.may ?? []).includes(df) || mayHappen(cfg, go, (n) => n === df).length > 0;
          if (!registered) continue;
          const waitsFirst = (n: Node) => waits(pkg, n) && (n.kind !== 'DeferStmt' || n.start > df.start);
          const w = pathsAvoiding(cfg, go, waitsFirst, { exits: 'normal' }) ?? [];
          if (w.length === 0) continue;
          report(go, 'goroutine', name, df, `deferred free of ${name}: runs when the function returns`, { free: freeName });
        }
      }
    };

    return {
      CallExpr(call: CallExpr) {
        const fg = groupOfFree(a, call);
        if (!fg) return;
        const key = `${fg.fn.start}:${fg.root.decl?.start ?? fg.root.name}`;
        if (done.has(key)) return;
        done.add(key);
        check(fg);
      },
    };
  },
});
