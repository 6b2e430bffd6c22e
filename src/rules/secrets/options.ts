/**
 * Option fields shared by the secrets rules, and their conversion into the
 * detector's inputs.
 */
import { z } from 'zod';
import { SEVERITIES } from '../../engine/finding.js';
import type { DetectOptions } from './detect/index.js';

const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

export const extraNamesOption = z
  .array(z.string().regex(/^[a-z0-9]+$/, 'a lower-case word'))
  .default([])
  .describe('More words that name a credential when they end an identifier, field or key (lower case, e.g. "pin", "otp"); added to password, secret, token, credential, api key, ...');

export const allowOption = z
  .array(regex)
  .default([])
  .describe('Regular expressions for values that are never reported (known test keys, public tokens).');

export const logSinksOption = z
  .array(
    z
      .string()
      .regex(/^(\(\*?[^()*]+\.[A-Za-z_]\w*\)\.[A-Za-z_]\w*|[^()\s]+\.[A-Za-z_]\w*)$/, 'pkg/path.Func, (pkg/path.Type).Method or (*pkg/path.Type).Method')
      // a method's fact key has no `*`: pointer and value receivers name the same method set entry
      .transform((s) => s.replace(/^\(\*/, '(')),
  )
  .default([])
  .describe('More log functions, as `import/path.Func` or `(import/path.Type).Method` (`(*import/path.Type).Method` for a pointer receiver is the same); every argument counts as logged, and a name ending in "f" with a constant first argument is printf-style.');

export const minEntropyOption = z
  .number()
  .min(0)
  .max(8)
  .default(3.0)
  .describe('Minimum Shannon entropy (bits per character) of a value bound to a credential name before it is reported; format-verified tokens and keys ignore it.');

export const genericSeverityOption = z
  .enum(SEVERITIES)
  .default('medium')
  .describe('Severity of credentials recognised only by their name and value (no known token format); format-verified tokens and private keys take the rule\'s severity.');

export const maskingTagOption = z
  .string()
  .regex(/^\w+$/)
  .default('safe')
  .describe('Struct tag key that marks a field as masked when logged (e.g. `safe:"mask"`); such fields are never reported.');

export const ignoreNamesOption = z
  .array(regex)
  .default([])
  .describe('Regular expressions for identifiers, fields and keys that never hold a credential in this code base.');

export interface DetectionSettings {
  readonly detect: DetectOptions;
  readonly allow: readonly RegExp[];
}

/** Compiled detector settings, cached per options object (one per rule per scan). */
const compiled = new WeakMap<object, DetectionSettings>();

export function detectionSettings(options: { readonly 'extra-names'?: readonly string[]; readonly allow?: readonly string[]; readonly 'min-entropy'?: number }): DetectionSettings {
  let s = compiled.get(options);
  if (!s) {
    const allow = (options.allow ?? []).map((r) => new RegExp(r));
    s = {
      detect: {
        extraNames: new Set(options['extra-names'] ?? []),
        ...(options['min-entropy'] !== undefined && { minEntropy: options['min-entropy'] }),
        allow,
      },
      allow,
    };
    compiled.set(options, s);
  }
  return s;
}
