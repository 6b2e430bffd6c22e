/**
 * Go toolchain detection for tests that compare against the real Go tools.
 *
 * When `go` is missing, such tests fail under CI (`CI=true`) and are skipped
 * elsewhere with a visible warning.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';

let cached: { bin: string; root: string } | null | undefined;

/** The `go` binary and its GOROOT, or null when Go is not installed. */
export function goInfo(): { bin: string; root: string } | null {
  if (cached !== undefined) return cached;
  try {
    const root = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    cached = root ? { bin: 'go', root } : null;
  } catch {
    cached = null;
  }
  return cached;
}

export function goAvailable(): boolean {
  return goInfo() !== null;
}

export function isCI(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * Decides how a Go-dependent test runs: 'run' when Go is present; otherwise
 * 'fail' under CI and 'skip' elsewhere (printing why).
 */
export function requireGo(reason: string): 'run' | 'skip' | 'fail' {
  if (goAvailable()) return 'run';
  if (isCI()) return 'fail';
  console.warn(`[redline] skipping ${reason}: the Go toolchain (go) is not installed`);
  return 'skip';
}

/**
 * For a describe block of Go-dependent tests: when Go is missing, registers
 * the test that fails (CI) or the visible skip, and returns true (the block
 * registers nothing else).
 */
export function withoutGo(mode: 'run' | 'skip' | 'fail', what: string): boolean {
  if (mode === 'fail') {
    it('requires Go (CI=true)', () => {
      throw new Error(`the Go toolchain is required under CI for ${what}`);
    });
    return true;
  }
  if (mode === 'skip') {
    it.skip('skipped: Go is not installed', () => {});
    return true;
  }
  return false;
}

const built = new Map<string, string>();

/**
 * Builds a Go tool under tools/NAME into node_modules/.cache/redline and
 * returns the binary path. Safe when test files build it concurrently: each
 * build goes to a private file that is then renamed into place (a running
 * binary is never overwritten).
 */
export function buildGoTool(name: string): string {
  const done = built.get(name);
  if (done !== undefined) return done;
  const repo = path.resolve(import.meta.dirname, '../..');
  const outDir = path.join(repo, 'node_modules/.cache/redline');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, name);
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  execFileSync('go', ['build', '-o', tmp, '.'], {
    cwd: path.join(repo, 'tools', name),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
  });
  renameSync(tmp, out);
  built.set(name, out);
  return out;
}
