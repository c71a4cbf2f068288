import { grown } from '../util/typed-arrays.ts';

/**
 * Pairs of term ids written next to each other, for example-bags.ts: each paper's distinct pairs, with
 * how often it writes each, then which pairs two papers or more share. Most pairs are in one paper
 * only (and dropped), so no table of every pair is looked up at every occurrence: a paper's pairs are
 * told apart in a small table of its own, which stays in the processor's cache, and appended to flat
 * arrays; `group` then finds the papers' shared pairs by sorting those by their first term (one
 * counting sort, sequential passes), where a global hash table of 144,000 pairs (4 MB) cost a cache
 * miss or two per occurrence.
 */
export class PairCounts {
  /** Per pair a paper writes (`size` of them, paper after paper): its first and second term, and its weight summed. */
  firsts: Int32Array;
  seconds: Int32Array;
  weights: Int32Array;
  /**
   * Per pair a paper writes: how it writes it, the two raw word ids (the caller's) of its first
   * occurrence in the abstract, or in the title while the abstract has none (`spelledInTitle` 1), so
   * that a learned pair is shown as papers write it ("reaction pathways"), not as each word is most
   * often written alone ("reactions pathways").
   */
  spelledFirst: Int32Array;
  spelledSecond: Int32Array;
  spelledInTitle: Uint8Array;
  /**
   * Per pair a paper writes: 1 when that occurrence is one hyphenated compound ("Non‐Uniform", "Li2O‐rich"),
   * so that a learned pair most papers write so is shown with its hyphen.
   */
  spelledJoined: Uint8Array;
  /**
   * Per pair a paper writes: 1 once an occurrence of it ends a phrase (the caller's `ended`). A pair
   * the papers always write before another word ("nonadiabatic molecular", of "nonadiabatic molecular
   * dynamics") is cut before its noun.
   */
  endsPhrase: Uint8Array;
  /**
   * Per pair a paper writes: the caller's lead of its first word (the term before it + 1, -1 at a
   * text's start), or -1 when the paper writes the pair after different words: "situ polymerization"
   * after "in" (example-bags.ts shows it "in situ polymerization" when every paper does).
   */
  leads: Int32Array;
  /**
   * Per pair a paper writes: the raw word id (the caller's) of the word written before the occurrence
   * `spelledFirst` and `spelledSecond` come from, -1 at a text's start: how the papers spell a pair's
   * lead ("regulated lithium plating", where the lead's term is most often written "regulation").
   */
  spelledLead: Int32Array;
  /** The index of the pair `add` was last given. */
  last = -1;
  size = 0;
  // The paper being read: open addressing, per slot side by side (one cache line holds four): the
  // paper's stamp (a slot of another paper is empty), first, second, and the pair's index.
  private slots = new Int32Array(1024 * STRIDE);
  private mask = 1023;
  private stamp = 0;
  private inPaper = 0;

  /** `expected`: about how many pairs the papers write, each counted once per paper, so that the arrays seldom grow. */
  constructor(expected = 0) {
    const capacity = Math.max(1024, expected);
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.weights = new Int32Array(capacity);
    this.spelledFirst = new Int32Array(capacity);
    this.spelledSecond = new Int32Array(capacity);
    this.spelledInTitle = new Uint8Array(capacity);
    this.spelledJoined = new Uint8Array(capacity);
    this.endsPhrase = new Uint8Array(capacity);
    this.leads = new Int32Array(capacity);
    this.spelledLead = new Int32Array(capacity);
  }

  /** Pair `index` (as `add` numbered it) ends a phrase here: no word worth learning follows it in its clause. */
  ended(index: number): void {
    this.endsPhrase[index] = 1;
  }

  /** Starts the next paper. */
  begin(): void {
    this.stamp++;
    this.inPaper = 0;
  }

  /**
   * Adds `weight` to the pair (a, b) of the paper being read, written as the raw words `rawA` `rawB`
   * (in its title: `inTitle`; as one hyphenated compound: `joined`) after `lead` (see `leads`), written
   * `rawLead`; its index when the paper first writes it, else -1.
   */
  add(a: number, b: number, weight: number, rawA: number, rawB: number, inTitle: boolean, lead = 0, rawLead = -1, joined = false): number {
    const { slots, mask, stamp } = this;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const at = slot * STRIDE;
      if (slots[at] !== stamp) break;
      if (slots[at + 1] === a && slots[at + 2] === b) {
        const index = slots[at + 3] as number;
        this.weights[index] = (this.weights[index] as number) + weight;
        if (this.leads[index] !== lead) this.leads[index] = -1;
        this.last = index;
        // The title is read first: the abstract's first occurrence says how the paper writes the pair.
        if (!inTitle && this.spelledInTitle[index] === 1) this.spell(index, rawA, rawB, inTitle, rawLead, joined);
        return -1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size++;
    if (index === this.firsts.length) this.grow();
    this.firsts[index] = a;
    this.seconds[index] = b;
    this.weights[index] = weight;
    this.endsPhrase[index] = 0;
    this.leads[index] = lead;
    this.last = index;
    this.spell(index, rawA, rawB, inTitle, rawLead, joined);
    const at = slot * STRIDE;
    slots[at] = stamp;
    slots[at + 1] = a;
    slots[at + 2] = b;
    slots[at + 3] = index;
    if (++this.inPaper * 2 > mask) this.widen();
    return index;
  }

  /**
   * The distinct pairs: `firsts` and `seconds` per group, and per pair index (`of`) its group when two
   * papers or more write the pair, else -2 - its group (a pair of one paper). Groups are numbered by
   * first term, then by where the pair first comes.
   */
  group(terms: number): { readonly of: Int32Array; readonly firsts: Int32Array; readonly seconds: Int32Array; readonly count: number } {
    const { size, firsts, seconds } = this;
    // A counting sort of the pairs by first term: `order` holds pair indexes, `second` beside it their second terms.
    const from = new Int32Array(terms + 1);
    for (let i = 0; i < size; i++) from[(firsts[i] as number) + 1] = (from[(firsts[i] as number) + 1] as number) + 1;
    for (let t = 0; t < terms; t++) from[t + 1] = (from[t + 1] as number) + (from[t] as number);
    const cursor = from.slice(0, terms);
    const order = new Int32Array(size);
    const second = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const at = (cursor[firsts[i] as number] as number);
      cursor[firsts[i] as number] = at + 1;
      order[at] = i;
      second[at] = seconds[i] as number;
    }
    const of = new Int32Array(size);
    const groupFirsts = new Int32Array(size);
    const groupSeconds = new Int32Array(size);
    // Per second term, in the first term's run: the run that last saw it, how many papers, its group.
    const seenIn = new Int32Array(terms).fill(-1);
    const papers = new Int32Array(terms);
    const groupOf = new Int32Array(terms);
    let count = 0;
    for (let t = 0; t < terms; t++) {
      const start = from[t] as number;
      const end = from[t + 1] as number;
      if (end - start === 1) {
        // Most first terms start one pair of one paper.
        groupFirsts[count] = t;
        groupSeconds[count] = second[start] as number;
        of[order[start] as number] = -2 - count++;
        continue;
      }
      for (let k = start; k < end; k++) {
        const s = second[k] as number;
        if (seenIn[s] !== t) {
          seenIn[s] = t;
          papers[s] = 0;
          groupFirsts[count] = t;
          groupSeconds[count] = s;
          groupOf[s] = count++;
        }
        papers[s] = (papers[s] as number) + 1;
      }
      for (let k = start; k < end; k++) {
        const s = second[k] as number;
        of[order[k] as number] = (papers[s] as number) >= 2 ? groupOf[s] as number : -2 - (groupOf[s] as number);
      }
    }
    return { of, firsts: groupFirsts, seconds: groupSeconds, count };
  }

  private spell(index: number, rawA: number, rawB: number, inTitle: boolean, rawLead: number, joined: boolean): void {
    this.spelledLead[index] = rawLead;
    this.spelledJoined[index] = joined ? 1 : 0;
    this.spelledFirst[index] = rawA;
    this.spelledSecond[index] = rawB;
    this.spelledInTitle[index] = inTitle ? 1 : 0;
  }

  private grow(): void {
    const length = this.firsts.length * 2;
    this.firsts = grown(this.firsts, length);
    this.seconds = grown(this.seconds, length);
    this.weights = grown(this.weights, length);
    this.spelledFirst = grown(this.spelledFirst, length);
    this.spelledSecond = grown(this.spelledSecond, length);
    this.spelledInTitle = grown(this.spelledInTitle, length);
    this.spelledJoined = grown(this.spelledJoined, length);
    this.endsPhrase = grown(this.endsPhrase, length);
    this.leads = grown(this.leads, length);
    this.spelledLead = grown(this.spelledLead, length);
  }

  /** Doubles the paper's table, with the paper's pairs so far (a paper of more than a few hundred pairs). */
  private widen(): void {
    const old = this.slots;
    const { stamp } = this;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * STRIDE);
    // The new table is all zeros: the stamps of earlier papers are gone with the old one.
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] !== stamp) continue;
      const a = old[at + 1] as number;
      const b = old[at + 2] as number;
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
      while (this.slots[slot * STRIDE] === stamp) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(at, at + STRIDE), slot * STRIDE);
    }
  }
}

/** Numbers per slot of a paper's table: stamp, first, second, index (a slot never straddles a cache line). */
const STRIDE = 4;

/**
 * One instance kept for good, so that PairCounts's hidden classes outlive the rankers: V8 holds them only
 * through instances, and when a ranker's were collected before the next was made, the next got new
 * ones and V8 threw the optimized code that reads them away on every ranker (as analyze.ts explains).
 */
export const PAIRCOUNTS_SHAPE = new PairCounts();
