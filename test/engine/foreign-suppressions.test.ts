/**
 * gosec's suppression comments, honoured only when the policy asks
 * (`suppressions: { gosec: true }`), and only for rules that report what
 * the comment's checks report.
 */
import { describe, expect, it } from 'vitest';
import { parseGosecDirective } from '../../src/engine/foreign-suppressions.js';
import { scan } from '../../src/engine/scan.js';
import { makeTree } from '../support/fs-tree.js';

const SOURCE = `package p

import "crypto/tls"

func probe() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // #nosec G402 -- probes our own test server
}

func rollout() *tls.Config {
	//nolint:gosec // the internal CA is being rolled out
	return &tls.Config{InsecureSkipVerify: true}
}

func everyCheck() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // #nosec
}

func otherCheck() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // #nosec G101
}

func otherLinter() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} //nolint:errcheck // not gosec
}

func dialOptions() []*tls.Config {
	return []*tls.Config{
		// nolint: gosec
		// Only for the experimental command: the comment covers the whole element below.
		(&tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true,
		}),
	}
}

// A credential rule is G101's, not G402's.
const stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" // #nosec G402
`;

function module(policy: string): string {
  return makeTree({ 'go.mod': 'module example.com/p\n\ngo 1.22\n', 'redline.yaml': `version: "1"\n${policy}`, 'p.go': SOURCE });
}

const LINES = SOURCE.split('\n');
/** The 1-based line of the first line that includes `text` (or ends with it, with `end`). */
const lineOf = (text: string, end = false) => LINES.findIndex((l) => (end ? l.endsWith(text) : l.includes(text))) + 1;

describe('gosec suppression comments', () => {
  it('suppress the rules that report the same checks, with the comment as justification, when the policy says so', async () => {
    const r = await scan({ cwd: module('suppressions:\n  gosec: true\n'), jobs: 1 });
    const state = (line: number, rule: string) => {
      const f = r.findings.find((x) => x.location.line === line && x.rule === rule);
      return f ? (f.suppression ? `suppressed: ${f.suppression.justification}` : 'reported') : 'none';
    };
    expect(state(lineOf('probes our own'), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // #nosec G402 -- probes our own test server');
    expect(state(lineOf('//nolint:gosec') + 1, 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: //nolint:gosec // the internal CA is being rolled out');
    expect(state(lineOf('// #nosec', true), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // #nosec');
    expect(state(lineOf('// #nosec G101'), 'tls/insecure-skip-verify')).toBe('reported');
    expect(state(lineOf('			InsecureSkipVerify: true,'), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // nolint: gosec // Only for the experimental command: the comment covers the whole element below.');
    expect(state(lineOf('//nolint:errcheck'), 'tls/insecure-skip-verify')).toBe('reported');
    expect(state(lineOf('sk_live_'), 'secrets/hardcoded-credential')).toBe('reported');
    // other tools' comments are never bad or unused directives
    expect(r.findings.filter((f) => f.rule.startsWith('redline/'))).toEqual([]);
  });

  it('suppress nothing by default', async () => {
    const r = await scan({ cwd: module(''), jobs: 1 });
    expect(r.findings.filter((f) => f.suppression)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'tls/insecure-skip-verify')).toHaveLength(6);
  });

  it('read the checks a comment names, and golangci-lint linter lists', () => {
    const at = (text: string, alone = false) => parseGosecDirective({ text, line: 10, alone });
    expect(at('// #nosec G402 G101 -- reviewed')?.checks).toEqual(new Set(['G402', 'G101']));
    expect(at('// #nosec -- G402 is fine here')?.checks).toBe('all'); // ids after "--" are the reason
    expect(at('//nolint')?.checks).toBe('all');
    expect(at('//nolint:errcheck,gosec')?.checks).toBe('all');
    expect(at('//nolint:errcheck')).toBeUndefined();
    expect(at('// nolint: lll')).toBeUndefined();
    expect(at('// nolint: gosec, lll // reviewed')?.checks).toBe('all');
    expect(at('// nothing to see')).toBeUndefined();
    expect(at('// #nosec', true)?.lines).toEqual({ first: 10, last: 11 });
    expect(at('// #nosec', false)?.lines).toEqual({ first: 10, last: 10 });
  });
});
