import { describe, expect, it } from 'vitest';
import type * as ast from '../../src/syntax/ast.js';
import { walk } from '../../src/syntax/index.js';
import { enclosingStart, startedLiteral, startKeyword, startsIn } from '../../src/semantics/goroutines.js';
import { checkPackage } from '../../src/semantics/package.js';
import { knownPackage, knownPackagePaths } from '../../src/semantics/stdlib/index.js';
import {
  fieldOf, isNamed, isNamedOrPtr, lookupFieldOrMethod, methodSet, parseType, typeString, underlying, type TypeEnv,
} from '../../src/semantics/types.js';
import { guessPackageName } from '../../src/semantics/resolve.js';
import { pkgFromSource } from './helpers.js';

const SRC = `package p

import (
	"context"
	"crypto/tls"
	stdlog "log"
	"net/http"
	"os"
	"go.uber.org/zap"
	"github.com/sirupsen/logrus"
	"github.com/foo/go-bar/v3"
	yaml "gopkg.in/yaml.v2"
	_ "net/http/pprof"
	. "strings"
	"golang.org/x/crypto/ssh"
)

const (
	apiKey    = "sk_" + "live_" + suffix
	suffix    = "1234"
	minTLS    = tls.VersionTLS10
	keyLen    = len(apiKey)
	mask      = 1<<keyLen - 1
	fromShift = uint8(255) >> 4
)

var sharedCfg = &tls.Config{MinVersion: minTLS}

type server struct {
	*http.Server
	cfg  *tls.Config
	name string
}

func (s *server) start(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5)
	defer cancel()
	s.cfg.InsecureSkipVerify = true
	sharedCfg.MinVersion = tls.VersionTLS12
	go func() {
		stdlog.Printf("key=%s", apiKey)
		<-ctx.Done()
	}()
	logger, _ := zap.NewProduction()
	logger.Info("starting", zap.String("key", apiKey))
	logrus.WithField("k", apiKey).Warn("x")
	cc := &ssh.ClientConfig{HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	_ = cc
	_ = bar.X
	_ = yaml.Marshal
	if HasPrefix(s.name, "x") {
		os.Exit(1)
	}
	return s.ListenAndServeTLS("", "")
}
`;

function setup() {
  const pkg = pkgFromSource(SRC);
  const info = checkPackage(pkg);
  const file = pkg.files[0]!.ast;
  const exprs = new Map<string, ast.Expr>();
  walk(file, { enter: (n) => { const t = SRC.slice(n.start, n.end); if (!exprs.has(t) && n.kind !== 'ExprStmt' && n.kind !== 'File') exprs.set(t, n as ast.Expr); } });
  const e = (text: string): ast.Expr => {
    const x = exprs.get(text);
    if (!x) throw new Error('no expr ' + text);
    return x;
  };
  return { pkg, info, file, e };
}

describe('PackageInfo API', () => {
  const { info, file, e } = setup();

  it('imports: aliases, guessed names, dot and blank imports', () => {
    expect(info.importPathOf(file, 'stdlog')).toBe('log');
    expect(info.importPathOf(file, 'bar')).toBe('github.com/foo/go-bar/v3');
    expect(info.importPathOf(file, 'yaml')).toBe('gopkg.in/yaml.v2');
    expect(info.importPathOf(file, 'zap')).toBe('go.uber.org/zap');
    const bar = info.objectOf((e('bar.X') as ast.SelectorExpr).x as ast.Ident)!;
    expect(bar).toMatchObject({ kind: 'pkgname', importPath: 'github.com/foo/go-bar/v3', guessed: true });
    // dot import: HasPrefix resolves to strings.HasPrefix
    const hp = info.objectOf(e('HasPrefix') as ast.Ident)!;
    expect(hp).toMatchObject({ kind: 'func', pkg: 'strings', name: 'HasPrefix' });
    // members of unknown packages stay unresolved, never guessed
    expect(info.objectOf((e('bar.X') as ast.SelectorExpr).sel)).toBeUndefined();
    expect(info.typeOf(e('bar.X')).kind).toBe('unknown');
  });

  it('constants: string concatenation across declarations, typed table constants, len, shifts', () => {
    expect(info.constValue(e('apiKey'))).toEqual({ kind: 'string', value: 'sk_live_1234' });
    expect(info.constValue(e('tls.VersionTLS10'))).toEqual({ kind: 'int', value: 0x301n });
    expect(typeString(info.typeOf(e('minTLS')))).toBe('untyped int'); // crypto/tls version constants are untyped
    expect(info.constValue(e('keyLen'))).toEqual({ kind: 'int', value: 12n });
    expect(info.constValue(e('1<<keyLen - 1'))).toEqual({ kind: 'int', value: 4095n });
    expect(info.constValue(e('uint8(255) >> 4'))).toEqual({ kind: 'int', value: 15n });
    // untyped constants: typeOf keeps them untyped, contextTypeOf gives the implicit conversion
    const five = (e('context.WithTimeout(ctx, 5)') as ast.CallExpr).args[1]!;
    expect(typeString(info.typeOf(five))).toBe('untyped int');
    expect(typeString(info.contextTypeOf(five))).toBe('time.Duration');
    expect(typeString(info.contextTypeOf(e('"key=%s"')))).toBe('string');
  });

  it('types of selectors and TLS config mutation targets', () => {
    expect(isNamedOrPtr(info.typeOf(e('sharedCfg')), 'crypto/tls', 'Config')).toBe(true);
    expect(isNamed(info.typeOf(e('s.cfg.InsecureSkipVerify')), 'crypto/tls', 'Config')).toBe(false);
    expect(typeString(info.typeOf(e('s.cfg.InsecureSkipVerify')))).toBe('bool');
    const sel = e('sharedCfg.MinVersion') as ast.SelectorExpr;
    expect(info.objectOf(sel.sel)).toMatchObject({ kind: 'var', isField: true, pkg: 'crypto/tls', name: 'MinVersion' });
    expect(info.objectOf(e('sharedCfg') as ast.Ident)).toMatchObject({ isPackageLevel: true });
    // promoted method through embedded *http.Server
    expect(info.calleeOf(e('s.ListenAndServeTLS("", "")') as ast.CallExpr)).toMatchObject({ kind: 'method', pkg: 'net/http', name: 'ListenAndServeTLS', key: '(net/http.Server).ListenAndServeTLS' });
  });

  it('callees: funcs, methods on third-party loggers, builtins, conversions, func values', () => {
    expect(info.calleeOf(e('stdlog.Printf("key=%s", apiKey)') as ast.CallExpr)).toMatchObject({ kind: 'func', pkg: 'log', name: 'Printf' });
    const zi = info.calleeOf(e('logger.Info("starting", zap.String("key", apiKey))') as ast.CallExpr);
    expect(zi).toMatchObject({ kind: 'method', name: 'Info', key: '(go.uber.org/zap.Logger).Info' });
    const lr = info.calleeOf(e('logrus.WithField("k", apiKey).Warn("x")') as ast.CallExpr);
    expect(lr).toMatchObject({ kind: 'method', key: '(github.com/sirupsen/logrus.Entry).Warn' });
    expect(info.calleeOf(e('cancel()') as ast.CallExpr)).toMatchObject({ kind: 'funcValue' });
    expect(typeString(info.typeOf(e('cancel')))).toBe('context.CancelFunc');
    expect(info.calleeOf(e('uint8(255)') as ast.CallExpr)).toMatchObject({ kind: 'conversion' });
    expect(info.calleeOf(e('ssh.InsecureIgnoreHostKey()') as ast.CallExpr)).toMatchObject({ kind: 'func', pkg: 'golang.org/x/crypto/ssh' });
    expect(typeString(info.typeOf(e('ssh.InsecureIgnoreHostKey()')))).toBe('golang.org/x/crypto/ssh.HostKeyCallback');
  });

  it('enclosing functions, closures and the never-returning os.Exit', () => {
    const lit = e('func() {\n\t\tstdlog.Printf("key=%s", apiKey)\n\t\t<-ctx.Done()\n\t}') as ast.FuncLit;
    expect(lit.kind).toBe('FuncLit');
    expect(info.enclosingFunc(e('stdlog.Printf("key=%s", apiKey)'))).toBe(lit);
    expect(info.enclosingFunc(lit)!.kind).toBe('FuncDecl');
    // ctx inside the closure is the redeclared ctx of `ctx, cancel :=` (same object: := reuses ctx)
    const ctxUse = (e('ctx.Done') as ast.SelectorExpr).x as ast.Ident;
    expect(info.objectOf(ctxUse)!.isParam).toBe(true);
    expect(info.isNoReturnCall(e('os.Exit(1)') as ast.CallExpr)).toBe(true);
  });
});

describe('function bodies', () => {
  it('record their calls, statement calls and go statements, closures included, in source order', () => {
    const src = 'package p\n\nfunc f(ch chan int) {\n\tgo g(1)\n\th(func() {\n\t\tgo func() { ch <- 1 }()\n\t})\n\tdefer k()\n}\n\nfunc g(int) {}\nfunc h(func()) {}\nfunc k() {}\n';
    const info = checkPackage(pkgFromSource(src), { packages: {}, facts: { func: {}, param: {} } });
    const f = info.files[0]!.ast.decls[0] as ast.FuncDecl;
    const body = info.res.bodies.get(f)!;
    const text = (n: ast.Node) => src.slice(n.start, n.end);
    expect(body.goStarts.map(text)).toEqual(['go g(1)', 'go func() { ch <- 1 }()']);
    expect(body.calls.map(text)).toEqual(['g(1)', 'h(func() {\n\t\tgo func() { ch <- 1 }()\n\t})', 'func() { ch <- 1 }()', 'k()']);
    expect(body.stmtCalls.map(text)).toEqual(['h(func() {\n\t\tgo func() { ch <- 1 }()\n\t})']);
  });
});

describe('goroutine starts', () => {
  it('are go statements and Go/TryGo calls of errgroup.Group and sync.WaitGroup, not of other types', () => {
    const src = `package p

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

type pool struct{}

func (pool) Go(f func()) { f() }

func f(ctx context.Context) {
	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error { return nil })
	var wg sync.WaitGroup
	wg.Go(func() { println(1) })
	var h errgroup.Group
	_ = h.TryGo(func() error { return nil })
	var p pool
	p.Go(func() { println(2) })
	go println(3)
}
`;
    const info = checkPackage(pkgFromSource(src), { packages: {}, facts: { func: {}, param: {} } });
    const f = info.files[0]!.ast.decls.find((d): d is ast.FuncDecl => d.kind === 'FuncDecl' && d.name.name === 'f')!;
    const text = (n: ast.Node) => src.slice(n.start, n.end).split('(')[0];
    const starts = startsIn(info, f);
    expect(starts.map(text)).toEqual(['g.Go', 'wg.Go', 'h.TryGo', 'go println']);
    expect(starts.map((s) => src.slice(startKeyword(s).start, startKeyword(s).end))).toEqual(['Go', 'Go', 'TryGo', 'go']);
    const lit = startedLiteral(starts[1]!)!;
    expect(lit.kind).toBe('FuncLit');
    const inner = (lit.body.list[0] as ast.ExprStmt).x;
    expect(enclosingStart(info, inner)).toBe(starts[1]);
  });
});

describe('types helpers', () => {
  it('parses and prints the whole stdlib table', () => {
    for (const p of knownPackagePaths()) {
      const pkg = knownPackage(p)!;
      for (const t of Object.values(pkg.types)) expect(typeString(parseType(typeString(t.underlying)))).toBe(typeString(t.underlying));
    }
  });

  it('field and method lookup with embedding, value vs pointer method sets', () => {
    const env: TypeEnv = {
      namedInfo: (t) => {
        const exp = knownPackage(t.pkg);
        const et = exp?.types[t.name];
        if (!et) return undefined;
        return { underlying: et.underlying, typeParams: [], methods: new Map(Object.entries(et.methods).map(([n, m]) => [n, { name: n, sig: m.sig, ptrRecv: m.ptr, pkg: t.pkg }])) };
      },
    };
    const cfg = parseType('*crypto/tls.Config');
    expect(typeString(fieldOf(cfg, 'MinVersion', env)!.type)).toBe('uint16');
    expect(lookupFieldOrMethod(cfg, 'Clone', env)).toMatchObject({ kind: 'method', name: 'Clone' });
    const t = parseType('testing.T');
    const fatal = lookupFieldOrMethod(t, 'Fatalf', env)!;
    expect(fatal).toMatchObject({ kind: 'method', path: [{ name: 'common' }] });
    expect(methodSet(parseType('crypto/tls.Config'), env).has('Clone')).toBe(false); // pointer receiver
    expect(methodSet(parseType('*crypto/tls.Config'), env).has('Clone')).toBe(true);
    expect(underlying(parseType('time.Duration'), env)).toEqual({ kind: 'basic', name: 'int64' });
  });

  it('guesses package names like goimports', () => {
    expect(guessPackageName('github.com/foo/go-bar/v3')).toBe('bar');
    expect(guessPackageName('gopkg.in/yaml.v2')).toBe('yaml');
    expect(guessPackageName('math/rand/v2')).toBe('rand');
  });
});

describe('iota', () => {
  it('evaluates subexpressions of const specs with their iota; repeated specs have no single value', () => {
    const src = `package p

const (
	a = iota + 5
	b = iota * 2
	c
)
`;
    const pkg = pkgFromSource(src);
    const info = checkPackage(pkg);
    const ids: ast.Ident[] = [];
    walk(pkg.files[0]!.ast, { enter: (n) => { if (n.kind === 'Ident' && n.name === 'iota') ids.push(n); } });
    expect(info.constValue(ids[0]!)).toEqual({ kind: 'int', value: 0n });
    expect(info.constValue(ids[1]!)).toBeUndefined(); // b's spec is repeated by c: iota is 1 or 2
    const names = (pkg.files[0]!.ast.decls[0] as ast.GenDecl).specs.map((s) => (s as ast.ValueSpec).names[0]!);
    expect(names.map((n) => info.constValue(n))).toEqual([5n, 2n, 4n].map((v) => ({ kind: 'int', value: v })));
  });
});
