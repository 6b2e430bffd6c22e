import type * as ast from '../../syntax/ast.js';
import type { CompositeLit, Expr, Node } from '../../syntax/ast.js';
import { walk } from '../../syntax/walk.js';
import { defineRule } from '../../engine/rule.js';
import { isTestHelper } from '../../engine/policy.js';
import type { FileData, PackageInfo } from '../../semantics/package.js';
import { unparen } from '../../syntax/ast.js';
import { importPathsOf } from '../../semantics/resolve.js';
import { ENV_SET_VARS, envOfWriter } from './key-log-env.js';
import { neverWritten } from '../../semantics/fields.js';
import { isNil, shortText, switchOfClause, tlsConfigFieldTarget, tlsConfigFields } from './tls-config.js';

export default defineRule({
  meta: {
    id: 'tls/key-log-writer',
    title: 'Keep TLS key logging out of production code',
    severity: 'high',
    precision: 'very-high',
    cwe: [532, 311],
    tags: ['security', 'tls', 'secrets'],
    since: '0.1.0',
    messages: {
      always: 'KeyLogWriter is set: crypto/tls writes the secrets of every TLS session to {writer} (NSS key log format), and anyone who can read that output can decrypt every captured connection, past ones included. Remove it from production code; keep key logging in tests or behind a debug build tag.',
      optional: 'KeyLogWriter takes its writer from {writer}, which may be nil ({why}): whenever it holds a writer, crypto/tls writes the secrets of every TLS session to it (NSS key log format), and anyone who can read that output can decrypt every captured connection. Make sure it is only ever set by an explicit debugging switch (such as SSLKEYLOGFILE), never by default in production.',
      field: 'KeyLogWriter takes its writer from the field {writer}: whenever that field holds a writer, crypto/tls writes the secrets of every TLS session to it (NSS key log format), and anyone who can read that output can decrypt every captured connection. Make sure the field is only ever set by an explicit debugging switch (such as SSLKEYLOGFILE), never by default in production.',
      environment: 'KeyLogWriter takes its writer from {writer}, which is set from the environment variable {env}: whenever {env} is set for this process, crypto/tls writes the secrets of every TLS session to that file (NSS key log format), and anyone who can read it can decrypt every captured connection. This is a common debugging switch; make sure production deployments never set {env}, or keep the code behind a debug build tag.',
      optIn: 'KeyLogWriter is set when {condition}: crypto/tls then writes the secrets of every TLS session to {writer} (NSS key log format), and anyone who can read that output can decrypt every captured connection. Keep key logging out of production builds (a debug build tag), or make sure the switch cannot be turned on in production.',
    },
    docs: {
      finds: '`KeyLogWriter` set to a non-nil writer in a `crypto/tls.Config` literal or by an assignment, outside test code (`_test.go` files, and test support: files that import `testing` or a test framework such as Gomega, files named as fixtures or mocks, files in test directories such as `e2e/` or `testutil/`). Unconditional assignments are reported at high severity, ones under a condition (an environment variable such as SSLKEYLOGFILE, a flag, an option) at medium, and so are writers taken from a struct field (`KeyLogWriter: opts.KeyLog`), which whoever fills the struct may leave nil (an unexported field that nothing in the package sets — no literal, assignment or address of it — is always nil and is not reported), or from a parameter (`func Config(keyLog io.Writer)`: each caller chooses, and a caller that passes a writer always is not followed) or a local variable that may be nil: declared without a value (`var keyLog io.Writer`) or checked against nil (`if keyLog != nil {`). A writer held by a variable set from a function that reads an environment variable (`var KeyLog = openKeyLog()`, which opens `$SSLKEYLOGFILE`; also a package variable of another package of the module) is reported at medium with a message that names the variable.',
      why: 'The key log contains the session secrets of every connection made with the config. Together with a packet capture it decrypts the traffic, including passwords, tokens and personal data, and it keeps doing so for recordings made long before the log leaked. Key logs end up in world-readable temp files, log collectors and crash dumps; code that writes them is usually a debugging aid that was never removed.',
      fix: 'Delete the field. If you need key logging for Wireshark, put it in a file with a `//go:build debug` constraint, or in tests.',
      bad: `package client

import (
	"crypto/tls"
	"os"
)

func Config() (*tls.Config, error) {
	w, err := os.OpenFile("/tmp/keys.log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, KeyLogWriter: w}, nil
}
`,
      good: `package client

import "crypto/tls"

func Config() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}
`,
      limits: 'Build constraints are not interpreted: a file that only builds with a debug tag is still reported (suppress it with a reason). Writers set through helper functions in other packages are not seen; a writer is tied to an environment variable only through a function without parameters that reads it with `os.Getenv` or `os.LookupEnv`.',
    },
  },
  prefilter: { imports: ['crypto/tls'] },
  facts: [ENV_SET_VARS],
  create(ctx) {
    const { pkg, file } = ctx;
    if (isTestSupport(file)) return {};

    const check = (range: Node, value: Expr) => {
      if (isNil(pkg, value)) return;
      const condition = enclosingCondition(pkg, file, range);
      const writer = shortText(file.source, value, 40);
      const x = unparen(value);
      const env = envOfWriter(pkg, value);
      if (env) ctx.report({ range, messageId: 'environment', data: { writer, env }, severity: 'medium' });
      else if (condition) ctx.report({ range, messageId: 'optIn', data: { writer, condition }, severity: 'medium' });
      // an optional writer of a configuration or state struct: set (or not) wherever that struct is filled
      else if (x.kind === 'SelectorExpr' && pkg.objectOf(x.sel)?.isField) {
        // an unexported field nothing sets is always nil
        if (!neverWritten(pkg, pkg.objectOf(x.sel)!)) ctx.report({ range, messageId: 'field', data: { writer }, severity: 'medium' });
      } else {
        const why = x.kind === 'Ident' ? mayBeNil(pkg, x) : undefined;
        if (why) ctx.report({ range, messageId: 'optional', data: { writer, why }, severity: 'medium' });
        else ctx.report({ range, messageId: 'always', data: { writer } });
      }
    };

    return {
      CompositeLit(lit: CompositeLit) {
        const kv = tlsConfigFields(pkg, lit)?.get('KeyLogWriter');
        if (kv) check(kv, kv.value);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length) return;
        assign.lhs.forEach((lhs, i) => {
          if (tlsConfigFieldTarget(pkg, lhs, 'KeyLogWriter')) check(assign, assign.rhs[i]!);
        });
      },
    };
  },
});

/** Test files and test helpers (see isTestHelper). */
function isTestSupport(file: FileData): boolean {
  return file.isTest || isTestHelper(file.relPath, importPathsOf(file.ast));
}

/**
 * Why a parameter or local variable holding a writer may be nil, if it
 * may: a parameter is whatever its callers pass; a local is declared
 * without a value (`var keyLog io.Writer`, set only on some paths), or the
 * function compares it with nil (`if keyLog != nil {`).
 */
function mayBeNil(pkg: PackageInfo, id: ast.Ident): string | undefined {
  const v = pkg.objectOf(id);
  const fn = pkg.enclosingFunc(id);
  if (!v || v.kind !== 'var' || v.isField || v.isPackageLevel || !fn?.body) return undefined;
  // a receiver is the value the method runs on, not a writer a caller chooses
  if (v.isParam) return v.isRecv ? undefined : `${v.name} is a parameter, and each caller chooses the writer`;
  if (v.node?.kind === 'ValueSpec' && v.node.values.length === 0) return `${v.name} is declared without a value and set only on some paths`;
  let found = false;
  walk(fn.body, {
    enter: (n) => {
      if (found) return false;
      if (n.kind === 'BinaryExpr' && isNilCheck(pkg, n)) {
        const o = unparen(isNil(pkg, n.x) ? n.y : n.x);
        if (o.kind === 'Ident' && pkg.objectOf(o) === v) found = true;
      }
      return undefined;
    },
  });
  return found ? 'this function checks it against nil' : undefined;
}

/** `x != nil` or `x == nil`. */
function isNilCheck(pkg: PackageInfo, cond: Expr): boolean {
  const c = unparen(cond);
  return c.kind === 'BinaryExpr' && (c.op === '!=' || c.op === '==') && (isNil(pkg, c.x) || isNil(pkg, c.y));
}

/** The condition of the innermost `if` or `case` (in the same function) whose body contains the node, as text. */
function enclosingCondition(pkg: PackageInfo, file: FileData, n: Node): string | undefined {
  let child: Node = n;
  for (let p = pkg.parentOf(n); p; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'FuncDecl' || p.kind === 'FuncLit') return undefined;
    if (p.kind === 'IfStmt' && child === p.else && p.cond) {
      // the else of a nil or error check (`if err != nil { ... } else { set }`) is no switch: look further out
      if (isNilCheck(pkg, p.cond)) continue;
      return `${shortText(file.source, p.cond, 60)} is false`;
    }
    if (p.kind === 'IfStmt' && child === p.body && p.cond) return shortText(file.source, p.cond, 60);
    if (p.kind === 'CaseClause' && p.body.includes(child as never)) {
      const tag = switchOfClause(pkg, p)?.tag ?? null;
      const first = p.list?.[0];
      if (!first) return 'no other case matches';
      return tag ? `${shortText(file.source, tag, 30)} is ${shortText(file.source, first, 30)}` : shortText(file.source, first, 60);
    }
  }
  return undefined;
}
