import type { Expr, FuncType, Ident, Node, RangeStmt, StarExpr } from '../../syntax/ast.js';
import { defineRule, type FixReport } from '../../engine/rule.js';
import { usesOf } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { isTLSConfigValueType, shortText, valueAt } from './tls-config.js';

export default defineRule({
  meta: {
    id: 'tls/config-copied',
    title: 'Clone TLS configs instead of copying them by value',
    severity: 'medium',
    precision: 'very-high',
    cwe: [362, 667],
    tags: ['tls', 'concurrency', 'correctness'],
    since: '0.1.0',
    messages: {
      copy: '{expr} copies a tls.Config by value: the struct holds a sync.RWMutex and session-ticket key state that must not be copied, and a copy taken while the original is in use (handshakes read it concurrently) races with it. Use {clone}, which copies the settings safely.',
      param: 'This parameter takes a tls.Config by value, so every call copies the struct with its internal sync.RWMutex and session-ticket key state. Use *tls.Config, and Clone() where a separate copy is needed.',
      range: 'Ranging over tls.Config values copies each one, with its internal sync.RWMutex and session-ticket key state. Range over the indices (or store *tls.Config) and Clone() where a separate copy is needed.',
    },
    docs: {
      finds: 'Copies of a `crypto/tls.Config` value: `c := *cfg`, `var c = *cfg`, passing, returning or storing `*cfg` or a `tls.Config` variable or field by value, ranging over `[]tls.Config` with a value variable, and function parameters of type `tls.Config`.',
      why: '`tls.Config` contains a `sync.RWMutex` and the automatically rotated session-ticket keys, guarded by it. Copying the struct copies the lock in whatever state it is in and duplicates key state that must be rotated in one place; copying a config that servers or clients are using at that moment is a data race, since handshakes read it concurrently. `go vet` (copylocks) flags the lock copy; `Config.Clone` exists precisely to copy the settings safely.',
      fix: 'Use `cfg.Clone()`, which returns a `*tls.Config` with the exported fields copied; pass and store `*tls.Config`.',
      bad: `package workers

import "crypto/tls"

// Broadcast hands each worker its own copy of the config.
func Broadcast(workers []chan tls.Config, cfg *tls.Config) {
	for _, w := range workers {
		w <- *cfg
	}
}
`,
      good: `package workers

import "crypto/tls"

// Broadcast hands each worker its own copy of the config.
func Broadcast(workers []chan *tls.Config, cfg *tls.Config) {
	for _, w := range workers {
		w <- cfg.Clone()
	}
}
`,
      limits: 'go vet\'s copylocks check reports most of these copies too (not channel sends); this rule adds the `Clone()` fix and the reason. Copies of structs that embed a `tls.Config` by value are left to `go vet` copylocks. A suggested fix is offered for `c := *cfg` when `c` is only used through fields and `&c`. Copying out of a config that a call has just returned (`*cfg = *base.Clone()`) is not reported: no one else holds it, and go vet exempts it too.',
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  create(ctx) {
    const { pkg, file } = ctx;
    const isConfigValue = (e: Expr) => isTLSConfigValueType(pkg.typeOf(e));

    const reportCopy = (e: Expr) => {
      const clone = e.kind === 'StarExpr' ? `${shortText(file.source, e.x, 30)}.Clone()` : 'Clone() on a *tls.Config';
      ctx.report({ range: e, messageId: 'copy', data: { expr: shortText(file.source, e, 40), clone }, fixes: e.kind === 'StarExpr' ? cloneFix(pkg, file.source, e) : [] });
    };

    return {
      StarExpr(star: StarExpr) {
        // `*c.Clone()`, `*newConfig()`: a config no one else holds (go vet's copylocks exempts it too)
        if (unparen(star.x).kind === 'CallExpr') return;
        if (!isConfigValue(star) || !pkg.isNamedType(pkg.typeOf(star.x), 'crypto/tls', 'Config')) return;
        if (copies(pkg, star)) reportCopy(star);
      },
      Ident(id: Ident, ancestors) {
        checkOperand(id, ancestors[ancestors.length - 1]);
      },
      SelectorExpr(sel, ancestors) {
        checkOperand(sel, ancestors[ancestors.length - 1]);
      },
      IndexExpr(ix, ancestors) {
        checkOperand(ix, ancestors[ancestors.length - 1]);
      },
      RangeStmt(r: RangeStmt) {
        if (r.value && isConfigValue(r.value)) ctx.report({ range: r.value, messageId: 'range' });
      },
      FuncType(ft: FuncType) {
        // results are fresh values (a returned variable is reported at the return); parameters copy at every call
        const param = ft.params.list.find((f) => f.type && isTLSConfigValueType(pkg.typeOf(f.type)));
        if (param) ctx.report({ range: param, messageId: 'param' });
      },
    };

    /** A variable, field or element of type tls.Config used as a value that gets copied (`parent`: from the walk). */
    function checkOperand(e: Expr, parent: Node | undefined) {
      // most operands stand where nothing is copied (a call's function, a selector's base): no types needed
      if (parent && !mayCopy(e, parent)) return;
      if (e.kind === 'Ident') {
        const o = pkg.objectOf(e);
        if (o?.kind !== 'var' || e === o.decl || o.isField) return;
        if (parent?.kind === 'SelectorExpr' && parent.sel === e) return; // the field name itself: the selector is checked
      }
      if (e.kind === 'SelectorExpr' && pkg.objectOf(e.sel)?.kind !== 'var') return;
      if (!isConfigValue(e)) return;
      if (copies(pkg, e)) reportCopy(e);
    }
  },
});

/** Whether `e` stands where `copies` may say it is copied, from its parent's syntax alone (inside parentheses: maybe). */
function mayCopy(e: Expr, parent: Node): boolean {
  switch (parent.kind) {
    case 'ParenExpr': case 'ReturnStmt': return true;
    case 'AssignStmt': return parent.rhs.includes(e);
    case 'ValueSpec': return parent.values.includes(e);
    case 'CallExpr': return parent.fun !== e;
    case 'CompositeLit': return parent.type !== e;
    case 'KeyValueExpr': case 'SendStmt': return parent.value === e;
    default: return false;
  }
}

/** Whether a value expression of type tls.Config is copied where it stands. */
function copies(pkg: PackageInfo, e: Expr): boolean {
  const n = valueAt(pkg, e, false) as Expr;
  const p = pkg.parentOf(n);
  if (!p || !mayCopy(n, p)) return false;
  // new(T), len... never take a config; conversions to an interface copy
  if (p.kind === 'CallExpr') return pkg.calleeOf(p).kind !== 'builtin';
  if (p.kind === 'KeyValueExpr') return pkg.parentOf(p)?.kind === 'CompositeLit';
  return true;
}

/**
 * `c := *cfg` → `c := cfg.Clone()`, when `c` is only used as `c.Field` or
 * `&c` (which become `c.Field` and `c`).
 */
function cloneFix(pkg: PackageInfo, source: string, star: StarExpr): FixReport[] {
  const assign = pkg.parentOf(star);
  if (assign?.kind !== 'AssignStmt' || assign.tok !== ':=' || assign.lhs.length !== 1 || assign.rhs[0] !== star) return [];
  const lhs = unparen(assign.lhs[0]!);
  const v = lhs.kind === 'Ident' ? pkg.objectOf(lhs) : undefined;
  const fn = pkg.enclosingFunc(assign);
  if (!v || !fn) return [];
  const edits: Array<{ range: Node | { start: number; end: number }; newText: string }> = [
    { range: star, newText: `${source.slice(star.x.start, star.x.end)}.Clone()` },
  ];
  for (const use of usesOf(pkg, fn, v)) {
    const p = pkg.parentOf(use);
    if (p?.kind === 'SelectorExpr' && p.x === use) continue;
    if (p?.kind === 'UnaryExpr' && p.op === '&') {
      edits.push({ range: p, newText: use.name });
      continue;
    }
    return [];
  }
  return [{ message: `Use ${source.slice(star.x.start, star.x.end)}.Clone()`, edits }];
}
