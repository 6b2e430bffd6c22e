/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface CharClasses {
  readonly lower: boolean;
  readonly upper: boolean;
  readonly digit: boolean;
  readonly symbol: boolean;
  readonly space: boolean;
  /** How many of lower, upper, digit, symbol occur. */
  readonly count: number;
}

export function charClasses(s: string): CharClasses {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c === 32 || c === 9 || c === 10 || c === 13) space = true;
    else symbol = true;
  }
  return { lower, upper, digit, symbol, space, count: +lower + +upper + +digit + +symbol };
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Whether a string is random enough to be a machine-generated secret.
 * Thresholds depend on the alphabet because entropy grows with length and
 * alphabet size: hex tops out at 4 bits/char, base64 at 6.
 */
export function looksRandom(s: string): boolean {
  if (s.length < 12) return false;
  const h = shannonEntropy(s);
  if (HEX.test(s)) return s.length >= 16 && h >= 3.0 && /[0-9]/.test(s) && /[a-fA-F]/.test(s);
  if (BASE64.test(s)) {
    const cls = charClasses(s);
    return cls.count >= 2 && cls.digit && h >= (s.length >= 32 ? 4.0 : 3.5);
  }
  return h >= 3.5 && charClasses(s).count >= 3;
}
