import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheFile, ScanCache } from '../../src/engine/scan-cache.js';
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
    // config is never stored (a struct tag of its exports could be a secret); its importers still are
    expect(warm.stats.cachedPackages).toBe(3);
  });

  it('keeps the entries of worker threads apart (their stacks follow deeper trees)', async () => {
    const workers = () => run({ jobs: 2, workerThreshold: 0 });
    const first = await workers();
    expect(first.stats.workers).toBe(2);
    expect(first.stats.cachedPackages).toBe(0);
    const second = await workers();
    expect(second.stats.cachedPackages).toBe(3);
    expect(lines(second)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
    await run();
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
    await run();
    const bytes = fs.readFileSync(cache);
    for (const at of [bytes.length - 40, Math.floor(bytes.length / 2), 120]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x20;
      fs.writeFileSync(cache, damaged);
      const r = await run();
      expect(r.warnings).toEqual([`the scan cache ${cache} is damaged; scanning everything and replacing it`]);
      expect(r.stats.cachedPackages).toBe(0);
      expect(lines(r)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
      expect((await run()).stats.cachedPackages).toBe(3);
    }
  });

  it('leaves a file that is not a cache alone', async () => {
    const other = path.join(root, 'go.sum');
    fs.writeFileSync(other, 'example.com/x v1.0.0 h1:abc=\n');
    const r = await run({ cache: other });
    expect(r.warnings).toEqual([`${other} is not a Redline scan cache: it is left as it is, and this scan is not cached (choose another --cache-location)`]);
    expect(fs.readFileSync(other, 'utf8')).toBe('example.com/x v1.0.0 h1:abc=\n');
  });

  it('says so when the cache cannot be written, and never hangs', async () => {
    const r = await run({ cache: '/proc/redline-no-such/scan.bin' });
    expect(r.warnings.some((w) => w.startsWith('cannot write the scan cache /proc/redline-no-such/scan.bin'))).toBe(true);
    expect(lines(r)).toEqual(lines(await scan({ cwd: root, jobs: 1 })));
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

describe('the scan cache, for cgo packages', () => {
  it('analyses a package again when a C header of its directory changed', async () => {
    const root = makeTree({
      'go.mod': 'module example.com/cg\n\ngo 1.22\n',
      'names/helpers.h': '#include <stdlib.h>\nstatic void release(char *s) { free(s); }\n',
      'names/names.go': 'package names\n\n// #include "helpers.h"\nimport "C"\n\nfunc Touch(name string) {\n\tcs := C.CString(name)\n\tC.release(cs)\n}\n',
    });
    const cache = path.join(root, 'scan.bin');
    const before = await scan({ cwd: root, jobs: 1, cache });
    expect(before.findings).toEqual([]);
    expect((await scan({ cwd: root, jobs: 1, cache })).stats.cachedPackages).toBe(1);
    // release no longer frees: the Go file is the same, the finding must come back
    writeTree(root, { 'names/helpers.h': '#include <stdlib.h>\nstatic void release(char *s) { (void)s; }\n' });
    const after = await scan({ cwd: root, jobs: 1, cache });
    expect(after.stats.cachedPackages).toBe(0);
    expect(after.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule}`)).toEqual(['names/names.go:7 cgo/unfreed-memory']);
  });
});

describe('a package whose exported constants could be secrets', () => {
  // only constants (no struct tag): the entry is stored without their values
  const root = makeTree({
    'go.mod': 'module example.com/keys\n\ngo 1.22\n',
    'config/config.go': `package config\n\n// APIToken is exported: importers see its value.\nconst APIToken = "${TOKEN}"\n`,
    'util/util.go': 'package util\n\n// Show does nothing with its argument.\nfunc Show(v string) {}\n',
    'app/app.go': `package app

import (
	"log"

	"example.com/keys/config"
	"example.com/keys/util"
)

func Run() {
	util.Show("x")
	log.Println(config.APIToken)
}
`,
    'lib/lib.go': 'package lib\n\nfunc Add(a, b int) int { return a + b }\n',
  });
  const cache = path.join(root, '.cache', 'scan.bin');
  const run = (extra: Partial<ScanOptions> = {}) => scan({ cwd: root, jobs: 1, cache, ...extra });
  const fresh = async () => lines(await scan({ cwd: root, jobs: 1 }));

  it('is answered from the cache while no package importing it is analysed', async () => {
    const cold = await run();
    expect(cold.findings.some((f) => f.location.file === 'app/app.go' && f.rule === 'secrets/sensitive-data-logged')).toBe(true);
    const warm = await run();
    expect(warm.stats.cachedPackages).toBe(4);
    expect(lines(warm)).toEqual(lines(cold));
    const bytes = fs.readFileSync(cache).toString('latin1');
    for (const s of [TOKEN, TOKEN.slice(4, 16)]) expect(bytes).not.toContain(s);
  });

  it('is analysed again with an importer that changed, or whose imports did', async () => {
    writeTree(root, { 'app/app.go': fs.readFileSync(path.join(root, 'app/app.go'), 'utf8').replace('"x"', '"y"') });
    const importer = await run();
    // app changed and config is analysed again for it; util and lib come from the cache
    expect(importer.stats.cachedPackages).toBe(2);
    expect(lines(importer)).toEqual(await fresh());
    writeTree(root, { 'util/util.go': 'package util\n\nimport "fmt"\n\n// Show prints its argument.\nfunc Show(v string) { fmt.Print(v) }\n' });
    const below = await run({ jobs: 2, workerThreshold: 0 });
    expect(lines(below)).toEqual(await fresh());
    expect(below.findings.some((f) => f.location.file === 'app/app.go' && f.rule === 'secrets/sensitive-data-logged')).toBe(true);
  });
});

describe('what the scan cache stores', () => {
  it('no credential an exported constant holds, whatever the rules options (a scheme prefix, a low entropy)', async () => {
    const bearer = 'Qx7vLm2pZr9kWt7nAb3';
    const root = makeTree({
      'go.mod': 'module example.com/leak\n\ngo 1.22\n',
      'auth/auth.go': `package auth\n\nconst Header = "Bearer ${bearer}"\n\nconst Basic = "Basic dXNlcjpzM2NyM3QtcGFzcw=="\n`,
      'pw/pw.go': 'package pw\n\nconst DBPassword = "abab1212ABAB"\n',
      'app/app.go': `package app

import (
	"net/http"

	"example.com/leak/auth"
	"example.com/leak/pw"
)

func Do(r *http.Request) string {
	r.Header.Set("Authorization", auth.Header)
	return pw.DBPassword
}
`,
      'redline.yaml': 'version: "1"\nrules:\n  secrets/hardcoded-credential: { options: { min-entropy: 1.5 } }\n',
    });
    const cache = path.join(root, 'scan.bin');
    const r = await scan({ cwd: root, jobs: 1, cache });
    expect(r.findings.map((f) => f.rule).sort()).toContain('secrets/literal-authorization-header');
    const bytes = fs.readFileSync(cache).toString('latin1');
    for (const s of [bearer, 'dXNlcjpzM2NyM3QtcGFzcw', 'abab1212ABAB']) expect(bytes).not.toContain(s);
  });

  it('nothing from files that changed while they were analysed', () => {
    const root = makeTree({ 'go.mod': 'module example.com/race\n\ngo 1.22\n', 'a/a.go': 'package a\n' });
    const setup = { cwd: root, rules: [], engineSeverities: {}, tests: 'lower' as const, honor: [] };
    const cache = new ScanCache(path.join(root, 'scan.bin'), setup, 'main');
    const pkg = { importPath: 'example.com/race/a', dir: path.join(root, 'a'), name: 'a', module: { path: 'example.com/race', goVersion: '1.22' }, files: [{ path: path.join(root, 'a/a.go'), relPath: 'a/a.go', isTest: false, size: 10 }], deps: [] };
    const key = cache.keyOf(pkg, true, [])!;
    const entry = { findings: [], parseErrors: 0, knowledge: new Uint8Array(), knowledgeHash: '0'.repeat(64) };
    const knowledge = { packages: {}, facts: { func: {}, param: {} } };
    cache.put(key, entry, knowledge, ['f'.repeat(64)]);
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, entry, knowledge, key.fileHashes);
    expect(cache.get(key)).toBe(entry);
  });
});
