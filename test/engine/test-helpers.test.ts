import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { makeTree } from '../support/fs-tree.js';

const TOKEN = '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';
const source = (pkg: string, imports = '') => `package ${pkg}
${imports}
const deployToken = "${TOKEN}"
`;

describe('test support code outside _test.go files', () => {
  const root = makeTree({
    'go.mod': 'module example.com/svc\n\ngo 1.22\n',
    'app/app.go': source('app'),
    'app/helpers.go': source('app', 'import "testing"\n\nfunc Helper(t testing.TB) { t.Helper() }\n').replace('deployToken', 'helperToken'),
    'internal/test/fixtures.go': source('test'),
    'e2e/harness/main.go': source('main'),
    // a test module of its own: its directory is named as test support, though paths within the module do not show it
    'integration-tests/go.mod': 'module example.com/svc-tests\n\ngo 1.22\n',
    'integration-tests/framework/addon.go': source('addon').replace('deployToken', 'addonToken'),
  });
  const severities = async (tests?: string) => {
    const r = await scan({ cwd: root, jobs: 1, ...(tests && { config: await policy(tests) }) });
    return Object.fromEntries(r.findings.map((f) => [f.location.file, f.severity]));
  };
  const policy = async (tests: string) => {
    const { writeFileSync } = await import('node:fs');
    const file = `${root}/redline-${tests}.yaml`;
    writeFileSync(file, `version: "1"\ntests: { severity: ${tests} }\n`);
    return file;
  };

  it('is reported one step lower, for every rule family', async () => {
    expect(await severities()).toEqual({
      'app/app.go': 'high',
      'app/helpers.go': 'medium',
      'e2e/harness/main.go': 'medium',
      'integration-tests/framework/addon.go': 'medium',
      'internal/test/fixtures.go': 'medium',
    });
  });
  it('follows tests: same, and is lowered, not dropped, with tests: off', async () => {
    expect(Object.values(await severities('same'))).toEqual(['high', 'high', 'high', 'high', 'high']);
    expect(await severities('off')).toEqual({
      'app/app.go': 'high',
      'app/helpers.go': 'medium',
      'e2e/harness/main.go': 'medium',
      'integration-tests/framework/addon.go': 'medium',
      'internal/test/fixtures.go': 'medium',
    });
  });
});
