import type { CompositeLit, Expr, Ident, Node, SliceExpr, Stmt } from '../../syntax/ast.js';
import { defineRule, type FixReport } from '../../engine/rule.js';
import { forEachChild } from '../../syntax/walk.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import { isBuiltinCall } from '../../semantics/call-shapes.js';
import { unparen } from '../../syntax/ast.js';
import type { FileData, PackageInfo } from '../../semantics/package.js';
import { TEST_CODE_LIMITS, comparedWithString, declOf, isTLSConfig, switchOfClause, tlsConfigFieldTarget, tlsConfigFields } from './tls-config.js';
import { onlyInspectsCertificates } from './certificate-probe.js';

interface Weakness {
  readonly name: string;
  readonly reason: string;
  readonly broken: boolean;
}

const RC4 = 'RC4 has practically exploitable keystream biases (RFC 7465 forbids it in TLS)';
const DES3 = '3DES has 64-bit blocks and falls to Sweet32 birthday attacks on long connections';
const CBC256 = 'Go implements no Lucky13 countermeasures for the CBC-SHA256 suites';
const RSAKEX = 'RSA key exchange has no forward secrecy (a stolen server key decrypts every recorded session) and is the target of Bleichenbacher/ROBOT oracles';

/** Go's `tls.InsecureCipherSuites()` (Go 1.26), by suite ID. */
const INSECURE: ReadonlyMap<bigint, Weakness> = new Map([
  [0x0005n, { name: 'TLS_RSA_WITH_RC4_128_SHA', reason: `${RC4}; ${RSAKEX}`, broken: true }],
  [0x000an, { name: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', reason: `${DES3}; ${RSAKEX}`, broken: true }],
  [0x002fn, { name: 'TLS_RSA_WITH_AES_128_CBC_SHA', reason: RSAKEX, broken: false }],
  [0x0035n, { name: 'TLS_RSA_WITH_AES_256_CBC_SHA', reason: RSAKEX, broken: false }],
  [0x003cn, { name: 'TLS_RSA_WITH_AES_128_CBC_SHA256', reason: `${CBC256}; ${RSAKEX}`, broken: false }],
  [0x009cn, { name: 'TLS_RSA_WITH_AES_128_GCM_SHA256', reason: RSAKEX, broken: false }],
  [0x009dn, { name: 'TLS_RSA_WITH_AES_256_GCM_SHA384', reason: RSAKEX, broken: false }],
  [0xc007n, { name: 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', reason: RC4, broken: true }],
  [0xc011n, { name: 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', reason: RC4, broken: true }],
  [0xc012n, { name: 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', reason: DES3, broken: true }],
  [0xc023n, { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', reason: CBC256, broken: false }],
  [0xc027n, { name: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', reason: CBC256, broken: false }],
]);

const TLS13 = 0x0304n;

export default defineRule({
  meta: {
    id: 'tls/weak-cipher-suites',
    title: 'Enable only cipher suites Go considers secure',
    severity: 'medium',
    precision: 'very-high',
    cwe: [327],
    tags: ['security', 'tls'],
    since: '0.1.0',
    equivalents: { gosec: ['G402'] },
    tests: 'lower',
    messages: {
      insecure: 'CipherSuites enables {name}, which Go lists as insecure: {reason}. Remove it; if no suite remains, leave CipherSuites nil, and Go picks safe suites in a safe order.',
      probe: 'CipherSuites enables {name}, which Go lists as insecure, on connections that only read the peer\'s certificate: no application data crosses them, so this is expected in a TLS probe or scanner that must reach old servers. Do not reuse this config for connections that carry data.',
      insecureVia: 'CipherSuites enables {name} through {source}, and Go lists that suite as insecure: {reason}. Remove it from the list; if no suite remains, leave CipherSuites nil, and Go picks safe suites in a safe order.',
    },
    docs: {
      finds: 'Cipher suites in the `CipherSuites` of a `crypto/tls.Config` that Go\'s `tls.InsecureCipherSuites()` lists: RC4, 3DES, every suite with RSA key exchange (`TLS_RSA_WITH_*`, GCM ones included) and the CBC-SHA256 suites. The slice may be a literal in the config, a variable or package-level variable, an `append`, a slice of any of these (`all[:n]`: with constant bounds, only the suites inside them, unless the list is reordered first), or the result of a function of the package that returns a literal; suites are recognised by value, so numeric IDs are named by their Go constants.',
      why: 'RC4 has exploitable biases, 3DES falls to Sweet32, the CBC-SHA256 suites have no Lucky13 countermeasures in Go, and RSA key exchange has no forward secrecy: whoever obtains the server\'s private key later can decrypt every recorded session. Go removed RSA key exchange and 3DES from its defaults (Go 1.22 and 1.23); an explicit `CipherSuites` list puts them back.',
      fix: 'Remove the insecure suites. If the list only existed to restrict suites, delete it: with `CipherSuites` nil, Go uses a safe list and orders it by the peers\' hardware. TLS 1.3 suites are not configurable and always safe.',
      bad: `package server

import "crypto/tls"

func Config(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_RSA_WITH_AES_128_CBC_SHA,
		},
	}
}
`,
      good: `package server

import "crypto/tls"

func Config(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
		},
	}
}
`,
      limits: 'Lists built at run time (from configuration strings, or by looping over `tls.CipherSuites()`) are not evaluated: a suite appended only in the `case` of a switch on a run-time value, or under an `if` that compares one with a name (`case "legacy-rc4": ids = append(ids, tls.TLS_RSA_WITH_RC4_128_SHA)`), is there only when the input names it. A config whose `MinVersion` is TLS 1.3 ignores `CipherSuites` and is not reported. A config whose only use is to dial with `crypto/tls` connections that are only handshaken, asked for their state and closed — a TLS probe or scanner — is reported at low severity, with a message that says so (local variables only, as for `tls/insecure-skip-verify`). The ECDHE CBC-SHA (SHA-1) suites are not reported: Go still lists them as secure. ' + TEST_CODE_LIMITS,
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  create(ctx) {
    const { pkg, file } = ctx;
    const reported = new Set<Node>();

    /** `config`: the tls.Config literal, or the base of the assigned field. */
    const check = (site: Node, list: Expr, config: Expr) => {
      let probe: boolean | undefined; // decided at the first weak suite
      for (const { elt, weak, lit, via } of insecureElements(pkg, list, 0)) {
        const eltFile = pkg.fileOf(elt);
        const here = eltFile === file;
        const range = here ? elt : site;
        if (reported.has(range) && here) continue;
        reported.add(range);
        const fixes: FixReport[] = here && lit ? removal(pkg, file, lit, elt, weak.name) : [];
        probe ??= onlyInspectsCertificates(pkg, config);
        if (probe) {
          ctx.report({ range, messageId: 'probe', data: { name: `tls.${weak.name}` }, severity: 'low' });
          continue;
        }
        ctx.report({
          range,
          messageId: via ? 'insecureVia' : 'insecure',
          data: { name: `tls.${weak.name}`, reason: weak.reason, source: via ?? '' },
          ...(!here && eltFile && { related: [{ range: elt, file: eltFile, message: `tls.${weak.name} is listed here` }] }),
          fixes,
          ...(weak.broken && { severity: 'high' as const }),
        });
      }
    };

    return {
      CompositeLit(lit: CompositeLit) {
        const fields = tlsConfigFields(pkg, lit);
        const kv = fields?.get('CipherSuites');
        if (!fields || !kv) return;
        const min = fields.get('MinVersion');
        const v = min ? pkg.constValue(min.value) : undefined;
        if (v?.kind === 'int' && v.value >= TLS13) return;
        check(kv, kv.value, lit);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length || assign.tok !== '=') return;
        assign.lhs.forEach((lhs, i) => {
          const target = tlsConfigFieldTarget(pkg, lhs, 'CipherSuites');
          if (target) check(assign, assign.rhs[i]!, target.x);
        });
      },
    };
  },
});

interface Element {
  readonly elt: Expr;
  readonly weak: Weakness;
  /** The literal holding the element (for a removal fix). */
  readonly lit?: CompositeLit;
  /** How the list reaches the config, when not written in place. */
  readonly via?: string;
}

/** The insecure suites a slice expression contains: literals, variables, appends, and calls of package functions returning literals. */
function insecureElements(pkg: PackageInfo, e: Expr, depth: number, via?: string): Element[] {
  const x = unparen(e);
  if (depth > 4) return [];
  switch (x.kind) {
    case 'CompositeLit': {
      const out: Element[] = [];
      for (const elt of x.elts) {
        const v = elt.kind === 'KeyValueExpr' ? elt.value : elt;
        const weak = weakness(pkg, v);
        if (weak) out.push({ elt: v, weak, lit: x, ...(via !== undefined && { via }) });
      }
      return out;
    }
    case 'Ident': {
      const o = pkg.objectOf(x);
      if (o?.kind !== 'var' || o.isParam || o.isField) return [];
      // an append chosen by a name read at run time (`case "legacy-rc4": ids = append(ids, ...)`) builds the list from configuration
      return assignedValues(pkg, o).filter((a) => !chosenByName(pkg, a)).flatMap((a) => insecureElements(pkg, a, depth + 1, via ?? `the variable ${o.name}`));
    }
    case 'CallExpr': {
      const c = pkg.calleeOf(x);
      if (c.kind === 'builtin' && c.name === 'append') {
        const [first, ...rest] = x.args;
        if (!first) return [];
        // append(cfg.CipherSuites, ...): the existing list is reported where it was set
        const base = isTLSConfigSuites(pkg, first) ? [] : insecureElements(pkg, first, depth + 1, via);
        const added = rest.flatMap((a) => {
          const weak = weakness(pkg, a);
          return weak ? [{ elt: a, weak, ...(via !== undefined && { via }) }] : x.ellipsis >= 0 ? insecureElements(pkg, a, depth + 1, via) : [];
        });
        return [...base, ...added];
      }
      const decl = declOf(pkg, x.fun);
      if (!decl || x.args.length > 0) return [];
      const out: Element[] = [];
      const stack: Node[] = [decl.body!];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (n.kind === 'FuncLit') continue;
        if (n.kind === 'ReturnStmt' && n.results.length === 1) out.push(...insecureElements(pkg, n.results[0]!, depth + 1, via ?? `${decl.name.name}()`));
        forEachChild(n, (k) => { stack.push(k); });
      }
      return out;
    }
    case 'SliceExpr': {
      const all = insecureElements(pkg, x.x, depth + 1, via ?? sliceSource(pkg, x.x));
      const window = constantWindow(pkg, x);
      if (!window || reordered(pkg, x.x)) return all;
      return all.filter(({ elt, lit }) => {
        const i = lit && !lit.elts.some((e) => e.kind === 'KeyValueExpr') ? lit.elts.indexOf(elt) : -1;
        return i < 0 || (i >= window.low && (window.high === undefined || i < window.high));
      });
    }
    default:
      return [];
  }
}

/**
 * Whether a value is assigned only when a run-time value matches a name:
 * inside a `case` of a `switch` on a non-constant tag, or an `if` that
 * compares a non-constant with a string constant (`if name == "rc4" {`).
 */
function chosenByName(pkg: PackageInfo, value: Node): boolean {
  const fn = pkg.enclosingFunc(value);
  let child: Node = value;
  for (let p = pkg.parentOf(value); p && p !== fn; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'CaseClause' && p.body.includes(child as Stmt)) {
      const tag = switchOfClause(pkg, p)?.tag;
      if (tag && pkg.constValue(tag) === undefined && p.list !== null) return true;
    }
    if (p.kind === 'IfStmt' && child === p.body && comparesWithName(pkg, p.cond)) return true;
  }
  return false;
}

/** A condition with a `==` comparison against a string constant among its `&&` and `||` operands. */
function comparesWithName(pkg: PackageInfo, cond: Expr): boolean {
  const x = unparen(cond);
  if (x.kind === 'BinaryExpr' && (x.op === '&&' || x.op === '||')) return comparesWithName(pkg, x.x) || comparesWithName(pkg, x.y);
  return pkg.constValue(x) === undefined && comparedWithString(pkg, x, () => true);
}

function sliceSource(pkg: PackageInfo, e: Expr): string | undefined {
  const o = unparen(e).kind === 'Ident' ? pkg.objectOf(unparen(e) as Ident) : undefined;
  return o ? `a slice of the variable ${o.name}` : undefined;
}

/** The index range `s[low:high]` keeps, when both bounds are constant (a missing high is open). */
function constantWindow(pkg: PackageInfo, s: SliceExpr): { low: number; high?: number } | undefined {
  const bound = (b: Expr | null, dflt: number | undefined): number | undefined | null => {
    if (!b) return dflt;
    const v = pkg.constValue(b);
    return v?.kind === 'int' ? Number(v.value) : null;
  };
  const low = bound(s.low, 0);
  const high = bound(s.high, undefined);
  if (low === null || low === undefined || high === null) return undefined;
  return high === undefined ? { low } : { low, high };
}

/**
 * Whether the sliced variable's elements may be moved before it is sliced:
 * written by index (`v[i], v[j] = v[j], v[i]`) or passed to a function
 * (`sort.Slice(v, …)`, `slices.Reverse(v)`). Positions then say nothing.
 */
function reordered(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  if (x.kind !== 'Ident') return false;
  const o = pkg.objectOf(x);
  const root = o?.decl ? pkg.enclosingDecl(o.decl) ?? pkg.fileOf(o.decl)?.ast : undefined;
  if (!o || !root) return true;
  return usesOf(pkg, root, o).some((id) => {
    const parent = pkg.parentOf(id);
    if (parent?.kind === 'CallExpr' && parent.args.includes(id)) return !isBuiltinCall(pkg, parent, 'len') && !isBuiltinCall(pkg, parent, 'cap');
    if (parent?.kind !== 'IndexExpr' || parent.x !== id) return false;
    const assign = pkg.parentOf(parent);
    return assign?.kind === 'AssignStmt' && assign.lhs.includes(parent);
  });
}

function isTLSConfigSuites(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' && x.sel.name === 'CipherSuites' && isTLSConfig(pkg, x.x);
}

function weakness(pkg: PackageInfo, e: Expr): Weakness | undefined {
  const v = pkg.constValue(e);
  return v?.kind === 'int' ? INSECURE.get(v.value) : undefined;
}

/**
 * A fix removing one element of a literal with its own separator, when
 * secure elements remain (an empty non-nil list would enable no suite at
 * all). Fixes of several elements of one literal never overlap: an element
 * takes the text up to the next element, the last one its own trailing
 * comma (or its whole line).
 */
function removal(pkg: PackageInfo, file: FileData, lit: CompositeLit, elt: Expr, name: string): FixReport[] {
  const i = lit.elts.indexOf(elt);
  if (i < 0 || lit.elts.every((e) => weakness(pkg, e.kind === 'KeyValueExpr' ? e.value : e))) return [];
  const src = file.source;
  const lineStart = src.lastIndexOf('\n', elt.start - 1) + 1;
  const aloneBefore = lineStart > lit.lbrace && /^\s*$/.test(src.slice(lineStart, elt.start));
  let start = elt.start;
  let end: number;
  if (i < lit.elts.length - 1) {
    const next = lit.elts[i + 1]!;
    end = next.start;
    const nextLineStart = src.lastIndexOf('\n', next.start - 1) + 1;
    if (aloneBefore && nextLineStart > elt.end) {
      start = lineStart;
      end = nextLineStart;
    }
  } else {
    end = elt.end;
    const comma = /^\s*,/.exec(src.slice(elt.end, lit.rbrace));
    if (comma) end += comma[0].length;
    const lineEnd = src.indexOf('\n', end);
    if (aloneBefore && lineEnd >= 0 && lineEnd < lit.rbrace && /^[ \t]*$/.test(src.slice(end, lineEnd))) {
      start = lineStart;
      end = lineEnd + 1;
    }
  }
  return [{ message: `Remove tls.${name}`, edits: [{ range: { start, end }, newText: '' }] }];
}
