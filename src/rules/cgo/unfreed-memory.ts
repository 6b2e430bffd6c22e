import type { CallExpr, Node } from '../../syntax/ast.js';
import { unparen } from '../../syntax/ast.js';
import type { FileData, PackageInfo } from '../../semantics/package.js';
import { defineRule, type FixReport, type RelatedReport } from '../../engine/rule.js';
import { CGO_RULE_BASE, cgoAnalysis, freeCallText, knowsCFunction, leaksOf, loopsAround, varName, type Leak, type Tracked } from './lifetime.js';
import { cgoOptions } from './options.js';

const related = (l: Leak, name: string, fn: Tracked['fn']): RelatedReport => ({
  // falling off the end: the closing brace of the function
  range: l.kind === 'end' && fn.body ? { start: fn.body.end - 1, end: fn.body.end } : l.node,
  message: {
    return: `returns here without freeing ${name}`,
    end: `the function ends here without freeing ${name}`,
    panic: `panics here without freeing ${name} (a deferred free would still run)`,
    overwrite: `${name} is overwritten here while it still holds the memory`,
    loop: `the next iteration allocates again while ${name} still holds the memory`,
    'after-loop': '',
    branch: l.node.kind === 'BranchStmt' ? `this ${l.node.tok} leaves ${name} unfreed` : '',
  }[l.kind],
});

const STATEMENT_LISTS = new Set(['BlockStmt', 'CaseClause', 'CommClause']);

/** The range of a statement with its whole line when nothing else is on it. */
function lineOf(file: FileData, n: Node): { start: number; end: number } {
  const src = file.source;
  let start = n.start;
  while (start > 0 && (src[start - 1] === ' ' || src[start - 1] === '\t')) start--;
  let end = n.end;
  while (end < src.length && (src[end] === ' ' || src[end] === '\t')) end++;
  if ((start === 0 || src[start - 1] === '\n') && (end === src.length || src[end] === '\n')) return { start, end: Math.min(end + 1, src.length) };
  return { start: n.start, end: n.end };
}

/**
 * "Free it with a defer": when the memory is held in one variable, never handed over, and released
 * only by explicit free statements (or not at all), replace them by one `defer` right after the allocation.
 */
function deferFix(pkg: PackageInfo, file: FileData, t: Tracked): FixReport | undefined {
  if (t.origin.kind !== 'var') return undefined;
  const g = t.origin.group;
  const stmt = t.stmt;
  if (stmt.kind !== 'AssignStmt' && stmt.kind !== 'DeclStmt') return undefined;
  if (!STATEMENT_LISTS.has(pkg.parentOf(stmt)?.kind ?? '') || loopsAround(pkg, stmt, t.fn).length > 0 || g.namedResult) return undefined;
  const removals: Node[] = [];
  for (const effects of g.effects.values()) {
    for (const e of effects) {
      if (e.kind === 'keep' || e.kind === 'unknown' || e.how === 'defer' || (e.kind === 'free' && e.how !== 'now')) return undefined;
      if (e.kind !== 'free') continue;
      const st = pkg.parentOf(e.call!);
      if (st?.kind !== 'ExprStmt' || unparen(st.x) !== e.call || !STATEMENT_LISTS.has(pkg.parentOf(st)?.kind ?? '')) return undefined;
      if (file.source.slice(e.call!.fun.start, e.call!.fun.end) !== t.site.free) return undefined;
      removals.push(st);
    }
  }
  const call = freeCallText(pkg, t);
  if (call.includes('unsafe.Pointer') && file.imports.get('unsafe') !== 'unsafe') return undefined;
  const lineStart = file.source.lastIndexOf('\n', stmt.start - 1) + 1;
  const indent = /^[ \t]*/.exec(file.source.slice(lineStart))![0];
  return {
    message: `Free ${varName(t)} with a defer right after the allocation`,
    edits: [
      { range: { start: stmt.end, end: stmt.end }, newText: `\n${indent}defer ${call}` },
      ...removals.map((r) => ({ range: lineOf(file, r), newText: '' })),
    ],
  };
}

export default defineRule({
  meta: {
    id: 'cgo/unfreed-memory',
    title: 'Free C memory on every path',
    severity: 'high',
    precision: 'high',
    cwe: [401],
    tags: ['cgo', 'memory', 'leak'],
    since: '0.1.0',
    messages: {
      paths: 'C memory from {alloc} in `{name}` is not freed on {count} of its paths (see the related locations); Go\'s garbage collector never frees C memory, so each such call leaks it. Free it on every path, most simply with `defer {freeCall}` right after the allocation.',
      never: 'C memory from {alloc} in `{name}` is never freed; Go\'s garbage collector never frees C memory, so every call leaks it. Free it with {free} when done (`defer {freeCall}` right after the allocation), or hand it to an owner that frees it.',
      discarded: 'The result of {alloc} is discarded, so the C memory it allocates can never be freed. Keep the pointer and release it with {free}, or remove the call.',
      element: 'C memory from {alloc} is stored in `{slice}`, whose elements nothing frees and which never leaves this function: Go\'s garbage collector never frees C memory, so every call leaks it. Free the elements when done, for example `defer func() { for _, p := range {slice} { {freeCall} } }()` after filling the slice.',
      borrowedAssumed: 'C memory from {alloc} is passed straight to {callee} and never freed. Redline cannot see the definition of {callee} and assumes, as for most C APIs, that it only borrows the pointer: then every call leaks the memory. If {callee} takes ownership and frees it later, list it under `takes-ownership` in the policy; otherwise keep the pointer in a variable and `defer {free}(…)` it.',
      borrowed: 'C memory from {alloc} is passed straight to {callee}, which does not keep it, and is never freed; Go\'s garbage collector never frees C memory, so every call leaks it. Keep the pointer in a variable and `defer {free}(…)` it.',
    },
    docs: {
      finds: 'Memory from `C.CString`, `C.CBytes`, `C.malloc`, `C.calloc`, `C.realloc`, `C.strdup`, functions of the cgo preamble that return `malloc`ed memory, module functions that return fresh C memory, and the allocators named in the policy, that is not released on every path from the allocation to the function\'s exit: an early `return`, a `panic`, a `continue` or `break`, a pointer variable overwritten while it still holds memory. The finding is at the allocation; each leaking exit is a related location. The pointer is followed through copies, `unsafe.Pointer(p)` and `(*C.T)(p)` conversions, `unsafe.Slice` and function-literal parameters.',
      why: 'Go\'s garbage collector does not see C memory: every C allocation stays until `C.free` (or the library\'s deallocator) releases it. An error path that returns before the free leaks the memory on every failing call, and a long-running service slowly grows until it is killed. Such leaks do not show in Go heap profiles, which makes them slow to find.',
      fix: 'Free right after allocating with `defer C.free(unsafe.Pointer(p))`, which covers every later path, including panics. When the memory must outlive the function, hand it over explicitly: return it, store it in a struct whose `Close`/`Free` method releases it, or pass it to a function that frees it.',
      bad: `package fingerprint

/*
#include <stdlib.h>
#include <string.h>

static int check(const char *s) { return strlen(s) >= 12 ? 0 : -1; }
*/
import "C"

import (
	"errors"
	"unsafe"
)

func Check(pan string) error {
	cpan := C.CString(pan)
	if C.check(cpan) != 0 {
		return errors.New("card number too short")
	}
	C.free(unsafe.Pointer(cpan))
	return nil
}
`,
      good: `package fingerprint

/*
#include <stdlib.h>
#include <string.h>

static int check(const char *s) { return strlen(s) >= 12 ? 0 : -1; }
*/
import "C"

import (
	"errors"
	"unsafe"
)

func Check(pan string) error {
	cpan := C.CString(pan)
	defer C.free(unsafe.Pointer(cpan))
	if C.check(cpan) != 0 {
		return errors.New("card number too short")
	}
	return nil
}
`,
      limits: 'Ownership ends, without a finding, when the pointer is returned, stored in a field, a global, a slice or map element (except an element of a local slice that nothing frees and that never leaves the function — only stored into, read by C calls, `C.set_options(n, &cKeys[0])`, and measured with `len` — which is reported) or a composite literal, sent on a channel, freed by a goroutine it is handed to, or passed to a function that keeps it: a module function whose facts say so, a preamble function that stores or frees it, a C function named like a deallocator (`*_free`, `*_destroy`...), a C function handed a destructor callback along with the pointer (`C.closure_new(p, (*[0]byte)(C.closure_destructor))`, `C.sqlite3_result_text(ctx, p, n, (*[0]byte)(C.free))`), or one listed in `takes-ownership`. A function that returns its pointer argument (a converting wrapper: a preamble function `return (gchar *)s;`, or `func gstring(s *C.char) *C.gchar { return C.to_gstr(s) }`) is followed like a conversion: its result is the same memory. Headers of the package\'s own directory that a preamble includes (`#include "helpers.h"`), and headers it includes by a relative path from another directory of the module (`#include "../clib/store.h"`) together with the C sources built for the target in that directory (64 at most), are read like the preamble, and so are the C sources (`*.c`, up to 1 MB each) cgo compiles with the package for the target (a `_GOOS`/`_GOARCH` name suffix or a build constraint can leave one out, as in go/build), where functions a preamble only declares are defined; C functions declared only in other headers (system headers, other directories) are assumed to borrow their arguments (a pointer passed straight to one is then reported at medium, with a message that says it is an assumption; common C library functions such as `puts`, `strlen` or `fopen` are known to borrow); list those that keep pointers in `takes-ownership`. Memory whose variable has its address taken or that is passed to a function value, an interface method or a third-party function outside the module is not followed. Only panics by the builtin `panic` count as leaking exits (not `os.Exit` or `log.Fatal`, which end the process).',
    },
    options: cgoOptions,
  },
  ...CGO_RULE_BASE,
  create(ctx) {
    const a = cgoAnalysis(ctx);
    return {
      CallExpr(call: CallExpr) {
        const t = a.track(call);
        if (!t) return;
        const data = { alloc: t.site.name, free: t.site.free };
        switch (t.origin.kind) {
          case 'discarded':
            ctx.report({ range: call, messageId: 'discarded', data });
            return;
          case 'borrowed': {
            const callee = ctx.file.source.slice(t.origin.call.fun.start, t.origin.call.fun.end);
            // an assumption about a function whose definition is out of sight: less certain
            if (knowsCFunction(ctx.pkg, t.origin.call)) ctx.report({ range: call, messageId: 'borrowed', data: { ...data, callee } });
            else ctx.report({ range: call, messageId: 'borrowedAssumed', data: { ...data, callee }, severity: 'medium' });
            return;
          }
          case 'element': {
            const slice = t.origin.slice.name;
            ctx.report({ range: call, messageId: 'element', data: { ...data, slice, freeCall: `${t.site.free}(unsafe.Pointer(p))` } });
            return;
          }
          case 'elsewhere':
            return;
        }
        const r = leaksOf(ctx.pkg, t);
        // an allocation in a loop freed after it is cgo/loop-allocation's finding
        const leaks = r.leaks.filter((l) => l.kind !== 'after-loop');
        if (leaks.length === 0) return;
        const name = varName(t);
        const messageId = !r.released && !r.moves ? 'never' : 'paths';
        const fix = deferFix(ctx.pkg, ctx.file, t);
        ctx.report({
          range: call,
          messageId,
          data: { ...data, name, freeCall: freeCallText(ctx.pkg, t), count: leaks.length === 1 ? 'one' : String(leaks.length) },
          related: leaks.map((l) => related(l, name, t.fn)),
          ...(fix && { fixes: [fix] }),
        });
      },
    };
  },
});
