import { z } from 'zod';
import type { RuleMeta } from '../../src/engine/rule-meta.js';

const docs = (what: string) => ({
  finds: `Finds ${what}.`,
  why: `Because ${what} breaks things.`,
  fix: `Stop doing ${what}. Then run the tests again.`,
  bad: 'package p\n\nfunc bad() {}\n',
  good: 'package p\n\nfunc good() {}\n',
});

export const insecureSkipVerify: RuleMeta = {
  id: 'tls/insecure-skip-verify',
  title: 'Keep TLS certificate verification on',
  severity: 'critical',
  precision: 'very-high',
  cwe: [295],
  tags: ['tls', 'crypto'],
  since: '0.1.0',
  messages: { found: 'InsecureSkipVerify disables certificate verification' },
  docs: { ...docs('InsecureSkipVerify: true'), limits: 'Test servers may need it.' },
};

export const minVersion: RuleMeta = {
  id: 'tls/min-version',
  title: 'Require TLS 1.2 or newer',
  severity: 'high',
  precision: 'high',
  cwe: [326],
  tags: ['tls'],
  since: '0.1.0',
  messages: { old: 'MinVersion {version} is too old' },
  docs: docs('old TLS versions'),
};

export const hardcodedCredential: RuleMeta<string, { 'min-entropy': number; allow: string[] }> = {
  id: 'secrets/hardcoded-credential',
  title: 'Keep credentials out of source code',
  severity: 'critical',
  precision: 'high',
  cwe: [798],
  tags: ['secrets'],
  since: '0.1.0',
  messages: { found: 'a {kind} is hard-coded' },
  docs: docs('hard-coded credentials'),
  options: z.strictObject({
    'min-entropy': z.number().min(0).max(8).default(3),
    allow: z.array(z.string()).default([]),
  }),
};

export const goroutineLeak: RuleMeta = {
  id: 'goroutine/leak-on-block',
  title: 'Give every goroutine a way to finish',
  severity: 'medium',
  precision: 'medium',
  cwe: [401],
  tags: ['concurrency'],
  since: '0.1.0',
  messages: { leak: 'the goroutine blocks forever on {op}' },
  docs: docs('goroutine leaks'),
};

export const badDirective: RuleMeta = {
  id: 'redline/bad-directive',
  title: 'Write well-formed redline directives',
  severity: 'low',
  precision: 'very-high',
  cwe: [],
  tags: ['meta'],
  since: '0.1.0',
  messages: { bad: '{problem}' },
  docs: docs('malformed directives'),
};

export const CATALOG: readonly RuleMeta[] = [insecureSkipVerify, minVersion, hardcodedCredential as RuleMeta, goroutineLeak, badDirective];
