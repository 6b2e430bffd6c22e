import type { Expr, Node } from '../../syntax/ast.js';
import { defineRule } from '../../engine/rule.js';
import { calledName } from '../../semantics/fact-names.js';
import { acceptsAll, calleeName, insecureSwitch } from './tls-config.js';

const SSH = 'golang.org/x/crypto/ssh';

export default defineRule({
  meta: {
    id: 'tls/insecure-host-key',
    title: 'Verify SSH host keys',
    severity: 'high',
    precision: 'very-high',
    cwe: [322],
    tags: ['security', 'ssh'],
    since: '0.1.0',
    equivalents: { gosec: ['G106'] },
    tests: 'lower',
    messages: {
      ignore: 'ssh.InsecureIgnoreHostKey accepts any host key: the client cannot tell the real server from an impersonator, so a machine in the middle receives the credentials and every command and byte of the session. Check the key against known_hosts (golang.org/x/crypto/ssh/knownhosts.New) or pin it with ssh.FixedHostKey.',
      optIn: 'ssh.InsecureIgnoreHostKey accepts any host key when {condition}: an explicit "insecure" switch, but whoever turns it on lets an impersonator receive the credentials and the session. Make sure the switch cannot reach production; known_hosts (golang.org/x/crypto/ssh/knownhosts.New) or ssh.FixedHostKey verify keys instead.',
      acceptAll: 'This HostKeyCallback accepts every host key (it only returns nil): the client cannot tell the real server from an impersonator, so a machine in the middle receives the credentials and the session. Check the key against known_hosts (golang.org/x/crypto/ssh/knownhosts.New) or pin it with ssh.FixedHostKey.',
    },
    docs: {
      finds: 'Calls of `ssh.InsecureIgnoreHostKey()` from `golang.org/x/crypto/ssh`, and `HostKeyCallback` function literals of an `ssh.ClientConfig` whose body only returns nil.',
      why: 'SSH authenticates the server by its host key; the client\'s `HostKeyCallback` is the only place where that happens. A callback that accepts every key lets anyone who can intercept the connection (ARP or DNS spoofing, a hostile network, a compromised router) pose as the server, collect the password or the signature of the client key, and read or alter the session (gosec G106).',
      fix: 'Use `knownhosts.New("~/.ssh/known_hosts")` from `golang.org/x/crypto/ssh/knownhosts`, or `ssh.FixedHostKey(key)` with a key distributed out of band.',
      bad: `package deploy

import "golang.org/x/crypto/ssh"

func Dial(addr string, auth ssh.AuthMethod) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User:            "deploy",
		Auth:            []ssh.AuthMethod{auth},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	})
}
`,
      good: `package deploy

import "golang.org/x/crypto/ssh"

func Dial(addr string, auth ssh.AuthMethod, hostKey ssh.PublicKey) (*ssh.Client, error) {
	return ssh.Dial("tcp", addr, &ssh.ClientConfig{
		User:            "deploy",
		Auth:            []ssh.AuthMethod{auth},
		HostKeyCallback: ssh.FixedHostKey(hostKey),
	})
}
`,
      limits: 'A call made only under a condition that tests a switch named as insecure (`if opts.Insecure {`) is an explicit opt-in and is reported at low severity. Callbacks that accept every key after logging it, or named functions that do so, are not recognised; only literal `return nil` bodies are.',
    },
  },
  prefilter: { imports: [SSH] },
  create(ctx) {
    const { pkg } = ctx;
    const checkCallback = (range: Node, value: Expr) => {
      if (acceptsAll(pkg, value)) ctx.report({ range, messageId: 'acceptAll' });
    };
    return {
      CallExpr(call) {
        if (calledName(call) !== 'InsecureIgnoreHostKey' || calleeName(pkg, call) !== `${SSH}.InsecureIgnoreHostKey`) return;
        const optIn = insecureSwitch(pkg, ctx.file.source, call);
        if (optIn) ctx.report({ range: call, messageId: 'optIn', data: { condition: optIn.condition }, severity: 'low' });
        else ctx.report({ range: call, messageId: 'ignore' });
      },
      KeyValueExpr(kv) {
        if (kv.key.kind !== 'Ident' || kv.key.name !== 'HostKeyCallback') return;
        const lit = pkg.parentOf(kv);
        if (lit?.kind === 'CompositeLit' && pkg.isNamedType(pkg.typeOf(lit), SSH, 'ClientConfig')) checkCallback(kv, kv.value);
      },
      AssignStmt(assign) {
        if (assign.lhs.length !== assign.rhs.length) return;
        assign.lhs.forEach((lhs, i) => {
          if (lhs.kind === 'SelectorExpr' && lhs.sel.name === 'HostKeyCallback' && pkg.isNamedType(pkg.typeOf(lhs.x), SSH, 'ClientConfig')) checkCallback(assign, assign.rhs[i]!);
        });
      },
    };
  },
});
