import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

const repo = path.resolve(import.meta.dirname, '../..');

async function cli(args: string[], cwd = repo, env: CliIO['env'] = { NO_COLOR: '1' }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('redline scan', () => {
  it('exits 1 with JSON findings for the example service', async () => {
    const r = await cli(['scan', './examples/payments-gateway/...', '--format', 'json', '--jobs', '1']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { tool: { name: string }; findings: Array<{ rule: string; file: string }> };
    expect(report.tool.name).toBe('redline');
    expect(report.findings.some((f) => f.rule === 'tls/insecure-skip-verify' && f.file === 'examples/payments-gateway/processor.go')).toBe(true);
  });
  it('exits 0 when findings are below --fail-on', async () => {
    const r = await cli(['scan', './examples/payments-gateway/...', '--fail-on', 'critical', '--disable', 'secrets,cgo,tls', '--jobs', '1']);
    expect(r.code).toBe(0);
  });
  it('says in its help which severity fails a scan by default', async () => {
    const r = await cli(['scan', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("at least this severe (default: the policy's fail-on, else high)");
  });
  it('names a missing path and exits 2', async () => {
    const r = await cli(['scan', './no-such-dir/...']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-dir');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('rejects an invalid policy with its position', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-cli-'));
    writeFileSync(path.join(dir, 'redline.yaml'), 'version: "1"\nfail-on: hihg\n');
    writeFileSync(path.join(dir, 'main.go'), 'package main\n');
    const r = await cli(['scan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/redline\.yaml:2:\d+: .*fail-on.*did you mean "high"/);
  });
  it('reuses unchanged packages with --cache, in the user cache directory or at --cache-location', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-cli-'));
    const args = ['scan', './examples/payments-gateway/...', '--format', 'json', '--jobs', '1'];
    const env = { NO_COLOR: '1', XDG_CACHE_HOME: dir };
    const first = await cli([...args, '--cache'], repo, env);
    expect(first.stderr).not.toContain('unchanged');
    const second = await cli([...args, '--cache'], repo, env);
    expect(second.stderr).toContain('redline: 2 of 2 packages unchanged since the cached scan');
    const findings = (out: string) => (JSON.parse(out) as { findings: unknown[] }).findings;
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
    expect(findings(first.stdout).length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'redline'))).toHaveLength(1);
    const file = path.join(dir, 'here.bin');
    await cli([...args, '--cache-location', file]);
    expect(existsSync(file)).toBe(true);
  });
  it('rejects an unknown format', async () => {
    const r = await cli(['scan', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xml');
  });
});

describe('redline rules, explain, init', () => {
  it('lists the catalog', async () => {
    const r = await cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tls/insecure-skip-verify');
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(json.map((m) => m.id)).toContain('redline/parse-error');
  });
  it('explains a rule and suggests a near miss', async () => {
    const r = await cli(['explain', 'tls/insecure-skip-verify']);
    expect(r.stdout).toContain('Why it matters');
    const miss = await cli(['explain', 'tls/insecure-skip-verfy']);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain('did you mean "tls/insecure-skip-verify"');
  });
  it('writes a starter policy that loads, and will not overwrite it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-init-'));
    expect((await cli(['init'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'redline.yaml'), 'utf8')).toContain('version:');
    writeFileSync(path.join(dir, 'main.go'), 'package main\n');
    expect((await cli(['scan', '--jobs', '1'], dir)).code).toBe(0);
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});

describe('redline ast', () => {
  it('prints the tree with line:col positions', async () => {
    const r = await cli(['ast', 'examples/payments-gateway/config.go']);
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.stdout) as { kind: string; pos: string };
    expect(tree.kind).toBe('File');
    expect(tree.pos).toMatch(/^\d+:\d+$/);
  });
  it('prints the tree and the errors of a broken file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-ast-'));
    writeFileSync(path.join(dir, 'broken.go'), 'package p\nfunc f( {\n');
    const r = await cli(['ast', 'broken.go'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveProperty('kind', 'File');
    expect(r.stderr).toMatch(/^broken\.go:2:\d+: /m);
  });
  it('explains unreadable input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-ast-'));
    writeFileSync(path.join(dir, 'blob.go'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 32)));
    expect((await cli(['ast', 'missing.go'], dir)).stderr).toContain('missing.go: no such file');
    expect((await cli(['ast', '.'], dir)).stderr).toContain('is a directory');
    const bin = await cli(['ast', 'blob.go'], dir);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('binary');
  });
});

describe('the process', () => {
  it('runs as a real process: results on stdout, exit code, no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'scan', './examples/payments-gateway/...', '--format', 'sarif'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'scan', '--jobs', 'zero'], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--jobs');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli/bin.ts scan ./examples/payments-gateway/... --format sarif | head -c 10`], { cwd: repo, encoding: 'utf8' });
    expect(r.stdout).toBe('{\n  "$sche');
    expect(r.stderr).toBe('');
  });
});

describe('what a scan is given', () => {
  const mod = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redline-cli-'));
    writeFileSync(path.join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('exits 2 when the arguments hold no Go files, and warns about one that does not', async () => {
    const dir = mod({ 'notes.txt': 'x' });
    const none = await cli(['scan', '.'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Go files in .');
    writeFileSync(path.join(dir, 'a.go'), 'package m\n');
    mkdirSync(path.join(dir, 'docs'));
    const some = await cli(['scan', '.', './docs/...'], dir);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('warning: ./docs/... matched no Go files');
  });

  it('says which packages a .gitignore hides outside a git work tree', async () => {
    const dir = mod({ '.gitignore': '# the built binary\ntool\n' });
    mkdirSync(path.join(dir, 'cmd', 'tool'), { recursive: true });
    writeFileSync(path.join(dir, 'cmd', 'tool', 'main.go'), 'package main\n\nfunc main() {}\n');
    const none = await cli(['scan', './...'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('cmd/tool: skipped, a .gitignore ignores it; outside a git work tree');
    writeFileSync(path.join(dir, 'lib.go'), 'package m\n');
    const some = await cli(['scan', './...'], dir);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('warning: cmd/tool: skipped, a .gitignore ignores it');
    const named = await cli(['scan', './cmd/tool', '--format', 'json'], dir);
    expect(JSON.parse(named.stdout).summary.files).toBe(1);
  });

  it('says how to scan below a directory named alone that has Go files only in its subdirectories', async () => {
    const dir = mod({ 'notes.txt': 'x' });
    mkdirSync(path.join(dir, 'pkg', 'inner'), { recursive: true });
    writeFileSync(path.join(dir, 'pkg', 'inner', 'a.go'), 'package inner\n');
    const none = await cli(['scan', '.'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Go files in .: . names one package (like `go build .`); ./... scans the directories below it too');
    writeFileSync(path.join(dir, 'b.go'), 'package m\n');
    const some = await cli(['scan', '.', 'pkg/'], dir);
    expect(some.code).toBe(0);
    expect(some.stderr).toContain('warning: pkg/ matched no Go files; pkg/ names one package (like `go build pkg/`); pkg/... scans the directories below it too');
  });

  it('says so when --config or --baseline names a directory', async () => {
    const dir = mod({ 'a.go': 'package m\n' });
    mkdirSync(path.join(dir, 'conf'));
    for (const flag of ['--config', '--baseline']) {
      const r = await cli(['scan', flag, 'conf'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('conf: is a directory; name the');
    }
  });

  it('refuses arguments that fall under different policies', async () => {
    const dir = mod({});
    for (const sub of ['m1', 'm2']) {
      mkdirSync(path.join(dir, sub));
      writeFileSync(path.join(dir, sub, 'a.go'), `package ${sub}\n`);
    }
    writeFileSync(path.join(dir, 'm2', 'redline.yaml'), 'version: "1"\nrules:\n  tls: off\n');
    for (const args of [['./m1/...', './m2/...'], ['./m2/...', './m1/...']]) {
      const r = await cli(['scan', ...args], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the arguments fall under different policies');
      expect(r.stderr).toContain('m2/redline.yaml');
    }
    expect((await cli(['scan', './m2/...', '--config', 'm2/redline.yaml', './m1/...'], dir)).code).toBe(0);
  });

  it('skips a named file that build constraints exclude, with a warning, not a syntax error', async () => {
    const dir = mod({ 'sys_windows.go': 'package m\n', 'gen.go': '//go:build ignore\n\npackage main\n', 'a.go': 'package m\n' });
    const r = await cli(['scan', 'sys_windows.go', 'gen.go', 'a.go', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
    expect(r.stderr).toContain('sys_windows.go: not built for linux/amd64 (file name suffix does not match linux/amd64)');
    expect(r.stderr).toContain('gen.go: not built for linux/amd64 (line 1: //go:build ignore)');
  });

  it('counts the files the target leaves out, and names the tags that would build them', async () => {
    const dir = mod({
      'a.go': 'package m\n', 'sys_windows.go': 'package m\n', 'quic.go': '//go:build quic\n\npackage m\n',
      'quic_more.go': '//go:build quic && !purego\n\npackage m\n', 'it.go': '//go:build integration || e2e\n\npackage m\n',
    });
    const json = await cli(['scan', '--format', 'json'], dir);
    expect(JSON.parse(json.stdout).summary.notBuilt).toEqual({ files: 4, target: 'linux/amd64', byTags: { quic: 2, integration: 1 } });
    const text = await cli(['scan'], dir);
    expect(text.stdout).toContain('4 files not built for linux/amd64 (2 need --tags quic, 1 --tags integration)');
    const tagged = await cli(['scan', '--tags', 'quic', '--goos', 'windows', '--format', 'json'], dir);
    expect(JSON.parse(tagged.stdout).summary.notBuilt).toEqual({ files: 1, target: 'windows/amd64', byTags: { integration: 1 } });
  });
});
