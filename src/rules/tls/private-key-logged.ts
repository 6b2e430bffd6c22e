import type { CallExpr, Expr, Node } from '../../syntax/ast.js';
import { forEachChild } from '../../syntax/walk.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import { unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { inDeadBranch } from '../../semantics/dead-branches.js';
import { calledName } from '../../semantics/fact-names.js';
import type { Obj } from '../../semantics/scope.js';
import { deref, isErrorType, isString, underlying, type Type } from '../../semantics/types.js';
import { NO_EXTRA, type LoggedValue } from '../shared/log-sinks.js';
import { showsContent } from '../secrets/exposure.js';
import { loggedValuesOf, paramIndexOfArg, secretFactIds, secretFactKinds } from '../secrets/flows.js';
import { calleeName, shortText } from './tls-config.js';

/** Private key types, by `pkg.Name`, and how messages call them. */
const KEY_TYPES: ReadonlyMap<string, string> = new Map([
  ['crypto/rsa.PrivateKey', 'an RSA private key'],
  ['crypto/ecdsa.PrivateKey', 'an ECDSA private key'],
  ['crypto/ed25519.PrivateKey', 'an Ed25519 private key'],
  ['crypto/ecdh.PrivateKey', 'an ECDH private key'],
  ['crypto.PrivateKey', 'a private key'],
]);

/** Calls whose result is private key material, given key material or nothing. */
const KEY_ENCODERS: ReadonlyMap<string, string> = new Map([
  ['crypto/x509.MarshalPKCS1PrivateKey', 'a DER-encoded private key'],
  ['crypto/x509.MarshalPKCS8PrivateKey', 'a DER-encoded private key'],
  ['crypto/x509.MarshalECPrivateKey', 'a DER-encoded private key'],
]);

/** Calls that keep the content of their (first) argument: encodings, conversions, formatting. */
const PRESERVING = new Set([
  '(encoding/base64.Encoding).EncodeToString', 'encoding/hex.EncodeToString', 'encoding/pem.EncodeToMemory',
  'fmt.Sprintf', 'fmt.Sprint', 'fmt.Sprintln', 'strings.TrimSpace', 'bytes.TrimSpace', 'strings.Join',
]);

/** A file path that names a private key (not a certificate or a public key). */
const KEY_PATH = /key|id_(rsa|ecdsa|ed25519)\b/i;
const NOT_PRIVATE = /pub(lic)?_?key|cert|\bca\b|_ca|ca_|pubkey|known_?hosts|authorized_?keys/i;

/** Names the secrets family reports by name (secrets/sensitive-data-logged): left to it. */
const NAMED_PRIVATE_KEY = /private_?key/i;

const logsKind = secretFactKinds([])[0]!;

export default defineRule({
  meta: {
    id: 'tls/private-key-logged',
    title: 'Keep private keys out of logs',
    severity: 'high',
    precision: 'high',
    cwe: [532, 321],
    tags: ['security', 'tls', 'secrets', 'logging'],
    since: '0.1.0',
    tests: 'lower',
    messages: {
      logged: '{sink} logs {what} (`{expr}`): a private key in a log is a leaked key, kept for months and readable by everyone with access to the log store, who can then impersonate this service and decrypt traffic recorded without forward secrecy. Log public facts instead (subject, serial number, SHA-256 fingerprint, expiry), and rotate this key if the line ever ran in production.',
      passed: '`{expr}` holds {what} and is passed to {callee}, which logs that argument: a private key in a log is a leaked key, readable by everyone with access to the log store. Log public facts instead (subject, serial number, SHA-256 fingerprint, expiry), and rotate this key if the line ever ran in production.',
    },
    docs: {
      finds: 'Private key material reaching a log sink (the secrets family\'s model: `log`, `log/slog`, `fmt.Print*` to stdout/stderr, zap, logrus, zerolog, go-kit, hclog, klog/glog, and module functions that log a parameter): values of type `*rsa.PrivateKey`, `*ecdsa.PrivateKey`, `ed25519.PrivateKey`, `*ecdh.PrivateKey` or `crypto.PrivateKey`; `tls.Certificate` values rendered as JSON (which serialises the key\'s fields); DER from `x509.Marshal*PrivateKey`; PEM from `pem.EncodeToMemory` of a block whose type contains "PRIVATE KEY"; the bytes of a file whose path names a key (`os.ReadFile(cfg.KeyFile)`), the `Bytes` of a block decoded from them; a variable or parameter the function passes as the key of `tls.X509KeyPair(certPEM, keyPEM)`; and encodings, conversions and `fmt.Sprintf` of any of these, through local variables.',
      why: 'A TLS private key is the identity of the service: whoever holds it can impersonate the server to every client, and decrypt any recorded session that did not use forward secrecy. Logs are shipped to aggregators and third parties, indexed, kept for months and read by far more people than the key\'s file permissions allow. A key logged once, often while debugging certificate loading, must be treated as compromised.',
      fix: 'Do not log key material. To identify a certificate, log its subject, serial number, SHA-256 fingerprint and expiry; to debug loading, log the file path and the error. Rotate a key that reached production logs.',
      bad: `package certs

import (
	"log"
	"os"
)

func loadKey(path string) ([]byte, error) {
	keyPEM, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	log.Printf("loaded key: %s", keyPEM)
	return keyPEM, nil
}

func LoadServerKey() ([]byte, error) { return loadKey("/etc/tls/server.key") }
`,
      good: `package certs

import (
	"log"
	"os"
)

func loadKey(path string) ([]byte, error) {
	keyPEM, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	log.Printf("loaded key from %s (%d bytes)", path, len(keyPEM))
	return keyPEM, nil
}

func LoadServerKey() ([]byte, error) { return loadKey("/etc/tls/server.key") }
`,
      limits: 'Values whose own name says "private key" (`privateKey`, `cert.PrivateKey`) are left to `secrets/sensitive-data-logged`, which reports credentials by name, so that one line gives one finding. A file read counts as key material when its path expression names a key (`KeyFile`, `keyPath`, `"server.key"`), or the path is a parameter and every call of the function passes such a path. `%T`, `%p` and short precisions show no content and are not reported. `tls.Certificate` values printed with fmt show only a pointer for RSA and ECDSA keys and are not reported.',
    },
  },
  prefilter: {},
  facts: [logsKind],
  create(ctx) {
    const { pkg, file } = ctx;
    const logs = secretFactIds([]).logs;
    const reported = new Set<Node>();

    const judge = (call: CallExpr, sink: string, v: LoggedValue) => {
      if (!showsContent(v) || v.rendering === 'stringer') return;
      const e = unparen(v.expr);
      if (namedLikePrivateKey(e) || reported.has(e)) return;
      const k = keyMaterial(pkg, e, v.rendering, 0, new Set());
      if (!k) return;
      reported.add(e);
      const related: RelatedReport[] = [];
      if (k.origin && !(k.origin.start >= e.start && k.origin.end <= e.end)) {
        const f = pkg.fileOf(k.origin);
        related.push({ range: k.origin, ...(f && f !== file && { file: f }), message: `the key material comes from here` });
      }
      ctx.report({ range: e, messageId: 'logged', data: { sink, what: k.what, expr: shortText(file.source, e, 40) }, related });
      void call;
    };

    return {
      CallExpr(call: CallExpr, ancestors) {
        const logged = loggedValuesOf(pkg, call, NO_EXTRA);
        if (logged) {
          if (inDeadBranch(pkg, ancestors, call)) return;
          for (const v of logged.values) judge(call, logged.name, v);
          return;
        }
        if (!pkg.mayCallFactHolder(call, logs)) return;
        const callee = pkg.calleeOf(call);
        const key = pkg.calleeKey(callee);
        if (!key || (callee.kind !== 'func' && callee.kind !== 'method') || inDeadBranch(pkg, ancestors, call)) return;
        call.args.forEach((arg, i) => {
          if (!pkg.hasParamFact(key, logs, paramIndexOfArg(pkg, call, i))) return;
          const e = unparen(arg);
          if (namedLikePrivateKey(e) || reported.has(e)) return;
          const k = keyMaterial(pkg, e, 'fmt', 0, new Set());
          if (!k) return;
          reported.add(e);
          ctx.report({ range: e, messageId: 'passed', data: { callee: callee.name, what: k.what, expr: shortText(file.source, e, 40) } });
        });
      },
    };
  },
});

interface KeyMaterial {
  readonly what: string;
  /** Where the material enters (a file read, an encoder call), for a related location. */
  readonly origin?: Node;
}

function namedLikePrivateKey(e: Expr): boolean {
  const name = e.kind === 'Ident' ? e.name : e.kind === 'SelectorExpr' ? e.sel.name : '';
  return NAMED_PRIVATE_KEY.test(name);
}

function keyTypeName(t: Type): string | undefined {
  const d = deref(t);
  if (d.kind !== 'named') return undefined;
  return KEY_TYPES.get(`${d.pkg}.${d.name}`);
}

/** What private key material an expression holds, if any. */
function keyMaterial(pkg: PackageInfo, e: Expr, rendering: LoggedValue['rendering'], depth: number, seen: Set<Obj>): KeyMaterial | undefined {
  if (depth > 6) return undefined;
  const x = unparen(e);
  if (pkg.constValue(x) !== undefined) return undefined;
  const t = pkg.typeOf(x);
  const typed = keyTypeName(t);
  if (typed) return { what: typed };
  if ((rendering === 'json' || rendering === 'zap-any') && pkg.isNamedType(t, 'crypto/tls', 'Certificate')) {
    return { what: 'a tls.Certificate, whose JSON encoding includes its private key' };
  }
  // past the key types, key material is bytes, text or a PEM block (an `err` from the same call is not)
  if (!canHoldKeyBytes(pkg, t)) return undefined;
  switch (x.kind) {
    case 'Ident': {
      const o = pkg.objectOf(x);
      if (o?.kind !== 'var' || o.isField || seen.has(o)) return undefined;
      seen.add(o);
      // data, err := os.ReadFile(...): only the first result carries the material
      const def = o.node;
      if (def?.kind === 'AssignStmt' && def.lhs.length > def.rhs.length && def.lhs.findIndex((l) => l.kind === 'Ident' && l.name === o.name) > 0) return undefined;
      for (const v of assignedValues(pkg, o)) {
        const k = keyMaterial(pkg, v, rendering, depth + 1, seen);
        if (k) return { what: k.what, origin: k.origin ?? v };
      }
      const pair = keyPairKeyArgument(pkg, o);
      return pair ? { what: 'the PEM private key passed to tls.X509KeyPair', origin: pair } : undefined;
    }
    case 'SelectorExpr': {
      // block.Bytes of a PEM block decoded from key material
      if (x.sel.name === 'Bytes' && pkg.isNamedType(pkg.typeOf(x.x), 'encoding/pem', 'Block')) return keyMaterial(pkg, x.x, rendering, depth + 1, seen);
      return undefined;
    }
    case 'CompositeLit': {
      if (pkg.isNamedType(t, 'encoding/pem', 'Block')) return privatePemBlock(pkg, x) ? { what: 'a PEM private-key block', origin: x } : undefined;
      return undefined;
    }
    case 'UnaryExpr':
      return x.op === '&' ? keyMaterial(pkg, x.x, rendering, depth + 1, seen) : undefined;
    case 'SliceExpr':
      return keyMaterial(pkg, x.x, rendering, depth + 1, seen);
    case 'CallExpr': {
      const c = pkg.calleeOf(x);
      if (c.kind === 'conversion' && x.args.length === 1) return keyMaterial(pkg, x.args[0]!, rendering, depth + 1, seen);
      const name = calleeName(pkg, x);
      if (!name) return undefined;
      const encoded = KEY_ENCODERS.get(name);
      if (encoded) return { what: encoded, origin: x };
      if (name === 'encoding/pem.Decode' && x.args[0]) return keyMaterial(pkg, x.args[0], rendering, depth + 1, seen);
      if (name === 'os.ReadFile' || name === 'io/ioutil.ReadFile') {
        const path = x.args[0];
        return path && namesKeyFile(pkg, path, 0) ? { what: 'the contents of a private key file', origin: x } : undefined;
      }
      if ((name === 'encoding/json.Marshal' || name === 'encoding/json.MarshalIndent') && x.args[0]) {
        const k = keyMaterial(pkg, x.args[0], 'json', depth + 1, seen);
        return k ? { what: k.what, origin: k.origin ?? x } : undefined;
      }
      if (PRESERVING.has(name)) {
        for (const a of x.args) {
          const k = keyMaterial(pkg, a, rendering, depth + 1, seen);
          if (k) return k;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The `tls.X509KeyPair(certPEM, keyPEM)` call of the variable's function that takes it as the key, if any. */
function keyPairKeyArgument(pkg: PackageInfo, o: Obj): CallExpr | undefined {
  const fn = o.func;
  if (!fn) return undefined;
  for (const use of usesOf(pkg, fn, o)) {
    let arg: Node = use;
    for (let p = pkg.parentOf(arg); p?.kind === 'CallExpr' && pkg.calleeOf(p).kind === 'conversion'; p = pkg.parentOf(arg)) arg = p;
    const call = pkg.parentOf(arg);
    if (call?.kind === 'CallExpr' && call.args[1] === arg && calleeName(pkg, call) === 'crypto/tls.X509KeyPair') return call;
  }
  return undefined;
}

function canHoldKeyBytes(pkg: PackageInfo, t: Type): boolean {
  if (t.kind === 'unknown') return true;
  if (isErrorType(t)) return false;
  if (t.kind === 'tuple') return t.types.length > 0 && canHoldKeyBytes(pkg, t.types[0]!);
  if (pkg.isNamedType(t, 'encoding/pem', 'Block')) return true;
  const u = underlying(t, pkg.info);
  switch (u.kind) {
    case 'slice': case 'array': { const el = underlying(u.elem, pkg.info); return el.kind === 'basic' && el.name === 'uint8'; }
    case 'basic': return isString(u);
    case 'interface': return true;
    default: return false;
  }
}

/** `pem.Block{Type: "RSA PRIVATE KEY", ...}` (also EC, PKCS#8, OpenSSH). */
function privatePemBlock(pkg: PackageInfo, lit: Extract<Expr, { kind: 'CompositeLit' }>): boolean {
  for (const elt of lit.elts) {
    if (elt.kind !== 'KeyValueExpr' || elt.key.kind !== 'Ident' || elt.key.name !== 'Type') continue;
    const v = pkg.constValue(elt.value);
    return v?.kind === 'string' && /PRIVATE KEY/.test(v.value);
  }
  return false;
}

/**
 * Whether a path expression names a private key file: its text or constant
 * value says "key" and not certificate or public key; a parameter counts
 * when every call of its function in the package passes such a path.
 */
function namesKeyFile(pkg: PackageInfo, path: Expr, depth: number): boolean {
  const x = unparen(path);
  const c = pkg.constValue(x);
  if (c?.kind === 'string') return KEY_PATH.test(c.value) && !NOT_PRIVATE.test(c.value);
  const text = pkg.fileOf(x)?.source.slice(x.start, x.end) ?? '';
  if (KEY_PATH.test(text) && !NOT_PRIVATE.test(text)) return true;
  if (depth > 2 || x.kind !== 'Ident') return false;
  const o = pkg.objectOf(x);
  if (o?.kind !== 'var') return false;
  if (!o.isParam) return assignedValues(pkg, o).some((v) => namesKeyFile(pkg, v, depth + 1));
  // a parameter: every call site in the package passes a key path
  const fn = o.func;
  if (fn?.kind !== 'FuncDecl') return false;
  const index = fn.type.params.list.flatMap((f) => f.names).findIndex((n) => n === o.decl);
  const calls = callsOf(pkg, fn);
  return index >= 0 && calls.length > 0 && calls.every((call) => call.args[index] !== undefined && namesKeyFile(pkg, call.args[index]!, depth + 1));
}

/** Calls of a declared function in the package (a walk of the package, on demand; only calls by its name are resolved). */
function callsOf(pkg: PackageInfo, fn: Extract<Node, { kind: 'FuncDecl' }>): CallExpr[] {
  const out: CallExpr[] = [];
  const name = fn.name.name;
  for (const f of pkg.files) {
    const stack: Node[] = [f.ast];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.kind === 'CallExpr' && calledName(n) === name) {
        const c = pkg.calleeOf(n);
        if ((c.kind === 'func' || c.kind === 'method') && c.obj?.node === fn) out.push(n);
      }
      forEachChild(n, (k) => { stack.push(k); });
    }
  }
  return out;
}
