import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoModError } from '../../src/engine/errors.js';
import { languageVersion, ModuleResolver, parseGoMod, parseGoWork } from '../../src/semantics/module.js';
import { makeTree, PKG } from '../support/fs-tree.js';

const FULL = `// Deprecated: use example.com/m/v2 instead.
module "example.com/m" // trailing

go 1.22.3

toolchain go1.23.1

godebug (
\tdefault=go1.21
\tpanicnil=1
)

require (
\tgolang.org/x/mod v0.20.0 // indirect
\t"example.com/q u" v1.2.3
\texample.com/r v1.0.0-20240101000000-abcdefabcdef // indirect; comment
)

require example.com/single v2.0.0+incompatible

exclude example.com/bad v1.1.0

replace (
\texample.com/old => ../local
\texample.com/old2 v1.0.0 => example.com/new2 v1.2.0
)

// security hole
retract [v1.0.0, v1.0.5]

retract (
\t// oops
\tv1.1.0
\tv1.2.0 // bad build
)

tool example.com/tool/cmd

ignore ./node_modules
`;

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof GoModError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a GoModError');
}

describe('parseGoMod', () => {
  it('reads every directive, in line and block form, with quoted paths and comments', () => {
    const m = parseGoMod(FULL, 'go.mod');
    expect(m.module).toEqual({ path: 'example.com/m', line: 2, deprecated: 'use example.com/m/v2 instead.\ntrailing' });
    expect(m.go).toEqual({ version: '1.22.3', line: 4 });
    expect(m.toolchain).toEqual({ name: 'go1.23.1', line: 6 });
    expect(m.godebug.map((g) => [g.key, g.value])).toEqual([['default', 'go1.21'], ['panicnil', '1']]);
    expect(m.require.map((r) => [r.path, r.version, r.indirect])).toEqual([
      ['golang.org/x/mod', 'v0.20.0', true],
      ['example.com/q u', 'v1.2.3', false],
      ['example.com/r', 'v1.0.0-20240101000000-abcdefabcdef', true],
      ['example.com/single', 'v2.0.0+incompatible', false],
    ]);
    expect(m.exclude).toEqual([{ path: 'example.com/bad', version: 'v1.1.0', line: 21 }]);
    expect(m.replace.map((r) => [r.old, r.new])).toEqual([
      [{ path: 'example.com/old' }, { path: '../local' }],
      [{ path: 'example.com/old2', version: 'v1.0.0' }, { path: 'example.com/new2', version: 'v1.2.0' }],
    ]);
    expect(m.retract.map((r) => [r.low, r.high, r.rationale])).toEqual([
      ['v1.0.0', 'v1.0.5', 'security hole'],
      ['v1.1.0', 'v1.1.0', 'oops'],
      ['v1.2.0', 'v1.2.0', 'bad build'],
    ]);
    expect(m.tool.map((t) => t.path)).toEqual(['example.com/tool/cmd']);
    expect(m.ignore.map((t) => t.path)).toEqual(['./node_modules']);
  });

  it('handles CRLF, escapes in quoted strings, back quotes and empty blocks', () => {
    const m = parseGoMod('module `example.com/a`\r\n\r\nrequire ()\r\nrequire "ex\\u0061mple.com/b" v1.0.0\r\n', 'go.mod');
    expect(m.module?.path).toBe('example.com/a');
    expect(m.require.map((r) => r.path)).toEqual(['example.com/b']);
  });

  it('ignores directives it does not know, like modfile.ParseLax', () => {
    expect(parseGoMod('module m\nfuture-directive x y\nfuture (\n\ta\n)\n', 'go.mod').module?.path).toBe('m');
  });

  it('reports syntax errors with file:line:col', () => {
    expect(problems(() => parseGoMod('module m\n/* no */\n', 'go.mod'))).toEqual([
      'go.mod:2:1: mod files must use // comments (not /* */ comments)',
    ]);
    expect(problems(() => parseGoMod('module m\nrequire (\n\tx v1.0.0\n', 'go.mod'))).toEqual([
      'go.mod:4:1: syntax error (unterminated block started at 2:1)',
    ]);
    expect(problems(() => parseGoMod('module "m\n', 'go.mod'))).toEqual(['go.mod:1:10: unexpected newline in string']);
    expect(problems(() => parseGoMod('module m\nrequire (\n) x\n', 'go.mod'))).toEqual([
      'go.mod:3:3: syntax error (expected newline after closing paren)',
    ]);
  });

  it('reports every bad directive argument at its line', () => {
    const text = [
      'module m',
      'go 1.22 1.23',
      'go one',
      'toolchain 1.21',
      'require x v1',
      'require y 1.0.0',
      'require z',
      'replace a => b',
      'replace c v1.0.0 => ./dir v1.0.0',
      'godebug x',
      'module again',
      'retract [v1.0.0 v1.1.0]',
      'exclude "ex\\qample" v1.0.0',
      'require q\'uote v1.0.0',
    ].join('\n');
    expect(problems(() => parseGoMod(text, 'sub/go.mod'))).toEqual([
      'sub/go.mod:2:1: go directive expects exactly one argument',
      "sub/go.mod:3:1: invalid go version 'one': must match format 1.23.0",
      "sub/go.mod:4:1: invalid toolchain version '1.21': must match format go1.23.0 or default",
      'sub/go.mod:6:1: require y: invalid version "1.0.0": must be of the form v1.2.3',
      'sub/go.mod:7:1: usage: require module/path v1.2.3',
      'sub/go.mod:8:1: replacement module without version must be directory path (rooted or starting with . or ..)',
      'sub/go.mod:9:1: replacement module directory path "./dir" cannot have version',
      'sub/go.mod:10:1: usage: godebug key=value',
      'sub/go.mod:11:1: repeated module statement',
      "sub/go.mod:12:1: expected ',' after version",
      'sub/go.mod:13:1: invalid quoted string: "ex\\qample"',
      'sub/go.mod:14:1: unquoted string cannot contain quote',
    ]);
  });
});

describe('parseGoMod on arbitrary input', () => {
  it('accepts version queries, which the go command resolves when it builds (an automated release writes `latest`)', () => {
    const m = parseGoMod('module m\nrequire x master\nreplace y => y latest\nreplace z => z 1a2b3c4d\n', 'go.mod');
    expect(m.require.map((r) => r.version)).toEqual(['master']);
    expect(m.replace.map((r) => r.new.version)).toEqual(['latest', '1a2b3c4d']);
    // a bare number is no query: a version missing its `v`
    expect(problems(() => parseGoMod('module m\nreplace y => y 1.2.3\n', 'go.mod'))).toEqual(['go.mod:2:1: replace y: invalid version "1.2.3": must be of the form v1.2.3']);
  });

  it('returns or throws GoModError, never anything else', () => {
    const piece = fc.constantFrom('module', 'require', 'replace', 'retract', '(', ')', '[', ']', ',', '=>', '"', '`', '//', '/*', '\n', ' ', 'v1.2.3', 'x', '\\', '\r\n', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        try {
          parseGoMod(parts.join(''), 'go.mod');
          parseGoWork(parts.join(''), 'go.work');
        } catch (e) {
          if (!(e instanceof GoModError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('languageVersion', () => {
  it('keeps the major.minor of a go directive', () => {
    expect(languageVersion('1.22.3')).toBe('go1.22');
    expect(languageVersion('1.21rc1')).toBe('go1.21');
    expect(languageVersion('1.9')).toBe('go1.9');
  });
});

describe('parseGoWork', () => {
  it('reads go, toolchain, use and replace', () => {
    const w = parseGoWork('go 1.23\n\nuse (\n\t./a\n\t"./b c"\n)\nuse ./d\n\nreplace x v1.0.0 => ./x\n', 'go.work');
    expect(w.go?.version).toBe('1.23');
    expect(w.use.map((u) => u.path)).toEqual(['./a', './b c', './d']);
    expect(w.replace).toEqual([{ old: { path: 'x', version: 'v1.0.0' }, new: { path: './x' }, line: 9 }]);
  });

  it('rejects directives go.work does not have', () => {
    expect(problems(() => parseGoWork('go 1.23\nrequire x v1.0.0\n', 'go.work'))).toEqual(['go.work:2:1: unknown directive: require']);
  });
});

describe('ModuleResolver', () => {
  const tree = () =>
    makeTree({
      'go.mod': 'module example.com/root\n\ngo 1.21\n',
      'go.work': 'go 1.22\n\nuse (\n\t.\n\t./nested\n)\n',
      'main.go': PKG('main'),
      'pkg/a/a.go': PKG('a'),
      'nested/go.mod': 'module example.com/nested\n',
      'nested/n.go': PKG('n'),
      'nested/deep/d.go': PKG('d'),
      'vendor/github.com/x/y/y.go': PKG('y'),
    });

  it('gives each file its nearest module and import path; nested modules are separate', () => {
    const root = tree();
    const r = new ModuleResolver({ cwd: root });
    const main = r.moduleOfFile(path.join(root, 'main.go'));
    expect(main.importPath).toBe('example.com/root');
    expect(main.module).toMatchObject({ path: 'example.com/root', dir: root, language: 'go1.21', languageKnown: true });
    expect(r.moduleOfFile(path.join(root, 'pkg/a/a.go')).importPath).toBe('example.com/root/pkg/a');
    const deep = r.moduleOfFile(path.join(root, 'nested/deep/d.go'));
    expect(deep.importPath).toBe('example.com/nested/deep');
    // No go directive: the go command assumes go 1.16.
    expect(deep.module).toMatchObject({ path: 'example.com/nested', dir: path.join(root, 'nested'), language: 'go1.16' });
    expect(r.moduleOfFile(path.join(root, 'vendor/github.com/x/y/y.go')).importPath).toBe('github.com/x/y');
    expect(r.modules().map((m) => m.path)).toEqual(['example.com/root', 'example.com/nested']);
    expect(r.workspaceOf(path.join(root, 'nested/deep'))?.use.map((u) => u.path)).toEqual(['.', './nested']);
  });

  it('falls back to module-less mode without go.mod: relative import paths, latest language', () => {
    const root = makeTree({ 'a.go': PKG(), 'x/y/b.go': PKG() });
    const r = new ModuleResolver({ cwd: root });
    expect(r.moduleOfFile(path.join(root, 'x/y/b.go'))).toEqual({
      module: { path: '', dir: root, language: 'go1.26', languageKnown: false },
      importPath: 'x/y',
    });
    expect(r.moduleOfFile(path.join(root, 'a.go')).importPath).toBe('.');
    expect(r.workspaceOf(root)).toBeUndefined();
  });

  it('reports a malformed go.mod relative to cwd, and a missing module line', () => {
    const root = makeTree({ 'svc/go.mod': 'module x\ngo 1.x\n', 'svc/a.go': PKG(), 'lib/go.mod': 'go 1.22\n', 'lib/l.go': PKG() });
    const r = new ModuleResolver({ cwd: root });
    expect(problems(() => r.moduleOfFile(path.join(root, 'svc/a.go')))).toEqual([
      "svc/go.mod:2:1: invalid go version '1.x': must match format 1.23.0",
    ]);
    expect(problems(() => r.moduleOfFile(path.join(root, 'lib/l.go')))).toEqual([
      'lib/go.mod: missing module declaration; add a line like "module example.com/m"',
    ]);
  });
});

const hasGo = (() => {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasGo)('agreement with `go mod edit -json`', () => {
  it('parses the same directives as the go command', () => {
    const dir = makeTree({ 'go.mod': FULL });
    const json = JSON.parse(
      execFileSync('go', ['mod', 'edit', '-json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } }),
    );
    const m = parseGoMod(FULL, 'go.mod');
    const ver = (v: { path: string; version?: string }) => ({ Path: v.path, ...(v.version && { Version: v.version }) });
    expect({
      Module: { Path: m.module!.path, Deprecated: m.module!.deprecated },
      Go: m.go!.version,
      Toolchain: m.toolchain!.name,
      GoDebug: m.godebug.map((g) => ({ Key: g.key, Value: g.value })),
      Require: m.require.map((r) => ({ Path: r.path, Version: r.version, ...(r.indirect && { Indirect: true }) })),
      Exclude: m.exclude.map((e) => ({ Path: e.path, Version: e.version })),
      Replace: m.replace.map((r) => ({ Old: ver(r.old), New: ver(r.new) })),
      Retract: m.retract.map((r) => ({ Low: r.low, High: r.high, Rationale: r.rationale })),
      Tool: m.tool.map((t) => ({ Path: t.path })),
      Ignore: m.ignore.map((t) => ({ Path: t.path })),
    }).toEqual(json);
  });

  it('reports errors on the same lines as the go command', () => {
    const cases = ['module m\ngo 1.22 1.23\n', 'module m\n\nrequire (\n\tx v1.0.0\n', 'module m\nrequire y 1.0.0\n', 'module m\n\n\nreplace a => b\n'];
    for (const text of cases) {
      const dir = makeTree({ 'go.mod': text });
      let goErr = '';
      try {
        execFileSync('go', ['mod', 'edit', '-json'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GOTOOLCHAIN: 'local' } });
      } catch (e) {
        goErr = String((e as { stderr: string }).stderr);
      }
      const goLine = /go\.mod:(\d+)/.exec(goErr)?.[1];
      const ours = problems(() => parseGoMod(text, 'go.mod'))[0]!;
      expect(/go\.mod:(\d+)/.exec(ours)?.[1], `${text} → go: ${goErr}`).toBe(goLine);
    }
  });
});
