/**
 * Redline's semantic answers vs go/types (tools/gotypesdump) on the fixture
 * module (exact agreement expected) and on a few GOROOT packages
 * (thresholds). Needs Go: fails under CI without it, skips elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeModule } from '../../src/semantics/facts.js';
import { checkPackage } from '../../src/semantics/package.js';
import { comparePackage, formatReport, runGoTypesDump, totals, type DumpPackage } from '../../tools/semantics/compare.js';
import { runCheck } from '../../tools/semantics/check.js';
import { buildGoTool, requireGo } from '../support/go.js';
import { fixture, loadModule } from './helpers.js';

const mode = requireGo('go/types agreement tests');

describe.runIf(mode !== 'skip')('agreement with go/types', () => {
  let bin = '';
  beforeAll(() => {
    if (mode === 'fail') throw new Error('Go toolchain required under CI');
    bin = buildGoTool('gotypesdump');
  });

  it('the fixture module is valid Go (go vet)', () => {
    execFileSync('go', ['vet', './...'], { cwd: fixture('basic'), stdio: 'pipe', env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  });

  it('matches go/types exactly on the fixture module', () => {
    const dir = fixture('basic');
    const pkgs = loadModule(dir, { tests: false });
    const { program } = summarizeModule(pkgs);
    const dumps: DumpPackage[] = runGoTypesDump(bin, dir, dir, pkgs.map((p) => p.dir), false, 'example.com/basic');
    expect(dumps.length).toBe(pkgs.length);
    for (const d of dumps) {
      const pkg = pkgs.find((p) => p.dir === d.dir)!;
      // same files in the same order as go/build chose
      expect(pkg.files.map((f) => f.path)).toEqual(d.files);
      const info = checkPackage(pkg, program);
      const rep = comparePackage(info, d, { maxMismatches: 50 });
      const all = totals(rep);
      const msg = formatReport(rep, d.path) + '\n' + rep.mismatches.join('\n');
      expect(rep.idents.unresolved, msg).toBe(0);
      expect(rep.idents.declMismatch, msg).toBe(0);
      expect(rep.identTypes.mismatch, msg).toBe(0);
      expect(all.mismatch, msg).toBe(0);
      expect(rep.consts.mismatch, msg).toBe(0);
      expect(all.unknown / all.total, msg).toBeLessThan(0.01);
      expect(rep.identTypes.unknown, msg).toBe(0);
    }
  });

  it('agrees with go/types on real GOROOT packages (thresholds)', () => {
    const r = runCheck({ packages: ['context', 'sync', 'strings', 'encoding/pem', 'net/url', 'errors', 'log'], dumpBin: bin });
    const t = r.total;
    const all = totals(t);
    const msg = formatReport(t, 'GOROOT sample') + '\n' + t.mismatches.slice(0, 30).join('\n');
    expect(t.idents.resolved / t.idents.total, msg).toBeGreaterThanOrEqual(0.99);
    expect(t.idents.declMatch / t.idents.resolved, msg).toBeGreaterThanOrEqual(0.99);
    expect(all.mismatch / all.typed, msg).toBeLessThanOrEqual(0.01);
    expect(t.identTypes.mismatch / t.identTypes.typed, msg).toBeLessThanOrEqual(0.01);
    expect(all.unknown / all.total, msg).toBeLessThanOrEqual(0.01);
    expect(all.typed / all.total, msg).toBeGreaterThanOrEqual(0.98);
    expect(t.consts.mismatch / Math.max(1, t.consts.total), msg).toBeLessThanOrEqual(0.01);
  });
});
