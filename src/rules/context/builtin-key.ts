import type { CallExpr, Expr } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { unparen } from '../../syntax/ast.js';
import { calledName } from '../../semantics/fact-names.js';
import { typeString, underlying } from '../../semantics/types.js';
import { constString } from '../shared/log-sinks.js';
import { detectSecret, sensitiveName } from '../secrets/detect/index.js';
import { nameOfValue } from '../secrets/names-of.js';
import { withArticle } from '../secrets/describe.js';
import { constLeaves } from '../secrets/trace.js';

/** The standard context package, and its predecessor that older code still imports (its WithValue calls the standard one). */
const CONTEXT_PACKAGES = ['context', 'golang.org/x/net/context'];

export default defineRule({
  meta: {
    id: 'context/builtin-key',
    title: 'Use an unexported key type for context values',
    severity: 'medium',
    precision: 'very-high',
    cwe: [],
    tags: ['context', 'api', 'security'],
    since: '0.1.0',
    equivalents: { staticcheck: ['SA1029'] },
    messages: {
      key: 'context.WithValue uses a key of the built-in type {type}: any package can read or overwrite this value with an equal {type} key, and keys of different packages collide. Define an unexported key type (`type ctxKey struct{}`) and use a value of it.',
      credential: 'context.WithValue stores {what} under a key of the built-in type {type}: any package that knows or guesses the key can read the credential from the context, or replace it. Define an unexported key type (`type ctxKey struct{}`), and expose the value through accessor functions.',
    },
    docs: {
      finds: '`context.WithValue` calls (also of `golang.org/x/net/context`, which older code imports) whose key has a built-in type (`string`, `int`, `bool`, ...), untyped constants included — the check of staticcheck SA1029 and go vet\'s documentation of WithValue. Critical when the value is a credential: a value whose name says so (`token`, `u.Password`), a hardcoded secret, or a value stored under a key such as `"token"`.',
      why: 'Context values are looked up by key equality. A key of a built-in type can be produced by any package: another package using `"user"` or `1` reads your value or shadows it, by accident or on purpose. For a credential in the context, that is any code on the request path reading the token.',
      fix: 'Declare an unexported key type in the package that owns the value (`type tokenKey struct{}`), store with `context.WithValue(ctx, tokenKey{}, tok)`, and offer `NewContext`/`FromContext` functions to the packages that need it.',
      bad: `package auth

import "context"

func withUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, "user", user)
}
`,
      good: `package auth

import "context"

type userKey struct{}

func withUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, userKey{}, user)
}
`,
      limits: 'Keys of interface type (`any`) are not reported: their dynamic type is not known here.',
    },
  },
  prefilter: { imports: [...CONTEXT_PACKAGES] },
  create(ctx) {
    const { pkg } = ctx;
    return {
      CallExpr(call: CallExpr) {
        if (calledName(call) !== 'WithValue') return;
        const c = pkg.calleeOf(call);
        if (c.kind !== 'func' || !CONTEXT_PACKAGES.includes(c.pkg) || c.name !== 'WithValue' || call.args.length !== 3) return;
        const key = call.args[1]!;
        const t = pkg.contextTypeOf(key);
        if (t.kind !== 'basic' || underlying(t, pkg.info).kind !== 'basic' || t.name === 'untyped nil') return;
        const type = typeString(t).replace(/^untyped /, '');
        const what = credentialIn(call.args[2]!, key);
        ctx.report({
          range: key,
          messageId: what ? 'credential' : 'key',
          data: { type, ...(what && { what }) },
          ...(what && { severity: 'critical' as const }),
        });
      },
    };

    /** "a token", "a hardcoded GitHub personal access token": what the stored value is, when a credential. */
    function credentialIn(value: Expr, key: Expr): string | undefined {
      for (const leaf of constLeaves(pkg, value)) {
        const m = detectSecret(leaf.value, leaf.name !== undefined ? { name: leaf.name } : {});
        if (m) return `a hardcoded ${m.label}`;
      }
      if (pkg.constValue(unparen(value)) !== undefined) return undefined;
      const name = nameOfValue(pkg, value);
      const byName = name !== undefined ? sensitiveName(name, undefined, true) : null;
      if (byName) return withArticle(byName.noun);
      const k = constString(pkg, key);
      const byKey = k !== undefined ? sensitiveName(k, undefined, true) : null;
      return byKey ? withArticle(byKey.noun) : undefined;
    }
  },
});
