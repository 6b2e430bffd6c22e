/**
 * Stable finding identity. A fingerprint hashes the rule, the file's path
 * inside its module, the enclosing declaration and the whitespace-normalised
 * code of the enclosing statement — never a line number, never a secret
 * (masked ranges enter as their hash). Findings with the same hash in one
 * file get an occurrence index in source order.
 */
import { createHash } from 'node:crypto';
import type { Node } from '../syntax/ast.js';

/** The anchor of a finding: the innermost statement, spec, field or declaration around it. */
export function anchorNode(node: Node, ancestors: readonly Node[]): Node {
  if (isAnchor(node)) return node;
  for (let i = ancestors.length - 1; i >= 0; i--) if (isAnchor(ancestors[i]!)) return ancestors[i]!;
  return node;
}

function isAnchor(n: Node): boolean {
  switch (n.kind) {
    case 'BlockStmt':
    case 'CaseClause':
    case 'CommClause':
    case 'File':
      return false;
    case 'ValueSpec':
    case 'TypeSpec':
    case 'ImportSpec':
    case 'Field':
    case 'FuncDecl':
      return true;
    default:
      return n.kind.endsWith('Stmt');
  }
}

/**
 * The name of the declaration enclosing a node: `F`, `(*T).M`, `T.M`,
 * `var name`, `type Name`; function literals add `.func` like the Go runtime.
 */
export function declarationName(ancestors: readonly Node[], source: string): string {
  const parts: string[] = [];
  for (const a of ancestors) {
    if (a.kind === 'FuncDecl') {
      const recv = a.recv?.list[0]?.type;
      parts.push(recv ? `(${source.slice(recv.start, recv.end).replace(/\s+/g, '')}).${a.name.name}` : a.name.name);
    } else if (a.kind === 'FuncLit') {
      parts.push('func');
    } else if (a.kind === 'ValueSpec') {
      parts.push(`var ${a.names.map((n) => n.name).join(',')}`);
    } else if (a.kind === 'TypeSpec') {
      parts.push(`type ${a.name.name}`);
    }
  }
  return parts.join('.');
}

/** Source text of a node with whitespace collapsed and masked ranges replaced by a token. */
export function normalisedText(source: string, node: Node, masked: ReadonlyArray<{ start: number; end: number; token: string }>): string {
  let text = '';
  let at = node.start;
  const inside = masked.filter((m) => m.start >= node.start && m.end <= node.end).sort((a, b) => a.start - b.start);
  for (const m of inside) {
    if (m.start < at) continue;
    text += source.slice(at, m.start) + m.token;
    at = m.end;
  }
  text += source.slice(at, node.end);
  return text.replace(/\s+/g, ' ').trim();
}

export interface FingerprintInput {
  readonly rule: string;
  /** Module path plus the file's path in the module: stable wherever the scan runs from. */
  readonly file: string;
  readonly declaration: string;
  readonly anchor: string;
  readonly identity?: string;
}

export function baseFingerprint(f: FingerprintInput): string {
  const h = createHash('sha256');
  for (const part of [f.rule, f.file, f.declaration, f.anchor, f.identity ?? '']) h.update(part).update('\0');
  return h.digest('hex').slice(0, 32);
}

/** Appends occurrence indexes to repeated fingerprints; input in source order. */
export function numberOccurrences(fingerprints: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fp) => {
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    return n === 0 ? fp : `${fp}:${n}`;
  });
}
