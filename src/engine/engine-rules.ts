/**
 * The engine's own rules: findings about the scan itself rather than about
 * the code's behaviour. They have metadata and documentation like every
 * rule, but the engine reports them (no visitors).
 */
import type { RuleMeta } from './rule-meta.js';
import { BAD_DIRECTIVE_RULE, UNUSED_SUPPRESSION_RULE } from './suppression-directives.js';

/** Files that do not parse. */
export const PARSE_ERROR_RULE = 'redline/parse-error';

/** Code nested too deeply to analyse (analysis-limit.ts). */
export const ANALYSIS_LIMIT_RULE = 'redline/analysis-limit';

export const ENGINE_RULES: readonly RuleMeta[] = [
  {
    id: ANALYSIS_LIMIT_RULE,
    title: 'Split code nested too deeply to analyse',
    severity: 'medium',
    precision: 'very-high',
    cwe: [],
    tags: ['correctness'],
    since: '0.1.0',
    messages: {},
    docs: {
      finds: 'Files whose expressions or statements nest so deeply (thousands of levels: a generated concatenation of thousands of string literals, thousands of chained `else if`s) that Redline\'s analyses cannot follow them. Redline reports the deepest place, leaves that file — or, when the package cannot be type-checked, that package — unanalysed, and scans everything else. When a single rule runs out of stack on a file, only that rule stops there: the finding names it, and says when the code is too shallow to be the cause (a fault in Redline to report); so does the finding for a file or package left unanalysed.',
      why: 'No rule ran on the code reported here, so its red lines, if any, are not in the report. Such code is valid Go (`go/parser` accepts up to its own nesting limit) but is almost always generated.',
      fix: 'Generate the value another way (a `[]string` joined at run time, `strings.Join`, an embedded file with `//go:embed`, a `switch` or a map instead of an `else if` chain), or exclude the generated file in `redline.yaml` (`exclude:`). Files marked `// Code generated ... DO NOT EDIT.` are skipped by default.',
      bad: `package assets

// Generated: thousands of concatenated literals in one expression.
const Bundle = "part0001" +
	"part0002" +
	"part0003" // ... and 20,000 more lines like these
`,
      good: `package assets

import "strings"

// Generated: the parts as a list, joined once at start-up.
var parts = []string{
	"part0001",
	"part0002",
	"part0003", // ... and 20,000 more lines like these
}

var Bundle = strings.Join(parts, "")
`,
      limits: 'Trees deeper than 1,500 levels are not analysed, whatever thread runs the scan (the deepest file of the Go source tree and 30 large repositories is 449 levels deep), so `--jobs` does not change what is reported. The bad example above shows the shape; at its real size (tens of thousands of lines) it is reported. Inline suppressions do not apply to this finding (no rule ran on the file to match them); disable the rule or exclude the file in the policy.',
    },
  },
  {
    id: PARSE_ERROR_RULE,
    title: 'Fix files that do not parse',
    severity: 'high',
    precision: 'very-high',
    cwe: [],
    tags: ['correctness'],
    since: '0.1.0',
    messages: {},
    docs: {
      finds: 'Go files with syntax errors. Redline reports the first error of each line with its position, in the words `go/parser` uses, and analyses what it could parse.',
      why: 'A file that does not parse cannot be fully analysed: red lines in it may go unreported. The Go compiler rejects the file too, so this is usually a file excluded from the build by a tag, a generator template, or work in progress.',
      fix: 'Fix the syntax error, exclude the file in `redline.yaml` (`exclude:`) if it is not Go code, or rename it so it does not end in `.go`.',
      bad: `package main

func main() {
	println("hello"
}
`,
      good: `package main

func main() {
	println("hello")
}
`,
    },
  },
  {
    id: BAD_DIRECTIVE_RULE,
    title: 'Give every suppression a valid rule and a reason',
    severity: 'medium',
    precision: 'very-high',
    cwe: [],
    tags: ['suppression'],
    since: '0.1.0',
    messages: {},
    docs: {
      finds: '`//redline:` comments that Redline cannot act on: an unknown directive, an unknown rule or family (with the name probably meant), or a suppression without a reason.',
      why: 'A suppression is a reviewed decision to accept a risk. Without a reason, the next reader cannot tell a checked false positive from a silenced real defect; a misspelt rule name suppresses nothing while looking as if it did.',
      fix: 'Write `//redline:ignore <rule-or-family>[,...] <reason>` with a rule id from `redline rules` and a sentence saying why the finding does not apply.',
      bad: `package client

import "crypto/tls"

// Verification is done by the service mesh sidecar.
var cfg = &tls.Config{InsecureSkipVerify: true} //redline:ignore tls/insecure-skip-verify
`,
      good: `package client

import "crypto/tls"

var cfg = &tls.Config{InsecureSkipVerify: true} //redline:ignore tls/insecure-skip-verify the mesh sidecar terminates and verifies TLS
`,
    },
  },
  {
    id: UNUSED_SUPPRESSION_RULE,
    title: 'Remove suppressions that suppress nothing',
    severity: 'low',
    precision: 'very-high',
    cwe: [],
    tags: ['suppression'],
    since: '0.1.0',
    messages: {},
    docs: {
      finds: '`//redline:ignore` and `//redline:file-ignore` directives that matched no finding of an enabled rule.',
      why: 'A stale suppression outlives the code it was written for and will silently hide the next real finding on that line.',
      fix: 'Delete the directive, or move it to the line of the finding it was meant for.',
      bad: `package client

import "crypto/tls"

var cfg = &tls.Config{MinVersion: tls.VersionTLS12} //redline:ignore tls/insecure-skip-verify tests use a self-signed certificate
`,
      good: `package client

import "crypto/tls"

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}
`,
    },
  },
];
