import { describe, expect, it } from 'vitest';
import {
  BaselineError,
  formatProblem,
  GoModError,
  InputError,
  PathNotFoundError,
  PolicyError,
} from '../../src/engine/errors.js';
import { didYouMean } from '../../src/engine/suggest.js';
import { refText, resolveRuleRef } from '../../src/engine/rule-ref.js';
import { CATALOG } from '../support/catalog.js';

describe('input errors', () => {
  it('format positions that are known', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, column: 7, message: 'bad' })).toBe('a.yaml:3:7: bad');
    expect(formatProblem({ file: 'a.yaml', line: 3, message: 'bad' })).toBe('a.yaml:3: bad');
    expect(formatProblem({ file: 'a.yaml', message: 'bad' })).toBe('a.yaml: bad');
    expect(formatProblem({ message: 'bad' })).toBe('bad');
  });

  it('carry their problems, one per line, and exit code 2', () => {
    const e = new PolicyError([
      { file: 'redline.yaml', line: 1, column: 1, message: 'one' },
      { file: 'redline.yaml', line: 2, column: 1, message: 'two' },
    ]);
    expect(e).toBeInstanceOf(InputError);
    expect(e.exitCode).toBe(2);
    expect(e.kind).toBe('policy');
    expect(e.name).toBe('PolicyError');
    expect(e.message).toBe('redline.yaml:1:1: one\nredline.yaml:2:1: two');
    expect(new GoModError([{ message: 'x' }])).toBeInstanceOf(InputError);
    expect(new BaselineError([{ message: 'x' }]).kind).toBe('baseline');
    expect(new PathNotFoundError('pkg/x').message).toBe('pkg/x: no such file or directory');
  });
});

describe('suggestions and rule references', () => {
  it('suggests close names, prefixes, and nothing for unrelated ones', () => {
    expect(didYouMean('gorutine', ['goroutine', 'tls'])).toBe('goroutine');
    expect(didYouMean('hi', ['high', 'low'])).toBe('high');
    expect(didYouMean('xyz', ['goroutine', 'tls'])).toBeUndefined();
  });

  it('resolves ids and families and prints them back', () => {
    const rule = resolveRuleRef('tls/min-version', CATALOG);
    const family = resolveRuleRef('channel', CATALOG); // a known family without rules yet
    expect(rule.ok && refText(rule.ref)).toBe('tls/min-version');
    expect(family.ok && refText(family.ref)).toBe('channel');
  });
});
