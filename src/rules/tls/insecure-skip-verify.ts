import type { AssignStmt, CompositeLit, Expr, KeyValueExpr, Node } from '../../syntax/ast.js';
import { defineRule, type RelatedReport } from '../../engine/rule.js';
import { unparen, withoutAddress } from '../../syntax/ast.js';
import { isDeadCode } from '../../semantics/dead-branches.js';
import { assignedValues, usesOf } from '../../semantics/flow.js';
import type { PackageInfo } from '../../semantics/package.js';
import { deref, isBoolean, underlying, type Type } from '../../semantics/types.js';
import { onlyInspectsCertificates } from './certificate-probe.js';
import { localDial } from './local-dial.js';
import { FINGERPRINTS_PARAM, HASHES_PARAM, laterPeerVerification } from './peer-verification.js';
import { sharedClientOf } from './shared-client.js';
import { TEST_CODE_LIMITS, insecureSwitch, isLocalVariable, isInsecureName, loopbackCondition, describeSource, exprText, isConstTrue, isNil, onlyServerConfig, resolveValues, unusedConfig, tlsConfigFieldTarget, tlsConfigFields, type OptIn, type PossibleValue } from './tls-config.js';

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
    equivalents: { gosec: ['G402'] },
    tests: 'lower',
    messages: {
      skip: 'TLS certificate verification is off: InsecureSkipVerify accepts any certificate for any host, so anyone on the network path can impersonate the peer and read or change the traffic. Remove it; to trust a private CA, add it to RootCAs.',
      optIn: 'TLS certificate verification is off when {condition}: an explicit "insecure" switch, but whoever turns it on accepts any certificate for any host, so anyone on the network path can impersonate the peer. Make sure the switch cannot reach production, and offer a way to trust a private CA (RootCAs) instead.',
      wrapper: 'TLS certificate verification is off: `{field}` is set to true, and a field of that name turns certificate verification off in the TLS config the library builds from it (judged by its name: Redline cannot see the library), so anyone on the network path can impersonate the peer and read or change the traffic. Remove it; to trust a private CA, give the library that CA instead.',
      optInNamed: 'TLS certificate verification is off in the config that `{name}` holds, named as insecure: a deliberate choice, but every connection made with it accepts any certificate for any host, so anyone on the network path can impersonate the peer. Make sure it is used only where that is meant, never by default, and offer a way to trust a private CA (RootCAs) instead.',
      optInWithRoots: 'TLS certificate verification is off when {condition}: an explicit "insecure" switch, but whoever turns it on accepts any certificate for any host, so anyone on the network path can impersonate the peer, and the RootCAs this config is also given are ignored. Make sure the switch cannot reach production: to trust a private CA, those RootCAs are enough without it.',
      optInShared: 'TLS certificate verification is off when {condition}, and the insecure config goes into `{shared}`, which the whole process shares: once one caller turns the switch on, every other user of `{shared}` skips verification too, and requests in flight race with the change. Give this client its own transport (a new `http.Client` with `http.DefaultTransport.(*http.Transport).Clone()`) instead of changing the shared one.',
      skipVia: 'TLS certificate verification can be off: InsecureSkipVerify takes its value from {source}, which {how}, and then any certificate for any host is accepted, so anyone on the network path can impersonate the peer. Keep verification on; to trust a private CA, add it to RootCAs.',
      replaced: 'TLS certificate verification is off, and this package checks peer certificates itself elsewhere (the related location): if every connection made with this config goes through that check, the default check is replaced on purpose; any that does not accepts any certificate for any host. Prefer setting VerifyConnection on this config, so the check cannot be bypassed.',
      loopback: 'TLS certificate verification is off for connections to this machine (`{condition}`): they do not cross the network, but any local process that takes the port first can impersonate the peer. Where you can, trust the local server\'s certificate (RootCAs) instead of skipping verification.',
      zeroValue: 'TLS certificate verification is off unless {field} is true: InsecureSkipVerify is its negation, so a {owner} whose {name} keeps its zero value (false) accepts any certificate for any host, and anyone on the network path can impersonate the peer. If configuration fills {field}, make sure it defaults to true there; better, make the safe setting the zero value (an opt-out switch such as InsecureSkipVerify, false by default).',
      skipIgnoresRoots: 'TLS certificate verification is off: InsecureSkipVerify accepts any certificate for any host, so the RootCAs this config also sets are never consulted, and anyone on the network path can impersonate the peer and read or change the traffic. Remove InsecureSkipVerify: crypto/tls then verifies the peer against those RootCAs.',
      encryptsOnly: 'TLS certificate verification is off when {condition}: a connection mode that encrypts without verifying the server\'s certificate, chosen by whoever configures it, but anyone on the network path can then impersonate the server and read the traffic, credentials included. Make sure deployments that can verify choose a verifying mode (libpq\'s `verify-full`, MySQL\'s `true` with the server\'s CA).',
      inverted: 'TLS certificate verification is off exactly when it is asked for: InsecureSkipVerify takes the value of {name}, a switch named for verifying, so turning it on (or a default of true) accepts any certificate for any host, and anyone on the network path can impersonate the peer. Negate it: `InsecureSkipVerify: !{name}`.',
      probe: 'TLS certificate verification is off on connections that only read the peer\'s certificate: no other data crosses them, but the certificate they read is whatever a machine in the middle presents. Expected in a certificate inspector or a TLS probe; do not trust what it returns (add it to a pool, pin it, call it valid) without verifying it.',
    },
    docs: {
      finds: '`InsecureSkipVerify: true` in a `crypto/tls.Config` literal, and assignments of `true` to the field of a `tls.Config`, however the package is imported and wherever the config is nested (an `http.Transport`, a client, a dialer). Also a constant `true` given to a field named `InsecureSkipVerify` of a library\'s TLS options — a type, package or field named for TLS (`api.TLSConfig{...}`, `configtls.ClientConfig{...}`, `opt.TLSConfig.InsecureSkipVerify = true`) of another package — with a message that says the judgement rests on the name; not a fork of crypto/tls (`Config` of a package named `...tls`), whose servers and clients Redline cannot tell apart, nor other options with that field name, which may mean something else (websocket\'s `AcceptOptions.InsecureSkipVerify` skips the Origin check). Also a value that is not a constant but can be `true`: a variable assigned `true`, a flag whose default is `true` (`flag.Bool`, `flag.BoolVar`, pflag\'s `BoolP`/`BoolVarP`, kingpin\'s `Flag(name, help).Default("true").Bool()` and `BoolVar`, where a kingpin Bool flag without a default is `false`: `InsecureSkipVerify: !*sslVerify` with a `--ssl-verify` flag that defaults to false is reported), a call of a function of the package that always returns `true` (`func lenientPeers() bool { return true }`), or a field of a configuration struct of the same package that some code sets to `true` unconditionally (a default; a parser that sets it when a configuration file asks is the operator\'s choice). A verification switch given as is (`InsecureSkipVerify: p.SSLVerify`, a boolean named for verifying or validating, not for skipping or disabling it) turns verification off exactly when it is asked for and is reported whatever its value, with a message that says to negate it. A negated verification switch (`InsecureSkipVerify: !o.EnableHostVerification`, a boolean field named for verifying or validating) that no code of the package sets to `true` is reported at low severity: verification is off wherever the switch keeps its zero value.',
      why: 'With `InsecureSkipVerify` set, a TLS client accepts any certificate chain and any host name. The connection is still encrypted, but to whoever answers: a machine in the middle can present its own certificate, read every request (tokens, passwords, card data) and change every response. The setting is often added to get past a self-signed certificate in development and then ships; a flag or option that defaults to `true` ships it to every deployment that does not override it.',
      fix: 'Remove the field. To trust a private or self-signed CA, load it into a `x509.CertPool` and set `RootCAs`; to pin a certificate, verify it in `VerifyConnection`. An "insecure" flag, if you must keep one, should default to `false`.',
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
      limits: 'A config whose only use is to dial with `crypto/tls` (`Dial`, `DialWithDialer`, `Client`, a wrapper that returns the `*tls.Conn`, a handshake or dial of the module that returns a `net.Conn` such as `thx.Handshake(ctx, conn, cfg)`, or the `Dial`/`DialContext` of a local `tls.Dialer` it configures or of a `tls.Dialer` literal dialled at once) connections that are only handshaken, asked for their state or host name, and closed, or dropped (`_, err = thx.Handshake(...)`) — a certificate inspector or a TLS probe; also when a function of the package returns the config and every call of it is such a use — is reported at low severity, with a message that says so (local variables only; a config passed elsewhere or cloned gets the usual finding). A `true` set only under a condition that tests a switch named as insecure or self-signed (not a local variable declared `true` and turned off only under a condition, `skipTLS := true`: that is the default) (`if opts.Insecure {`, `if cfg != nil && *skipVerify {`, `if ignoreCertificate {`, `if cfg.IgnoreSSL {`, `if o.SkipTLS {`, `if *disableTLS {`, `if cfg.DisableTLSValidation {`, `if c.AcceptInvalidCerts {`, `if config.AllowUntrustedTLS {`, `if o.TrustAll {`, `if allowUnverifiedSSL {`, `if opt.DoNotVerifyTLS {`, `if os.Getenv("APP_TLS_INSECURE") == "true" {`, a local read from a setting named so `if on, _ := cmd.Flags().GetBool("skip-cert-checks"); on {`, the `else` of the switch tested off `if !b.SkipVerify { ... } else {`, `if len(os.Getenv("SKIP_SMTP_TLS_VERIFY")) > 0 {`, `case insecureRedis:`, `if info.selfCert {`, a setting read from configuration `switch mode { case "skip-verify":`, a setting named as insecure in the clause that turns it on `switch insecureSkipVerify { case "true":`, libpq\'s and MySQL\'s modes that encrypt without verifying in a switch that also knows a verifying or skipping one (`case "allow", "prefer", "require":` beside `case "verify-ca", "verify-full":`; the MySQL driver\'s `case "preferred":` beside `case "skip-verify":`; values of a setting named as a TLS mode picked by a condition, `if config.SSLMode == 2 || config.SSLMode == 3 {`; these get a message that names a mode encrypting without verifying), or compared with a constant named so `case TLSModeNoVerify:`, `if mode == sslModeInsecure {`, a guard clause before it `if !c.SkipVerify { return }`, or a config dropped unless the switch is on, `cfg := &tls.Config{...}` then `if !allowInsecure { cfg = nil }`), or a verification switch turned off (`if !opts.VerifyTLS {`, also a setting read by such a name, `if cfg.GetBool("enable_tls_verify") { ... } else {`) — a constant there, or a variable set to true only there, or inside a function named so (`newInsecureClient()`, the functional option `WithInsecure()`; not in the branch for its boolean parameter turned off, `WithInsecure(on bool)` with `if on { ... } else { here }`), or in a config held by a variable, field or key named so (`var insecureTransport = &http.Transport{TLSClientConfig: &tls.Config{...}}`, also through a constructor of the package, `InsecureTransport: newTransport(&tls.Config{...})`, or in a map of named configs under a name that says so, `"skip-verify": {InsecureSkipVerify: true}`, `insecureTransport.TLSClientConfig = ...`, or a local transport that only goes into an `insecureClient` field, or a client that is only the `true:` value of a map only ever indexed by such a switch, `httpClients[t.InsecureSkipVerify]`), is an explicit opt-in and is reported at low severity — unless the config goes into a client or transport the whole process shares (a field of `http.DefaultClient`, `http.DefaultTransport`, another package\'s variable such as `websocket.DefaultDialer`, or a package-level client is set, also through a local copy of its pointer, `c := sharedClient` then `c.Transport = tr`, or `http.DefaultClient` is replaced): one caller\'s opt-in then turns verification off for every user of that client, and it is reported one step higher, at medium, with a message that says so (a variable of package main is the program\'s own: its switches configure the whole program). So is a constant `true` set only when an enclosing condition makes sure the peer is this machine (`if docker.IsLocalhost(host) {`, `if netutil.IsLoopbackHost(h) {`, `if ip.IsLoopback() {`, `if host == "localhost" {`), or when every call that dials with the config (`tls.Dial`, any call that takes it through `credentials.NewTLS`, `grpc.WithTransportCredentials` and local option slices, or a request sent by a local `http.Client` whose local transport holds it, `c.Get(url)`, `c.Do(req)`) also takes an address on this machine: one of the process\'s own listeners (`ln.Addr().String()`), a loopback host (`fmt.Sprintf("127.0.0.1:%d", port)`), a loopback URL or a request built for one (`"https://localhost:10259/metrics"`, also with a scheme chosen at run time, `scheme + "://localhost:9000/health"`), or the same expression or variable the package passes to `net.Listen` or `(*net.ListenConfig).Listen` (directly, or as the argument of a package function\'s parameter it listens on, `d.open(d.cfg.RPCAddr)`) or sets as an `http.Server`\'s `Addr` — a gateway in front of its own gRPC server, a health check of its own HTTPS server (`"https://" + listen + "/healthz"`, also through the parameter of an unexported function whose every call in the package passes such an address). A loopback default that configuration can replace with another host keeps the finding. A config that is only ever a server\'s (installed in `tls.NewListener`, `tls.Listen`, `tls.Server` or `http.Server.TLSConfig`, directly or through the package\'s local variables, the parameters of its functions, its unexported fields and the results of its unexported functions: `cfg, err := loadServerConfig(...)` handed to a constructor that stores it in a field read only by `tls.NewListener`) is not reported: crypto/tls reads `InsecureSkipVerify` only when dialling. Neither is a config that nothing reads: stored in a field of a local variable that is used for nothing but setting its fields (`tr.TLSClientConfig = &tls.Config{...}` on a transport never attached to a client), or such a variable itself. A config that also sets `VerifyConnection` or `VerifyPeerCertificate` (in the literal, or by an assignment in the same function) is not reported: it replaces the default check with its own, which is a deliberate design (certificate pinning, SPIFFE). When the package checks peers itself elsewhere — it assigns a verifier to some config (a per-handshake clone), or a function calls `(*x509.Certificate).Verify` next to `ConnectionState()` with the `RootCAs` of a config (the function that builds the config counts too, in a closure it returns, such as a connection upgrader, and there the pool it installs as `RootCAs` counts as the config\'s: `RootCAs: d.rootCAs` ... `Roots: d.rootCAs`, domain fronting), itself or through a function of the package that makes that check with the pool it is passed (`verifyChain(name, conn, d.rootCAs)`), or the function using the config checks a certificate against a fingerprint (`sha256.Sum256(cert.Raw)` or of `cert.RawSubjectPublicKeyInfo`, also hashed as a stream, `h := sha256.New(); h.Write(cert.Raw)`, or by a module function that hashes the bytes it is given, `digest.Short(cert.Raw)`, or its raw bytes compared with known ones, `bytes.Equal(cert.Raw, pinned)` or `cert.Equal(pinned)`, itself or through module functions it passes the certificate to, such as a `thumbprintMatches(pin, cert)` helper: trust bootstrapping, trust on first use), or the callers of an unexported function that fetches and returns the peer certificate do — the finding is low, with that place as a related location: Redline cannot tell whether every connection goes through the check. ' + TEST_CODE_LIMITS + ' Code in a branch that never runs is not reported: a constant false condition, or a boolean field that nothing in the package sets (`if info.selfCert {` where no literal, assignment or address of `selfCert` exists). A flag or option that defaults to `false` is an explicit opt-in by whoever runs the program and is not reported; neither are values read from files or the environment, nor values passed in by callers in other functions (no interprocedural value tracking). Configuration structs are followed within their own package only.',
    },
  },
  prefilter: { imports: ['crypto/tls', 'net/http'], text: ['InsecureSkipVerify'] },
  facts: [HASHES_PARAM, FINGERPRINTS_PARAM],
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

    /** Servers never read InsecureSkipVerify, and a config stored where nothing reads it is never dialled with. */
    const noClientReads = (config: Expr) => onlyServerConfig(pkg, config) || unusedConfig(pkg, config);

    /** `config`: the tls.Config literal, or the base of the assigned field. */
    const check = (range: Node, value: Expr, config: Expr) => {
      const inverted = verifySwitchUnnegated(pkg, value);
      if (inverted) {
        if (!isDeadCode(pkg, range, { unsetFields: true }) && !noClientReads(config)) ctx.report({ range, messageId: 'inverted', data: { name: exprText(file.source, inverted) } });
        return;
      }
      const constant = isConstTrue(pkg, value);
      const trues = constant ? [] : resolveValues(pkg, value, file.isTest).values.filter((v) => v.value.kind === 'bool' && v.value.value);
      const truth = trues[0];
      const zero = constant || truth ? undefined : negatedVerifySwitch(pkg, value, file.isTest);
      if (!constant && !truth && !zero) return;
      if (isDeadCode(pkg, range, { unsetFields: true })) return; // `if info.selfCert {` with a field nothing sets
      if (noClientReads(config)) return;
      if (onlyInspectsCertificates(pkg, config)) {
        ctx.report({ range, messageId: 'probe', severity: 'low' });
        return;
      }
      const local = truth ? undefined : loopbackCondition(pkg, file.source, range) ?? localDial(pkg, file.source, config);
      if (local) {
        ctx.report({ range, messageId: 'loopback', data: { condition: local }, severity: 'low' });
        return;
      }
      // a constant set under an insecure switch or in a connection mode that encrypts without verifying (`case "require":`),
      // or a variable set to true only under such switches
      const optIn = truth ? allUnderSwitches(trues) : insecureSwitch(pkg, file.source, range);
      if (optIn) {
        // an opt-in that changes a client the whole process shares is not the caller's alone
        const shared = sharedClientOf(pkg, config);
        if (shared !== undefined) {
          ctx.report({ range, messageId: 'optInShared', data: { condition: optIn.condition, shared }, severity: 'medium' });
          return;
        }
        const messageId = optIn.by === 'mode' && !truth ? 'encryptsOnly' : setsRoots(config) ? 'optInWithRoots' : optIn.by === 'name' ? 'optInNamed' : 'optIn';
        ctx.report({ range, messageId, data: { condition: optIn.condition, ...(optIn.by === 'name' && { name: optIn.name }) }, severity: 'low' });
        return;
      }
      const verifier = laterPeerVerification(pkg, config);
      if (verifier) {
        const f = pkg.fileOf(verifier);
        ctx.report({ range, messageId: 'replaced', severity: 'low', related: [{ range: verifier, ...(f && f !== file && { file: f }), message: 'peer certificates are checked here' }] });
        return;
      }
      if (zero) {
        ctx.report({ range, messageId: 'zeroValue', data: zero, severity: 'low' });
        return;
      }
      if (!truth) {
        ctx.report({ range, messageId: setsRoots(config) ? 'skipIgnoresRoots' : 'skip' });
        return;
      }
      ctx.report({ range, messageId: 'skipVia', data: { source: describeSource(truth), how: how(truth) }, related: [relatedOf(truth)] });
    };

    /** A config literal that also installs a pool of trusted roots (which InsecureSkipVerify makes crypto/tls ignore), or a local config its function assigns one. */
    const setsRoots = (config: Expr): boolean => {
      if (config.kind === 'Ident') {
        const v = pkg.objectOf(config);
        if (!isLocalVariable(v)) return false;
        if (assignedValues(pkg, v).some((value) => setsRoots(withoutAddress(value)))) return true;
        // `if ca != "" { cfg.RootCAs = pool } else { cfg.InsecureSkipVerify = true }`: never both
        return usesOf(pkg, v.func, v).some((use) => {
          if (inOtherBranch(pkg, use, config)) return false;
          const sel = pkg.parentOf(use);
          const assign = sel?.kind === 'SelectorExpr' && sel.sel.name === 'RootCAs' ? pkg.parentOf(sel) : undefined;
          return assign?.kind === 'AssignStmt' && assign.lhs.includes(sel as Expr) && !isNil(pkg, assign.rhs[assign.lhs.indexOf(sel as Expr)] ?? config);
        });
      }
      const roots = config.kind === 'CompositeLit' ? tlsConfigFields(pkg, config)?.get('RootCAs') : undefined;
      return roots !== undefined && !isNil(pkg, roots.value);
    };

    /** The switch of the first value when every value is set under an insecure switch. */
    const allUnderSwitches = (values: readonly PossibleValue[]): OptIn | undefined => {
      const switches = values.map((v) => { const f = pkg.fileOf(v.at); return f ? insecureSwitch(pkg, f.source, v.at) : undefined; });
      return switches.every((x) => x !== undefined) ? switches[0] : undefined;
    };

    const relatedOf = (v: PossibleValue): RelatedReport => {
      const f = pkg.fileOf(v.at);
      const held = v.negated ? 'false' : 'true';
      const message = v.source === 'flag' ? `the flag is defined here, defaulting to ${held}` : v.source === 'function' ? `returns ${held} here` : `set to ${held} here`;
      return f && f !== file ? { range: v.at, file: f, message } : { range: v.at, message };
    };

    /** The assignment that stores `value`, and the text of its target. */
    const assignedTo = (value: Node): { assign: AssignStmt; base: string } | undefined => {
      const assign = pkg.parentOf(value);
      if (assign?.kind !== 'AssignStmt' || assign.lhs.length !== assign.rhs.length) return undefined;
      const i = assign.rhs.indexOf(value as Expr);
      return i >= 0 ? { assign, base: exprText(file.source, assign.lhs[i]!) } : undefined;
    };

    const pendingAssignments: Array<{ assign: AssignStmt; base: string; range: Node; value: Expr; config: Expr }> = [];
    const pendingLiterals: Array<{ assign: AssignStmt; base: string; range: Node; value: Expr; config: Expr }> = [];

    /**
     * `InsecureSkipVerify: true` on a library's TLS options (`api.TLSConfig`,
     * `configtls.ClientConfig`, `opt.TLSConfig.InsecureSkipVerify` of a type
     * Redline does not know): a type, package or field named for TLS. Not a
     * fork of crypto/tls (`Config` of a package named `...tls`), whose
     * servers and clients Redline cannot tell apart, and not other options
     * of that field name, which may mean something else (websocket's
     * `AcceptOptions.InsecureSkipVerify` skips the Origin check).
     * Constants only; this package's own structs are followed into the
     * tls.Config they fill.
     */
    const checkWrapper = (range: Node, value: Expr, owner: Type, named: string, field: string) => {
      const t = pkg.namedOf(owner);
      if (t && t.pkg === pkg.importPath) return;
      const typeName = t?.name ?? named.slice(named.lastIndexOf('.') + 1);
      const pkgName = t ? t.pkg.slice(t.pkg.lastIndexOf('/') + 1) : named.includes('.') ? named.slice(0, named.indexOf('.')) : '';
      if (!/tls/i.test(typeName + ' ' + pkgName) || (typeName === 'Config' && /tls$/i.test(pkgName))) return;
      if (!isConstTrue(pkg, value) || isDeadCode(pkg, range, { unsetFields: true })) return;
      const optIn = insecureSwitch(pkg, file.source, range);
      if (optIn) ctx.report({ range, messageId: 'optIn', data: { condition: optIn.condition }, severity: 'low' });
      else ctx.report({ range, messageId: 'wrapper', data: { field } });
    };

    return {
      CompositeLit(lit: CompositeLit) {
        const fields = tlsConfigFields(pkg, lit);
        if (!fields) {
          const kv = lit.elts.find((e): e is KeyValueExpr => e.kind === 'KeyValueExpr' && e.key.kind === 'Ident' && e.key.name === 'InsecureSkipVerify');
          if (kv && lit.type) checkWrapper(kv, kv.value, pkg.typeOf(lit), exprText(file.source, lit.type), `${exprText(file.source, lit.type)}.InsecureSkipVerify`);
          return;
        }
        const skip = fields.get('InsecureSkipVerify');
        const verifies = CUSTOM_VERIFIERS.some((name) => {
          const kv = fields.get(name);
          return kv !== undefined && !isNil(pkg, kv.value);
        });
        // the target the literal is assigned to (`cfg := &tls.Config{...}`), completed by later assignments
        const assigned = assignedTo(pkg.parentOf(lit)?.kind === 'UnaryExpr' ? pkg.parentOf(lit)! : lit);
        if (verifies) {
          // cfg := &tls.Config{VerifyPeerCertificate: verify}; ...; cfg.InsecureSkipVerify = true
          if (assigned) basesVerifiedIn(assigned.assign).add(assigned.base);
          return;
        }
        if (!skip) return;
        // cfg := &tls.Config{InsecureSkipVerify: true}; ...; cfg.VerifyPeerCertificate = verify
        if (assigned) pendingLiterals.push({ ...assigned, range: skip, value: skip.value, config: lit });
        else check(skip, skip.value, lit);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length) return;
        assign.lhs.forEach((lhs, i) => {
          for (const name of CUSTOM_VERIFIERS) {
            const target = tlsConfigFieldTarget(pkg, lhs, name);
            if (target && !isNil(pkg, assign.rhs[i]!)) basesVerifiedIn(assign).add(exprText(file.source, target.x));
          }
          const target = tlsConfigFieldTarget(pkg, lhs, 'InsecureSkipVerify');
          if (target) pendingAssignments.push({ assign, base: exprText(file.source, target.x), range: assign, value: assign.rhs[i]!, config: target.x });
          else if (lhs.kind === 'SelectorExpr' && lhs.sel.name === 'InsecureSkipVerify') checkWrapper(assign, assign.rhs[i]!, deref(pkg.typeOf(lhs.x)), lastSelected(lhs.x), exprText(file.source, lhs));
        });
      },
      'File:exit'() {
        for (const p of [...pendingLiterals, ...pendingAssignments].sort((a, b) => a.range.start - b.range.start)) {
          if (!basesVerifiedIn(p.assign).has(p.base)) check(p.range, p.value, p.config);
        }
      },
    };
  },
});

/**
 * `!o.EnableHostVerification`: the negation of a boolean field named as
 * turning verification on, which nothing in the package sets to true
 * unconditionally (a default): its zero value leaves verification off.
 */
function negatedVerifySwitch(pkg: PackageInfo, value: Expr, inTest: boolean): { field: string; name: string; owner: string } | undefined {
  const x = unparen(value);
  if (x.kind !== 'UnaryExpr' || x.op !== '!') return undefined;
  const inner = unparen(x.x);
  if (inner.kind !== 'SelectorExpr') return undefined;
  const o = pkg.objectOf(inner.sel);
  if (!o?.isField || !/verif|validat/i.test(o.name) || isInsecureName(o.name)) return undefined;
  if (!isBoolean(underlying(pkg.typeOf(inner), pkg.info))) return undefined;
  if (resolveValues(pkg, inner, inTest).values.some((v) => v.value.kind === 'bool' && v.value.value)) return undefined;
  const owner = pkg.namedOf(o.ownerType ?? pkg.typeOf(inner.x));
  return { field: owner ? `${owner.name}.${o.name}` : o.name, name: o.name, owner: owner ? owner.name : 'value' };
}

/**
 * `InsecureSkipVerify: p.SSLVerify`: a boolean named for verifying (not
 * for skipping or turning it off) given as is, so verification is off
 * exactly when it is asked for.
 */
function verifySwitchUnnegated(pkg: PackageInfo, value: Expr): Expr | undefined {
  const x = unparen(value);
  const id = x.kind === 'Ident' ? x : x.kind === 'SelectorExpr' ? x.sel : undefined;
  if (!id || !/verif|validat/i.test(id.name) || isInsecureName(id.name) || /disabl|skip|ignor|off|not|without|insecure|none|un(verif|validat)/i.test(id.name)) return undefined;
  const o = pkg.objectOf(id);
  if (o?.kind !== 'var') return undefined;
  return isBoolean(underlying(pkg.typeOf(x), pkg.info)) ? x : undefined;
}

/** How the source comes to make the field true (the source itself is false when the field negates it). */
function how(v: PossibleValue): string {
  const held = v.negated ? 'false' : 'true';
  switch (v.source) {
    case 'flag': return `defaults to ${held}`;
    case 'field': return `is set to ${held} elsewhere in the package`;
    case 'function': return `returns ${held}`;
    default: return `is assigned ${held}`;
  }
}

/** Whether `a` and `b` sit in different branches of one `if` (body and else) or in different clauses of one switch or select: no run reaches both. */
function inOtherBranch(pkg: PackageInfo, a: Node, b: Node): boolean {
  const branchOf = new Map<Node, Node>();
  for (let child: Node = a, p = pkg.parentOf(a); p; child = p, p = pkg.parentOf(p)) {
    if (p.kind === 'IfStmt' || p.kind === 'BlockStmt') branchOf.set(p, child);
  }
  for (let child: Node = b, p = pkg.parentOf(b); p; child = p, p = pkg.parentOf(p)) {
    const other = branchOf.get(p);
    if (other === undefined) continue;
    if (p.kind === 'IfStmt') return other !== child && (other === p.body || other === p.else) && (child === p.body || child === p.else);
    // the clauses of a switch or select are the statements of its body block
    const owner = pkg.parentOf(p);
    if (owner && (owner.kind === 'SwitchStmt' || owner.kind === 'TypeSwitchStmt' || owner.kind === 'SelectStmt')) return other !== child;
    return false;
  }
  return false;
}

/** The field an expression selects (`TLSConfig` of `opt.TLSConfig`), '' for anything else: a variable's name says less than a field's. */
function lastSelected(e: Expr): string {
  const x = unparen(e);
  return x.kind === 'SelectorExpr' ? x.sel.name : '';
}
