/**
 * Other tools' suppression comments (gosec, staticcheck, gitleaks), honoured only
 * when the policy asks (`suppressions: { gosec: true }`), and only for rules
 * that report what the comment's checks report.
 */
import { describe, expect, it } from 'vitest';
import { parseForeignDirectives } from '../../src/engine/foreign-suppressions.js';
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

// A secret scanner's samples: gitleaks's comment covers its own line only.
var samples = []string{
	"sk_live_51Hq8ZtK2eZvKYlo2C9xT3mRw", // gitleaks:allow
	// gitleaks:allow
	"sk_live_7Zq2LmR4vN7tP1wB3cXk9vQe",
}
`;

function module(policy: string): string {
  return makeTree({ 'go.mod': 'module example.com/p\n\ngo 1.22\n', 'redline.yaml': `version: "1"\n${policy}`, 'p.go': SOURCE });
}

const LINES = SOURCE.split('\n');
/** The 1-based line of the first line that includes `text` (or ends with it, with `end`). */
const lineOf = (text: string, end = false) => LINES.findIndex((l) => (end ? l.endsWith(text) : l.includes(text))) + 1;

/** What became of the finding of `rule` at `line`: suppressed (with the justification), reported, or none; `findings` are all of them. */
function stateIn(r: Awaited<ReturnType<typeof scan>>): ((line: number, rule: string) => string) & { findings: typeof r.findings } {
  const state = (line: number, rule: string) => {
    const f = r.findings.find((x) => x.location.line === line && x.rule === rule);
    return f ? (f.suppression ? `suppressed: ${f.suppression.justification}` : 'reported') : 'none';
  };
  return Object.assign(state, { findings: r.findings });
}

describe('gosec suppression comments', () => {
  it('suppress the rules that report the same checks, with the comment as justification, when the policy says so', async () => {
    const state = stateIn(await scan({ cwd: module('suppressions:\n  gosec: true\n'), jobs: 1 }));
    expect(state(lineOf('probes our own'), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // #nosec G402 -- probes our own test server');
    expect(state(lineOf('//nolint:gosec') + 1, 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: //nolint:gosec // the internal CA is being rolled out');
    expect(state(lineOf('// #nosec', true), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // #nosec');
    expect(state(lineOf('// #nosec G101'), 'tls/insecure-skip-verify')).toBe('reported');
    expect(state(lineOf('			InsecureSkipVerify: true,'), 'tls/insecure-skip-verify')).toBe('suppressed: honoured gosec comment: // nolint: gosec // Only for the experimental command: the comment covers the whole element below.');
    expect(state(lineOf('//nolint:errcheck'), 'tls/insecure-skip-verify')).toBe('reported');
    expect(state(lineOf('sk_live_'), 'secrets/hardcoded-credential')).toBe('reported');
    expect(state(lineOf('sk_live_51Hq8'), 'secrets/hardcoded-credential')).toBe('reported');
    // other tools' comments are never bad or unused directives
    expect(state.findings.filter((f) => f.rule.startsWith('redline/'))).toEqual([]);
  });

  it('gitleaks:allow suppresses the secret rules on its own line, when the policy says so', async () => {
    const state = stateIn(await scan({ cwd: module('suppressions:\n  gitleaks: true\n'), jobs: 1 }));
    expect(state(lineOf('sk_live_51Hq8'), 'secrets/hardcoded-credential')).toBe('suppressed: honoured gitleaks comment: // gitleaks:allow');
    expect(state(lineOf('sk_live_7Zq2'), 'secrets/hardcoded-credential')).toBe('reported');
    expect(state(lineOf('probes our own'), 'tls/insecure-skip-verify')).toBe('reported');
  });

  it('suppress nothing by default', async () => {
    const r = await scan({ cwd: module(''), jobs: 1 });
    expect(r.findings.filter((f) => f.suppression)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'tls/insecure-skip-verify')).toHaveLength(6);
  });

  it('read the checks a comment names, and golangci-lint linter lists', () => {
    const at = (text: string, alone = false) => parseForeignDirectives({ text, line: 10, alone }).find((d) => d.tool === 'gosec');
    const tools = (text: string) => parseForeignDirectives({ text, line: 10, alone: false }).map((d) => `${d.tool}:${d.checks === 'all' ? 'all' : [...d.checks].join(',')}${d.lines ? '' : ':file'}`);
    expect(tools('//lint:ignore SA1029,SA1019 reviewed')).toEqual(['staticcheck:SA1029,SA1019']);
    expect(tools('//lint:file-ignore SA* generated-like code')).toEqual(['staticcheck:SA*:file']);
    expect(tools('//nolint')).toEqual(['gosec:all', 'staticcheck:all']);
    expect(tools('// gitleaks:allow')).toEqual(['gitleaks:all']);
    expect(tools('//nolint:gosec,staticcheck // both')).toEqual(['gosec:all', 'staticcheck:all']);
    expect(tools('//nolint:all // golangci-lint: every linter')).toEqual(['gosec:all', 'staticcheck:all']);
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

const CONTEXT_SOURCE = `package q

import "context"

func withUser(ctx context.Context, user string) context.Context {
	//lint:ignore SA1029 the key is shared with a library that reads it as a string
	return context.WithValue(ctx, "user", user)
}

func withTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, "tenant", tenant) //nolint:staticcheck
}

func withTrace(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, "trace", id) // #nosec
}
`;

describe('staticcheck suppression comments', () => {
  const scanWith = (policy: string, extra: Record<string, string> = {}) =>
    scan({ cwd: makeTree({ 'go.mod': 'module example.com/q\n\ngo 1.22\n', 'redline.yaml': `version: "1"\n${policy}`, 'q.go': CONTEXT_SOURCE, ...extra }), jobs: 1 });
  const lines = CONTEXT_SOURCE.split('\n');
  const lineOfKey = (key: string) => lines.findIndex((l) => l.includes(`"${key}"`)) + 1;

  it('suppress the rules that report the same checks; gosec comments do not', async () => {
    const r = await scanWith('suppressions:\n  staticcheck: true\n  gosec: true\n');
    const state = (key: string) => {
      const f = r.findings.find((x) => x.rule === 'context/builtin-key' && x.location.line === lineOfKey(key));
      return f ? (f.suppression ? `suppressed: ${f.suppression.justification}` : 'reported') : 'none';
    };
    expect(state('user')).toBe('suppressed: honoured staticcheck comment: //lint:ignore SA1029 the key is shared with a library that reads it as a string');
    expect(state('tenant')).toBe('suppressed: honoured staticcheck comment: //nolint:staticcheck');
    expect(state('trace')).toBe('reported'); // #nosec is gosec's, and gosec has no such check
  });

  it('//lint:file-ignore covers the whole file', async () => {
    const r = await scanWith('suppressions:\n  staticcheck: true\n', {
      'q2.go': 'package q\n\n//lint:file-ignore SA1029 keys shared with the legacy middleware\n\nimport "context"\n\nfunc a(ctx context.Context) context.Context { return context.WithValue(ctx, "a", 1) }\n',
    });
    const f = r.findings.find((x) => x.location.file === 'q2.go' && x.rule === 'context/builtin-key');
    expect(f?.suppression?.justification).toBe('honoured staticcheck comment: //lint:file-ignore SA1029 keys shared with the legacy middleware');
  });

  it('suppress nothing by default', async () => {
    const r = await scanWith('');
    expect(r.findings.filter((f) => f.rule === 'context/builtin-key' && f.suppression)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'context/builtin-key')).toHaveLength(3);
  });
});
