import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHead, readFileHead } from '../../src/engine/file-head.js';

describe('readFileHead', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'redline-head-'));
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('reads as much as the header and the imports need, and no more is needed', () => {
    const imports = Array.from({ length: 600 }, (_, i) => `\t"example.com/some/long/import/path/number${i}"`).join('\n');
    const src = `//go:build linux\n\n// Package p.\npackage p\n\nimport (\n${imports}\n)\n\nfunc f() {}\n`;
    expect(src.length).toBeGreaterThan(3 * 8192);
    const head = readFileHead(write('long_imports.go', src));
    expect(head).toEqual(fileHead(src));
    expect(head.imports).toHaveLength(600);
    expect(head.header.goBuild?.text).toBe('//go:build linux');
  });
  it('reads past a long header comment', () => {
    const src = `// Copyright\n${'// lorem ipsum dolor sit amet\n'.repeat(1000)}\n//go:build !windows\n\npackage q\n\nimport "fmt"\n`;
    const head = readFileHead(write('long_header.go', src));
    expect(head).toEqual(fileHead(src));
    expect(head.header.goBuild?.text).toBe('//go:build !windows');
    expect(head.imports).toEqual(['fmt']);
  });
});
