/**
 * Values that sit where a secret would but are not one: placeholders,
 * templates, documentation examples, labels, header and variable names,
 * URLs and paths. Each test is a known false-positive class of G101,
 * gitleaks or detect-secrets.
 */

import { createHash } from 'node:crypto';

const TEMPLATE = /\$\{[^}]*\}|\{\{[^}]*\}\}|\$\([^)]*\)|<[^<>]+>|%[-+# 0-9.]*[sdvqxXT]|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$|^@[A-Za-z_][A-Za-z0-9_]*@$/;

/** A formula over named variables: `BLAKE2b-512($salt.$pass)`, `md5(md5($pass))` (hashcat's hash-mode names). */
const FORMULA = /^[\w-]+\(.*\$[A-Za-z_]\w*.*\)$/;

/** Substrings that mark a value as a dummy (CodeQL's isDummyPassword, trufflehog's lists). */
const DUMMY_WORDS = [
  'example', 'sample', 'dummy', 'changeme', 'change_me', 'change-me', 'placeholder', 'redacted',
  'your_', 'your-', 'yourtoken', 'yourkey', 'yourpassword', 'insert', 'replace', 'todo', 'fixme',
  'xxxx', '****', '....', 'fake', 'mock', 'secret', 'password', 'passwd', 'token', 'credential', 'test',
  '0123456789', '123456', 'abcdef', 'qwerty', 'lorem', 'foobar', 'notreal', 'not_real', 'invalid',
  'p@ssw0rd', 'passw0rd', 'p@ssword', 'pa55word', 'secr3t', 's3cret', 's3cr3t', 't0ken',
];

/** Whether a candidate is a placeholder, template or documentation value. */
export function isPlaceholder(value: string): boolean {
  if (value.length < 4) return true;
  if (TEMPLATE.test(value) || FORMULA.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true; // "aaaaaa", "000000"
  if (/^((.)\2)+$/.test(value)) return true; // "aabbccddeeff00112233"
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null' || lower === 'nil' || lower === 'none') return true;
  for (const w of DUMMY_WORDS) if (lower.includes(w)) return true;
  return isSequential(lower);
}

/** "abcdefgh", "12345678" and the like. */
function isSequential(s: string): boolean {
  if (s.length < 6) return false;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) !== s.charCodeAt(i - 1) + 1) return false;
  return true;
}

/** A file name with a common extension (certificate, key, data, config, image, archive, code). */
const FILE_NAME = /^[\w.-]+\.(?:icc|pem|crt|cer|der|key|p12|pfx|jks|json|ya?ml|toml|txt|conf|cfg|ini|xml|html?|js|css|go|so|dll|dylib|png|jpe?g|gif|svg|db|sqlite|log|csv|zip|gz|tgz|tar|sh|py)$/i;

/**
 * Whether a value reads as a name rather than a secret: an environment
 * variable (`DATAGATE_MCP_HTTP_TOKEN`), a header (`X-Auth-Token`), a label
 * or route (`public_tokens.route`), a sentence, a URL or a path.
 */
export function isNameLike(raw: string): boolean {
  // control characters around a name (`"\x00srgb.icc"`, a placeholder marker) do not make it a secret
  const value = raw.replace(/^[\x00-\x1f]+|[\x00-\x1f]+$/g, '');
  if (/\s/.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value)) return true; // ENV_VAR_NAME
  if (/^[A-Za-z][a-z0-9]*(-[A-Za-z][A-Za-z0-9]*)+$/.test(value)) return true; // X-Auth-Token, kebab-case
  if (/^[a-z][a-z0-9]*([._:/-][a-z][a-z0-9]*)+$/.test(value)) return true; // dotted.snake_case.label
  if (/^[a-z]+(_[a-z]+)+$/.test(value)) return true; // snake_case words
  if (/^[a-z]{2,}(\.[a-z][a-z0-9-]*)+(\.[A-Z][A-Za-z0-9]*)*(:\d+(\.\d+)*)?$/.test(value)) return true; // org.apache.dubbo-go.TargetService:1.0.0, a qualified service name
  if (/^[a-zA-Z]+$/.test(value)) return true; // a single word, camelCase or not
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/:\/\/[^/@\s]*:[^/@\s]*@/.test(value)) return true; // URL without userinfo
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return true; // path
  if (FILE_NAME.test(value)) return true; // srgb_iec61966_2_1.icc, server.key
  if (isWordsAndNumbers(value)) return true; // 100-continue, v2_beta.final
  if (isIdentifierPath(value)) return true; // values.hiddenStuff, req.http.X-Forwarded-For,req.http.User-Agent
  return false;
}

/** A word of an identifier: lowercase or capitalised (three letters at least), or a short acronym (`X`, `IP`, `HTTP`). */
const IDENTIFIER_WORDS = /^(?:[a-z]{2,}|[A-Z][a-z]{2,}|[A-Z]{1,4})(?:[A-Z][a-z]{2,})*$/;

/**
 * Paths of identifiers, dotted and listed with commas (`hiddenStuff.masked`,
 * `req.http.X-Forwarded-For,req.http.Accept-Language`), whose parts are
 * camelCase or kebab-case words: where a value is, not a secret.
 */
function isIdentifierPath(value: string): boolean {
  const parts = value.split(/[.,]/);
  if (parts.length < 2) return false;
  return parts.every((p) => p.split('-').every((w) => IDENTIFIER_WORDS.test(w))) && /[a-z]{3}/.test(value);
}

/**
 * A value made of plain words and short numbers (`100-continue`,
 * `Basic_Auth.v2`, `body-type-1part`, `API_PRIVATE_KEy` with its caps lock
 * released a letter early): a label, not a machine-generated secret, which
 * mixes cases and digits inside its runs.
 */
function isWordsAndNumbers(value: string): boolean {
  const parts = value.split(/[-_.:/+]/);
  if (parts.length < 2) return false;
  return parts.every((p) => /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|[A-Z]{2,}[a-z]{1,2}|v?[0-9]{1,4}|[0-9]{1,2}[a-z]{2,})$/.test(p)) && parts.some((p) => /^[A-Za-z]{3,}$/.test(p));
}

/**
 * A password that spells a dummy once its punctuation and escapes are gone:
 * `My%20Pass`, `passwo^rd`, `p4ss-word`.
 */
export function isSpelledDummyPassword(password: string): boolean {
  let text = password;
  try {
    text = decodeURIComponent(password);
  } catch {
    // not percent-encoded
  }
  const letters = text.toLowerCase().replace(/4/g, 'a').replace(/0/g, 'o').replace(/[^a-z]/g, '');
  return /pass|pasw|pwd|secret|dummy|fake|test/.test(letters);
}

/**
 * SHA-256 of development keys that are public by design: the well-known
 * account key of Azurite, the Azure Storage emulator (its documentation
 * prints it; every emulator accepts it).
 */
const PUBLIC_DEV_KEYS = new Set(['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059']);

/** AWS's documented example keys and their like (ids ending in EXAMPLE), and public emulator keys. */
export function isDocumentedExampleKey(value: string): boolean {
  if (/EXAMPLE$/.test(value) || value === 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY') return true;
  return value.length === 88 && PUBLIC_DEV_KEYS.has(createHash('sha256').update(value).digest('hex'));
}
