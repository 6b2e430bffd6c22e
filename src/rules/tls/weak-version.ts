import type { AssignStmt, CompositeLit, Expr, KeyValueExpr, Node } from '../../syntax/ast.js';
import { usesOf } from '../../semantics/flow.js';
import { mustHappen } from '../../semantics/dataflow.js';
import type { FuncNode } from '../../semantics/resolve.js';
import { forEachChild } from '../../syntax/walk.js';
import { defineRule, type FixReport, type RelatedReport } from '../../engine/rule.js';
import type { PackageInfo } from '../../semantics/package.js';
import {
  describeSource, exprText, installationsOfLiteral, definedVariable, resolveValues,
  roleOfLiteral, TEST_CODE_LIMITS, tlsConfigFieldTarget, tlsConfigFields, tlsImportName, type PossibleValue,
} from './tls-config.js';
import { onlyInspectsCertificates } from './certificate-probe.js';

const TLS12 = 0x0303n;

/** Protocol versions below TLS 1.2, by wire value. */
const WEAK: ReadonlyMap<bigint, { label: string; constant: string }> = new Map([
  [0x0300n, { label: 'TLS 1.0', constant: 'tls.VersionSSL30, which Go treats as TLS 1.0' }],
  [0x0301n, { label: 'TLS 1.0', constant: 'tls.VersionTLS10' }],
  [0x0302n, { label: 'TLS 1.1', constant: 'tls.VersionTLS11' }],
]);

type Field = 'MinVersion' | 'MaxVersion';

export default defineRule({
  meta: {
    id: 'tls/weak-version',
    title: 'Disable deprecated TLS protocol versions',
    severity: 'medium',
    precision: 'high',
    cwe: [326, 327],
    tags: ['security', 'tls'],
    since: '0.1.0',
    equivalents: { gosec: ['G402'] },
    tests: 'lower',
    messages: {
      min: 'MinVersion allows {version} ({constant}): TLS 1.0 and 1.1 are deprecated (RFC 8996), use SHA-1 in the handshake and only CBC or RC4 record protection, and let an attacker in the middle push connections down to them. Set MinVersion to tls.VersionTLS12 or higher.',
      minVia: 'MinVersion allows {version}: it comes from {source}, {how} {constant}. TLS 1.0 and 1.1 are deprecated (RFC 8996), use SHA-1 in the handshake and only CBC or RC4 record protection. Set MinVersion to tls.VersionTLS12 or higher.',
      max: 'MaxVersion caps every connection at {version} ({constant}): no connection can use TLS 1.2 or 1.3, so all traffic runs on a deprecated protocol (RFC 8996). Remove MaxVersion, or set it to tls.VersionTLS13.',
      probe: '{field} lets connections that only read the peer\'s certificate use {version} ({constant}): no application data crosses them, so this is expected in a TLS probe or scanner that must reach old servers. Do not reuse this config for connections that carry data.',
      missing: 'This server config sets no MinVersion, and {reason}, so the server accepts TLS 1.0 and 1.1 from clients. Set MinVersion: tls.VersionTLS12.',
    },
    docs: {
      finds: '`MinVersion` or `MaxVersion` of a `crypto/tls.Config` set below TLS 1.2 (`tls.VersionTLS10`, `tls.VersionTLS11`, `tls.VersionSSL30`, or the same numbers), in literals and field assignments, directly or through a constant, a variable or a flag default whose every possible value is below TLS 1.2. A server config without `MinVersion` is reported at low severity only when the module\'s `go` directive is older than 1.22 (or the package sets `//go:debug tls10server=1`): that is when Go servers still accept TLS 1.0 by default.',
      why: 'TLS 1.0 and 1.1 were deprecated by RFC 8996 in 2021: their handshakes rely on MD5/SHA-1, they have no AEAD cipher suites (only CBC, with its padding-oracle history, and RC4), and PCI DSS forbids them for card data. A server that accepts them lets an attacker in the middle downgrade old clients; a `MaxVersion` below 1.2 forces every connection onto them.\n\nGo clients default to TLS 1.2 since Go 1.18. Go servers default to TLS 1.2 since Go 1.22, but the default follows the main module\'s `go` directive (GODEBUG `tls10server`): a module that says `go 1.21` or older gets servers that accept TLS 1.0 even when built with a newer toolchain.',
      fix: 'Set `MinVersion: tls.VersionTLS12` (or `tls.VersionTLS13` when every client supports it), and remove a `MaxVersion` below TLS 1.2. Raising the module\'s `go` directive to 1.22 or later also changes the server default.',
      bad: `package server

import (
	"crypto/tls"
	"net/http"
)

func NewServer(cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS10,
		},
	}
}
`,
      good: `package server

import (
	"crypto/tls"
	"net/http"
)

func NewServer(cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS12,
		},
	}
}
`,
      limits: 'A value chosen at run time among several versions (a switch or map over a configuration string that also offers TLS 1.2 and 1.3) is the operator\'s choice and is not reported. A config whose only use is to dial with `crypto/tls` connections that are only handshaken, asked for their state and closed — a TLS probe or scanner, which must reach old servers — is reported at low severity, with a message that says so (local variables only, as for `tls/insecure-skip-verify`). The missing-MinVersion check sees the package\'s own `//go:debug` lines but not a `godebug` block in go.mod, and only literals that are clearly server configs (installed in an `http.Server` or passed to `tls.Listen`/`tls.NewListener`/`tls.Server` in the same function, or with server-only fields such as `GetCertificate` or `ClientAuth`); a config whose `MinVersion` the function sets afterwards on every path (unconditionally, or in every branch of an `if`/`else` or of a `switch` with a `default`) is not missing it. ' + TEST_CODE_LIMITS,
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  create(ctx) {
    const { pkg, file } = ctx;
    const tlsName = tlsImportName(file);
    const oldServerDefault = serverDefaultReason(pkg, ctx.goVersion);


    const fixFor = (field: Field, value: Expr): FixReport[] => {
      if (!tlsName) return [];
      const target = field === 'MinVersion' ? 'VersionTLS12' : 'VersionTLS13';
      return [{ message: `Use ${tlsName}.${target}`, edits: [{ range: value, newText: `${tlsName}.${target}` }] }];
    };

    /** A weak constant: reports; a resolved weak value: reports 'via'. Returns whether it is weak at all (or unknown). */
    const classify = (value: Expr): { kind: 'weak'; v: PossibleValue; direct: boolean; single?: boolean } | { kind: 'ok' } | { kind: 'unknown' } => {
      const c = pkg.constValue(value);
      if (c) {
        if (c.kind !== 'int') return { kind: 'unknown' };
        return isWeak(c.value) ? { kind: 'weak', v: { value: c, at: value, source: 'constant' }, direct: true } : { kind: 'ok' };
      }
      const r = resolveValues(pkg, value, file.isTest);
      if (!r.complete || r.values.length === 0) return { kind: 'unknown' };
      const weak = r.values.filter((v) => v.value.kind === 'int' && isWeak(v.value.value));
      if (weak.length !== r.values.length) return { kind: 'ok' };
      // several weak values: name the highest one the config allows at most
      weak.sort((a, b) => (a.value.value > b.value.value ? -1 : 1));
      return { kind: 'weak', v: weak[0]!, direct: false, single: weak.length === 1 };
    };

    /** `config`: the tls.Config literal, or the base of the assigned field. */
    const report = (field: Field, range: Node, value: Expr, c: { v: PossibleValue; direct: boolean; single?: boolean }, config: Expr) => {
      const { v, direct } = c;
      const n = v.value.kind === 'int' ? v.value.value : 0n;
      const w = WEAK.get(n);
      const how = v.source === 'flag' ? 'whose default is' : c.single ? 'which is only ever' : 'whose every possible value is at most';
      const data = { field, version: w?.label ?? `version 0x${n.toString(16)}`, constant: w?.constant ?? `0x${n.toString(16)}`, source: describeSource(v), how };
      const related: RelatedReport[] = [];
      let fixes: FixReport[] = fixFor(field, value);
      if (!direct) {
        const f = pkg.fileOf(v.at);
        related.push(f && f !== file ? { range: v.at, file: f, message: 'the value is set here' } : { range: v.at, message: 'the value is set here' });
        // fix the value where it is chosen (a flag default, an assignment), not the use
        const name = f === file && c.single ? versionConstantIn(pkg, v.at) : undefined;
        fixes = name ? fixFor(field, name) : [];
      }
      if (onlyInspectsCertificates(pkg, config)) {
        ctx.report({ range, messageId: 'probe', data, related, severity: 'low' });
        return;
      }
      const messageId = field === 'MaxVersion' ? 'max' : direct ? 'min' : 'minVia';
      ctx.report({ range, messageId, data, related, fixes });
    };

    /** Field assignments per (function, config expression): reported at exit unless some other assignment picks a strong version. */
    const assignments = new Map<string, Array<{ field: Field; assign: AssignStmt; value: Expr; config: Expr }>>();
    const fnIds = new Map<Node | null, number>();
    const fnId = (n: Node) => {
      const fn = pkg.enclosingFunc(n);
      let id = fnIds.get(fn);
      if (id === undefined) fnIds.set(fn, (id = fnIds.size));
      return id;
    };

    return {
      CompositeLit(lit: CompositeLit) {
        const fields = tlsConfigFields(pkg, lit);
        if (!fields) return;
        for (const field of ['MinVersion', 'MaxVersion'] as const) {
          const kv = fields.get(field);
          if (!kv) continue;
          const c = classify(kv.value);
          if (c.kind === 'weak') report(field, kv, kv.value, c, lit);
        }
        if (!fields.has('MinVersion') && oldServerDefault) checkMissing(lit, fields);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length || assign.tok !== '=') return;
        assign.lhs.forEach((lhs, i) => {
          for (const field of ['MinVersion', 'MaxVersion'] as const) {
            const target = tlsConfigFieldTarget(pkg, lhs, field);
            if (!target) continue;
            const key = `${fnId(assign)}\x00${field}\x00${exprText(file.source, target.x)}`;
            let list = assignments.get(key);
            if (!list) assignments.set(key, (list = []));
            list.push({ field, assign, value: assign.rhs[i]!, config: target.x });
          }
        });
      },
      'File:exit'() {
        for (const list of assignments.values()) {
          const classes = list.map((a) => classify(a.value));
          // a choice among versions (a switch over a configuration string) is the operator's
          if (list.length > 1 && classes.some((c) => c.kind !== 'weak')) continue;
          list.forEach((a, i) => {
            const c = classes[i]!;
            if (c.kind === 'weak') report(a.field, a.assign, a.value, c, a.config);
          });
        }
      },
    };

    function checkMissing(lit: CompositeLit, fields: ReadonlyMap<string, KeyValueExpr>) {
      if (roleOfLiteral(pkg, lit, (n) => fields.get(n)?.value) !== 'server') return;
      const installed = installationsOfLiteral(pkg, lit).some((i) => i.role === 'server');
      const v = definedVariable(pkg, pkg.parentOf(lit)?.kind === 'UnaryExpr' ? (pkg.parentOf(lit) as Expr) : lit);
      if (v) {
        const fn = pkg.enclosingFunc(lit);
        const sets: Node[] = [];
        for (const id of usesOf(pkg, fn ?? file.ast, v)) {
          const p = pkg.parentOf(id);
          // cfg.MinVersion = ... later, on every path: the version is set after all
          // (set only under a condition, e.g. from an optional setting, the default remains)
          if (p?.kind === 'SelectorExpr' && p.sel.name === 'MinVersion') {
            if (!conditionalRelativeTo(pkg, p, lit)) return;
            sets.push(p);
          }
          // returned or handed elsewhere without being installed here: the caller may set it
          if (!installed && (p?.kind === 'ReturnStmt' || (p?.kind === 'CallExpr' && p.fun !== id))) return;
        }
        // set in every branch of an if/else or a switch with a default
        if (fn && sets.length > 1 && setOnEveryPath(pkg, fn, lit, sets)) return;
      } else if (!installed && escapes(pkg, lit)) {
        return;
      }
      const fixes: FixReport[] = [];
      if (tlsName) {
        const insert = minVersionInsertion(file.source, lit, `${tlsName}.VersionTLS12`);
        fixes.push({ message: `Set MinVersion: ${tlsName}.VersionTLS12`, edits: [insert] });
      }
      ctx.report({ range: lit.type ?? lit, messageId: 'missing', data: { reason: oldServerDefault! }, severity: 'low', fixes });
    }
  },
});

/** Whether, on every path from the statement holding `lit` to a normal exit of `fn`, one of the `sets` (`cfg.MinVersion` selectors assigned to) runs. */
function setOnEveryPath(pkg: PackageInfo, fn: FuncNode, lit: Node, sets: readonly Node[]): boolean {
  const cfg = pkg.cfgOf(fn);
  if (!cfg) return false;
  let stmt: Node | null = lit;
  while (stmt && !cfg.locate(stmt)) stmt = pkg.parentOf(stmt);
  if (!stmt) return false;
  const assigns = new Set(sets.map((s) => pkg.parentOf(s)).filter((a): a is AssignStmt => a?.kind === 'AssignStmt' && a.lhs.some((l) => sets.includes(l))));
  return assigns.size > 0 && mustHappen(cfg, stmt, (n) => assigns.has(n as AssignStmt));
}

/** The `tls.VersionTLS10`-like constant mentioned in an expression (to replace it in place). */
function versionConstantIn(pkg: PackageInfo, e: Expr): Expr | undefined {
  const stack: Node[] = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ((n.kind === 'SelectorExpr' && /^Version(SSL30|TLS1[01])$/.test(n.sel.name)) || (n.kind === 'Ident' && /^Version(SSL30|TLS1[01])$/.test(n.name))) {
      const o = pkg.objectOf(n.kind === 'SelectorExpr' ? n.sel : n);
      if (o?.kind === 'const' && o.pkg === 'crypto/tls') return n;
    }
    forEachChild(n, (c) => { stack.push(c); });
  }
  return undefined;
}

function isWeak(v: bigint): boolean {
  return v > 0n && v < TLS12;
}

/** Whether `n` runs under an if/case/select clause that does not also contain `anchor`. */
function conditionalRelativeTo(pkg: PackageInfo, n: Node, anchor: Node): boolean {
  let child: Node = n;
  for (let p = pkg.parentOf(n); p; child = p, p = pkg.parentOf(p)) {
    if (p.start <= anchor.start && anchor.end <= p.end) return false;
    if (p.kind === 'FuncDecl' || p.kind === 'FuncLit') return true;
    if (p.kind === 'IfStmt' && child !== p.init && child !== p.cond) return true;
    if (p.kind === 'CaseClause' || p.kind === 'CommClause') return true;
  }
  return false;
}

/** Whether a literal (or its address) is returned or passed to a call. */
function escapes(pkg: PackageInfo, lit: CompositeLit): boolean {
  let n: Node = lit;
  let p = pkg.parentOf(n);
  while (p && (p.kind === 'UnaryExpr' || p.kind === 'ParenExpr')) {
    n = p;
    p = pkg.parentOf(p);
  }
  return p?.kind === 'ReturnStmt' || (p?.kind === 'CallExpr' && p.fun !== n);
}

/**
 * Why a server without MinVersion accepts TLS 1.0 here, or undefined when it
 * does not: a `go` directive before 1.22 (GODEBUG tls10server=1 by default),
 * or a `//go:debug tls10server=1` line in the package.
 */
function serverDefaultReason(pkg: PackageInfo, goVersion: string): string | undefined {
  // `//go:debug` lines count only before the package clause
  for (const f of pkg.files) {
    for (const g of f.ast.comments) {
      if (g.start > f.ast.package) break;
      for (const c of g.list) {
        if (/^\/\/go:debug\s+.*\btls10server=1\b/.test(c.text)) return 'the package sets //go:debug tls10server=1';
      }
    }
  }
  const m = /^(\d+)\.(\d+)/.exec(goVersion);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 1 && minor < 22) return `this module's go directive (${goVersion}) predates Go 1.22, whose servers default to TLS 1.2 (GODEBUG tls10server=1 applies)`;
  return undefined;
}

/** An edit that adds `MinVersion: <value>` as the first element of a literal, in its layout. */
function minVersionInsertion(source: string, lit: CompositeLit, value: string): { range: { start: number; end: number }; newText: string } {
  const first = lit.elts[0];
  if (!first) return { range: { start: lit.lbrace, end: lit.rbrace + 1 }, newText: `{MinVersion: ${value}}` };
  const lineStart = source.lastIndexOf('\n', first.start - 1) + 1;
  const before = source.slice(lineStart, first.start);
  if (lineStart > lit.lbrace && /^\s*$/.test(before)) {
    return { range: { start: first.start, end: first.start }, newText: `MinVersion: ${value},\n${before}` };
  }
  return { range: { start: first.start, end: first.start }, newText: `MinVersion: ${value}, ` };
}
