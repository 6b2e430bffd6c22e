/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, full rule
 * metadata (descriptions, markdown help with examples, tags, precision,
 * security-severity, CWE tags), results with UTF-16 columns relative to
 * `%SRCROOT%` (the working directory), related locations, code flows for
 * findings with two or more related steps, `partialFingerprints`
 * (`redlineFinding/v1` and GitHub's `primaryLocationLineHash`, hashed over
 * masked text), fixes, suppressions, and the invocation.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Location, Severity } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule-meta.js';
import { compareStrings } from '../engine/paths.js';
import { lineHashes } from './line-hash.js';
import { helpMarkdown, helpText, ruleHelpUri } from './rule-docs.js';
import { maskedSourceReader } from './source.js';
import type { Reporter, ReportInput } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub's bands: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

const limit = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** `tls/insecure-skip-verify` → `TlsInsecureSkipVerify`. */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function descriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const tags = [...new Set(['security', ...meta.tags, ...meta.cwe.map((n) => `external/cwe/cwe-${n}`)])].slice(0, 20);
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: limit(meta.title, 1024) },
    fullDescription: { text: limit(meta.docs.finds, 1024) },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags, precision: meta.precision, 'security-severity': SECURITY_SEVERITY[meta.severity] },
  };
}

/** A descriptor for a finding whose rule is not in the catalog passed in (so every ruleId resolves). */
function bareDescriptor(id: string, severity: Severity): Sarif.ReportingDescriptor {
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: id },
    fullDescription: { text: id },
    help: { text: `See ${ruleHelpUri(id)}` },
    helpUri: ruleHelpUri(id),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[severity] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(l: Location): Sarif.Region {
  return { startLine: l.line, startColumn: l.column16, endLine: l.endLine, endColumn: l.endColumn16 };
}

function physical(l: Location): Sarif.PhysicalLocation {
  return { artifactLocation: { uri: fileUri(l.file), uriBaseId: SRCROOT }, region: region(l) };
}

export const sarifReporter: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  render(input: ReportInput): string {
    const known = [...input.rules].sort((a, b) => compareStrings(a.id, b.id));
    const descriptors = known.map(descriptor);
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    for (const f of input.findings) {
      if (!index.has(f.rule)) {
        index.set(f.rule, descriptors.length);
        descriptors.push(bareDescriptor(f.rule, f.severity));
      }
    }

    const read = maskedSourceReader(input);
    const hashes = new Map<string, string[] | undefined>();
    const hashOf = (l: Location) => {
      if (!hashes.has(l.file)) {
        const text = read(l.file);
        hashes.set(l.file, text === undefined ? undefined : lineHashes(text));
      }
      return hashes.get(l.file)?.[l.line - 1];
    };

    const results = input.findings.map((f: Finding): Sarif.Result => {
      const lineHash = hashOf(f.location);
      const result: Sarif.Result = {
        ruleId: f.rule,
        ruleIndex: index.get(f.rule)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: physical(f.location) }],
        partialFingerprints: {
          'redlineFinding/v1': f.fingerprint,
          ...(lineHash !== undefined && { primaryLocationLineHash: lineHash }),
        },
      };
      if (f.related.length > 0) {
        result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r), message: { text: r.message } }));
      }
      if (f.related.length >= 2) {
        const steps: Sarif.ThreadFlowLocation[] = f.related.map((r) => ({ location: { physicalLocation: physical(r), message: { text: r.message } } }));
        const last = f.related[f.related.length - 1]!;
        const endsAtSink = last.file === f.location.file && last.line === f.location.line && last.column16 === f.location.column16;
        if (!endsAtSink) steps.push({ location: { physicalLocation: physical(f.location), message: { text: f.message } } });
        result.codeFlows = [{ threadFlows: [{ locations: steps }] }];
      }
      if (f.fixes.length > 0) {
        result.fixes = f.fixes.map((x) => {
          const files = [...new Set(x.edits.map((e) => e.location.file))].sort(compareStrings);
          return {
            description: { text: x.message },
            artifactChanges: files.map((file) => ({
              artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
              replacements: x.edits
                .filter((e) => e.location.file === file)
                .map((e) => ({ deletedRegion: region(e.location), insertedContent: { text: e.newText } })),
            })),
          };
        });
      }
      if (f.suppression) {
        result.suppressions = [{ kind: f.suppression.kind, status: 'accepted', justification: f.suppression.justification }];
      }
      return result;
    });

    const href = pathToFileURL(input.invocation.cwd).href;
    const cwdUri = href.endsWith('/') ? href : `${href}/`;
    const log: Sarif.Log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: input.tool.name,
              version: input.tool.version,
              semanticVersion: input.tool.version,
              informationUri: input.tool.informationUri,
              rules: descriptors,
            },
          },
          automationDetails: { id: 'redline/static/' },
          originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
          columnKind: 'utf16CodeUnits',
          invocations: [
            {
              commandLine: input.invocation.commandLine,
              executionSuccessful: input.invocation.exitCode < 2,
              exitCode: input.invocation.exitCode,
              workingDirectory: { uri: cwdUri },
              startTimeUtc: input.invocation.startTime.toISOString(),
              endTimeUtc: input.invocation.endTime.toISOString(),
            },
          ],
          results,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
