import type { AssignStmt, CompositeLit, Expr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { exprText, isConstTrue, isNil, tlsConfigFieldTarget, tlsConfigFields } from './tls-config.js';

/** Fields whose presence means the program verifies peers itself. */
const CUSTOM_VERIFIERS = ['VerifyConnection', 'VerifyPeerCertificate'];

export default defineRule({
  meta: {
    id: 'tls/insecure-skip-verify',
    title: 'Keep TLS certificate verification on',
    severity: 'high',
    precision: 'very-high',
    cwe: [295],
    tags: ['security', 'tls'],
    since: '0.1.0',
    messages: {
      skip: 'TLS certificate verification is off: InsecureSkipVerify accepts any certificate for any host, so anyone on the network path can impersonate the peer and read or change the traffic. Remove it; to trust a private CA, add it to RootCAs.',
    },
    docs: {
      finds: '`InsecureSkipVerify: true` in a `crypto/tls.Config` literal, and assignments of `true` to the field of a `tls.Config`, however the package is imported and wherever the config is nested (an `http.Transport`, a client, a dialer).',
      why: 'With `InsecureSkipVerify` set, a TLS client accepts any certificate chain and any host name. The connection is still encrypted, but to whoever answers: a machine in the middle can present its own certificate, read every request (tokens, passwords, card data) and change every response. The setting is often added to get past a self-signed certificate in development and then ships.',
      fix: 'Remove the field. To trust a private or self-signed CA, load it into a `x509.CertPool` and set `RootCAs`; to pin a certificate, verify it in `VerifyConnection`.',
      bad: `package client

import (
	"crypto/tls"
	"net/http"
)

func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}
}
`,
      good: `package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func NewClient(ca *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: ca, MinVersion: tls.VersionTLS12},
	}}
}
`,
      limits: 'A config that also sets `VerifyConnection` or `VerifyPeerCertificate` is not reported: it replaces the default check with its own, which is a deliberate design (certificate pinning, SPIFFE). Values that are only known at run time are reported by the TLS family\'s variable and flag analysis, not here.',
    },
  },
  prefilter: { imports: ['crypto/tls', 'net/http'] },
  create(ctx) {
    const { pkg, file } = ctx;

    /** Assignments to verifier fields, by the text of the config expression, per function. */
    const verifiedBases = new Map<Node | null, Set<string>>();
    const basesVerifiedIn = (assign: AssignStmt): Set<string> => {
      const fn = pkg.enclosingFunc(assign);
      let set = verifiedBases.get(fn);
      if (!set) {
        set = new Set();
        verifiedBases.set(fn, set);
      }
      return set;
    };

    const reportIfTrue = (range: Node, value: Expr) => {
      if (isConstTrue(pkg, value)) ctx.report({ range, messageId: 'skip' });
    };

    const pendingAssignments: Array<{ assign: AssignStmt; base: string; range: Node; value: Expr }> = [];

    return {
      CompositeLit(lit: CompositeLit) {
        const fields = tlsConfigFields(pkg, lit);
        const skip = fields?.get('InsecureSkipVerify');
        if (!fields || !skip) return;
        const verifies = CUSTOM_VERIFIERS.some((name) => {
          const kv = fields.get(name);
          return kv !== undefined && !isNil(pkg, kv.value);
        });
        if (!verifies) reportIfTrue(skip, skip.value);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length) return;
        assign.lhs.forEach((lhs, i) => {
          for (const name of CUSTOM_VERIFIERS) {
            const target = tlsConfigFieldTarget(pkg, lhs, name);
            if (target && !isNil(pkg, assign.rhs[i]!)) basesVerifiedIn(assign).add(exprText(file.source, target.x));
          }
          const target = tlsConfigFieldTarget(pkg, lhs, 'InsecureSkipVerify');
          if (target) pendingAssignments.push({ assign, base: exprText(file.source, target.x), range: assign, value: assign.rhs[i]! });
        });
      },
      'File:exit'() {
        for (const p of pendingAssignments) {
          if (!basesVerifiedIn(p.assign).has(p.base)) reportIfTrue(p.range, p.value);
        }
      },
    };
  },
});
