import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/engine/scan.js';
import { makeTree } from '../support/fs-tree.js';

const TOKEN = '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';

/** app logs config's token through logx (another package) and note (another file of app). */
function module(): string {
  return makeTree({
    'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    'config/config.go': `package config

const APIToken = "${TOKEN}"
`,
    'logx/logx.go': `package logx

import "log"

// Audit writes its argument to the log.
func Audit(v string) { log.Printf("audit: %s", v) }
`,
    'app/app.go': `package app

import (
	"example.com/shop/config"
	"example.com/shop/logx"
)

func Run() {
	logx.Audit(config.APIToken)
	note(config.APIToken)
}
`,
    'app/note.go': `package app

import "log"

func note(v string) { log.Println(v) }
`,
    'app/note_test.go': `package app

import "testing"

func TestNote(t *testing.T) { note("x") }
`,
  });
}

const lines = (r: ScanResult) => r.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.severity} ${f.fingerprint}`);

describe('partial scans read the rest of the module for context', () => {
  const root = module();

  it('judges calls into packages and files left out of the scan as a full scan does', async () => {
    const full = await scan({ cwd: root, jobs: 1 });
    const inApp = lines(full).filter((l) => l.startsWith('app/'));
    expect(inApp).toHaveLength(2);
    expect(lines(full).some((l) => l.startsWith('config/'))).toBe(true);
    expect(full.stats.contextFiles).toBe(0);

    const dir = await scan({ cwd: root, jobs: 1, paths: ['./app'] });
    expect(lines(dir)).toEqual(inApp);
    expect(dir.stats).toMatchObject({ files: 3, packages: 1, contextFiles: 2 });

    // a pre-commit hook names the changed file only: the rest of its package is context too
    for (const jobs of [1, 2]) {
      const file = await scan({ cwd: root, jobs, workerThreshold: 0, paths: ['app/app.go'] });
      expect(lines(file)).toEqual(inApp);
      expect(file.stats).toMatchObject({ files: 1, packages: 1, contextFiles: 3 });
    }
  });

  it('never reports on context files, not even their syntax errors', async () => {
    const broken = module();
    fs.writeFileSync(path.join(broken, 'logx', 'broken.go'), 'package logx\n\nfunc Broken( {\n');
    const full = await scan({ cwd: broken, jobs: 1 });
    expect(full.findings.some((f) => f.rule === 'redline/parse-error' && f.location.file === 'logx/broken.go')).toBe(true);
    const partial = await scan({ cwd: broken, jobs: 1, paths: ['./app'] });
    expect(partial.findings.every((f) => f.location.file.startsWith('app/'))).toBe(true);
    expect(partial.stats.parseErrors).toBe(0);
  });

  it('follows imports into the other modules of a go.work workspace', async () => {
    const ws = makeTree({
      'go.work': 'go 1.22\n\nuse (\n\t./shop\n\t./tool\n)\n',
      'shop/go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'shop/logx/logx.go': 'package logx\n\nimport "log"\n\nfunc Audit(v string) { log.Printf("audit: %s", v) }\n',
      'tool/go.mod': 'module example.com/tool\n\ngo 1.22\n',
      'tool/main.go': `package main\n\nimport "example.com/shop/logx"\n\nfunc main() { logx.Audit("${TOKEN}") }\n`,
    });
    const r = await scan({ cwd: ws, jobs: 1, paths: ['./tool/...'] });
    expect(r.stats.contextFiles).toBe(1);
    // the token reaches a log only through the other module's logx.Audit
    const token = r.findings.find((f) => f.rule === 'secrets/hardcoded-credential');
    expect(token && `${token.location.file}:${token.location.line}`).toBe('tool/main.go:5');
    expect(token?.message).toContain('printed to a log');
  });

  it('reads only the modules of the scan: an import of another module is not followed', async () => {
    const other = makeTree({
      'go.mod': 'module example.com/tool\n\ngo 1.22\n',
      'main.go': `package main

import "example.com/shop/logx"

func main() { logx.Audit("${TOKEN}") }
`,
    });
    const r = await scan({ cwd: other, jobs: 1 });
    expect(r.stats.contextFiles).toBe(0);
  });
});
