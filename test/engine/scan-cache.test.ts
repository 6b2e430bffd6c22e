import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheFile } from '../../src/engine/scan-cache.js';
import { scan, type ScanOptions, type ScanResult } from '../../src/engine/scan.js';
import { makeTree, writeTree } from '../support/fs-tree.js';

const TOKEN = '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';
const TAG_SECRET = 'Qm7vX2pLk9TzR4wY8sB1';

/** config holds secrets in its exports; app uses config and util; lib stands alone. */
function module(): string {
  return makeTree({
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'config/config.go': `package config

// APIToken is exported: importers see its value.
const APIToken = "${TOKEN}"

type Settings struct {
	Key string \`default:"${TAG_SECRET}"\`
}
`,
    'util/util.go': `package util

// Show does nothing with its argument (yet).
func Show(v string) {}
`,
    'app/app.go': `package app

import (
	"example.com/shop/config"
	"example.com/shop/util"
)

func Run() {
	util.Show(config.APIToken)
}
`,
    'lib/lib.go': `package lib

func Add(a, b int) int { return a + b }
`,
  });
}

const lines = (r: ScanResult) => r.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.severity} ${f.fingerprint} ${f.message}`);

describe('the scan cache', () => {
  const root = module();
  const cache = path.join(root, '.cache', 'scan.bin');
  const run = (extra: Partial<ScanOptions> = {}) => scan({ cwd: root, jobs: 1, cache, ...extra });

  it('answers unchanged packages from the cache, with the same findings', async () => {
    const cold = await run();
    expect(cold.stats.cachedPackages).toBe(0);
    const warm = await run();
    expect(lines(warm)).toEqual(lines(cold));
    // config is never stored (its exports hold a token); its importers still are
    expect(warm.stats.cachedPackages).toBe(3);
    // worker threads read the same entries
    const workers = await run({ jobs: 2, workerThreshold: 0 });
    expect(workers.stats.workers).toBe(2);
    expect(workers.stats.cachedPackages).toBe(3);
    expect(lines(workers)).toEqual(lines(cold));
  });

  it('never stores a secret', () => {
    const bytes = fs.readFileSync(cache).toString('latin1');
    for (const s of [TOKEN, TAG_SECRET, TOKEN.slice(4, 16)]) expect(bytes).not.toContain(s);
  });

  it('analyses again a package whose import changed, and only those', async () => {
    writeTree(root, {
      'util/util.go': `package util

import "log"

// Show logs its argument.
func Show(v string) { log.Println(v) }
`,
    });
    const warm = await run();
    // util changed, app imports it; lib is unchanged (config is never cached)
    expect(warm.stats.cachedPackages).toBe(1);
    const fresh = await scan({ cwd: root, jobs: 1 });
    expect(lines(warm)).toEqual(lines(fresh));
    expect(warm.findings.some((f) => f.location.file === 'app/app.go' && f.rule === 'secrets/sensitive-data-logged')).toBe(true);
  });

  it('keeps the importers of a package whose exports and facts did not change', async () => {
    writeTree(root, {
      'util/util.go': `package util

import "log"

// Show logs its argument.
func Show(v string) { log.Println(v); log.Println(len(v)) }
`,
    });
    const warm = await run();
    // util changed; app and lib did not, and what app sees of util is the same
    expect(warm.stats.cachedPackages).toBe(2);
    expect(lines(warm)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
  });

  it('reuses nothing when the rules or their options differ', async () => {
    const other = await run({ disable: ['tls'] });
    expect(other.stats.cachedPackages).toBe(0);
  });

  it('warns about a damaged cache file, scans everything and replaces it', async () => {
    fs.writeFileSync(cache, 'not a cache');
    const r = await run();
    expect(r.warnings.some((w) => w.includes('is not a Redline scan cache') || w.includes('damaged'))).toBe(true);
    expect(r.stats.cachedPackages).toBe(0);
    expect(lines(r)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
    expect((await run()).stats.cachedPackages).toBe(3);
  });

  it('lives in the user cache directory by default, one file per directory and arguments', () => {
    const a = defaultCacheFile('/repo', ['./...'], { XDG_CACHE_HOME: '/home/u/.cache' });
    expect(a).toMatch(/^\/home\/u\/\.cache\/redline\/scan-[0-9a-f]{16}\.bin$/);
    expect(defaultCacheFile('/repo', ['./pkg/...'], { XDG_CACHE_HOME: '/home/u/.cache' })).not.toBe(a);
  });
});

describe('the scan cache, through packages that import packages', () => {
  it('analyses a package again when a package it imports only indirectly changed', async () => {
    const root = makeTree({
      'go.mod': 'module example.com/chain\n\ngo 1.22\n',
      'c/c.go': 'package c\n\ntype User struct{ Name string }\n',
      'b/b.go': 'package b\n\nimport "example.com/chain/c"\n\nfunc Current() *c.User { return &c.User{} }\n',
      'a/a.go': 'package a\n\nimport (\n\t"log"\n\n\t"example.com/chain/b"\n)\n\nfunc Run() { log.Printf("%+v", *b.Current()) }\n',
    });
    const cache = path.join(root, 'scan.bin');
    const before = await scan({ cwd: root, jobs: 1, cache });
    expect(before.findings).toEqual([]);
    // what b exports names c.User only, and does not change; a is analysed again all the same
    writeTree(root, { 'c/c.go': 'package c\n\ntype User struct{ Password string }\n' });
    const after = await scan({ cwd: root, jobs: 1, cache });
    expect(after.stats.cachedPackages).toBe(0);
    expect(lines(after)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
    expect(after.findings.map((f) => `${f.location.file} ${f.rule}`)).toEqual(['a/a.go secrets/sensitive-data-logged']);
  });
});
