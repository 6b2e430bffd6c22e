import { describe, expect, it } from 'vitest';
import { evalConstraint, goVersionOf, parseConstraint } from '../../src/syntax/build-constraint.js';

function expr(line: string) {
  const r = parseConstraint(line);
  if (!r.ok) throw new Error(r.error);
  return r.expr;
}
const tags = (...set: string[]) => (t: string) => set.includes(t);

describe('build constraints', () => {
  it('evaluates //go:build with precedence of && over ||', () => {
    const c = expr('//go:build linux && amd64 || darwin');
    expect(evalConstraint(c, tags('linux', 'amd64'))).toBe(true);
    expect(evalConstraint(c, tags('darwin'))).toBe(true);
    expect(evalConstraint(c, tags('linux'))).toBe(false);
  });
  it('evaluates negation and parentheses', () => {
    const c = expr('//go:build !windows && (cgo || purego)');
    expect(evalConstraint(c, tags('linux', 'cgo'))).toBe(true);
    expect(evalConstraint(c, tags('windows', 'cgo'))).toBe(false);
    expect(evalConstraint(c, tags('linux'))).toBe(false);
  });
  it('reads legacy +build lines as OR of AND', () => {
    const c = expr('// +build linux,386 darwin,!cgo');
    expect(evalConstraint(c, tags('linux', '386'))).toBe(true);
    expect(evalConstraint(c, tags('darwin', 'cgo'))).toBe(false);
    expect(evalConstraint(c, tags('darwin'))).toBe(true);
  });
  it('rejects malformed expressions', () => {
    expect(parseConstraint('//go:build linux &&').ok).toBe(false);
    expect(parseConstraint('//go:build (linux').ok).toBe(false);
    expect(parseConstraint('//go:build !!linux').ok).toBe(false);
    expect(parseConstraint('//go:buildlinux').ok).toBe(false);
  });
  it('computes the minimum Go version like constraint.GoVersion', () => {
    expect(goVersionOf(expr('//go:build go1.21'))).toBe('go1.21');
    expect(goVersionOf(expr('//go:build go1.21 && go1.22'))).toBe('go1.22');
    expect(goVersionOf(expr('//go:build go1.21 || go1.22'))).toBe('go1.21');
    expect(goVersionOf(expr('//go:build go1.21 || linux'))).toBe('');
    expect(goVersionOf(expr('//go:build !go1.21'))).toBe('');
    expect(goVersionOf(expr('//go:build go1'))).toBe('go1');
  });
});
