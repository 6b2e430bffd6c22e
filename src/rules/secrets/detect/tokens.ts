/**
 * Self-identifying credential formats, each checked by shape: prefix,
 * alphabet, length, and the checksum where the format carries one.
 * Shapes follow the providers' published formats (see
 * reference/secrets.md §2); no pattern here matches without its prefix.
 */

export interface TokenFormat {
  /** Stable id used in messages and fingerprints, e.g. "github-pat". */
  readonly id: string;
  /** Human label, e.g. "GitHub personal access token". */
  readonly label: string;
  /** Whether it is a live credential class (false for test-mode keys). */
  readonly live: boolean;
  /** Finds the token inside a string value; the match is the token. */
  readonly pattern: RegExp;
  /** Extra validation of a match (checksum, decoding). */
  readonly verify?: (token: string) => boolean;
  /** How many leading characters a redacted form may show. */
  readonly visiblePrefix: number;
}

const B = '(?<![A-Za-z0-9_])'; // left word boundary that also excludes "_"
const E = '(?![A-Za-z0-9_])';

function re(body: string, flags = ''): RegExp {
  return new RegExp(`${B}${body}${E}`, flags);
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { id: 'github-pat', label: 'GitHub personal access token', live: true, pattern: re('ghp_[A-Za-z0-9]{36}'), verify: githubChecksumOk, visiblePrefix: 4 },
  { id: 'github-oauth', label: 'GitHub OAuth access token', live: true, pattern: re('gho_[A-Za-z0-9]{36}'), verify: githubChecksumOk, visiblePrefix: 4 },
  { id: 'github-app-token', label: 'GitHub App token', live: true, pattern: re('gh[us]_[A-Za-z0-9]{36}'), verify: githubChecksumOk, visiblePrefix: 4 },
  { id: 'github-refresh-token', label: 'GitHub refresh token', live: true, pattern: re('ghr_[A-Za-z0-9]{36,76}'), verify: githubChecksumOk, visiblePrefix: 4 },
  { id: 'github-fine-grained-pat', label: 'GitHub fine-grained personal access token', live: true, pattern: re('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'), visiblePrefix: 11 },
  { id: 'gitlab-token', label: 'GitLab token', live: true, pattern: re('gl(?:pat|dt|rt|cbt|ptt|oas|ft|imt|agent)-[A-Za-z0-9_-]{20,}'), visiblePrefix: 6 },
  { id: 'aws-access-key-id', label: 'AWS access key id', live: true, pattern: re('(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'), verify: (t) => !t.endsWith('EXAMPLE'), visiblePrefix: 4 },
  { id: 'google-api-key', label: 'Google API key', live: true, pattern: re('AIza[A-Za-z0-9_-]{35}'), visiblePrefix: 4 },
  { id: 'slack-token', label: 'Slack token', live: true, pattern: re('xox(?:[abprs]|e(?:\\.xox[bp])?)-[A-Za-z0-9-]{9,}[A-Za-z0-9](?!-)'), verify: (t) => /-\d{8,}-/.test(t) || t.length >= 40, visiblePrefix: 5 },
  { id: 'slack-app-token', label: 'Slack app-level token', live: true, pattern: re('xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,}'), visiblePrefix: 5 },
  { id: 'slack-webhook', label: 'Slack incoming webhook URL', live: true, pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{43,56}/, visiblePrefix: 30 },
  { id: 'stripe-live-key', label: 'Stripe live secret key', live: true, pattern: re('(?:sk|rk)_(?:live|prod)_[A-Za-z0-9]{10,99}'), visiblePrefix: 8 },
  { id: 'stripe-test-key', label: 'Stripe test-mode secret key', live: false, pattern: re('(?:sk|rk)_test_[A-Za-z0-9]{10,99}'), visiblePrefix: 8 },
  { id: 'openai-api-key', label: 'OpenAI API key', live: true, pattern: re('sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,160}|[A-Za-z0-9]{20})T3BlbkFJ[A-Za-z0-9_-]{20,160}'), visiblePrefix: 8 },
  { id: 'anthropic-api-key', label: 'Anthropic API key', live: true, pattern: re('sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA'), visiblePrefix: 14 },
  { id: 'npm-token', label: 'npm access token', live: true, pattern: re('npm_[A-Za-z0-9]{36}'), verify: githubChecksumOk, visiblePrefix: 4 },
  { id: 'pypi-token', label: 'PyPI upload token', live: true, pattern: re('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'), visiblePrefix: 5 },
  { id: 'sendgrid-api-key', label: 'SendGrid API key', live: true, pattern: re('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'), visiblePrefix: 3 },
  { id: 'twilio-api-key', label: 'Twilio API key', live: true, pattern: re('SK[0-9a-f]{32}'), verify: hasDigitsAndLetters, visiblePrefix: 2 },
  { id: 'shopify-token', label: 'Shopify access token', live: true, pattern: re('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'), visiblePrefix: 6 },
  { id: 'digitalocean-token', label: 'DigitalOcean token', live: true, pattern: re('do[opr]_v1_[a-f0-9]{64}'), visiblePrefix: 7 },
  { id: 'vault-token', label: 'HashiCorp Vault token', live: true, pattern: re('hv[sb]\\.[A-Za-z0-9_-]{90,120}'), visiblePrefix: 4 },
  { id: 'jwt', label: 'JSON Web Token', live: true, pattern: re('eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}'), verify: jwtHeaderOk, visiblePrefix: 3 },
];

/** Every format's prefix, to skip the per-format patterns for most strings. */
const TOKEN_HINT = /gh[pousr]_|github_pat_|gl(?:pat|dt|rt|cbt|ptt|oas|ft|imt|agent)-|A(?:KIA|SIA|BIA|CCA|Iza)|xox|xapp-|hooks\.slack\.com|[sr]k_(?:live|test|prod)_|sk-|npm_|pypi-|SG\.|SK[0-9a-f]|shp(?:at|ca|pa|ss)_|do[opr]_v1_|hv[sb]\.|eyJ/;

/** A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8, PGP). */
export const PRIVATE_KEY_PATTERN =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]*?)-----END \1-----/;

export interface TokenMatch {
  readonly format: TokenFormat;
  /** Offsets of the token inside the searched string. */
  readonly start: number;
  readonly end: number;
}

/** Finds the first self-identifying token in a string value. */
export function findToken(value: string): TokenMatch | null {
  if (!TOKEN_HINT.test(value)) return null;
  for (const format of TOKEN_FORMATS) {
    const m = format.pattern.exec(value);
    if (m && (format.verify === undefined || format.verify(m[0]))) {
      return { format, start: m.index, end: m.index + m[0].length };
    }
  }
  return null;
}

/**
 * Every self-identifying token and PEM private key block in a text (a whole
 * source file), as offset ranges: what no output may show, whichever rules
 * are enabled.
 */
export function tokenRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (TOKEN_HINT.test(text)) {
    for (const format of TOKEN_FORMATS) {
      for (const m of text.matchAll(new RegExp(format.pattern.source, 'g'))) {
        if (format.verify === undefined || format.verify(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
      }
    }
  }
  for (const m of text.matchAll(new RegExp(PRIVATE_KEY_PATTERN.source, 'g'))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export interface PrivateKeyMatch {
  /** "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", ... */
  readonly label: string;
  readonly encrypted: boolean;
  readonly start: number;
  readonly end: number;
}

/** Finds a PEM private key block with a real body (≥ 64 base64 characters). */
export function findPrivateKey(value: string): PrivateKeyMatch | null {
  const m = PRIVATE_KEY_PATTERN.exec(value);
  if (!m) return null;
  const body = m[2]!.replace(/^[A-Za-z-]+:.*$/gm, '').replace(/[\s=]/g, '');
  if (body.length < 64 || !/^[A-Za-z0-9+/]+$/.test(body)) return null;
  const encrypted = m[1]!.startsWith('ENCRYPTED') || /Proc-Type:\s*4,ENCRYPTED/.test(m[2]!);
  return { label: m[1]!, encrypted, start: m.index, end: m.index + m[0].length };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * GitHub's and npm's token checksum: the last 6 characters are the CRC-32 of
 * the random part before them, in base62 with leading zeros.
 */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length <= 6) return false;
  const payload = body.slice(0, -6);
  let value = 0;
  for (const ch of body.slice(-6)) {
    const digit = BASE62.indexOf(ch);
    if (digit < 0) return false;
    value = value * 62 + digit;
  }
  return value === crc32(payload);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) of an ASCII string. */
export function crc32(s: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = crcTable[(crc ^ s.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A JWT's header must decode to a JSON object with an `alg`. */
function jwtHeaderOk(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && 'alg' in header;
  } catch {
    return false;
  }
}

function hasDigitsAndLetters(t: string): boolean {
  return /[0-9]/.test(t.slice(2)) && /[a-f]/.test(t.slice(2));
}
