import { z } from 'zod';
import type { Expr, Node } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { defineRule } from '../../engine/rule.js';
import { constString } from '../shared/log-sinks.js';
import { isAuthValue } from './auth-values.js';
import { detectSecret, findUrlCredential, looksLikeSecretValue, namedAsMadeUp, namedAsUnusable } from './detect/index.js';

/** What an AWS secret access key looks like (it is recognised by its name). */
const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
import { describeSecret, secretIdentity, secretSeverity } from './describe.js';
import { bestFlow, flowPhrase, hardcodedFlows, relatedOf, secretFactKinds } from './flows.js';
import { bindingOf } from './names-of.js';
import { allowOption, detectionSettings, extraNamesOption, genericSeverityOption, ignoreNamesOption, logSinksOption, minEntropyOption } from './options.js';
import { stringConstantVisitors } from './string-constants.js';
import { isRegexpPattern } from './patterns.js';
import { maskRanges } from './trace.js';

const options = z.strictObject({
  'extra-names': extraNamesOption,
  'ignore-names': ignoreNamesOption,
  allow: allowOption,
  'min-entropy': minEntropyOption,
  'generic-severity': genericSeverityOption,
  'log-sinks': logSinksOption,
});

export default defineRule({
  meta: {
    id: 'secrets/hardcoded-credential',
    title: 'Keep credentials out of the source code',
    severity: 'high',
    precision: 'high',
    cwe: [798],
    tags: ['security', 'secrets', 'async'],
    since: '0.1.0',
    equivalents: { gosec: ['G101'], gitleaks: ['allow'] },
    tests: 'lower',
    messages: {
      hardcoded: 'Hardcoded {what}{where}: anyone who can read the source, its history or the binary can use it, and rotating it takes a release. Load it at run time (environment, secret manager, mounted file) and revoke this one.',
      flows: 'Hardcoded {what}{where}, and {flow} (see the related locations): the secret is in the source and also leaves it at run time. Load it at run time (environment, secret manager, mounted file), keep it out of logs, and revoke this one.',
    },
    docs: {
      finds: 'String literals and constants that are credentials: tokens of known formats checked by shape (GitHub with its CRC-32 checksum, GitLab, AWS access key ids and secret keys, Google API keys, Slack, Stripe, OpenAI, Anthropic, npm with checksum, PyPI, SendGrid, Twilio, Shopify, DigitalOcean, HashiCorp Vault, JWTs) and private keys, wherever they appear: PEM blocks, and the bare base64 of a DER key without PEM armour (`MIIEowIBAAKCAQEA…`, as payment SDKs ship them), recognised by its ASN.1 structure (a PKCS#1, PKCS#8 or SEC1 private key; public keys do not match); and values bound to a credential name (variables, constants, struct fields, map keys, comparisons, parameters such as `url.UserPassword`, `ssh.Password`, `smtp.PlainAuth`, `hmac.New`, `os.Setenv`, `flag.String` defaults, and parameters of the package\'s own functions) that look like a secret. When the secret is captured by a goroutine, passed to a `go` call, printed by a log call, or passed to a module function that does one of these (through local copies, across files and packages), the finding is raised to critical and its related locations show the way.',
      why: 'A credential in the source is in every clone, fork, backup, CI log and binary built from it, for as long as the history exists; it cannot be rotated without a release, and it is usually the same in every environment. When a goroutine carries it off or a log line prints it, it also ends up in log storage and pipelines, read by many more people and systems than the code.',
      fix: 'Read the credential at run time — from the environment, a secret manager, or a mounted file — and revoke the one that was committed: removing it from the code does not remove it from the history. Keep credentials out of log calls.',
      bad: `package notify

import (
	"log"
	"net/http"
)

var webhookToken = "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"

func notify(url string) {
	go func() {
		req, err := http.NewRequest(http.MethodPost, url, nil)
		if err != nil {
			return
		}
		req.Header.Set("X-Webhook-Token", webhookToken)
		if _, err := http.DefaultClient.Do(req); err != nil {
			log.Printf("notify: %v", err)
		}
	}()
}
`,
      good: `package notify

import (
	"log"
	"net/http"
	"os"
)

func notify(url string) {
	token := os.Getenv("WEBHOOK_TOKEN")
	go func() {
		req, err := http.NewRequest(http.MethodPost, url, nil)
		if err != nil {
			return
		}
		req.Header.Set("X-Webhook-Token", token)
		if _, err := http.DefaultClient.Do(req); err != nil {
			log.Printf("notify: %v", err)
		}
	}()
}
`,
      limits: 'Generic credentials (no known format) need a credential name and a literal value that looks random (a name that says there is none, `uriNoPassword`, `dsnWithoutPassword`, `clientNotSoSecret`, is no credential name); values read from the environment, flags or files are never reported, nor are placeholders (`changeme`, `<token>`, `${VAR}`, `%s`, `xxx`, `REDACTED`), names of signature schemes (`Authorization = "WECHATPAY2-SHA256-RSA2048"`, `TC3-HMAC-SHA256`: short words joined by `-`, one of them an algorithm) and formulas over named variables (`BLAKE2b-512($salt.$pass)`), documented example keys (AWS\'s `EXAMPLE` keys, the Azure Storage emulator\'s well-known account key), header and variable names, URLs and paths, nor values whose name says they are not real or not secret (`fakeToken`, `hashedPassword`, `defaultClientNotSoSecret`, `nonSecretKey`, `FilterDontExpirePassword`: a search filter), nor generic ones set in a function named as making an example (`exampleWireguardConfig()`, which feeds generated documentation). Generic secrets and tokens of formats without a checksum held by a declaration or composite literal named as made up (`var FakeSecrets = map[string]FakeSecret{...}`, `dummyTokens := []string{...}`, the accounts of a test database in `var PasswordFixtures = ...`) are test data and not reported; a GitHub or npm token whose checksum matches is reported whatever holds it. Literals compiled or matched as regular expressions (`regexp.MustCompile`, `regexp.MatchString`, or a module function that passes its parameter on to one) are patterns to look for — a secret scanner\'s rules and its allowlist of published example keys — and are not reported. A JSON Web Token, which is valid only with a key Redline cannot see, is not reported under a name that says it is made up (`sampleSignature`, `exampleJWT`) or that no verifier accepts it (`InvalidSignatureToken`, `expiredJWT`, `TokenWithBadSignature`: a fixture for the rejecting path) nor when it carries jwt.io\'s sample claims (`"sub": "1234567890"`, `"name": "John Doe"`) or plainly made-up ones (an `example.com` address, `xxxxxx`); tokens of formats with a checksum are reported whatever their name. Generic credentials are reported at the `generic-severity` option\'s severity (medium by default); tokens of known formats (JSON Web Tokens included) and keys at the rule\'s (high). Test-mode keys (Stripe `sk_test_`) and encrypted private keys are low. Credentials in URLs are `secrets/credential-in-url`\'s, and values set as an `Authorization` header or basic-auth password are `secrets/literal-authorization-header`\'s. Flows are followed through local variables, constants, concatenation and `fmt.Sprint*` within the package, and through module functions\' parameters (facts); a constant of another package that reaches a log there is reported by `secrets/sensitive-data-logged` at the log call, not escalated here.',
    },
    options,
  },
  facts: (o) => secretFactKinds(o['log-sinks']),
  create(ctx) {
    const { pkg, options: o } = ctx;
    const settings = detectionSettings(o);
    const ignoreNames = o['ignore-names'].map((r) => new RegExp(r));

    const check = (root: Expr, ancestors: readonly Node[]) => {
      const value = constString(pkg, root);
      if (value === undefined || value.length < 8) return;
      const parent = ancestors[ancestors.length - 1];
      if (parent?.kind === 'Field' || parent?.kind === 'ImportSpec') return; // struct tags, import paths
      if (isRegexpPattern(pkg, root, parent)) return;
      // tokens and keys first; the binding's name only when the value could be a generic secret
      let match = detectSecret(value, settings.detect);
      if (!match && !looksLikeSecretValue(value, o['min-entropy']) && !AWS_SECRET_SHAPE.test(value)) return;
      const binding = bindingOf(pkg, root, ancestors);
      const name = binding.name !== undefined && !ignoreNames.some((r) => r.test(binding.name!)) ? binding.name : undefined;
      if (!match && name !== undefined) match = detectSecret(value, { ...settings.detect, name });
      if (!match) return;
      // a JWT is valid only with a key Redline cannot see: one named as a sample (`sampleSignature`) is documentation,
      // one named as rejected (`InvalidSignatureToken`, `expiredJWT`) a fixture for the verifier's failing path
      if (match.type === 'jwt' && name !== undefined && (namedAsMadeUp(name) || namedAsUnusable(name))) return;
      // a generic secret or a JWT built by a function named as making an example (`exampleWireguardConfig()`, for generated docs) is one too
      if ((match.tier === 'generic' || match.type === 'jwt') && inMadeUpFunction(pkg, root)) return;
      // so is a value held by a declaration or literal named as fake (`var FakeSecrets = map[string]FakeSecret{...}`), unless a checksum shows it was issued
      if ((match.tier === 'generic' || (match.tier === 'token' && !match.checksummed)) && inMadeUpDeclaration(ancestors)) return;
      // credentials in URLs and Authorization values have their own rules
      const url = findUrlCredential(value);
      if (url && (match.tier === 'generic' || (match.start >= url.start && match.end <= url.end))) return;
      if (isAuthValue(pkg, root)) return;
      const flows = hardcodedFlows(pkg, o['log-sinks']).get(root) ?? [];
      const best = bestFlow(flows);
      const data = {
        what: describeSecret(match, value),
        where: name === undefined ? '' : binding.kind === 'comparison' ? ` compared with \`${name}\`` : ` in \`${name}\``,
        flow: flowPhrase(flows),
      };
      const severity = secretSeverity(match, flows.length > 0, o['generic-severity']);
      ctx.report({
        range: root,
        messageId: best ? 'flows' : 'hardcoded',
        data,
        ...(severity && { severity }),
        ...(best && { related: relatedOf(pkg, best.steps) }),
        masked: maskRanges(pkg, root, match.start, match.end),
        identity: secretIdentity(match.type, value.slice(match.start, match.end)),
      });
    };

    return stringConstantVisitors(10, check);
  },
});

/**
 * Whether the literal is held by a declaration or composite literal named
 * as made up, within its function: `var FakeSecrets = ...`, an element of
 * `map[string]FakeSecret{...}`, `dummy := ...`.
 */
function inMadeUpDeclaration(ancestors: readonly Node[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.kind === 'FuncDecl' || a.kind === 'FuncLit') return false;
    if (a.kind === 'ValueSpec' && a.names.some((n) => namedAsMadeUp(n.name))) return true;
    if (a.kind === 'AssignStmt' && a.lhs.some((l) => l.kind === 'Ident' && namedAsMadeUp(l.name))) return true;
    if (a.kind === 'CompositeLit' && a.type && typeNames(a.type).some(namedAsMadeUp)) return true;
  }
  return false;
}

/** The type names a type expression spells (`map[string]FakeSecret`: `string`, `FakeSecret`). */
function typeNames(t: Expr): string[] {
  switch (t.kind) {
    case 'Ident': return [t.name];
    case 'SelectorExpr': return [t.sel.name];
    case 'StarExpr': return typeNames(t.x);
    case 'ArrayType': return typeNames(t.elt);
    case 'MapType': return [...typeNames(t.key), ...typeNames(t.value)];
    default: return [];
  }
}

/** Whether the literal is in a function declared with a name that says it makes something up (`exampleConfig`, `sampleKeys`, `fakeServer`). */
function inMadeUpFunction(pkg: PackageInfo, e: Expr): boolean {
  const fn = pkg.enclosingFunc(e);
  const decl = fn?.kind === 'FuncDecl' ? fn : fn && pkg.enclosingFunc(fn);
  return decl?.kind === 'FuncDecl' && namedAsMadeUp(decl.name.name);
}
