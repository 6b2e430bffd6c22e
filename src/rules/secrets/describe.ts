/**
 * Redacted descriptions of secrets for messages, and their identity for
 * fingerprints: the secret itself never leaves the analysis.
 */
import type { Severity } from '../../engine/finding.js';
import { redact, secretHash, type SecretMatch } from './detect/index.js';

/** "GitHub personal access token `ghp_****` (40 characters)", "RSA private key (1,675 characters)", "password (14 characters)". */
export function describeSecret(m: SecretMatch, value: string): string {
  const secret = value.slice(m.start, m.end);
  const n = `${thousands(secret.length)} characters`;
  if (m.tier === 'private-key') return `${m.label} (${n})`;
  if (m.tier === 'generic') return `${m.label} (${n})`;
  return `${m.label} \`${redact(secret, m.visiblePrefix)}\` (${n})`;
}

/** "GitHub personal access token `ghp_****`, 40 characters": for use inside parentheses. */
export function describeSecretInline(m: SecretMatch, value: string): string {
  const secret = value.slice(m.start, m.end);
  const n = `${thousands(secret.length)} characters`;
  return m.tier === 'token' ? `${m.label} \`${redact(secret, m.visiblePrefix)}\`, ${n}` : `${m.label}, ${n}`;
}

/** "a password", "an API key". */
export function withArticle(noun: string): string {
  return `${/^(?:[aeio]|API|HMAC|un)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** 1765 → "1,765". */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Fingerprint material for a secret: its type and a slow hash of its value. */
export function secretIdentity(type: string, secret: string): string {
  return `${type}:${secretHash(secret)}`;
}

/**
 * The severity of a hardcoded secret: critical when it flows to a log or a
 * goroutine; the configured severity for live tokens and keys; lower for
 * test-mode keys and encrypted keys; the option's for name-only matches.
 */
export function secretSeverity(m: SecretMatch, flows: boolean, genericSeverity: Severity): Severity | undefined {
  if (flows) return 'critical';
  if (m.tier === 'generic') return genericSeverity;
  if (!m.live) return 'low';
  return undefined;
}
