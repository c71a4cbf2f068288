/**
 * Pairs of small non-negative integers -> ids, in one flat typed array (open addressing): a Map keyed
 * by `a * 2^21 + b` stores heap numbers and took seconds for the pairs of 5,000 abstracts. A slot's
 * first, second and value sit side by side (`STRIDE` numbers), so a probe touches one cache line.
 */
export class PairTable {
  private capacity: number;
  private slots: Int32Array;
  private size = 0;

  /** `expected`: about how many pairs will be numbered, so that the table seldom grows (each growth re-inserts every pair). */
  constructor(expected = 0) {
    let capacity = 1 << 14;
    while (capacity * LOAD < expected) capacity *= 2;
    this.capacity = capacity;
    this.slots = PairTable.empty(capacity);
  }

  /** The id of (a, b), or `value` (stored) when the pair is new. */
  idOf(a: number, b: number, value: number): number {
    let at = this.slotOf(a, b);
    if (this.slots[at] === a + 1 && this.slots[at + 1] === b) return this.slots[at + 2] as number;
    if (this.size >= this.capacity * LOAD) { this.grow(); at = this.slotOf(a, b); }
    this.slots[at] = a + 1;
    this.slots[at + 1] = b;
    this.slots[at + 2] = value;
    this.size++;
    return value;
  }

  /** Where (a, b) is, or the empty slot where it would go: an offset into `slots`. */
  private slotOf(a: number, b: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const at = slot * STRIDE;
      const first = this.slots[at] as number;
      if (first === 0 || (first === a + 1 && this.slots[at + 1] === b)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = PairTable.empty(this.capacity);
    for (let i = 0; i < old.length; i += STRIDE) {
      const a = (old[i] as number) - 1;
      if (a === -1) continue;
      const at = this.slotOf(a, old[i + 1] as number);
      this.slots[at] = a + 1;
      this.slots[at + 1] = old[i + 1] as number;
      this.slots[at + 2] = old[i + 2] as number;
    }
  }

  private static empty(capacity: number): Int32Array {
    return new Int32Array(capacity * STRIDE);
  }
}

/** The share of slots filled before the table grows: past 0.7, linear probing's runs grow long. */
const LOAD = 0.7;

/** Numbers per slot: first + 1 (0: an empty slot, as a new array is, so none is filled), second, value, and one unused, so that a slot never straddles a cache line. */
const STRIDE = 4;

/**
 * One instance kept for good, so that PairTable's hidden classes outlive the rankers: V8 holds them only
 * through instances, and when a ranker's were collected before the next was made, the next got new
 * ones and V8 threw the optimized code that reads them away on every ranker (as analyze.ts explains).
 */
export const PAIRTABLE_SHAPE = new PairTable();
