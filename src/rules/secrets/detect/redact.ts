import { scryptSync } from 'node:crypto';

/**
 * A secret shown to people: its visible prefix (only a format's public
 * prefix such as `ghp_`), stars, and its length — never the secret itself.
 */
export function redact(secret: string, visiblePrefix: number): string {
  const shown = Math.min(visiblePrefix, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}****`;
}

const cache = new Map<string, string>();

/**
 * A stable identity for a secret that does not reveal it: a deliberately slow
 * scrypt hash (a plain SHA-256 of a short password could be reversed with a
 * dictionary), truncated to 96 bits. Used in fingerprints and baselines.
 */
export function secretHash(secret: string): string {
  let h = cache.get(secret);
  if (h === undefined) {
    h = scryptSync(secret, 'redline/secret-fingerprint/v1', 12, { N: 4096, r: 8, p: 1 }).toString('hex');
    cache.set(secret, h);
  }
  return h;
}
