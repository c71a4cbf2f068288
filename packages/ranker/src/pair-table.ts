/**
 * Pairs of small non-negative integers -> ids, in flat typed arrays (open addressing): a Map keyed by
 * `a * 2^21 + b` stores heap numbers and took seconds for the pairs of 5,000 abstracts.
 */
export class PairTable {
  private capacity = 1 << 14;
  private firsts = new Int32Array(this.capacity).fill(-1);
  private seconds = new Int32Array(this.capacity);
  private values = new Int32Array(this.capacity);
  private size = 0;

  /** The id of (a, b), or `make()`'s (stored) when the pair is new. */
  get(a: number, b: number, make: () => number): number {
    let slot = this.slotOf(a, b);
    if (this.firsts[slot] === a && this.seconds[slot] === b) return this.values[slot] as number;
    if (this.size * 2 >= this.capacity) { this.grow(); slot = this.slotOf(a, b); }
    const value = make();
    this.firsts[slot] = a;
    this.seconds[slot] = b;
    this.values[slot] = value;
    this.size++;
    return value;
  }

  /** The slot holding (a, b), or the empty slot where it would go. */
  private slotOf(a: number, b: number): number {
    const mask = this.capacity - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const first = this.firsts[slot] as number;
      if (first === -1 || (first === a && this.seconds[slot] === b)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    this.capacity *= 2;
    this.firsts = new Int32Array(this.capacity).fill(-1);
    this.seconds = new Int32Array(this.capacity);
    this.values = new Int32Array(this.capacity);
    for (let i = 0; i < firsts.length; i++) {
      const a = firsts[i] as number;
      if (a === -1) continue;
      const slot = this.slotOf(a, seconds[i] as number);
      this.firsts[slot] = a;
      this.seconds[slot] = seconds[i] as number;
      this.values[slot] = values[i] as number;
    }
  }
}
