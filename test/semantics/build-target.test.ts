import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildTargetError } from '../../src/engine/errors.js';
import {
  DEFAULT_BUILD_TARGET,
  KNOWN_ARCH,
  KNOWN_OS,
  UNIX_OS,
  decideFile,
  makeBuildTarget,
  matchFileName,
  parseFileHeader,
  readFileHeader,
  targetHasTag,
} from '../../src/semantics/build-target.js';
import { makeTree } from '../support/fs-tree.js';

const linux = DEFAULT_BUILD_TARGET;
const windows = makeBuildTarget({ goos: 'windows' });
const decide = (name: string, src: string, target = linux) => decideFile(name, parseFileHeader(src), target);

describe('matchFileName (go/build goodOSArchFile)', () => {
  it.each([
    ['x_linux.go', true, false],
    ['x_windows.go', false, true],
    ['x_linux_amd64.go', true, false],
    ['x_windows_amd64.go', false, true],
    ['x_linux_arm64.go', false, false],
    ['x_linux_test.go', true, false],
    ['x_amd64_test.go', true, true],
    ['x_arm64_test.go', false, false],
    ['linux.go', true, true], // no prefix before the first "_": not a constraint
    ['x_unix.go', true, true], // unix is a tag, not a GOOS for file names
    ['x_test.go', true, true],
    ['x_foo_linux.go', true, false],
    ['x_linux.pb.go', true, false], // only the part before the first "." counts
  ])('%s: linux=%s windows=%s', (name, onLinux, onWindows) => {
    expect(matchFileName(name, linux)).toBe(onLinux);
    expect(matchFileName(name, windows)).toBe(onWindows);
  });

  it('lets android build linux files and ios build darwin files', () => {
    expect(matchFileName('x_linux.go', makeBuildTarget({ goos: 'android', goarch: 'arm64' }))).toBe(true);
    expect(matchFileName('x_darwin.go', makeBuildTarget({ goos: 'ios', goarch: 'arm64' }))).toBe(true);
    expect(matchFileName('x_solaris.go', makeBuildTarget({ goos: 'illumos' }))).toBe(true);
    expect(matchFileName('x_android.go', linux)).toBe(false);
  });
});

describe('targetHasTag', () => {
  it('knows unix, cgo, the compiler, release tags and extra tags', () => {
    expect(targetHasTag(linux, 'unix')).toBe(true);
    expect(targetHasTag(windows, 'unix')).toBe(false);
    expect(targetHasTag(linux, 'cgo')).toBe(true);
    expect(targetHasTag(makeBuildTarget({ cgoEnabled: false }), 'cgo')).toBe(false);
    expect(targetHasTag(linux, 'gc')).toBe(true);
    expect(targetHasTag(linux, 'go1.1')).toBe(true);
    expect(targetHasTag(linux, 'go1.26')).toBe(true);
    expect(targetHasTag(linux, 'go1.27')).toBe(false);
    const old = makeBuildTarget({ goVersion: 'go1.20' });
    expect(targetHasTag(old, 'go1.20')).toBe(true);
    expect(targetHasTag(old, 'go1.21')).toBe(false);
    expect(targetHasTag(linux, 'integration')).toBe(false);
    expect(targetHasTag(makeBuildTarget({ tags: ['integration'] }), 'integration')).toBe(true);
    expect(targetHasTag(makeBuildTarget({ tags: ['goexperiment.boringcrypto'] }), 'boringcrypto')).toBe(true);
    expect(targetHasTag(linux, 'amd64.v1')).toBe(true);
    expect(targetHasTag(linux, 'amd64.v3')).toBe(false);
  });
});

describe('parseFileHeader', () => {
  it('finds //go:build after a license comment and a blank line', () => {
    const h = parseFileHeader('// Copyright 2024\n\n//go:build linux && !cgo\n\npackage p\n');
    expect(h.goBuild?.line).toBe(3);
    expect(h.goBuild?.text).toBe('//go:build linux && !cgo');
    expect(h.codeLine).toBe(5);
  });

  it('accepts //go:build directly above the package clause, as go/build does', () => {
    expect(decide('a.go', '//go:build windows\npackage p\n')).toMatchObject({ included: false, reason: 'constraint' });
  });

  it('ignores //go:build inside /* */ and after the package clause', () => {
    expect(parseFileHeader('/*\n//go:build windows\n*/\n\npackage p\n').goBuild).toBeUndefined();
    expect(parseFileHeader('package p\n\n//go:build windows\n').goBuild).toBeUndefined();
  });

  it('reports multiple //go:build lines', () => {
    const h = parseFileHeader('//go:build linux\n//go:build amd64\n\npackage p\n');
    expect(h.error).toBe('multiple //go:build comments');
    expect(decideFile('a.go', h, linux)).toMatchObject({ included: false, reason: 'bad-constraint' });
  });

  it('honours // +build only in the leading block that ends with a blank line', () => {
    expect(parseFileHeader('// +build windows\n\npackage p\n').plusBuild).toHaveLength(1);
    // A +build line right above the package clause is the package doc comment: ignored.
    expect(parseFileHeader('// +build windows\npackage p\n').plusBuild).toHaveLength(0);
    expect(decide('a.go', '// +build windows\npackage p\n')).toEqual({ included: true });
    expect(decide('a.go', '// +build windows\n\npackage p\n')).toMatchObject({ included: false, reason: 'constraint' });
    // Every +build line must be satisfied.
    expect(decide('a.go', '// +build linux\n// +build arm64\n\npackage p\n')).toMatchObject({ included: false });
  });

  it('uses //go:build alone when both kinds are present', () => {
    const src = '//go:build linux\n// +build windows\n\npackage p\n';
    expect(decide('a.go', src)).toEqual({ included: true });
  });

  it('detects the generated-code marker before the package clause only', () => {
    const gen = parseFileHeader('// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage p\n');
    expect(gen.generated).toEqual({ line: 1, text: '// Code generated by protoc-gen-go. DO NOT EDIT.', generator: 'by protoc-gen-go.' });
    expect(parseFileHeader('package p\n// Code generated by x. DO NOT EDIT.\n').generated).toBeUndefined();
    expect(parseFileHeader('// Code generated by x. Do not edit.\npackage p\n').generated).toBeUndefined();
    expect(parseFileHeader('// Code generated by x. DO NOT EDIT. \npackage p\n').generated).toBeUndefined();
    // Inside a block comment, a line of the comment text may carry the marker (go/ast IsGenerated).
    expect(parseFileHeader('/*\n// Code generated by y. DO NOT EDIT.\n*/\npackage p\n').generated?.line).toBe(2);
  });

  it('handles a BOM and CRLF line endings', () => {
    const h = parseFileHeader('\uFEFF// Code generated by z. DO NOT EDIT.\r\n\r\n//go:build windows\r\n\r\npackage p\r\n');
    expect(h.generated?.generator).toBe('by z.');
    expect(decideFile('a.go', h, linux)).toMatchObject({ included: false, reason: 'constraint' });
    expect(decideFile('a.go', h, windows)).toEqual({ included: true });
  });

  it('names the custom tags that would build a file it leaves out', () => {
    const tags = (src: string) => { const d = decide('a.go', src); return d.included ? undefined : d.tags; };
    expect(tags('//go:build quic\n\npackage p\n')).toEqual(['quic']);
    expect(tags('//go:build integration && !short\n\npackage p\n')).toEqual(['integration']);
    expect(tags('//go:build e2e || smoke\n\npackage p\n')).toEqual(['e2e']);
    expect(tags('//go:build e2e && slow\n\npackage p\n')).toEqual(['e2e', 'slow']);
    expect(tags('//go:build quic && windows\n\npackage p\n')).toEqual([]); // another platform: no tag builds it on linux
    expect(tags('//go:build ignore\n\npackage main\n')).toEqual([]); // never built by convention
    expect(tags('//go:build !linux\n\npackage p\n')).toEqual([]);
    expect(tags('//go:build go1.99\n\npackage p\n')).toEqual([]);
    expect(tags('//go:build goexperiment.arenas\n\npackage p\n')).toEqual([]);
    expect(tags('// +build linux\n// +build kcp\n\npackage p\n')).toEqual(['kcp']);
  });

  it('reports a malformed //go:build expression', () => {
    expect(decide('a.go', '//go:build linux &&\n\npackage p\n')).toMatchObject({ included: false, reason: 'bad-constraint' });
  });
});

describe('decideFile', () => {
  it('leaves out _x.go and .x.go files and mismatched file-name suffixes', () => {
    expect(decide('_x.go', 'package p\n')).toMatchObject({ included: false, reason: 'ignored-name' });
    expect(decide('.x.go', 'package p\n')).toMatchObject({ included: false, reason: 'ignored-name' });
    expect(decide('x_windows.go', 'package p\n')).toMatchObject({ included: false, reason: 'file-name' });
  });

  it('evaluates cgo, unix and release tags', () => {
    const src = '//go:build cgo && unix && go1.22\n\npackage p\n';
    expect(decide('a.go', src)).toEqual({ included: true });
    expect(decide('a.go', src, makeBuildTarget({ cgoEnabled: false }))).toMatchObject({ included: false });
    expect(decide('a.go', src, makeBuildTarget({ goVersion: 'go1.21' }))).toMatchObject({ included: false });
    expect(decide('a.go', src, makeBuildTarget({ goos: 'windows' }))).toMatchObject({ included: false });
  });
});

describe('makeBuildTarget', () => {
  it('rejects unknown GOOS/GOARCH with a suggestion', () => {
    expect(() => makeBuildTarget({ goos: 'linx', goarch: 'amd46' })).toThrow(BuildTargetError);
    try {
      makeBuildTarget({ goos: 'linx', goarch: 'amd46', goVersion: '1.22', tags: ['a b'] });
    } catch (e) {
      const msg = (e as BuildTargetError).message;
      expect(msg).toContain('unknown GOOS "linx"; did you mean "linux"?');
      expect(msg).toContain('unknown GOARCH "amd46"; did you mean "amd64"?');
      expect(msg).toContain('invalid Go version "1.22"');
      expect(msg).toContain('invalid build tag "a b"');
    }
  });
});

describe('readFileHeader', () => {
  it('reads past the first chunk when the header is long', () => {
    const license = '// license line that is long enough to fill the first read quickly\n'.repeat(400);
    const dir = makeTree({ 'a.go': `${license}\n//go:build windows\n\npackage p\n\nfunc F() {}\n` });
    const h = readFileHeader(path.join(dir, 'a.go'));
    expect(h.goBuild?.line).toBe(402);
    expect(h.codeLine).toBe(404);
  });
});

const goroot = (() => {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
})();

describe.skipIf(goroot === undefined)('agreement with the Go toolchain', () => {
  it('has the same GOOS/GOARCH lists as internal/syslist', () => {
    const src = fs.readFileSync(path.join(goroot!, 'src/internal/syslist/syslist.go'), 'utf8');
    const block = (name: string) =>
      [...(new RegExp(`var ${name} = map\\[string\\]bool\\{([^}]*)\\}`).exec(src)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
    expect([...KNOWN_OS].sort()).toEqual(block('KnownOS'));
    expect([...KNOWN_ARCH].sort()).toEqual(block('KnownArch'));
    expect([...UNIX_OS].sort()).toEqual(block('UnixOS'));
  });

  it('selects the same files as `go list` for several targets', () => {
    const files: Record<string, string> = {
      'go.mod': 'module example.com/m\n\ngo 1.22\n',
      'a.go': 'package m\n',
      'b_linux.go': 'package m\n',
      'c_windows_amd64.go': 'package m\n',
      'd_arm64.go': 'package m\n',
      'e.go': '//go:build unix && !cgo\n\npackage m\n',
      'f.go': '// +build windows\n\npackage m\n',
      'g.go': '// +build windows\npackage m\n',
      'h.go': '//go:build go1.23\n\npackage m\n',
      'i.go': '//go:build linux\n// +build windows\n\npackage m\n',
      'j.go': '/* c */\n//go:build windows\npackage m\n',
      'k.go': '//go:build integration || android\n\npackage m\n',
      'l_linux_test.go': 'package m\n',
      'm_darwin.go': 'package m\n',
      'n.go': '//go:build cgo\n\npackage m\n',
    };
    const dir = makeTree(files);
    const targets = [
      { goos: 'linux', goarch: 'amd64', cgo: '1', tags: '' },
      { goos: 'linux', goarch: 'amd64', cgo: '0', tags: 'integration' },
      { goos: 'windows', goarch: 'amd64', cgo: '0', tags: '' },
      { goos: 'android', goarch: 'arm64', cgo: '0', tags: '' },
      { goos: 'ios', goarch: 'arm64', cgo: '0', tags: '' },
    ];
    for (const t of targets) {
      const out = execFileSync('go', ['list', '-tags', t.tags, '-f', '{{join .GoFiles " "}} {{join .CgoFiles " "}} {{join .TestGoFiles " "}}', '.'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GOOS: t.goos, GOARCH: t.goarch, CGO_ENABLED: t.cgo, GOFLAGS: '', GOTOOLCHAIN: 'local', GOWORK: 'off' },
      });
      const expected = out.split(/\s+/).filter(Boolean).sort();
      const target = makeBuildTarget({ goos: t.goos, goarch: t.goarch, cgoEnabled: t.cgo === '1', tags: t.tags ? [t.tags] : [], goVersion: 'go1.26' });
      const ours = Object.keys(files)
        .filter((f) => f.endsWith('.go'))
        .filter((f) => decideFile(f, readFileHeader(path.join(dir, f)), target).included)
        .sort();
      expect({ target: t, files: ours }).toEqual({ target: t, files: expected });
    }
  });
});
