import { z } from 'zod';
import type { AssignStmt, CallExpr, CompositeLit } from '../../syntax/ast.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { authUsesOfAssign, authUsesOfCall, authUsesOfLit, valueParts, type AuthUse } from './auth-values.js';
import { detectSecret, DUMMY_PASSWORDS, isPlaceholder, isSpelledDummyPassword } from './detect/index.js';
import { charClasses } from './detect/entropy.js';
import { describeSecretInline, secretIdentity } from './describe.js';
import { relatedOf } from './flows.js';
import { allowOption, detectionSettings, minEntropyOption } from './options.js';
import { maskRanges } from './trace.js';

const options = z.strictObject({
  allow: allowOption,
  'min-entropy': minEntropyOption,
});

/** `Bearer abc`, `token abc`, `Basic dXNlcjpwYXNz`. */
const SCHEME = /^\s*([A-Za-z][\w-]*)\s+(\S+)\s*$/;

export default defineRule({
  meta: {
    id: 'secrets/literal-authorization-header',
    title: 'Send credentials that are loaded at run time, not written in the code',
    severity: 'high',
    precision: 'high',
    cwe: [798],
    tags: ['security', 'secrets', 'http', 'grpc'],
    since: '0.1.0',
    equivalents: { gitleaks: ['allow'] },
    tests: 'lower',
    messages: {
      header: 'The {header} header is set to a hardcoded {scheme}credential{what}: anyone with the source or the binary can call the service as this client, and rotating it takes a release. Read the credential at run time (environment, secret manager, mounted file) and revoke this one.',
      basicAuth: 'SetBasicAuth is given a hardcoded password ({length} characters): anyone with the source or the binary can log in as this client, and changing it takes a release. Read the password at run time (environment, secret manager, mounted file) and change this one.',
      grpc: 'The gRPC "{header}" metadata is set to a hardcoded {scheme}credential{what}: anyone with the source or the binary can call the service as this client, and rotating it takes a release. Read the credential at run time, or use per-RPC credentials backed by a token source.',
    },
    docs: {
      finds: 'An `Authorization` (or `Proxy-Authorization`) header whose credential is written in the code: `Header.Set/Add`, `http.Header{...}` literals and `h["Authorization"] = ...`; `Request.SetBasicAuth` with a literal password; gRPC metadata (`metadata.Pairs`, `New`, `AppendToOutgoingContext`, `MD.Set/Append`, `metadata.MD{...}`) with a literal `authorization` value. The value may be built from literals, constants and local copies (`"Bearer " + apiKey`), and `Basic` credentials are decoded (`base64` of a literal too).',
      why: 'A hardcoded `Authorization` value is a credential in the source: in every clone, fork and binary, and it cannot be rotated without a release. Bearer tokens sent this way usually belong to a service account with broad rights.',
      fix: 'Read the token or password at run time (environment, secret manager, mounted file) and set the header from that value; for gRPC, use `grpc.WithPerRPCCredentials` with a token source. Revoke the credential that was committed.',
      bad: `package client

import "net/http"

const apiToken = "glpat-Zx8Kq2LmR4vN7tP1wB3c"

func newRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+apiToken)
	return req, nil
}
`,
      good: `package client

import (
	"net/http"
	"os"
)

func newRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))
	return req, nil
}
`,
      limits: 'Placeholders (`Bearer <token>`, `Bearer ${TOKEN}`, `changeme`) and well-known dummy passwords are not reported. A bearer value without a known token format must look random (entropy). Other credential headers (`X-API-Key`, `X-Auth-Token`) are left to `secrets/hardcoded-credential`, which reports the constant they come from.',
    },
    options,
  },
  create(ctx) {
    const { pkg, file, options: o } = ctx;
    const settings = detectionSettings(o);

    const check = (use: AuthUse) => {
      const parts = valueParts(pkg, use.value);
      if (parts.some((p) => p.text === undefined)) return; // computed at run time
      const full = parts.map((p) => p.text!).join('');
      if (settings.allow.some((r) => r.test(full))) return;
      // locate the credential inside the full value
      let scheme = '';
      let credStart = 0;
      let credEnd = full.length;
      let password: string | undefined;
      if (use.kind === 'basic-auth') {
        password = full;
      } else {
        const m = SCHEME.exec(full);
        if (m) {
          scheme = m[1]!;
          credStart = full.indexOf(m[2]!, m.index + m[1]!.length);
          credEnd = credStart + m[2]!.length;
        }
        if (scheme.toLowerCase() === 'basic') {
          const decoded = decodeBasic(full.slice(credStart, credEnd));
          if (decoded === undefined) return;
          password = decoded.password;
        }
      }
      const cred = full.slice(credStart, credEnd);
      let what = '';
      let type = 'authorization';
      if (password !== undefined) {
        if (!isRealPassword(password)) return;
        what = ` (${scheme ? 'user and password' : 'password'}, ${password.length} characters)`;
        type = 'password';
      } else {
        if (cred.length < 8 || isPlaceholder(cred)) return;
        const match = detectSecret(cred, { ...settings.detect, name: 'token' });
        if (!match) return;
        what = match.tier === 'generic' ? ` (${cred.length} characters)` : ` (${describeSecretInline(match, cred)})`;
        type = match.type;
      }
      // mask every hardcoded part of this file the credential comes from, and point at the others
      const masked: Array<{ start: number; end: number }> = [];
      const related: RelatedReport[] = [];
      let offset = 0;
      for (const p of parts) {
        const len = p.text!.length;
        const overlaps = offset < credEnd && offset + len > credStart;
        if (overlaps) {
          if (p.decoded !== undefined) masked.push(...maskRanges(pkg, p.expr, 0, p.decoded.length));
          else masked.push(...maskRanges(pkg, p.expr, Math.max(0, credStart - offset), Math.min(len, credEnd - offset)));
          let at = offset;
          for (const leaf of p.leaves) {
            const from = at;
            at += leaf.value.length;
            if (!leaf.root || leaf.root === p.expr || p.decoded !== undefined || !(from < credEnd && at > credStart)) continue;
            if (pkg.fileOf(leaf.root) === file) masked.push(...maskRanges(pkg, leaf.root, 0, leaf.value.length));
            related.push(...relatedOf(pkg, [{ node: leaf.root, message: 'the credential is hardcoded here' }, ...leaf.steps]));
          }
        }
        offset += len;
      }
      const data = { header: use.header, scheme: scheme ? `${scheme} ` : '', what, length: password?.length ?? cred.length };
      ctx.report({
        range: use.at,
        messageId: use.kind === 'basic-auth' ? 'basicAuth' : use.kind === 'grpc' ? 'grpc' : 'header',
        data,
        ...(related.length > 0 && { related }),
        masked,
        identity: secretIdentity(type, password ?? cred),
      });
    };

    return {
      CallExpr(call: CallExpr) {
        authUsesOfCall(pkg, call).forEach((use) => check(use));
      },
      CompositeLit(lit: CompositeLit) {
        authUsesOfLit(pkg, lit).forEach((use) => check(use));
      },
      AssignStmt(assign: AssignStmt) {
        authUsesOfAssign(pkg, assign).forEach((use) => check(use));
      },
    };
  },
});

/** The password of a `Basic` credential (base64 of `user:password`). */
function decodeBasic(b64: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const text = Buffer.from(b64, 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i < 0 || /[\u0000-\u001f\ufffd]/.test(text)) return undefined;
  return { user: text.slice(0, i), password: text.slice(i + 1) };
}

/** Not a placeholder, template, dummy or default password, and not a single plain word (`secure`). */
function isRealPassword(p: string): boolean {
  return p.length >= 6 && !isPlaceholder(p) && !DUMMY_PASSWORDS.has(p.toLowerCase()) && !isSpelledDummyPassword(p) && (charClasses(p).count >= 2 || p.length >= 12);
}
