/**
 * Decides whether a string value is a credential, from its shape and, for
 * generic secrets, from the name it is bound to. Pure functions over strings;
 * the rules decide where values and names come from.
 */
import { charClasses, looksRandom, shannonEntropy } from './entropy.js';
import { isAwsSecretName, sensitiveName } from './names.js';
import { isDocumentedExampleKey, isNameLike, isPlaceholder, isSpelledDummyPassword } from './placeholders.js';
import { findPrivateKey, findToken, githubChecksumOk } from './tokens.js';

export { aboutCredential, credentialLikeName, isSecretName, namedAsMadeUp, namedAsUnusable, ownerNamesOtherToken, splitWords, sensitiveName } from './names.js';
export { redact, secretHash } from './redact.js';
export { shannonEntropy } from './entropy.js';
export { isNameLike, isPlaceholder, isSpelledDummyPassword } from './placeholders.js';

/** How a secret was recognised; tiers differ in precision. */
export type SecretTier = 'private-key' | 'token' | 'generic';

export interface SecretMatch {
  readonly tier: SecretTier;
  /** "github-pat", "private-key", "aws-secret-access-key", "password", ... */
  readonly type: string;
  /** "GitHub personal access token", "RSA private key", "password", ... */
  readonly label: string;
  /** False for test-mode keys and encrypted private keys. */
  readonly live: boolean;
  /** Offsets of the secret inside the value. */
  readonly start: number;
  readonly end: number;
  /** How many leading characters may be shown (a public prefix). */
  readonly visiblePrefix: number;
  /** A token whose format carries a checksum that matched (GitHub, npm): not typed in by hand. */
  readonly checksummed?: true;
}

export interface DetectOptions {
  /** The name the value is bound to: variable, field, key or parameter. */
  readonly name?: string;
  /** Extra sensitive head words from the policy. */
  readonly extraNames?: ReadonlySet<string>;
  /** Minimum Shannon entropy for generic secrets (bits per character). */
  readonly minEntropy?: number;
  /** Values matching any of these are never secrets. */
  readonly allow?: readonly RegExp[];
}

/** Classifies a string value; null when it is not a credential. */
export function detectSecret(value: string, opts: DetectOptions = {}): SecretMatch | null {
  if (value.length < 8 || (opts.allow && opts.allow.some((r) => r.test(value)))) return null;
  const key = value.includes('-----BEGIN ') ? findPrivateKey(value) : null;
  if (key) {
    return { tier: 'private-key', type: 'private-key', label: labelOfKey(key.label), live: !key.encrypted, start: key.start, end: key.end, visiblePrefix: 0 };
  }
  const der = value.length >= 100 && value.startsWith('M') ? derPrivateKeyLabel(value) : undefined;
  if (der) return { tier: 'private-key', type: 'private-key', label: der, live: true, start: 0, end: value.length, visiblePrefix: 0 };
  const token = findToken(value);
  if (token && !isObviousFake(value.slice(token.start, token.end)) && !(token.format.id === 'jwt' && hasSampleClaims(value.slice(token.start, token.end)))) {
    const f = token.format;
    return { tier: 'token', type: f.id, label: f.label, live: f.live, start: token.start, end: token.end, visiblePrefix: f.visiblePrefix, ...(f.verify === githubChecksumOk && { checksummed: true }) };
  }
  if (opts.name === undefined) return null;
  if (isAwsSecretName(opts.name) && /^[A-Za-z0-9/+]{40}$/.test(value) && looksRandom(value) && !isDocumentedExampleKey(value)) {
    return { tier: 'token', type: 'aws-secret-access-key', label: 'AWS secret access key', live: true, start: 0, end: value.length, visiblePrefix: 0 };
  }
  const name = sensitiveName(opts.name, opts.extraNames);
  if (name === null || hasTokenPrefix(value) || !looksLikeSecretValue(value, opts.minEntropy ?? 3.0)) return null;
  return { tier: 'generic', type: name.noun.replace(/ /g, '-'), label: name.noun, live: true, start: 0, end: value.length, visiblePrefix: 0 };
}

/**
 * Whether a value bound to a sensitive name is plausibly the credential
 * itself: not a placeholder, label, name, URL or path; mixed characters or
 * random-looking; entropy above the threshold.
 */
export function looksLikeSecretValue(value: string, minEntropy: number): boolean {
  if (value.length < 8 || value.length > 512) return false;
  // names first: most strings are messages with spaces, which its first test rejects
  if (isNameLike(value) || isPlaceholder(value) || isDocumentedExampleKey(value)) return false;
  if (UUID.test(value) || PASSWORD_HASH.test(value) || isAlgorithmLabel(value)) return false;
  // base64 of a placeholder ("dGVzdC1hY2NvdW50LWtleQ==" is "test-account-key")
  const decoded = decodedBase64Text(value);
  if (decoded !== undefined && (isPlaceholder(decoded) || isNameLike(decoded))) return false;
  if (looksRandom(value)) return true;
  const cls = charClasses(value);
  return cls.count >= 3 && shannonEntropy(value) >= minEntropy;
}

/** The text a base64 value decodes to, when it is printable ASCII (so not random bytes). */
function decodedBase64Text(value: string): string | undefined {
  if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/**
 * A value with the prefix of a known token format that failed that
 * format's shape check: a made-up or truncated sample (`gho_1234567`, a JWT
 * header alone), not a secret of another kind.
 */
function hasTokenPrefix(value: string): boolean {
  return TOKEN_PREFIX.test(value);
}

const TOKEN_PREFIX = /^(?:gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|oas)-|xox[abprse]-|xapp-|[sr]k_(?:live|test|prod)_|AKIA|ASIA|AIza|npm_|SG\.|shp(?:at|ca|pa|ss)_|do[opr]_v1_|hv[sb]\.|sk-(?:ant|proj|svcacct|admin)-|pypi-|eyJ)/;

/**
 * The name of a signature scheme or algorithm, not a secret: short words
 * joined by `-` or `_`, one of them an algorithm (`WECHATPAY2-SHA256-RSA2048`,
 * `TC3-HMAC-SHA256`, `DouyinPay-RSA`), as an `Authorization` header's scheme.
 */
function isAlgorithmLabel(value: string): boolean {
  const words = value.split(/[-_]/);
  return words.length >= 2 && words.every((w) => /^[A-Za-z][A-Za-z0-9]{0,11}$/.test(w)) && words.some((w) => ALGORITHM.test(w));
}

const ALGORITHM = /^(?:sha\d*|rsa\d*|hmac|ecdsa|ed25519|sm[234]|md5|aes\d*|[hrep]s\d{3}|pss|dsa)$/i;

/** Identifiers, not secrets (detect-secrets' is_potential_uuid). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Password hashes (bcrypt, argon2, scrypt, PBKDF2, sha-crypt): what a server stores instead of the secret. */
const PASSWORD_HASH = /^\$(?:2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$|scrypt\$|s0\$|pbkdf2[-_a-z0-9]*\$|[156]\$)/;

/** A token-shaped value that is plainly made up: `ghp_xxxx…`, `AKIA…EXAMPLE`, one character repeated (`AIzaaaaa…`), a placeholder phrase (`…AccessTokenHere`, `YourToken`). */
function isObviousFake(token: string): boolean {
  return /x{6,}|X{6,}|0{8,}|1234567890|EXAMPLE|example|(.)\1{11,}|(?:here|Here|HERE)$|[Yy]our[A-Z_]|YOUR/.test(token);
}

/**
 * A JWT with a claim of jwt.io's sample (`"sub": "1234567890"`, `"name": "John Doe"`)
 * or a plainly made-up one (`"sub": "xxxxxxxx"`): copied from documentation, whatever key signed it.
 */
function hasSampleClaims(jwt: string): boolean {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof claims !== 'object' || claims === null) return false;
  return Object.values(claims).some((v) => typeof v === 'string' && (v === 'John Doe' || isObviousFake(v)));
}

/**
 * A private key written as the bare base64 of its DER encoding, without
 * PEM armour (`MIIEowIBAAKCAQEA…`, `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC…`), as
 * payment SDKs ship them: a SEQUENCE whose length matches the decoded
 * bytes, opening with the version of a PKCS#1 RSA key (0, then the
 * modulus), a PKCS#8 key (0 or 1, then the algorithm) or a SEC1 EC key
 * (1, then the key octets). Public keys (SubjectPublicKeyInfo) have no
 * version and do not match.
 */
function derPrivateKeyLabel(value: string): string | undefined {
  const b64 = value.replace(/\\n|\s+/g, '');
  if (b64.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const der = Buffer.from(b64, 'base64');
  if (der[0] !== 0x30) return undefined;
  let i = 2;
  let length = der[1]!;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n < 1 || n > 3) return undefined;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + der[2 + k]!;
    i = 2 + n;
  }
  if (i + length !== der.length) return undefined;
  if (der[i] !== 0x02 || der[i + 1] !== 0x01) return undefined;
  const version = der[i + 2];
  const next = der[i + 3];
  if (version === 0 && next === 0x02) return 'RSA private key';
  if ((version === 0 || version === 1) && next === 0x30) return 'PKCS#8 private key';
  if (version === 1 && next === 0x04) return 'EC private key';
  return undefined;
}

function labelOfKey(pemLabel: string): string {
  const kind = pemLabel.replace(/ BLOCK$/, '').replace(/ ?PRIVATE KEY$/, '');
  switch (kind) {
    case '':
      return 'PKCS#8 private key';
    case 'ENCRYPTED':
      return 'encrypted PKCS#8 private key';
    case 'OPENSSH':
      return 'OpenSSH private key';
    default:
      return `${kind} private key`;
  }
}

export interface UrlCredential {
  /** Offsets of the password inside the value. */
  readonly start: number;
  readonly end: number;
  readonly scheme: string;
  readonly user: string;
  readonly host: string;
}

const URL_WITH_USERINFO = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s/:@'"]{0,128}):([^\s/@'"]{1,256})@([A-Za-z0-9.[\]_-]+)/i;

/** Default or dummy passwords of local services and examples: `guest:guest`, `postgres:postgres`. */
export const DUMMY_PASSWORDS: ReadonlySet<string> = new Set(['hunter2', 'guest', 'admin', 'root', 'postgres', 'mysql', 'pass', 'pwd', 'user', 'minioadmin', 'secret', 'password', 'passwd', 'changeme', 'test', 'demo', 'example', 'foo', 'bar', 'baz', 'qux', 'x', 'xxx', 'abc', 'pw']);

/** The user name as the password, once or repeated: `admin:admin`, qBittorrent's default `admin:adminadmin`. */
function isUserRepeated(password: string, user: string): boolean {
  return user.length > 0 && password.length % user.length === 0 && password === user.repeat(password.length / user.length);
}

/** Hosts reserved for documentation (RFC 2606) and examples. */
const EXAMPLE_HOST = /(^|\.)(example\.(com|org|net)|example|invalid|test)$|(^|\.)(dummy|fake)[.-]/i;

/**
 * Finds `scheme://user:password@host` with a real password: not a
 * placeholder, template or format verb, not a well-known default (`guest`,
 * `postgres`, the user name repeated), not on a documentation host.
 */
/**
 * Sentry's hosted ingestion: a DSN's `public:secret@` pair only submits
 * events, and Sentry ignores the secret half (deprecated since Sentry 9);
 * its documentation calls DSNs safe to publish.
 */
const SENTRY_HOST = /^(?:[\w-]+\.)*(?:ingest\.)?sentry\.io(?::\d+)?$/i;

export function findUrlCredential(value: string): UrlCredential | null {
  const m = URL_WITH_USERINFO.exec(value);
  if (!m) return null;
  const user = m[2]!;
  const password = m[3]!;
  const host = m[4]!;
  if (isPlaceholder(password) || /^[$%{<*]/.test(password) || password.length < 4) return null;
  if (DUMMY_PASSWORDS.has(password.toLowerCase()) || isUserRepeated(password, user) || isSpelledDummyPassword(password) || EXAMPLE_HOST.test(host)) return null;
  if (SENTRY_HOST.test(host)) return null;
  const start = m.index + m[1]!.length + 3 + user.length + 1;
  return { start, end: start + password.length, scheme: m[1]!.toLowerCase(), user, host };
}
