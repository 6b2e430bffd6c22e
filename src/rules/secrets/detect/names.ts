/**
 * Sensitive names: identifiers, struct fields and map keys that hold
 * credentials. Names are split into words first, so `groupWriteView` is
 * group/write/view and never "pw", and the last words decide: `dbPassword`
 * holds a password, `passwordFile` holds a file name.
 */

/**
 * Splits an identifier or key into lower-case words at case changes,
 * underscores, dashes, dots and spaces: `XAuthToken` → x/auth/token,
 * `DB_PASSWORD` → db/password, `oauth2Token` → oauth2/token.
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (part === '') continue;
    // An upper-case run followed by a lower-case letter ends one letter early:
    // "APIKey" → "API" + "Key"; digits stay with the preceding word.
    const re = /[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z]+[0-9]*|[0-9]+/g;
    for (const m of part.matchAll(re)) words.push(m[0].toLowerCase());
  }
  return words;
}

/** Words that name a credential on their own. */
const CREDENTIAL_NOUNS = new Set([
  'password', 'passwd', 'pwd', 'pw', 'pass', 'passphrase', 'passcode',
  'secret', 'token', 'credential', 'credentials', 'creds', 'cred',
  'apikey', 'bearer', 'privatekey', 'accesskey', 'secretkey',
]);

/** Qualifiers that make `key` a credential: `apiKey`, `signingKey`. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'access', 'signing', 'auth', 'client', 'encryption',
  'hmac', 'master', 'session', 'jwt', 'app', 'license', 'service', 'account', 'sign',
]);

/** Trailing words that keep the meaning of the word before: `tokenValue`. */
const NEUTRAL_SUFFIXES = new Set(['str', 'string', 'value', 'val', 'raw', 'bytes', 'b64', 'base64', 'hex', 'text', 'literal', 'plain', 'plaintext', 'data']);

export interface SensitiveName {
  /** The credential word found, e.g. "password" or "api key". */
  readonly noun: string;
}

/**
 * Classifies a name as a credential holder, or returns null. Only the head
 * of the name counts (its last meaningful word), so `tokenURL`, `secretName`,
 * `passwordFile`, `keyID` and `maxPasswordLength` are not credentials.
 */
export function sensitiveName(name: string, extraNouns: ReadonlySet<string> = EMPTY): SensitiveName | null {
  const words = splitWords(name);
  while (words.length > 1 && NEUTRAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const head = words[words.length - 1];
  if (head === undefined) return null;
  if (CREDENTIAL_NOUNS.has(head) || extraNouns.has(head)) {
    // "pass" alone is a verb as often as a noun: require a qualifier (dbPass, userPass).
    if (head === 'pass' && words.length < 2) return null;
    return { noun: head };
  }
  if (head === 'key' && words.length >= 2 && KEY_QUALIFIERS.has(words[words.length - 2]!)) {
    return { noun: `${words[words.length - 2]} key` };
  }
  return null;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Names whose value is a credential identifier, not the credential: AWS key ids. */
export function isAwsSecretName(name: string): boolean {
  const w = splitWords(name).join(' ');
  return /\b(aws )?secret (access )?key\b/.test(w) || /\baws secret\b/.test(w);
}
