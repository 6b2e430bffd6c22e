/**
 * The rule catalog is well-formed, documented, registered, and its
 * generated documentation is committed as generated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINE_RULES } from '../../src/engine/engine-rules.js';
import { CATALOG_BEGIN, CATALOG_END, generatedDocFiles, renderCatalogTable } from '../../src/engine/rule-docs.js';
import { FAMILIES } from '../../src/engine/rule-meta.js';
import { CATALOG, RULES } from '../../src/rules/index.js';
import { parseFile } from '../../src/syntax/index.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('catalog', () => {
  it('has unique, well-formed ids in known families', () => {
    const ids = CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(FAMILIES as readonly string[]).toContain(id.slice(0, id.indexOf('/')));
    }
  });

  it('documents every rule completely', () => {
    for (const m of CATALOG) {
      expect(m.title, m.id).toMatch(/^[A-Z][^.]*[^.\s]$/);
      expect(m.title.length, m.id).toBeLessThanOrEqual(80);
      for (const key of ['finds', 'why', 'fix', 'bad', 'good'] as const) expect(m.docs[key].trim().length, `${m.id} docs.${key}`).toBeGreaterThan(20);
      expect(m.since, m.id).toMatch(/^\d+\.\d+\.\d+$/);
      for (const [id, text] of Object.entries(m.messages)) expect((text as string).length, `${m.id} message ${id}`).toBeGreaterThan(40);
      for (const check of m.equivalents?.gosec ?? []) expect(check, `${m.id} gosec`).toMatch(/^G\d{3}$/);
      for (const check of m.equivalents?.staticcheck ?? []) expect(check, `${m.id} staticcheck`).toMatch(/^[A-Z]+\d{4}$/);
    }
  });

  it('has examples that are valid Go', () => {
    for (const m of CATALOG) {
      const bad = m.id === 'redline/parse-error' ? [] : parseFile(m.docs.bad, 'bad.go').errors;
      expect(bad, `${m.id} bad example`).toEqual([]);
      expect(parseFile(m.docs.good, 'good.go').errors, `${m.id} good example`).toEqual([]);
    }
  });

  it('has valid option schemas whose defaults parse', () => {
    for (const r of RULES) {
      const schema = r.meta.options as z.ZodType | undefined;
      if (!schema) continue;
      expect(() => schema.parse({}), r.meta.id).not.toThrow();
      expect(z.toJSONSchema(schema, { io: 'input' }), r.meta.id).toHaveProperty('type', 'object');
    }
  });

  it('registers every rule module under src/rules', async () => {
    const registered = new Set(RULES.map((r) => r.meta.id as string));
    const found: string[] = [];
    for (const family of readdirSync(path.join(repo, 'src/rules'), { withFileTypes: true })) {
      if (!family.isDirectory()) continue;
      for (const f of readdirSync(path.join(repo, 'src/rules', family.name))) {
        if (!f.endsWith('.ts')) continue;
        const mod = (await import(pathToFileURL(path.join(repo, 'src/rules', family.name, f)).href)) as { default?: { meta?: { id?: string } } };
        const id = mod.default?.meta?.id;
        if (id === undefined) continue;
        expect(id, `src/rules/${family.name}/${f} must define the rule named after it`).toBe(`${family.name}/${f.replace(/\.ts$/, '')}`);
        found.push(id);
      }
    }
    expect(found.sort()).toEqual([...registered].sort());
    expect(CATALOG.length).toBe(RULES.length + ENGINE_RULES.length);
  });

  it('has fixtures for every rule with visitors', () => {
    for (const r of RULES) expect(existsSync(path.join(repo, 'testdata/rules', r.meta.id)), `testdata/rules/${r.meta.id}`).toBe(true);
  });

  it('has committed documentation identical to the generated pages (npm run gen:docs)', () => {
    for (const [rel, content] of generatedDocFiles(CATALOG)) {
      const file = path.join(repo, rel);
      expect(existsSync(file) ? readFileSync(file, 'utf8') : `(missing ${rel})`, rel).toBe(content);
    }
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const begin = readme.indexOf(CATALOG_BEGIN);
    const end = readme.indexOf(CATALOG_END);
    expect(begin, 'README catalog markers').toBeGreaterThan(0);
    expect(readme.slice(begin + CATALOG_BEGIN.length, end).trim()).toBe(renderCatalogTable(CATALOG));
  });
});
