/**
 * Seeded pseudo-random numbers for the Monte Carlo analyses.
 *
 * Generator: xoshiro128** (Blackman and Vigna, 2018; 32-bit state words, period 2^128 − 1), its
 * 128-bit state filled by SplitMix64 (Steele, Lea and Flood, 2014), as the xoshiro authors
 * recommend. Each replication i draws from its own stream, whose SplitMix64 start is
 * mix64(seed ⊕ mix64(i + 1)) (mix64 = the SplitMix64 output function), so a replication's numbers
 * depend only on (seed, i): not on how many replications run, nor on which worker runs them.
 */

const MASK64 = (1n << 64n) - 1n;
const GOLDEN64 = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output function (a bijective 64-bit mix). */
function mix64(z0: bigint): bigint {
  let z = z0 & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** A stream of uniform numbers in [0, 1). */
export interface Random {
  /** The next number in [0, 1), with 32 random bits. */
  next(): number;
}

class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** The next 32-bit output as an unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The state a SplitMix64 generator started at `start` gives: four 32-bit words. */
function seedWords(start: bigint): [number, number, number, number] {
  let s = start & MASK64;
  const words: number[] = [];
  for (let k = 0; k < 2; k++) {
    s = (s + GOLDEN64) & MASK64;
    const z = mix64(s);
    words.push(Number(z & 0xffffffffn), Number(z >> 32n));
  }
  return words as [number, number, number, number];
}

/** The stream of replication `index` (0-based) for `seed` (a non-negative safe integer). */
export function streamFor(seed: number, index: number): Random {
  const start = mix64(BigInt(seed) ^ mix64(BigInt(index) + 1n));
  return new Xoshiro128(...seedWords(start));
}

/** A stream for a purpose other than replications (`tag` keeps it apart from theirs). */
export function taggedStream(seed: number, tag: number, index: number): Random {
  const start = mix64(mix64(BigInt(seed) ^ (BigInt(tag) << 40n)) ^ mix64(BigInt(index) + 1n));
  return new Xoshiro128(...seedWords(start));
}

/** The 32-bit outputs of xoshiro128** for a given state (for checking against the reference). */
export function xoshiro128ss(
  state: readonly [number, number, number, number],
  count: number,
): number[] {
  const g = new Xoshiro128(...state);
  return Array.from({ length: count }, () => g.nextUint32());
}
