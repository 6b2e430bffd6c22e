/**
 * JUnit XML for CI test tabs: a test suite per file with a failing test
 * case per unsuppressed finding; a clean run is one passing test case.
 */
import { groupByFile } from './checkstyle.js';
import type { Reporter, ReportInput } from './types.js';
import { xmlEscape } from './xml.js';

export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML (one failing test case per finding)',
  render(input: ReportInput): string {
    const groups = groupByFile(input.findings.filter((f) => f.suppression === undefined));
    const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
    const seconds = (input.summary.durationMs / 1000).toFixed(3);
    const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
    out.push(`<testsuites name="${xmlEscape(input.tool.name)}" tests="${Math.max(total, 1)}" failures="${total}" time="${seconds}">`);
    if (total === 0) {
      out.push(`  <testsuite name="${xmlEscape(input.tool.name)}" tests="1" failures="0">`);
      out.push(`    <testcase name="no findings" classname="${xmlEscape(input.tool.name)}"/>`);
      out.push('  </testsuite>');
    }
    for (const [file, findings] of groups) {
      out.push(`  <testsuite name="${xmlEscape(file)}" tests="${findings.length}" failures="${findings.length}">`);
      for (const f of findings) {
        const where = `${f.location.file}:${f.location.line}:${f.location.column16}`;
        out.push(`    <testcase name="${xmlEscape(`${f.rule} at ${where}`)}" classname="${xmlEscape(file)}">`);
        out.push(`      <failure message="${xmlEscape(f.message)}" type="${f.severity}">${xmlEscape(`${where}: ${f.severity} ${f.rule}: ${f.message}`)}</failure>`);
        out.push('    </testcase>');
      }
      out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return `${out.join('\n')}\n`;
  },
};
