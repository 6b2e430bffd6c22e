import type * as ast from '../../syntax/ast.js';
import { unparen } from '../../syntax/ast.js';
import { walk } from '../../syntax/walk.js';
import type { Obj } from '../../semantics/scope.js';
import { isExported } from '../../semantics/scope.js';
import { defineRule } from '../../engine/rule.js';
import { callEffect, CGO_RULE_BASE, cgoAnalysis, fieldKey, frees, unwrapPointer } from './lifetime.js';
import { cgoOptions } from './options.js';

export default defineRule({
  meta: {
    id: 'cgo/finalizer-only-release',
    title: 'Release C memory explicitly, not only in a finalizer',
    severity: 'medium',
    precision: 'high',
    cwe: [401, 772],
    tags: ['cgo', 'memory', 'finalizer'],
    since: '0.1.0',
    messages: {
      onlyFinalizer: 'The C memory in `{what}` is released only by this finalizer. Finalizers may run late or never: the garbage collector does not see C memory, so a small Go object holding a large C buffer creates no pressure to collect it, and finalizers do not run at exit. Add an explicit Close/Free method that releases it, call it when done, and keep the finalizer only as a safety net.',
      selfReference: 'The finalizer refers to `{name}`, the object it finalizes: the closure keeps `{name}` reachable, so it is never collected, the finalizer never runs and what it releases leaks. Use the finalizer\'s parameter instead of the captured variable.',
    },
    docs: {
      finds: 'Calls of `runtime.SetFinalizer` whose finalizer frees C memory (a field of the finalized object, or memory captured by the finalizer) that nothing else in the package releases: no other function or method frees that field, and the finalizer is not an exported or otherwise called method. Also finalizer function literals that refer to the variable of the object they finalize.',
      why: 'The Go garbage collector schedules collection by Go heap growth; C memory is invisible to it, so an object that owns megabytes of C memory through a few bytes of Go struct may not be collected for a long time, and finalizers run on a single goroutine, in no particular order, and not at all when the program exits. A finalizer that captures its own object keeps that object reachable forever: it never runs.',
      fix: 'Give the owner an explicit `Close` (or `Free`, `Release`) method that frees the C memory and makes a second call harmless, document that callers must call it (with `defer x.Close()`), and keep `runtime.SetFinalizer(x, (*T).Close)` only as a safety net. In finalizer literals, use the parameter: `runtime.SetFinalizer(x, func(x *T) { x.Close() })`.',
      bad: `package cache

/*
#include <stdlib.h>
*/
import "C"

import (
	"runtime"
	"unsafe"
)

type Entry struct{ data unsafe.Pointer }

func NewEntry(n int) *Entry {
	e := &Entry{data: C.malloc(C.size_t(n))}
	runtime.SetFinalizer(e, func(e *Entry) { C.free(e.data) })
	return e
}
`,
      good: `package cache

/*
#include <stdlib.h>
*/
import "C"

import (
	"runtime"
	"unsafe"
)

type Entry struct{ data unsafe.Pointer }

func NewEntry(n int) *Entry {
	e := &Entry{data: C.malloc(C.size_t(n))}
	runtime.SetFinalizer(e, (*Entry).Close)
	return e
}

// Close releases the C memory; calling it twice is harmless.
func (e *Entry) Close() {
	C.free(e.data)
	e.data = nil
}
`,
      limits: 'Other releases are looked for in the same package, by field of the same named type; an owner released by another package through an exported function that frees the field is recognised only when that function is in this package. A finalizer given as a function value held in a variable is not analysed.',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const { pkg } = ctx;
    const a = cgoAnalysis(ctx);

    /** Fields of the parameter and captured variables the finalizer body frees. */
    const freedBy = (body: ast.BlockStmt, param: Obj | undefined): { fields: string[]; captured: Obj[] } => {
      const fields = new Set<string>();
      const captured = new Set<Obj>();
      walk(body, {
        enter: (n) => {
          if (n.kind !== 'CallExpr') return;
          n.args.forEach((arg, i) => {
            const e = callEffect(pkg, n, i, a.policy).effect;
            if (e !== 'free') return;
            const x = unwrapPointer(pkg, arg);
            if (x.kind === 'SelectorExpr') {
              const base = unparen(x.x);
              const k = fieldKey(pkg, x);
              if (k && base.kind === 'Ident' && param && pkg.objectOf(base) === param) fields.add(k);
            } else if (x.kind === 'Ident') {
              const o = pkg.objectOf(x);
              if (o && o.kind === 'var' && !o.isPackageLevel && o.decl && (o.decl.start < body.start || o.decl.end > body.end) && o !== param) captured.add(o);
            }
          });
        },
      });
      return { fields: [...fields], captured: [...captured] };
    };

    return {
      CallExpr(call: ast.CallExpr) {
        const c = pkg.calleeOf(call);
        if (c.kind !== 'func' || c.pkg !== 'runtime' || c.name !== 'SetFinalizer' || call.args.length !== 2) return;
        const objArg = unparen(call.args[0]!);
        const fin = unparen(call.args[1]!);
        const objVar = objArg.kind === 'Ident' ? pkg.objectOf(objArg) : undefined;

        let body: ast.BlockStmt | null = null;
        let param: Obj | undefined;
        let method: { key: string; exported: boolean } | undefined;
        if (fin.kind === 'FuncLit') {
          body = fin.body;
          const first = fin.type.params.list[0]?.names[0];
          param = first ? pkg.objectOf(first) : undefined;
          // (b) the literal captures the finalized object itself
          if (objVar && objVar.kind === 'var' && !objVar.isPackageLevel) {
            let self: ast.Ident | undefined;
            walk(fin.body, { enter: (n) => { if (!self && n.kind === 'Ident' && pkg.objectOf(n) === objVar) self = n; } });
            if (self) {
              ctx.report({ range: self, messageId: 'selfReference', data: { name: objVar.name } });
              return;
            }
          }
        } else {
          const fc = fin.kind === 'SelectorExpr' || fin.kind === 'Ident' ? fin : undefined;
          const sel = fc?.kind === 'SelectorExpr' ? fc.sel : fc;
          const o = sel ? pkg.objectOf(sel) : undefined;
          const decl = o?.decl ? pkg.parentOf(o.decl) : null;
          if (!decl || decl.kind !== 'FuncDecl' || !decl.body) return;
          body = decl.body;
          const p = decl.recv?.list[0]?.names[0] ?? decl.type.params.list[0]?.names[0];
          param = p ? pkg.objectOf(p) : undefined;
          method = { key: pkg.keyOfFunc(decl), exported: isExported(decl.name.name) };
        }
        if (!body) return;
        // an exported method, or a function called elsewhere, is an explicit release too
        const pf = frees(a);
        if (method && (method.exported || pf.called.has(method.key))) return;
        const { fields, captured } = freedBy(body, param);
        const only: string[] = [];
        for (const k of fields) {
          const elsewhere = (pf.fieldFrees.get(k) ?? []).some((f) => f.start < body.start || f.end > body.end);
          if (!elsewhere) only.push(k);
        }
        if (fin.kind === 'FuncLit') {
          const fn = pkg.enclosingFunc(call);
          const cfg = fn && pkg.cfgOf(fn);
          for (const v of captured) {
            if (!fn || !cfg) break;
            const g = a.group([v], fn, cfg);
            const other = [...g.effects.values()].some((es) => es.some((e) => e.kind === 'free' && !(e.at.start >= fin.start && e.at.end <= fin.end)));
            if (!other) only.push(v.name);
          }
        }
        if (only.length === 0) return;
        ctx.report({ range: call, messageId: 'onlyFinalizer', data: { what: only.join('`, `') } });
      },
    };
  },
});
