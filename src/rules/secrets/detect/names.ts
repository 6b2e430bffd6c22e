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
  'apikey', 'bearer', 'privatekey', 'secretkey', 'authorization', 'jwt',
]);

/** `pass` is a credential only after one of these (`dbPass`, not `firstPass` or `bypass`). */
const PASS_QUALIFIERS = new Set([
  'db', 'user', 'admin', 'root', 'smtp', 'mail', 'email', 'ftp', 'ldap', 'redis', 'mysql', 'postgres', 'pg', 'sql',
  'api', 'proxy', 'auth', 'login', 'account', 'service', 'bind', 'master', 'app', 'client', 'basic', 'http', 'ssh', 'key',
]);

/**
 * Words before `token` that make it something other than a credential:
 * pagination cursors, idempotency and cancellation tokens, lexer tokens,
 * rate-limiter tokens, CSRF tokens (random per form, not a credential),
 * workflow engines' serialized locators (`BranchToken`, `TaskToken`).
 */
const NOT_CREDENTIAL_TOKENS = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'continue', 'resume', 'sync', 'cursor', 'pagination', 'marker',
  'cancel', 'cancellation', 'idempotency', 'csrf', 'xsrf', 'lexer', 'lex', 'parser', 'parse', 'end', 'start', 'first',
  'last', 'current', 'cur', 'peek', 'lookahead', 'expected', 'unexpected', 'split', 'word', 'rate', 'bucket', 'limiter',
  'fencing', 'stop', 'done', 'quit', 'wait', 'notify', 'sort', 'search', 'syntax', 'json', 'xml', 'html', 'yaml',
  'cluster', 'discovery', 'challenge', 'branch', 'task',
]);

/** Credential-shaped names of identifiers: StoreKit's `appAccountToken` is a UUID that ties a purchase to an account. */
const NOT_CREDENTIAL_PHRASES = new Set(['app account token']);

/**
 * For names judged without a value to look at (a logged variable, a log
 * key), `token` and `secret` alone are too often something else: an ACME
 * challenge token, an etcd discovery token, the name of a Kubernetes
 * Secret. There they count only after a word that makes them credentials.
 */
const WEAK_NOUNS: Readonly<Record<string, ReadonlySet<string>>> = {
  token: new Set([
    'access', 'auth', 'bearer', 'api', 'refresh', 'id', 'session', 'oauth', 'oauth2', 'jwt', 'personal', 'service', 'bot',
    'admin', 'secret', 'security', 'sas', 'private', 'registry', 'webhook', 'bootstrap', 'user', 'github', 'gitlab', 'slack',
    'npm', 'vault', 'account', 'app', 'master', 'root', 'login', 'deploy', 'ci', 'signing', 'acl', 'consul', 'nomad',
    'hec', 'splunk', 'sa', 'identity', 'impersonation', 'sts', 'credential', 'credentials', 'client',
  ]),
  secret: new Set([
    'client', 'shared', 'webhook', 'jwt', 'app', 'api', 'signing', 'hmac', 'oauth', 'oauth2', 'consumer', 'cookie', 'session',
    'master', 'root', 'encryption', 'totp', 'otp', 'mfa', 'access', 'aws', 'secret', 'bot', 'auth', 'token', 'private',
  ]),
};

/** `credentials` alone is as often a resource or file name (`redisInitialCredentials`). */
const CREDENTIAL_QUALIFIERS: ReadonlySet<string> = new Set([
  'basic', 'auth', 'aws', 'gcp', 'google', 'azure', 'service', 'account', 'user', 'db', 'admin', 'root', 'api', 'client',
  'git', 'registry', 'docker', 'ssh', 'login', 'proxy', 'smtp', 'ldap',
]);
for (const n of ['credential', 'credentials', 'creds', 'cred']) (WEAK_NOUNS as Record<string, ReadonlySet<string>>)[n] = CREDENTIAL_QUALIFIERS;
// `pwd` alone is the working directory as often as a password
(WEAK_NOUNS as Record<string, ReadonlySet<string>>)['pwd'] = PASS_QUALIFIERS;

/** In strict mode, `key` needs a qualifier that is about secrets, not `appKey` (a cache key) or `sessionKey`. */
const STRICT_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'secret', 'private', 'signing', 'encryption', 'hmac', 'master', 'jwt', 'license', 'sign', 'client',
]);

/**
 * Words anywhere in a name that say the value is not the credential in
 * clear (CodeQL's notSensitive list): `hashedPassword`, `maskedToken`.
 */
const NOT_SENSITIVE_WORDS = new Set([
  'hash', 'hashed', 'redact', 'redacted', 'censor', 'censored', 'obfuscate', 'obfuscated', 'mask', 'masked',
  'md5', 'sha', 'sha1', 'sha256', 'sha512', 'encrypted', 'bcrypt', 'scrypt', 'digest', 'fingerprint', 'sanitized',
  // names that say it is not one (`defaultClientNotSoSecret`: an OAuth installed-app secret, public by design),
  // or that there is none (`uriNoPassword`, `dsnWithoutPassword`)
  'not', 'non', 'no', 'without',
  // a query that finds accounts by their password settings (`FilterDontExpirePassword`: an LDAP search filter)
  'filter', 'query',
]);

/** Words anywhere in a name that say the value is made up (`fakeAPIToken` served by a test double, `sampleSignature` in documentation, `PasswordFixtures` of a test database). */
const MADE_UP_WORDS = new Set(['fake', 'mock', 'dummy', 'stub', 'example', 'sample', 'placeholder', 'fixture', 'fixtures']);

/** Words that say a token cannot authenticate: `InvalidSignatureToken`, `expiredJWT`, `TokenWithBadSignature`. */
const UNUSABLE_WORDS = new Set(['invalid', 'expired', 'revoked', 'malformed', 'tampered', 'forged', 'unsigned', 'bogus']);

/** Whether a name says its token is one that no verifier accepts (a fixture for the rejecting path). */
export function namedAsUnusable(name: string): boolean {
  const words = splitWords(name);
  return words.some((w, i) => UNUSABLE_WORDS.has(w) || ((w === 'bad' || w === 'wrong') && words[i + 1] === 'signature'));
}

/** Whether a name says its value is made up: a fake, a sample, an example. */
export function namedAsMadeUp(name: string): boolean {
  return splitWords(name).some((w) => MADE_UP_WORDS.has(w));
}

/**
 * Qualifiers that make `key` a credential: `apiKey`, `signingKey`. Not
 * `access`: an access key (AWS, MinIO) is the public half, the key id.
 */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'signing', 'auth', 'client', 'encryption',
  'hmac', 'master', 'session', 'jwt', 'app', 'license', 'service', 'account', 'sign',
]);

/** Trailing words that keep the meaning of the word before: `tokenValue`. */
const NEUTRAL_SUFFIXES = new Set(['str', 'string', 'value', 'val', 'raw', 'bytes', 'b64', 'base64', 'hex', 'text', 'literal', 'plain', 'plaintext', 'data']);

/**
 * Whether a name is about a credential without holding one: it names a
 * credential word, but its head says something else (`tokenOpts`,
 * `passwordFile`, `secretName`, `tokenTTL`).
 */
export function aboutCredential(name: string): boolean {
  return sensitiveName(name) === null && splitWords(name).some((w) => CREDENTIAL_NOUNS.has(w));
}

export interface SensitiveName {
  /** The credential word found, e.g. "password" or "api key". */
  readonly noun: string;
}

/**
 * Classifies a name as a credential holder, or returns null. Only the head
 * of the name counts (its last meaningful word), so `tokenURL`, `secretName`,
 * `passwordFile`, `keyID` and `maxPasswordLength` are not credentials.
 * `strict`: `token` and `secret` need a qualifier (`authToken`, `clientSecret`).
 */
export function sensitiveName(name: string, extraNouns: ReadonlySet<string> = EMPTY, strict = false): SensitiveName | null {
  const words = splitWords(name);
  while (words.length > 1 && NEUTRAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const head = words[words.length - 1];
  if (head === undefined) return null;
  if (words.some((w) => NOT_SENSITIVE_WORDS.has(w) || MADE_UP_WORDS.has(w))) return null;
  // Go's sentinel errors say what went wrong with a credential: `ErrNoAuthToken`, `errPasswordTooShort`
  if (words.length > 1 && (words[0] === 'err' || words[0] === 'error')) return null;
  const before = words[words.length - 2];
  if (extraNouns.has(head)) return { noun: head };
  if (CREDENTIAL_NOUNS.has(head)) {
    // "pass" alone is a verb (or a compiler pass) as often as a noun: require a qualifier (dbPass, userPass).
    if (head === 'pass' && (before === undefined || !PASS_QUALIFIERS.has(before))) return null;
    if (head === 'token' && before !== undefined && NOT_CREDENTIAL_TOKENS.has(before)) return null;
    if (words.length >= 3 && NOT_CREDENTIAL_PHRASES.has(words.slice(-3).join(' '))) return null;
    const qualifiers = WEAK_NOUNS[head];
    if (strict && qualifiers && (before === undefined || !qualifiers.has(before))) return null;
    // "auth token", "client secret": the qualifier says which credential
    if (qualifiers && before !== undefined && qualifiers.has(before) && before !== head && (head === 'token' || head === 'secret')) return { noun: `${QUALIFIER_LABELS[before] ?? before} ${head}` };
    return { noun: NOUN_LABELS[head] ?? head };
  }
  if (head === 'key' && before !== undefined && (strict ? STRICT_KEY_QUALIFIERS : KEY_QUALIFIERS).has(before)) {
    return { noun: `${QUALIFIER_LABELS[before!] ?? before} key` };
  }
  // the secret half of an access key pair (`SecretAccessKey`), not its public id (`AccessKeyID`, `accessKey`)
  if (head === 'key' && before === 'access' && words[words.length - 3] === 'secret') return { noun: 'secret access key' };
  return null;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * A bare `Token` field of a struct type whose name says which other kind of
 * token it is: `Challenge.Token` (an ACME challenge, published by design),
 * `Lexer.Token`, `Page.Token`.
 */
export function ownerNamesOtherToken(typeName: string, fieldName: string): boolean {
  const field = splitWords(fieldName);
  if (field.length !== 1 || field[0] !== 'token') return false;
  const owner = splitWords(typeName);
  return owner.length > 0 && NOT_CREDENTIAL_TOKENS.has(owner[owner.length - 1]!);
}

const QUALIFIER_LABELS: Readonly<Record<string, string>> = { api: 'API', hmac: 'HMAC', jwt: 'JWT', id: 'ID', oauth: 'OAuth', oauth2: 'OAuth2', acl: 'ACL', sas: 'SAS', sts: 'STS', github: 'GitHub', gitlab: 'GitLab', npm: 'npm', aws: 'AWS', mfa: 'MFA', otp: 'OTP', totp: 'TOTP', ci: 'CI', hec: 'HEC' };

/** How a head word reads in messages. */
const NOUN_LABELS: Readonly<Record<string, string>> = {
  passwd: 'password', pwd: 'password', pw: 'password', pass: 'password', creds: 'credential', cred: 'credential',
  credentials: 'credential', apikey: 'API key', privatekey: 'private key', secretkey: 'secret key',
  bearer: 'bearer token', authorization: 'authorization credential', jwt: 'JWT',
};

/** Names whose value is a credential identifier, not the credential: AWS key ids. */
export function isAwsSecretName(name: string): boolean {
  const w = splitWords(name).join(' ');
  return /\b(aws )?secret (access )?key\b/.test(w) || /\baws secret\b/.test(w);
}

/** A name that ends in "secret": the kind of an object as often as a secret value (`tokenSecret`, `RepoSecrets`). */
export function isSecretName(name: string | undefined): name is string {
  return name !== undefined && /secrets?$/i.test(name);
}

/** Whether a struct field of this name could hold a credential that a struct logged whole shows (extra names from the options aside). */
export function credentialLikeName(name: string): boolean {
  let may = credentialLike.get(name);
  if (may === undefined) {
    may = isSecretName(name) || sensitiveName(name, undefined, false) !== null;
    if (credentialLike.size > 10_000) credentialLike.clear();
    credentialLike.set(name, may);
  }
  return may;
}
/** Answers of `credentialLikeName`: the same names recur in every package (bounded). */
const credentialLike = new Map<string, boolean>();
