import { z } from 'zod';
import type { Expr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { constString } from '../shared/log-sinks.js';
import { findUrlCredential } from './detect/index.js';
import { secretIdentity } from './describe.js';
import { bestFlow, flowPhrase, hardcodedFlows, relatedOf, secretFactKinds } from './flows.js';
import { allowOption, logSinksOption } from './options.js';
import { stringConstantVisitors } from './string-constants.js';
import { isRegexpPattern } from './patterns.js';
import { maskRanges } from './trace.js';

const options = z.strictObject({
  allow: allowOption,
  'log-sinks': logSinksOption,
});

export default defineRule({
  meta: {
    id: 'secrets/credential-in-url',
    title: 'Keep passwords out of URLs and connection strings',
    severity: 'high',
    precision: 'high',
    cwe: [798],
    tags: ['security', 'secrets', 'async'],
    since: '0.1.0',
    equivalents: { gosec: ['G101'], gitleaks: ['allow'] },
    tests: 'lower',
    messages: {
      url: 'The `{scheme}://{user}:****@{host}` URL embeds a hardcoded password ({length} characters): it is in every copy of the source and binary, and URLs are printed in logs, errors and metrics. Build the URL at run time with the password from the environment or a secret manager (url.UserPassword), and change this password.',
      flows: 'The `{scheme}://{user}:****@{host}` URL embeds a hardcoded password ({length} characters), and {flow} (see the related locations): the password is in the source and also leaves it at run time. Build the URL at run time with the password from the environment or a secret manager, keep it out of logs, and change this password.',
    },
    docs: {
      finds: 'String literals and constants of the form `scheme://user:password@host` (database DSNs, AMQP, Redis, HTTP basic auth in URLs) whose password is real: not a placeholder (`${DB_PASSWORD}`, `<password>`, `%s`), not a well-known default (`guest`, `postgres`, the user name repeated), not on a documentation host (`example.com`, `.test`), not a Sentry DSN on `sentry.io` (its `public:secret` pair only submits events, and Sentry ignores the secret half: DSNs are public by design). Raised to critical when the URL reaches a log call or a goroutine, like `secrets/hardcoded-credential`.',
      why: 'A password inside a URL is a hardcoded credential that is also easy to leak: URLs end up in error messages (`*url.Error` prints the URL), logs, metrics labels and crash reports. The password cannot be rotated without a release.',
      fix: 'Read the password (or the whole DSN) from the environment, a secret manager or a mounted file at run time; build URLs with `url.UserPassword` from that value; print URLs with `(*url.URL).Redacted()`. Change the password that was committed.',
      bad: `package store

import "database/sql"

func open() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://orders:Hx7pLq2Vz9Kt@db.internal:5432/orders")
}
`,
      good: `package store

import (
	"database/sql"
	"os"
)

func open() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("ORDERS_DSN"))
}
`,
      limits: 'Only URLs with a scheme are recognised; driver-specific DSNs without one (`user:pass@tcp(host)/db` of go-sql-driver/mysql) are not. A literal compiled or matched as a regular expression (``regexp.MustCompile(`\\bftp://[\\S]{3,50}:([\\S]{3,50})@`)``, also through a module function that passes its parameter on) is a pattern, not a URL. Hosts such as `localhost` are reported like any other: a strong password for a local service is often shared with other environments.',
    },
    options,
  },
  facts: (o) => secretFactKinds(o['log-sinks']),
  create(ctx) {
    const { pkg, options: o } = ctx;
    const allow = o.allow.map((r) => new RegExp(r));

    const check = (root: Expr, ancestors: readonly Node[]) => {
      const value = constString(pkg, root);
      if (value === undefined || !value.includes('://') || allow.some((r) => r.test(value))) return;
      const parent = ancestors[ancestors.length - 1];
      if (parent?.kind === 'Field' || parent?.kind === 'ImportSpec' || isRegexpPattern(pkg, root, parent)) return;
      const url = findUrlCredential(value);
      if (!url) return;
      const flows = hardcodedFlows(pkg, o['log-sinks']).get(root) ?? [];
      const best = bestFlow(flows);
      ctx.report({
        range: root,
        messageId: best ? 'flows' : 'url',
        data: { scheme: url.scheme, user: url.user, host: url.host, length: url.end - url.start, flow: flowPhrase(flows) },
        ...(best && { severity: 'critical' as const, related: relatedOf(pkg, best.steps) }),
        masked: maskRanges(pkg, root, url.start, url.end),
        identity: secretIdentity('url-password', value.slice(url.start, url.end)),
      });
    };

    return stringConstantVisitors(12, check);
  },
});
