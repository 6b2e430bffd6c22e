import { describe, expect, it } from 'vitest';
import { GlobError } from '../../src/engine/errors.js';
import { compileGlob, createPathMatcher } from '../../src/engine/glob.js';

const base = '/repo';
const matches = (pattern: string, rel: string) => createPathMatcher([pattern], base).match(`${base}/${rel}`) !== undefined;

describe('glob', () => {
  it('matches a pattern without "/" at any depth', () => {
    expect(matches('*_mock.go', 'a_mock.go')).toBe(true);
    expect(matches('*_mock.go', 'pkg/deep/a_mock.go')).toBe(true);
    expect(matches('*_mock.go', 'pkg/a.go')).toBe(false);
    expect(matches('gen', 'x/gen/a.go')).toBe(true);
    expect(matches('gen/', 'x/gen/a.go')).toBe(true);
    expect(matches('gen', 'x/generated/a.go')).toBe(false);
  });

  it('anchors a pattern with "/" at the base directory', () => {
    expect(matches('internal/legacy', 'internal/legacy/a.go')).toBe(true);
    expect(matches('internal/legacy', 'x/internal/legacy/a.go')).toBe(false);
    expect(matches('./cmd/**', 'cmd/a/b.go')).toBe(true);
    expect(matches('/tools', 'tools/x.go')).toBe(true);
    expect(matches('/tools', 'a/tools/x.go')).toBe(false);
  });

  it('supports ** in the middle, ?, classes and alternatives', () => {
    expect(matches('pkg/**/gen/*.go', 'pkg/gen/a.go')).toBe(true);
    expect(matches('pkg/**/gen/*.go', 'pkg/a/b/gen/a.go')).toBe(true);
    expect(matches('pkg/**/gen/*.go', 'pkg/a/b/gen/sub/a.go')).toBe(false);
    expect(matches('?.go', 'a.go')).toBe(true);
    expect(matches('?.go', 'ab.go')).toBe(false);
    expect(matches('[ab].go', 'b.go')).toBe(true);
    expect(matches('[!ab].go', 'b.go')).toBe(false);
    expect(matches('*.{pb,gen}.go', 'x/y.pb.go')).toBe(true);
    expect(matches('*.{pb,gen}.go', 'x/y.gen.go')).toBe(true);
    expect(matches('*.{pb,gen}.go', 'x/y.go')).toBe(false);
    expect(matches('a\\*.go', 'a*.go')).toBe(true);
    expect(matches('a\\*.go', 'ab.go')).toBe(false);
  });

  it('never matches outside the base directory; "*" does not cross "/"', () => {
    expect(createPathMatcher(['**'], base).match('/other/a.go')).toBeUndefined();
    expect(matches('pkg/*.go', 'pkg/sub/a.go')).toBe(false);
  });

  it('reports which pattern matched', () => {
    expect(createPathMatcher(['a/**', '*.pb.go'], base).match('/repo/x/y.pb.go')).toBe('*.pb.go');
  });

  it('rejects malformed patterns', () => {
    for (const bad of ['', '!x', 'a/[bc', 'a/{b,c', 'a//b', 'x\\']) {
      expect(compileGlob(bad).ok, bad).toBe(false);
    }
    expect(() => createPathMatcher(['ok/**', '[x', '!y'], base)).toThrow(GlobError);
    expect(() => createPathMatcher(['[x', '!y'], base)).toThrow(
      'invalid glob "[x": unterminated character class "["\ninvalid glob "!y": negated patterns ("!x") are not supported',
    );
  });
});
