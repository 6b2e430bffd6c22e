/**
 * Writes docs/rules/<family>/<rule>.md for every rule and the README's rule
 * catalog, from the rule metadata. `npm run gen:docs`; a test fails when
 * the committed files differ from what this writes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedDocFiles, renderCatalogTable, replaceCatalog } from '../src/engine/rule-docs.js';
import { CATALOG } from '../src/rules/index.js';

const repo = path.resolve(import.meta.dirname, '..');
const files = generatedDocFiles(CATALOG);
const docsDir = path.join(repo, 'docs/rules');
for (const entry of readdirSync(docsDir, { recursive: true, withFileTypes: true })) {
  const rel = path.relative(repo, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  if (entry.isFile() && rel.endsWith('.md') && !files.has(rel)) rmSync(path.join(repo, rel));
}
for (const [rel, content] of files) {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), content);
}
const readme = path.join(repo, 'README.md');
writeFileSync(readme, replaceCatalog(readFileSync(readme, 'utf8'), renderCatalogTable(CATALOG)));
console.log(`wrote ${files.size} rule pages and the README catalog`);
