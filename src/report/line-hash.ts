/**
 * GitHub's `primaryLocationLineHash`, computed as github/codeql-action's
 * `fingerprints.ts` does: a rolling polynomial hash (base 37, 64-bit
 * wrap-around) over a window of the 100 characters that follow the start
 * of each line, skipping spaces and tabs, with `\r\n` and `\r` read as
 * `\n`; the input ends with a 65535 marker and enough zeros to fill the
 * window. The value is `<hex>:<n>`, n counting identical hashes so far.
 * Callers pass masked text so a secret never feeds the hash.
 */

const BLOCK_SIZE = 100;
const MOD = 37n;
const EOF_MARK = 65535;

/** 37^100 mod 2^64, the weight of the character leaving the window. */
const FIRST_MOD = (() => {
  let m = 1n;
  for (let i = 0; i < BLOCK_SIZE; i++) m = BigInt.asIntN(64, m * MOD);
  return m;
})();

/** The hash of every line of a text: element `i` is line `i + 1`'s. */
export function lineHashes(text: string): string[] {
  const window = new Array<number>(BLOCK_SIZE).fill(0);
  const lineNumbers = new Array<number>(BLOCK_SIZE).fill(-1);
  const out: string[] = [];
  const counts = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;

  const output = () => {
    const value = BigInt.asUintN(64, hash).toString(16);
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    out[lineNumbers[index]! - 1] = `${value}:${n}`;
    lineNumbers[index] = -1;
  };
  const update = (current: number) => {
    const begin = window[index]!;
    window[index] = current;
    hash = BigInt.asIntN(64, MOD * hash + BigInt(current) - FIRST_MOD * BigInt(begin));
    index = (index + 1) % BLOCK_SIZE;
  };
  const process = (code: number) => {
    let current = code;
    if (current === 0x20 || current === 0x09 || (prevCR && current === 0x0a)) {
      prevCR = false;
      return;
    }
    if (current === 0x0d) {
      current = 0x0a;
      prevCR = true;
    } else {
      prevCR = false;
    }
    if (lineNumbers[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === 0x0a) lineStart = true;
    update(current);
  };

  for (let i = 0; i < text.length; i++) process(text.charCodeAt(i));
  process(EOF_MARK);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) output();
    update(0);
  }
  return out;
}
