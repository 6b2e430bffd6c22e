/**
 * The bundled example service, scanned the way the README's first command
 * does: its findings are exactly these, no more, no fewer.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const repo = path.resolve(import.meta.dirname, '../..');

/** `file:line rule severity`, in report order. */
const EXPECTED = [
  'examples/payments-gateway/config.go:16 secrets/hardcoded-credential high',
  'examples/payments-gateway/config.go:25 secrets/credential-in-url high',
  'examples/payments-gateway/internal/fasthash/fasthash.go:36 cgo/unfreed-memory high',
  'examples/payments-gateway/main.go:23 tls/per-handshake-cert-load medium',
  'examples/payments-gateway/notify.go:10 secrets/hardcoded-credential critical',
  'examples/payments-gateway/notify.go:31 secrets/sensitive-data-logged critical',
  'examples/payments-gateway/processor.go:24 tls/insecure-skip-verify high',
  'examples/payments-gateway/processor.go:45 secrets/literal-authorization-header high',
  'examples/payments-gateway/processor.go:70 tls/shared-config-mutation high',
];

describe('examples/payments-gateway', () => {
  it('has exactly the expected red lines', async () => {
    const result = await scan({ cwd: repo, paths: ['./examples/payments-gateway/...'], jobs: 1 });
    const got = result.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.severity}`);
    expect(got).toEqual(EXPECTED);
    expect(result.stats.files).toBe(5);
    expect(result.stats.packages).toBe(2);
  });
  it('gives the same result with worker threads', async () => {
    const inline = await scan({ cwd: repo, paths: ['./examples/payments-gateway/...'], jobs: 1 });
    const pooled = await scan({ cwd: repo, paths: ['./examples/payments-gateway/...'], jobs: 2, workerThreshold: 0 });
    expect(pooled.stats.workers).toBe(2);
    expect(JSON.stringify(pooled.findings)).toBe(JSON.stringify(inline.findings));
  });
});
