import { z } from 'zod';
import type { CallExpr, Expr, FuncDecl, Node, SelectorExpr } from '../../syntax/ast.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { inDeadBranch } from '../../semantics/dead-branches.js';
import { enclosingStart, goroutineOnlyStart, startKeyword, type GoroutineStart } from '../../semantics/goroutines.js';
import { calledName } from '../../semantics/fact-names.js';
import { assignedValues } from '../../semantics/flow.js';
import { conjuncts, unparen } from '../../syntax/ast.js';
import type { PackageInfo } from '../../semantics/package.js';
import { deref, identical, isString, underlying } from '../../semantics/types.js';
import type { ExtraSinks, LoggedValue, LogSink } from '../shared/log-sinks.js';
import { constString, formatArguments, logSinkOf } from '../shared/log-sinks.js';
import { aboutCredential, detectSecret, findUrlCredential, sensitiveName } from './detect/index.js';
import { describeSecret, secretIdentity, withArticle } from './describe.js';
import { credentialName, exposureOf, showsContent, type Exposure, type ExposureSettings } from './exposure.js';
import { loggedValuesOf, paramIndexOfArg, relatedOf, secretFactIds, secretFactKinds } from './flows.js';
import { allowOption, detectionSettings, extraNamesOption, ignoreNamesOption, logSinksOption, maskingTagOption, minEntropyOption } from './options.js';
import { calleeParamName, nameOfValue } from './names-of.js';
import { constLeaves, maskRanges } from './trace.js';

const options = z.strictObject({
  'extra-names': extraNamesOption,
  'ignore-names': ignoreNamesOption,
  'masking-tag': maskingTagOption,
  'log-sinks': logSinksOption,
  allow: allowOption,
  'min-entropy': minEntropyOption,
});

export default defineRule({
  meta: {
    id: 'secrets/sensitive-data-logged',
    title: 'Keep credentials out of logs',
    severity: 'high',
    precision: 'medium',
    cwe: [532],
    tags: ['security', 'secrets', 'logging', 'async'],
    since: '0.1.0',
    tests: 'lower',
    messages: {
      hardcoded: '{sink} logs the hardcoded {what}{where}: the secret is in the source and now also in every log store this line reaches. Remove it from the log call, load the secret at run time, and revoke this one.',
      value: '{sink} logs `{expr}`, which holds {aNoun}{where}: logs are kept, shipped and read by many people and systems, so the {noun} leaks. Leave it out of the log, or log a redacted form (a short prefix or a hash).',
      keyed: '{sink} logs `{expr}` under the key "{key}"{where}: that {noun} is then in clear in every log store this line reaches. Leave it out of the log, or log a redacted form (a short prefix or a hash).',
      embedded: '{sink} logs `{expr}`, which is built from `{part}`, {aNoun}{where}: that {noun} is then in clear in every log store this line reaches. Log a copy without it (a redacted connection string, say), or leave the value out.',
      labelled: '{sink} logs `{expr}` labelled "{key}" in its format{where}: that {noun} is then in clear in every log store this line reaches. Leave it out of the log, or log a redacted form (a short prefix or a hash).',
      struct: '{sink} logs `{expr}`, a whole `{type}` value{where}, and its {fields} {verb} printed in clear ({how}): give `{type}` a {method} method that masks {pronoun}, or log only the fields you need (tag a field that holds no secret `{tag}:"..."` to say so).',
      headers: '{sink} logs `{expr}`, all the HTTP headers{where}: whatever credentials the request carries in them (Authorization, Cookie, API-key and access-token headers) end up in the logs. Log only the headers you need.',
    },
    docs: {
      finds: 'Credentials that reach a log: `log`, `log/slog` (messages, key/value pairs, `slog.String/Any/Group` attributes, `*slog.Logger`), `fmt.Print*` to stdout or stderr, `print`/`println`, zap (`*Logger`, `*SugaredLogger`, field constructors), logrus (`WithField(s)`, `*Entry`, `*Logger`), zerolog (`*Event`, `Context`, its `log` package), go-kit log, hclog, klog/glog, and the sinks the `log-sinks` option adds. A value is a credential when its name says so (`password`, `u.APIKey`, `cfg.GetClientSecret()`, `r.Header.Get("Authorization")`, `os.Getenv("API_KEY")`), when it is logged under a credential key (`zap.String("token", t)`) or labelled as a credential in a printf format (`log.Printf("user=%s password=%s", u, p)`: the label wins over a generic or shortened name such as `p` or `pass`; a key that names a step, `set-password` or `reset_token`, labels what the program was doing, not the value, an error after a label, `"validating JWT: %v"` of `err`, says what went wrong, and a call named for describing a value, `api_key=%s` of `apiKeyStatus(key)`, prints a description), when it is a hardcoded secret (through constants and local copies), when it is a struct of a module type with credential fields that the logger prints and nothing masks (no `String`, `Format`, `GoString`, `Error`, `LogValue`, `MarshalJSON`... method the logger uses; fields tagged with the masking tag count as masked; JSON-based renderings skip unexported and `json:"-"` fields; the JSON of such a struct logged as a local variable, `b, _ := json.Marshal(cfg)` then `string(b)`, is judged by the struct\'s fields, not by the variable\'s name), or the headers of an `http.Request` (not those of a request the function makes itself with `http.NewRequest` and, before the log, only gives headers whose constant names carry no credential, `req.Header.Set("Range", r)`), also dumped in wire form (`httputil.DumpRequest`, `DumpRequestOut`; not when the function first overwrites or deletes the request\'s Authorization header, `r.Header.Set("Authorization", mask)` or `r.Header.Del("Authorization")`, also in a loop over a list of header names that holds it). A string built from a credential counts too: a `fmt.Sprintf` that shows one (`dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, password, addr, db)`, logged directly or through a local variable) or a `+` concatenation with one. Calls of module functions whose parameter reaches a log (a fact, across packages) count as log calls; a module printf wrapper (a string parameter followed by a variadic one, both logged: `m.Info("user=%s password=%s", u, p)`) gets its format\'s labels too. Logged from inside a goroutine (a `go` statement, `errgroup.Group.Go`, `sync.WaitGroup.Go`, or an unexported function that only ever runs as one: `go s.record(user, password)`), or a hardcoded secret: critical.',
      why: 'Logs are kept for months, copied to log pipelines, indexes and third-party services, and read by far more people than the code that wrote them; a credential in a log line is a credential leaked to all of them. Logs written from goroutines are the easiest to miss in review: they run later, on error paths, away from the request that carried the secret.',
      fix: 'Leave the credential out of the log entry, or log a redacted form (a short prefix, a hash). For structs, give the type a method that masks the credential fields for the logger in use (`String` for fmt and logrus, `LogValue` for slog, `MarshalLogObject` for zap), or tag the fields with the masking tag.',
      bad: `package auth

import "log"

type Credentials struct {
	User     string
	Password string
}

func login(c Credentials) {
	log.Printf("login attempt: %+v", c)
}
`,
      good: `package auth

import "log"

type Credentials struct {
	User     string
	Password string
}

func login(c Credentials) {
	log.Printf("login attempt for %s", c.User)
}
`,
      limits: 'A hardcoded secret written in the log call itself (`log.Print("smtps://user:pass@host")`) is reported once, by `secrets/hardcoded-credential` or `secrets/credential-in-url`, whose finding says it is printed to a log; this rule reports hardcoded secrets that reach the log from elsewhere. A variable logged in the branch for its being empty (`if rawJWT == "" { log.Print(rawJWT) }`, `len(v) == 0`, the `else` of `v != ""`) holds nothing and is not reported. Names decide for plain values: a credential held in a variable named `s` is not seen, and a string named `authToken` that is not a credential is reported (list such names in `ignore-names`); a name in Go\'s sentinel-error form (`ErrNoAuthToken`, `errPasswordTooShort`) says what went wrong with a credential and is not one. `token` and `secret` alone count only as fields of a struct logged whole (`log.Printf("%+v", session)` shows its `Token`), and otherwise only with a qualifier (`accessToken`, `clientSecret`): a value or a field logged by itself under a bare or other name (`s.Token`, `req.BranchToken`, `cfg.DiscoveryCfg.Token`, `kc.stateSecret`) is too often an ACME challenge, a pagination or discovery id, or the name of a Kubernetes Secret. A bare `Token` field does not count in a type named for another kind of token (`Challenge`, `Lexer`, `Page`). In a Kubernetes API object (a struct that embeds `TypeMeta` or `ObjectMeta`), a string field named `…Secret` (`ClusterCredentialsSecret`) names a Secret object and does not count; so does any variable or field named `…Secret` that a printf format introduces as a name (`"a repo secret named %s"`, `"${{ secrets.%s }}"`) or that the package also passes as the name of an object (the value of a `Name` or `…Name` key of a struct literal, `SecretVolumeSource{SecretName: cfg.PullSecret}`, which also leaves the field out of a struct logged whole, in this package and in those that depend on it; argument 1 of `Get`, `Patch`, `Delete`, `Update` or `Apply` on a client from `….Secrets(namespace)`, argument 0 of a lister\'s `….Secrets(namespace).Get(name)`, or an argument bound to a parameter called `name` or `…Name` of a function or interface method of the module). Struct types are judged only when they are declared in the scanned module. Fields that the function sets to a constant on the logged local before the log (`redacted := opts; redacted.Password = "****"`) are taken as masked. Fields of a logged local built in the function from keyed composite literals, or declared with its zero value, that no literal, no assignment, no address taken of the field and no decoder sets (`reg := &Registry{Host: h}` never given `Options.Proxy.Password`, `var r Rule` filled by `rows.Scan(&r.ID, &r.Name)`, a `Password` tagged `json:"-"` after `json.Unmarshal(data, &r)`) are empty and not reported (a field set through a path, `r.Options.Proxy.URL = u`, sets that field only), unless the variable is used otherwise before the log (passed somewhere by pointer, a method called, its address taken; a struct passed by value is a copy); a keyed literal nested in such a literal sets only its own keys (`Packet{Connect: ConnectParams{ClientID: id}}` leaves `Connect.Password` empty); a value received from an unexported channel field of the package (`pk := <-cl.outbound`) sets the fields of the values the package sends on it, when the field only ever holds channels made for it (`make(...)`). So are those of a value that a module function builds that way and returns (`reg, err := util.ParseRegistryRef(s)`, or the call logged directly, also from another package, through the package fact `secrets/result-fields`), and of such a value passed through setter methods that set fields on a copy of their receiver and return it (`DefaultOptions(dir).WithReadOnly(true)` sets `Dir` and `ReadOnly` only). A variable or field that the package also passes as a file name (`tls.LoadX509KeyPair(cfg.ClientCert, cfg.ClientKey)`, `os.ReadFile`, `ListenAndServeTLS`) holds where a key is — also when it is passed to a module function that loads that parameter as a file (`ClientAuthTLSConfig(ca, cert, key)`) — and is not reported, nor listed among the fields of a struct logged whole (there a field also counts when a package the logging one depends on passes it so: a configuration struct that a server package loads, logged whole in `main`) (nor, at its calls, is the argument of a function that logs a parameter it also loads as a file), nor is the result of a call named for redacting (`cfg.getRedacted()`, `mask(token)`, `sanitize(cfg)`), which Redline trusts to replace the secrets. Values built before the log call are followed through local variables to a `fmt.Sprintf` or a `+` concatenation, one level deep (a part that is itself built is judged by its name only); other builders (`strings.Join`, `url.URL`, `fmt.Errorf`) are not followed. A string flag whose usage text says it holds a path (`flag.String("tls-key", "", "path to the key file")`, or a variable or field bound to one, `fs.StringVar(&opts.AclSecret, "acl_secret", "", "HMAC secret file")`), or names a Kubernetes Secret or a key inside one (`"Kubernetes secret key used for database credentials"`, `"key inside that Secret"`), is not a credential, whatever its name. Neither is a range variable over a package-level map or slice literal of constant names (`for _, secretKey := range certMap` with `certMap = map[string]string{"tls.key": "server.key"}`): it holds one of those names. A mask as long as the value (`strings.Repeat("*", len(password))`) is not the value. A credential printed alone to stdout (`fmt.Println(token)`, `fmt.Printf("%s\\n", password)`), or in a line whose format has no words around its verbs (a connection string `postgres://%s:%s@%s:%d`, `%s:%s`), is taken as the program\'s output — a `token` command, a git credential helper, a `--connection-string` option — not a log line; so is a value the function has just generated (its variable set only from calls named `New…`, `Generate…`, `Random…`, `Create…`, `Make…` or of a package named `rand`, or a field of one, `key.SecretKey` of `key, err := d.CreateBucketKey(...)`, or a field the function set from such a call, `req.Password, err = pwgen.GeneratePassword(21)`) printed to stdout with labels that are constants or values whose names say nothing about credentials (`fmt.Println("API secret:", secret)` in a key-generation command, `fmt.Printf("password for %s: %s", address, password)` in a setup command, also with a translated format, `fmt.Printf(i18n.G("Secret key: %s")+"\\n", key.SecretKey)`). A value printed to stdout with constant labels by a function that also prints it alone there (`fmt.Println("Authorization: Bearer", tok.AccessToken)` beside `fmt.Println(tok.AccessToken)`) is output in the form the user asked for, and so are stdout lines that are only shell or dotenv assignments (`fmt.Printf("%sAWS_SECRET_ACCESS_KEY=%s\\n", prefix, key)`, `export TOKEN=%q`): an export command\'s output for `eval` or `source`. What a custom `String` or `MarshalJSON` method prints is trusted. A value passed to a module function that logs the parameter is reported at the call, unless the log in the function is reported itself: a struct passed as a parameter of its own type, or a parameter whose name says credential, is reported once, at that log. A log shown only with debug output on — a sink named for debug or trace output (`logger.Debug`, `Debugf`, a module helper `logDebug`, logrus\'s `Tracef`), a message tagged with a debug level (`log.Printf("[DEBUG] ...", ...)`, which HashiCorp\'s logutils and Terraform filter by), or a call in the body of an `if` of its function that tests a switch named for debug output (`if c.debug {`, `if *verbose {`) — is reported one step lower (medium by default, also from a goroutine), with a message that says so; a helper that tests the switch inside itself is judged by its name only. A short prefix of a value (up to 12 characters: `tok[:6] + "..."`, `%.8s`) is the redacted form the messages recommend and is not reported. A variable or field named for an action on a credential (`fetchVaultToken`, `loadPassword`, holding where to get it: `"env:VAULT_TOKEN"`) is not one; a call so named (`loadAPIToken()`) returns one. A parameter named as something about a credential (`tokenOpts`, `passwordFile`) says the value is not one, and the call is not reported. Parameter names of interface methods of other packages are not known. zerolog events and zap fields kept in variables are judged where their fields are built; a zerolog event whose chain is a statement of its own with no `Msg`, `Msgf`, `MsgFunc` or `Send` is never written and is not reported. A `log-sinks` method of a package Redline does not read (a logger of another module) is recognised on variables, parameters and fields declared with its type (`l *logging.Logger`), not on values whose type only a call gives (`l := logging.New()`).',
    },
    options,
  },
  facts: (o) => secretFactKinds(o['log-sinks']),
  create(ctx) {
    const { pkg, file, options: o } = ctx;
    const extra: ExtraSinks = new Set(o['log-sinks']);
    const settings = detectionSettings(o);
    const exposure: ExposureSettings = {
      extraNames: new Set(o['extra-names']),
      ignoreNames: o['ignore-names'].map((r) => new RegExp(r)),
      maskingTag: o['masking-tag'],
    };
    const ids = secretFactIds(o['log-sinks']);
    const text = (e: Expr) => {
      const t = file.source.slice(e.start, e.end).replace(/\s+/g, ' ');
      return t.length > 60 ? `${t.slice(0, 57)}...` : t;
    };

    /**
     * The goroutine a log call runs on: a start whose literal holds it, or one
     * that runs its whole function (`go s.record(tok)`, asked only once a
     * finding is sure: it looks at the whole package, once per function).
     */
    const goroutineOf = (call: CallExpr, ancestors: readonly Node[]): (() => GoroutineStart | null) => {
      let known: GoroutineStart | null | undefined;
      return () => {
        if (known === undefined) {
          const fn = ancestors.find((a): a is FuncDecl => a.kind === 'FuncDecl');
          known = enclosingStart(pkg, call) ?? (fn ? goroutineOnlyStart(pkg, fn) : null);
        }
        return known;
      };
    };

    /**
     * `judgedElsewhere`: exposures that another finding reports (the callee's own log of the value).
     * `debug`: how the log shows only with debug output on (` at debug level`), which makes the finding medium;
     * asked only for a finding.
     */
    const judge = (goroutine: () => GoroutineStart | null, sink: string, v: LoggedValue, programOutput = false, judgedElsewhere?: (ex: Exposure) => boolean, debugOf?: () => string | undefined): void => {
      if (!showsContent(v)) return;
      /** What a finding says of the goroutine the log runs on, if any. */
      const on = (): { go: GoroutineStart | null; where: string; goRelated: RelatedReport[] } => {
        const go = goroutine();
        return { go, where: go ? ' from a goroutine' : '', goRelated: go ? [{ range: startKeyword(go), message: 'the goroutine starts here' }] : [] };
      };
      // a hardcoded secret
      for (const leaf of constLeaves(pkg, v.expr)) {
        const match = detectSecret(leaf.value, { ...settings.detect, ...(leaf.name !== undefined && { name: leaf.name }) });
        const url = match ? undefined : findUrlCredential(leaf.value);
        if (!match && !url) continue;
        // written in the log call itself: the literal's own rule (hardcoded-credential, credential-in-url) reports it there, printed to a log
        if (leaf.root && v.expr.start <= leaf.root.start && leaf.root.end <= v.expr.end) return;
        const inFile = leaf.root && pkg.fileOf(leaf.root) === file;
        const start = match ? match.start : url!.start;
        const end = match ? match.end : url!.end;
        const related: RelatedReport[] = [];
        if (leaf.root && leaf.root !== v.expr) related.push(...relatedOf(pkg, [{ node: leaf.root, message: 'the secret is hardcoded here' }, ...leaf.steps]));
        const { where, goRelated } = on();
        ctx.report({
          range: v.expr,
          messageId: 'hardcoded',
          data: { sink, what: match ? describeSecret(match, leaf.value) : `password of a \`${url!.scheme}://\` URL`, where },
          severity: 'critical',
          related: [...related, ...goRelated],
          masked: inFile ? maskRanges(pkg, leaf.root!, start, end) : [],
          identity: secretIdentity(match?.type ?? 'url-password', leaf.value.slice(start, end)),
        });
        return;
      }
      const ex = exposureOf(pkg, v, exposure);
      // what a command prints alone on stdout is its output (`fmt.Println(string(out))` of JSON it encoded), not a log
      const output = ex?.kind === 'named' || ex?.kind === 'embedded' || (ex?.kind === 'keyed' && ex.inFormat) || (ex?.kind === 'struct' && ex.encoded !== undefined);
      if (!ex || (programOutput && output) || judgedElsewhere?.(ex)) return;
      const { go: started, where, goRelated } = on();
      const debug = debugOf?.();
      ctx.report({
        range: v.expr,
        ...describe(ex, v, sink, where + (debug ?? ''), text(v.expr)),
        ...(debug !== undefined ? { severity: 'medium' as const } : started && { severity: 'critical' as const }),
        ...(goRelated.length > 0 && { related: goRelated }),
      });
    };

    type MessageId = 'value' | 'keyed' | 'labelled' | 'embedded' | 'headers' | 'struct';
    const describe = (ex: Exposure, v: LoggedValue, sink: string, where: string, expr: string): { messageId: MessageId; data: Record<string, string> } => {
      switch (ex.kind) {
        case 'named':
          return { messageId: 'value' as const, data: { sink, expr, noun: ex.noun, aNoun: withArticle(ex.noun), where } };
        case 'keyed':
          return { messageId: ex.inFormat ? 'labelled' as const : 'keyed' as const, data: { sink, expr, noun: ex.noun, key: ex.key, where } };
        case 'headers':
          return { messageId: 'headers' as const, data: { sink, expr, where } };
        case 'embedded':
          return { messageId: 'embedded' as const, data: { sink, expr, part: text(ex.part), noun: ex.noun, aNoun: withArticle(ex.noun), where } };
        case 'struct': {
          const shown: LoggedValue = ex.encoded ? { expr: v.expr, rendering: ex.encoded } : v;
          const many = ex.fields.length > 1;
          const fields = ex.fields.map((f) => `\`${f}\``);
          return {
            messageId: 'struct' as const,
            data: {
              sink, where, expr, type: ex.type,
              fields: `field${many ? 's' : ''} ${fields.length > 2 ? `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}` : fields.join(' and ')}`,
              verb: many ? 'are' : 'is',
              pronoun: many ? 'them' : 'it',
              how: howRendered(shown),
              method: maskingMethod(shown),
              tag: o['masking-tag'],
            },
          };
        }
      }
    };

    /**
     * The arguments of a call of a module printf wrapper (`m.Info("user=%s password=%s", u, p)`:
     * a string parameter followed by a variadic one, both logged), each with its verb and label;
     * undefined for other calls, and when the arguments are passed on as a slice (`args...`).
     */
    const printfWrapperArguments = (call: CallExpr, key: string): ReadonlyMap<Expr, LoggedValue> | undefined => {
      const sig = pkg.signatureOf(call);
      if (!sig?.variadic || call.ellipsis >= 0 || sig.params.length < 2) return undefined;
      const f = sig.params.length - 2;
      if (!isString(underlying(sig.params[f]!, pkg.info)) || !pkg.hasParamFact(key, ids.logs, f) || !pkg.hasParamFact(key, ids.logs, f + 1)) return undefined;
      return new Map(formatArguments(pkg, call, f).map((v) => [v.expr, v]));
    };

    return {
      CallExpr(call: CallExpr, ancestors) {
        const logged = loggedValuesOf(pkg, call, extra, ancestors[ancestors.length - 1] ?? null);
        if (logged) {
          if (inDeadBranch(pkg, ancestors, call)) return;
          const go = goroutineOf(call, ancestors);
          const message = () => logged.format?.value ?? (call.args[0] && constString(pkg, call.args[0]));
          const debug = () => (DEBUG_TAG.test(message() ?? '') ? ' at debug level' : debugOnly(file.source, logged.name, call, ancestors));
          for (const v of logged.values) judge(go, logged.name, v, isProgramOutput(pkg, logged, v, call), undefined, debug);
          return;
        }
        // a module function that logs this parameter
        if (!pkg.mayCallFactHolder(call, ids.logs)) return;
        const callee = pkg.calleeOf(call);
        const key = pkg.calleeKey(callee);
        if (!key || (callee.kind !== 'func' && callee.kind !== 'method') || !pkg.program.facts.param[key]?.[ids.logs] || inDeadBranch(pkg, ancestors, call)) return;
        const params = pkg.signatureOf(call)?.params;
        const formatted = printfWrapperArguments(call, key);
        call.args.forEach((arg, i) => {
          const index = paramIndexOfArg(pkg, call, i);
          if (!pkg.hasParamFact(key, ids.logs, index)) return;
          // The callee's own log of the parameter is judged, and reported, there when the parameter shows the
          // same exposure: a struct of the argument's type, or a name that says credential. A parameter named
          // as something about a credential (`tokenOpts`, `passwordFile`) says the value is not one.
          const judgedInCallee = (ex: Exposure): boolean => {
            if (ex.kind === 'struct') {
              const param = params?.[index];
              return param !== undefined && identical(deref(param), deref(pkg.typeOf(arg)));
            }
            const paramName = ex.kind === 'named' ? calleeParamName(pkg, callee, i) : undefined;
            return paramName !== undefined && (credentialName(paramName, exposure) !== null || aboutCredential(paramName));
          };
          // a wrapper that logs the parameter JSON-encoded (`zap.Any`) shows exported fields only
          const rendering = pkg.hasParamFact(key, ids.logsJson, index) ? 'json' : 'fmt';
          judge(goroutineOf(call, ancestors), `${callee.name} (which logs this argument)`, formatted?.get(arg) ?? { expr: arg, rendering }, false, judgedInCallee, () => debugOnly(file.source, callee.name, call, ancestors));
        });
      },
    };
  },
});

/** Sinks named for debug or trace output: `Debugf`, `logDebug`, `slog.Debug`, logrus's `Tracef`. */
const DEBUG_SINK = /debug|^trace[fw]?$/i;
/** A message tagged with a debug level, `[DEBUG] ...` or `[TRACE] ...`: HashiCorp's logutils filter (Terraform's) drops it unless debug output is on. */
const DEBUG_TAG = /^\s*\[(DEBUG|TRACE)\]/;
/** Switches named for debug output: `opts.Debug`, `*verbose`, `debugging(detail)`. */
const DEBUG_SWITCH = /debug|verbose/i;

/**
 * How a log call shows its values only when debug output is on: the sink
 * is named for it (` at debug level`), or the call runs in the body of an
 * `if` of its function that tests a switch named so (` when \`opts.Debug\` is on`).
 */
function debugOnly(source: string, sink: string, call: CallExpr, ancestors: readonly Node[]): string | undefined {
  if (DEBUG_SINK.test(sink.slice(sink.lastIndexOf('.') + 1))) return ' at debug level';
  let child: Node = call;
  for (let i = ancestors.length - 1; i >= 0; child = ancestors[i]!, i--) {
    const a = ancestors[i]!;
    if (a.kind === 'FuncDecl' || a.kind === 'FuncLit') return undefined;
    if (a.kind !== 'IfStmt' || child !== a.body || !a.cond) continue;
    const hit = conjuncts(a.cond).find((x) => {
      const name = x.kind === 'Ident' ? x.name : x.kind === 'SelectorExpr' ? x.sel.name : x.kind === 'StarExpr' ? source.slice(x.start, x.end) : x.kind === 'CallExpr' ? calledName(x) ?? '' : '';
      return DEBUG_SWITCH.test(name);
    });
    if (hit) return ` when \`${source.slice(hit.start, hit.end)}\` is on`;
  }
  return undefined;
}

/**
 * The program's output, not a log line, on stdout: `fmt.Println(token)`
 * with nothing else (a `token` command, a git credential helper), or a
 * value this function has just generated, shown with labels
 * (`fmt.Println("API secret:", secret)` after `secret := randomSecret()`:
 * a key-generation command hands the new key to its user), or a value
 * shown with constant labels by a function that also prints it alone
 * (`fmt.Println("Authorization: Bearer", tok.AccessToken)` beside
 * `fmt.Println(tok.AccessToken)`: a command printing the token in the form
 * asked for), or lines that are only shell or dotenv assignments
 * (`fmt.Printf("%sAWS_SECRET_ACCESS_KEY=%s\n", prefix, key)`: an export
 * command's output for `eval`). Hardcoded secrets and whole structs are
 * still reported.
 */
function isProgramOutput(pkg: PackageInfo, sink: Pick<LogSink, 'values' | 'stream' | 'format'>, v: LoggedValue, call: CallExpr): boolean {
  if (sink.stream !== 'stdout') return false;
  const others = sink.values.filter((x) => x !== v && x.expr !== sink.format?.expr);
  const f = sink.format;
  if (others.length === 0 && (f === undefined || (f.value !== undefined && /^\s*%[-+# 0-9.]*[vsq]\s*$/.test(f.value)))) return true;
  const constantFormat = f === undefined || f.value !== undefined || isTranslatedConstant(pkg, f.expr);
  if (!constantFormat) return false;
  if (f?.value !== undefined && (isEnvAssignments(f.value) || isWordless(f.value))) return true;
  if (generatedHere(pkg, v.expr) && others.every((x) => pkg.constValue(x.expr) !== undefined || namesNoCredential(pkg, x.expr) || generatedHere(pkg, x.expr))) return true;
  return others.every((x) => pkg.constValue(x.expr) !== undefined) && printedAloneElsewhere(pkg, call, v.expr);
}

/** Whether the function of `call` also prints the value `e` (the same expression) alone to stdout, in another call. */
function printedAloneElsewhere(pkg: PackageInfo, call: CallExpr, e: Expr): boolean {
  const fn = pkg.enclosingDecl(call);
  const body = fn && pkg.res.bodies.get(fn);
  const file = pkg.fileOf(e);
  if (!body || !file) return false;
  const text = file.source.slice(e.start, e.end);
  return body.calls.some((c) => {
    if (c === call || c.args.length !== 1 || !PLAIN_PRINTS.has(calledName(c) ?? '')) return false;
    const arg = c.args[0]!;
    return file.source.slice(arg.start, arg.end) === text && logSinkOf(pkg, c)?.stream === 'stdout';
  });
}

const PLAIN_PRINTS = new Set(['Println', 'Print']);

/** A format that is constant once translated: `i18n.G("Secret key: %s") + "\n"` (calls of one constant string, concatenated with constants). */
function isTranslatedConstant(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  if (x.kind === 'BinaryExpr' && x.op === '+') return isTranslatedConstant(pkg, x.x) && isTranslatedConstant(pkg, x.y);
  if (pkg.constValue(x) !== undefined) return true;
  return x.kind === 'CallExpr' && x.args.length === 1 && constString(pkg, x.args[0]!) !== undefined;
}

/** A label value whose name says nothing about credentials (`address`, `acc.Name`, `args[0]`): an account named beside its new password. */
function namesNoCredential(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  const name = nameOfValue(pkg, x.kind === 'IndexExpr' ? x.x : x);
  return name !== undefined && sensitiveName(name) === null && !aboutCredential(name);
}

/** One shell or dotenv assignment of a verb, optionally after a prefix verb: `%sAWS_SECRET_ACCESS_KEY=%s`, `export TOKEN="%s"`. */
const ENV_ASSIGNMENT = /^(?:%s)?(?:export |setenv |set -x )?[A-Za-z_][A-Za-z0-9_]*=(["']?)%[sqv]\1$/;

/** Whether a format prints only assignments, one per line. */
function isEnvAssignments(format: string): boolean {
  const lines = format.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => ENV_ASSIGNMENT.test(l));
}

/**
 * Whether a format's own text holds no words, only punctuation around its
 * verbs (after a URL scheme): a connection string or `user:password` line
 * a command prints as its output (`%s://%s:%s@%s:%d\n`,
 * `postgres://%s:%s@%s/%s`), not a message.
 */
function isWordless(format: string): boolean {
  return /%/.test(format) && !/[A-Za-z]/.test(format.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/%[-+# 0-9.*]*[A-Za-z%]/g, ''));
}

/** Calls that encode their argument for display. */
const ENCODING_CALL = /^(?:Encode(?:ToString)?|EncodeHex|ToHex|Hex|Base64|MarshalText)$/;

const GENERATING_CALL = /^(?:[Gg]enerate|[Gg]en|[Nn]ew|[Rr]andom|[Rr]and|[Cc]reate|[Mm]ake)(?:$|[A-Z0-9_])/;

/**
 * A local variable whose every value comes from a call named as generating one (`guid.New(...)`, `utils.RandomSecret()`,
 * `generateKey()`, `d.CreateBucketKey(...)`) or of a package named rand (`rand.Text()`), or a field of one (`key.SecretKey`).
 */
function generatedHere(pkg: PackageInfo, e: Expr): boolean {
  const x = unparen(e);
  // a field set from a generator here (also of a type Redline does not read), or a field of a generated value
  if (x.kind === 'SelectorExpr' && fieldGeneratedHere(pkg, x)) return true;
  if (x.kind === 'SelectorExpr' && pkg.objectOf(x.sel)?.isField === true) return generatedHere(pkg, x.x);
  if (x.kind === 'SliceExpr') return generatedHere(pkg, x.x);
  // an encoding of a generated value: `hex.EncodeToString(key)`, `string(key)`
  if (x.kind === 'CallExpr' && x.args.length === 1 && (pkg.calleeOf(x).kind === 'conversion' || ENCODING_CALL.test(calledName(x) ?? ''))) return generatedHere(pkg, x.args[0]!);
  const o = x.kind === 'Ident' ? pkg.objectOf(x) : undefined;
  if (o?.kind !== 'var' || o.isPackageLevel || o.isField) return false;
  // generated in this function before it is shown (`key, err := generateKey()`), whatever an earlier branch put there
  const generating = assignedValues(pkg, o).filter((val) => val.start < x.start && isGeneratingCall(val));
  if (generating.length === 0) return false;
  const fn = pkg.enclosingDecl(x); // asked last: it needs the package's parent links
  return generating.some((c) => pkg.enclosingDecl(c) === fn);
}

/** A call named for making a new value (`GeneratePassword(21)`, `NewKey()`) or of a package named `rand`. */
function isGeneratingCall(e: Expr): boolean {
  const c = unparen(e);
  if (c.kind !== 'CallExpr') return false;
  const fun = unparen(c.fun);
  return GENERATING_CALL.test(calledName(c) ?? '') || (fun.kind === 'SelectorExpr' && fun.x.kind === 'Ident' && fun.x.name === 'rand');
}

/** A field of a local or parameter that this function set from a generating call before showing it (`req.Password, err = pwgen.GeneratePassword(21)`). */
function fieldGeneratedHere(pkg: PackageInfo, x: SelectorExpr): boolean {
  const base = unparen(x.x);
  const owner = base.kind === 'Ident' ? pkg.objectOf(base) : undefined;
  if (owner?.kind !== 'var' || owner.isPackageLevel) return false;
  const fn = pkg.enclosingDecl(x);
  if (!fn) return false;
  const sameField = (l: Expr): boolean => {
    const y = unparen(l);
    if (y.kind !== 'SelectorExpr' || y.sel.name !== x.sel.name) return false;
    const b = unparen(y.x);
    return b.kind === 'Ident' && pkg.objectOf(b) === owner;
  };
  for (const a of pkg.res.valueFlows) {
    if (a.kind !== 'AssignStmt' || a.start < fn.start || a.end > x.start) continue;
    const from = a.rhs.length === 1 ? a.rhs[0]! : undefined;
    for (let i = 0; i < a.lhs.length; i++) {
      const value = a.rhs.length === a.lhs.length ? a.rhs[i]! : i === 0 ? from : undefined;
      if (value && sameField(a.lhs[i]!) && isGeneratingCall(value)) return true;
    }
  }
  return false;
}

function howRendered(v: LoggedValue): string {
  switch (v.rendering) {
    case 'json':
    case 'zap-any':
      return 'the JSON encoding shows exported fields';
    case 'slog':
      return 'slog handlers print every field';
    default:
      return v.verb ? `%${v.verb.plus ? '+' : ''}${v.verb.sharp ? '#' : ''}${v.verb.verb} prints every field, unexported ones too` : 'fmt prints every field, unexported ones too';
  }
}

function maskingMethod(v: LoggedValue): string {
  switch (v.rendering) {
    case 'json':
      return '`MarshalJSON`';
    case 'zap-any':
      return '`MarshalLogObject`';
    case 'slog':
      return '`LogValue`';
    default:
      return v.verb?.verb === 'v' && v.verb.sharp ? '`GoString`' : '`String`';
  }
}

