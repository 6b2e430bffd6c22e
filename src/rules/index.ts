/**
 * The rule registry. Every rule module under `src/rules/<family>/` is listed
 * here; a test fails when a rule file is missing from the list.
 */
import { ENGINE_RULES } from '../engine/engine-rules.js';
import type { AnyRule } from '../engine/rule.js';
import { FAMILIES, type RuleMeta } from '../engine/rule-meta.js';
import cgoDeferredFreeBeforeSet from './cgo/deferred-free-before-set.js';
import cgoDoubleFree from './cgo/double-free.js';
import cgoFinalizerOnlyRelease from './cgo/finalizer-only-release.js';
import cgoLoopAllocation from './cgo/loop-allocation.js';
import cgoPointerInGoroutine from './cgo/pointer-in-goroutine.js';
import cgoUnfreedMemory from './cgo/unfreed-memory.js';
import cgoUseAfterFree from './cgo/use-after-free.js';
import contextBuiltinKey from './context/builtin-key.js';
import secretsCredentialInUrl from './secrets/credential-in-url.js';
import secretsHardcodedCredential from './secrets/hardcoded-credential.js';
import secretsLiteralAuthorizationHeader from './secrets/literal-authorization-header.js';
import secretsSensitiveDataLogged from './secrets/sensitive-data-logged.js';
import tlsConfigCopied from './tls/config-copied.js';
import tlsInsecureHostKey from './tls/insecure-host-key.js';
import tlsInsecureSkipVerify from './tls/insecure-skip-verify.js';
import tlsKeyLogWriter from './tls/key-log-writer.js';
import tlsPerHandshakeCertLoad from './tls/per-handshake-cert-load.js';
import tlsPrivateKeyLogged from './tls/private-key-logged.js';
import tlsSharedConfigMutation from './tls/shared-config-mutation.js';
import tlsVerifyPeerWithoutConnection from './tls/verify-peer-without-connection.js';
import tlsWeakCipherSuites from './tls/weak-cipher-suites.js';
import tlsWeakVersion from './tls/weak-version.js';

/** Rules with visitors, in catalog order. */
export const RULES: readonly AnyRule[] = sortByCatalogOrder(
  [
    secretsCredentialInUrl, secretsHardcodedCredential, secretsLiteralAuthorizationHeader, secretsSensitiveDataLogged,
    tlsConfigCopied, tlsInsecureHostKey, tlsInsecureSkipVerify, tlsKeyLogWriter, tlsPerHandshakeCertLoad, tlsPrivateKeyLogged,
    tlsSharedConfigMutation, tlsVerifyPeerWithoutConnection, tlsWeakCipherSuites, tlsWeakVersion,
    cgoDeferredFreeBeforeSet, cgoDoubleFree, cgoFinalizerOnlyRelease, cgoLoopAllocation, cgoPointerInGoroutine, cgoUnfreedMemory, cgoUseAfterFree,
    contextBuiltinKey,
  ],
  (r) => r.meta,
);

/** Every rule's metadata, the engine's own included, in catalog order (family order, then id). */
export const CATALOG: readonly RuleMeta[] = sortByCatalogOrder([...RULES.map((r) => r.meta as RuleMeta), ...ENGINE_RULES], (m) => m);

function sortByCatalogOrder<T>(items: readonly T[], meta: (t: T) => RuleMeta): T[] {
  const family = (m: RuleMeta) => FAMILIES.indexOf(m.id.slice(0, m.id.indexOf('/')) as (typeof FAMILIES)[number]);
  return [...items].sort((a, b) => family(meta(a)) - family(meta(b)) || (meta(a).id < meta(b).id ? -1 : 1));
}
