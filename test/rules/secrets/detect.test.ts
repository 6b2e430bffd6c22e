import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectSecret, findUrlCredential, redact, secretHash, sensitiveName, splitWords } from '../../../src/rules/secrets/detect/index.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A GitHub-style token with a valid checksum, computed with zlib's CRC-32 (an independent implementation). */
function githubStyle(prefix: string, random: string): string {
  let n = zlibCrc32(random);
  let sum = '';
  for (let i = 0; i < 6; i++) {
    sum = BASE62[n % 62]! + sum;
    n = Math.floor(n / 62);
  }
  return `${prefix}_${random}${sum}`;
}

const RANDOM30 = 'q7Rk2PzW9mLx4VtB8nHc3JdF6sGy1a';
const PEM_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB';

describe('secret shapes', () => {
  it('recognises GitHub tokens only with a valid checksum', () => {
    const good = githubStyle('ghp', RANDOM30);
    expect(detectSecret(good)?.type).toBe('github-pat');
    const broken = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    expect(detectSecret(broken)).toBeNull();
    expect(detectSecret(githubStyle('gho', RANDOM30))?.type).toBe('github-oauth');
    expect(detectSecret(githubStyle('ghs', RANDOM30))?.type).toBe('github-app-token');
    expect(detectSecret(githubStyle('npm', RANDOM30))?.type).toBe('npm-token');
  });
  it('finds a token inside a longer string, with offsets', () => {
    const tok = githubStyle('ghp', RANDOM30);
    const m = detectSecret(`token ${tok} end`);
    expect(m?.start).toBe(6);
    expect(m?.end).toBe(6 + tok.length);
  });
  it('recognises provider formats', () => {
    expect(detectSecret('AKIAZ7VRSQ5TEQNZXQ4M')?.type).toBe('aws-access-key-id');
    expect(detectSecret('AKIAIOSFODNN7EXAMPLE')).toBeNull();
    expect(detectSecret('AIzaSyD3k9Qm2Xv7Lp0Rt5Wn8Bc4Hj6Fg1Ks2Ye')?.type).toBe('google-api-key');
    expect(detectSecret('sk_live_51Hq8ZtK2eZvKYlo2C9xT3mRw')?.type).toBe('stripe-live-key');
    expect(detectSecret('sk_test_51Hq8ZtK2eZvKYlo2C9xT3mRw')?.live).toBe(false);
    expect(detectSecret('glpat-Zx8Kq2LmR4vN7tP1wB3c')?.type).toBe('gitlab-token');
    expect(detectSecret('xoxb-284610937514-2957163048215-Zk3Lq9Wm2Xv7Rt5Pn8Bc4Hj6')?.type).toBe('slack-token');
    expect(detectSecret('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')?.type).toBe('sendgrid-api-key');
    expect(detectSecret(`dop_v1_${'a1b2c3d4'.repeat(8)}`)?.type).toBe('digitalocean-token');
    const jwt = [
      Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
      Buffer.from('{"sub":"svc-export","scope":"invoices:write"}').toString('base64url'),
      'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ].join('.');
    expect(detectSecret(jwt)?.type).toBe('jwt');
  });
  it('recognises PEM private keys with a real body, and labels them', () => {
    const rsa = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\n`;
    expect(detectSecret(rsa)).toMatchObject({ tier: 'private-key', label: 'RSA private key', live: true });
    expect(detectSecret(rsa.replace(/RSA /g, ''))?.label).toBe('PKCS#8 private key');
    expect(detectSecret(rsa.replace(/RSA /g, 'OPENSSH '))?.label).toBe('OpenSSH private key');
    expect(detectSecret(rsa.replace(/RSA /g, 'ENCRYPTED '))?.live).toBe(false);
    expect(detectSecret('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----')).toBeNull();
    expect(detectSecret(rsa.replace(/PRIVATE/g, 'TESTING'))).toBeNull();
  });
  it('rejects made-up token-shaped values', () => {
    expect(detectSecret('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toBeNull();
    expect(detectSecret('sk_live_xxxxxxxxxxxxxxxxxxxxxxxx')).toBeNull();
    // a real prefix and a placeholder body: one character repeated, a phrase, an empty last segment
    expect(detectSecret(`AIza${'a'.repeat(35)}`)).toBeNull();
    expect(detectSecret('xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere')).toBeNull();
    expect(detectSecret('xoxp-572370529330-573807301142-572331691188-####################')).toBeNull();
    expect(detectSecret('xoxp-572370529330-573807301142-572331691188-9f0c3a77e1b24d5c8a6f2e4b7d9c1a3e')?.type).toBe('slack-token');
  });
  it('takes JWTs with jwt.io\'s sample claims for documentation', () => {
    const jwtIO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const service = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJiaWxsaW5nIiwic3ViIjoic3ZjLWV4cG9ydCIsImV4cCI6NDEwMjQ0NDgwMCwic2NvcGUiOiJpbnZvaWNlczp3cml0ZSJ9.iiWI8Vmf0uNTXgKweNMg0f9YHXKbqVPkw7faDeP_KhY';
    expect(detectSecret(jwtIO)).toBeNull();
    expect(detectSecret(service)?.type).toBe('jwt');
  });
});

describe('generic secrets need a sensitive name and a secret-looking value', () => {
  const generic = (name: string, value: string) => detectSecret(value, { name })?.tier === 'generic';
  it('flags credentials bound to credential names', () => {
    expect(generic('dbPassword', 'Sup3r-S3cur3!x')).toBe(true);
    expect(generic('API_KEY', 'a8f5f167f44f4964e6c998dee827110c')).toBe(true);
    expect(generic('clientSecret', 'k2J9sd8fLq0pZ7xW4vB1nM6c')).toBe(true);
    expect(generic('aws_secret_access_key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8Nd2Lq0A')).toBe(false);
    expect(detectSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8Nd2Lq0A', { name: 'aws_secret_access_key' })?.type).toBe('aws-secret-access-key');
  });
  it('ignores the false-positive classes of G101 and gitleaks', () => {
    expect(generic('routeTokens', 'public_tokens.route')).toBe(false); // label
    expect(generic('TokenFetchErrors', 'token_fetch_errors')).toBe(false); // metric name
    expect(generic('PropertyNameSnmpGroupWriteView', 'Snmp Group Write View')).toBe(false); // "pw" across words
    expect(generic('httpTokenEnvVar', 'DATAGATE_MCP_HTTP_TOKEN')).toBe(false); // env var name
    expect(generic('authTokenHeader', 'X-Auth-Token')).toBe(false); // header
    expect(generic('password', '<your-password>')).toBe(false); // placeholder
    expect(generic('password', '${DB_PASSWORD}')).toBe(false); // template
    expect(generic('password', 'changeme')).toBe(false);
    expect(generic('password', 'REDACTED')).toBe(false);
    expect(generic('token', '%s')).toBe(false);
    expect(generic('secret', 'xxxxxxxxxxxx')).toBe(false);
    expect(generic('tokenURL', 'https://oauth2.example.com/token')).toBe(false); // URL, and not a credential name
    expect(generic('passwordFile', '/etc/app/password.txt')).toBe(false);
    expect(generic('aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE')).toBe(false);
    expect(generic('serviceKey', 'org.apache.dubbo-go.TargetService:1.0.0')).toBe(false); // a qualified service name
    expect(generic('token', 'body-type-1part')).toBe(false); // a grammar rule's name (IMAP)
    expect(generic('BLAKE2B_512_SALT_PW', 'BLAKE2b-512(salt.pass)')).toBe(true); // the name alone makes it one
    expect(generic('BLAKE2B_512_SALT_PW', 'BLAKE2b-512($salt.$pass)')).toBe(false); // a hash mode's formula
    expect(generic('password', 'Xk9v$2LqZr7T($np4s)')).toBe(true);
    expect(generic('secretKey', 'hiddenStuff.masked')).toBe(false); // a path into nested values
    expect(generic('client_key', 'req.http.X-Forwarded-For,req.http.Accept-Language')).toBe(false); // request fields that identify a client
    expect(generic('clientSecret', 'kTqwZr.PmxWvLq.RtsNbY')).toBe(true); // random letters in dotted runs are no words
  });
});

describe('names', () => {
  it('splits identifiers into words', () => {
    expect(splitWords('groupWriteView')).toEqual(['group', 'write', 'view']);
    expect(splitWords('APIKey')).toEqual(['api', 'key']);
    expect(splitWords('XAuthToken')).toEqual(['x', 'auth', 'token']);
    expect(splitWords('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(splitWords('oauth2Token')).toEqual(['oauth2', 'token']);
  });
  it('decides by the head word', () => {
    expect(sensitiveName('dbPassword')?.noun).toBe('password');
    expect(sensitiveName('apiKey')?.noun).toBe('API key');
    expect(sensitiveName('tokenValue')?.noun).toBe('token');
    expect(sensitiveName('keyID')).toBeNull();
    expect(sensitiveName('secretName')).toBeNull();
    expect(sensitiveName('agentJWT')?.noun).toBe('JWT');
    expect(sensitiveName('jwtParser')).toBeNull();
    expect(sensitiveName('maxPasswordLength')).toBeNull();
    expect(sensitiveName('bypass')).toBeNull();
    expect(sensitiveName('pass')).toBeNull();
    expect(sensitiveName('userPass')?.noun).toBe('password');
    expect(sensitiveName('groupWriteView')).toBeNull();
    expect(sensitiveName('AwsSecretAccessKey')?.noun).toBe('secret access key');
    expect(sensitiveName('secretAccessKey')?.noun).toBe('secret access key');
    expect(sensitiveName('accessKey')).toBeNull();
    expect(sensitiveName('AccessKeyID')).toBeNull();
  });
  it('believes a name that says the value is not a secret', () => {
    expect(sensitiveName('defaultClientNotSoSecret')).toBeNull();
    expect(sensitiveName('nonSecretToken')).toBeNull();
    expect(sensitiveName('notifyPassword')?.noun).toBe('password');
    expect(sensitiveName('appAccountToken')).toBeNull(); // StoreKit's purchase-to-account UUID
    expect(sensitiveName('serviceAccountToken')?.noun).toBe('account token');
    expect(sensitiveName('FilterDontExpirePassword')).toBeNull(); // an LDAP search filter
    expect(sensitiveName('expiredTokenQuery')).toBeNull();
    expect(sensitiveName('filterPassword')).toBeNull();
    expect(sensitiveName('ErrNoAuthToken')).toBeNull(); // a sentinel error
    expect(sensitiveName('errPasswordTooShort')).toBeNull();
  });
});

describe('credentials in URLs', () => {
  it('finds the password of scheme://user:password@host', () => {
    const v = 'postgres://app:Xk29dLq8wPz@db.internal:5432/orders';
    const m = findUrlCredential(v);
    expect(m && v.slice(m.start, m.end)).toBe('Xk29dLq8wPz');
  });
  it('ignores placeholders and URLs without a password', () => {
    expect(findUrlCredential('postgres://app:${DB_PASS}@db/orders')).toBeNull();
    expect(findUrlCredential('postgres://app:password@db/orders')).toBeNull();
    expect(findUrlCredential('https://user@github.com/org/repo')).toBeNull();
    expect(findUrlCredential('redis://:<password>@localhost:6379')).toBeNull();
    expect(findUrlCredential('http://admin:adminadmin@localhost:8080/')).toBeNull(); // the user name repeated
    expect(findUrlCredential('http://admin:admin2024x@localhost:8080/')).not.toBeNull();
  });
});

describe('redaction and hashing', () => {
  it('never shows more than a public prefix', () => {
    expect(redact('ghp_abcdefghijklmnopqrstuvwxyz0123456789', 4)).toBe('ghp_****');
    expect(redact('hunter22', 4)).toBe('hu****');
    expect(redact('hunter22', 0)).toBe('****');
  });
  it('hashes stably without revealing the value', () => {
    const h = secretHash('Sup3r-S3cur3!x');
    expect(h).toMatch(/^[0-9a-f]{24}$/);
    expect(secretHash('Sup3r-S3cur3!x')).toBe(h);
    expect(secretHash('Sup3r-S3cur3!y')).not.toBe(h);
  });
});
