/**
 * The reporter registry: `--format` choices come from `FORMAT_NAMES`.
 */
import { checkstyleReporter } from './checkstyle.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { rdjsonReporter } from './rdjson.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Invocation, Reporter, ReportInput, ReportSummary, ToolInfo } from './types.js';

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'github', 'gitlab', 'rdjson', 'checkstyle', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const reporters: Readonly<Record<FormatName, Reporter>> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  github: githubReporter,
  gitlab: gitlabReporter,
  rdjson: rdjsonReporter,
  checkstyle: checkstyleReporter,
  junit: junitReporter,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
