import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, isFormatName, reporters } from '../../src/report/index.js';
import { fixtureInput, SECRET } from '../support/report-fixture.js';

describe('reporter registry', () => {
  it('has one reporter per format name, named after it', () => {
    expect(Object.keys(reporters).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const name of FORMAT_NAMES) {
      expect(reporters[name].name).toBe(name);
      expect(reporters[name].description).not.toBe('');
    }
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
  });
});

describe.each(FORMAT_NAMES)('%s reporter', (name) => {
  const reporter = reporters[name];

  it('never prints a masked secret, whatever the options', () => {
    for (const input of [fixtureInput(), fixtureInput({ color: true, showSuppressed: true })]) {
      const out = reporter.render(input);
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(SECRET.slice(4, 16));
    }
  });

  it('is deterministic and ends with a newline (or is empty)', () => {
    const a = reporter.render(fixtureInput());
    expect(reporter.render(fixtureInput())).toBe(a);
    expect(a === '' || a.endsWith('\n')).toBe(true);
  });

  it('works without source text and without findings', () => {
    expect(() => reporter.render(fixtureInput({ readSource: () => undefined }))).not.toThrow();
    const empty = reporter.render(fixtureInput({ findings: [] }));
    expect(empty).not.toContain('pkg/server.go');
  });

  it('never lets source text drive the terminal (no raw control characters)', () => {
    const out = reporter.render(fixtureInput({ color: false, showSuppressed: true }));
    expect(out).not.toMatch(/[\u001b\u202E]/u);
  });
});
