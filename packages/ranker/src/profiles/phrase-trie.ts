/**
 * The lexicon's phrases as a trie over term ids, in typed arrays: what the analyzer walks for every
 * word of every paper that may be a term. A phrase of one word is one step from the root, looked up
 * by the term id itself (`roots`); the few longer ones step on through a hash table of (node, term)
 * edges. A Map per node cost the department's 20,000 features a hash look-up and an array iterator
 * for each of the corpus's two million term occurrences: a fifth of its ranking.
 */
export class PhraseTrie {
  /** Term id -> the root's child for it (0: no phrase starts with the term). */
  readonly roots: Int32Array;
  /** Node -> 1 when some phrase goes on from it. */
  readonly branches: Uint8Array;
  /** The features that end at node k are `endFeatures[endStart[k]..endStart[k + 1])`, ascending. */
  readonly endStart: Int32Array;
  readonly endFeatures: Int32Array;
  /** Nodes, the root included. */
  readonly nodes: number;
  // The edges below the first word: open addressing over (parent, term), side by side with the child
  // (a parent of 0 marks an empty slot: the root's edges are in `roots`).
  private readonly slots: Int32Array;
  private readonly mask: number;

  private constructor(builder: PhraseTrieBuilder) {
    const { edges, ends } = builder;
    this.nodes = ends.length;
    this.roots = new Int32Array(builder.terms);
    this.branches = new Uint8Array(this.nodes);
    const deeper = edges.length / 3 - builder.rootEdges;
    let capacity = 8;
    while (capacity < deeper * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3);
    for (let e = 0; e < edges.length; e += 3) {
      const parent = edges[e] as number;
      const term = edges[e + 1] as number;
      const child = edges[e + 2] as number;
      this.branches[parent] = 1;
      if (parent === 0) { this.roots[term] = child; continue; }
      let slot = hashOf(parent, term) & this.mask;
      while ((this.slots[slot * 3] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = parent;
      this.slots[slot * 3 + 1] = term;
      this.slots[slot * 3 + 2] = child;
    }
    this.endStart = new Int32Array(this.nodes + 1);
    let total = 0;
    for (let k = 0; k < this.nodes; k++) {
      this.endStart[k] = total;
      total += (ends[k] as number[]).length;
    }
    this.endStart[this.nodes] = total;
    this.endFeatures = new Int32Array(total);
    for (let k = 0; k < this.nodes; k++) this.endFeatures.set((ends[k] as number[]).sort((a, b) => a - b), this.endStart[k] as number);
  }

  /** A trie made by `add`ing each phrase's term ids and the feature it stands for. */
  static build(fill: (add: (terms: readonly number[], feature: number) => void) => void): PhraseTrie {
    const builder = new PhraseTrieBuilder();
    fill((terms, feature) => builder.add(terms, feature));
    return new PhraseTrie(builder);
  }

  /** The child of `node` for term id `term`, or 0. */
  child(node: number, term: number): number {
    if (node === 0) return term < this.roots.length ? this.roots[term] as number : 0;
    const { slots, mask } = this;
    let slot = hashOf(node, term) & mask;
    for (;;) {
      const parent = slots[slot * 3] as number;
      if (parent === 0) return 0;
      if (parent === node && slots[slot * 3 + 1] === term) return slots[slot * 3 + 2] as number;
      slot = (slot + 1) & mask;
    }
  }

  /** The features that end at `node`, ascending. */
  endsAt(node: number): Int32Array {
    return this.endFeatures.subarray(this.endStart[node], this.endStart[node + 1]);
  }

  /** Every edge as [parent, term, child], by parent then term: the trie's shape, for tests and comparisons. */
  edges(): [number, number, number][] {
    const out: [number, number, number][] = [];
    this.roots.forEach((child, term) => { if (child !== 0) out.push([0, term, child]); });
    for (let s = 0; s < this.slots.length; s += 3) {
      if (this.slots[s] !== 0) out.push([this.slots[s] as number, this.slots[s + 1] as number, this.slots[s + 2] as number]);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
}

/** The edges and ends while phrases are added, numbered as they come (the root is node 0). */
class PhraseTrieBuilder {
  /** [parent, term, child] after one another. */
  readonly edges: number[] = [];
  readonly ends: number[][] = [[]];
  rootEdges = 0;
  /** One more than the largest term id seen. */
  terms = 0;
  /** parent x 2^32 + term -> child. */
  private readonly index = new Map<number, number>();

  add(terms: readonly number[], feature: number): void {
    let node = 0;
    for (const term of terms) {
      this.terms = Math.max(this.terms, term + 1);
      const key = node * 0x100000000 + term;
      let next = this.index.get(key);
      if (next === undefined) {
        next = this.ends.length;
        this.index.set(key, next);
        this.ends.push([]);
        this.edges.push(node, term, next);
        if (node === 0) this.rootEdges++;
      }
      node = next;
    }
    const here = this.ends[node] as number[];
    if (!here.includes(feature)) here.push(feature);
  }
}

/** Mixes a (node, term) pair into 32 bits for the edge table. */
function hashOf(node: number, term: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ term;
  return Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ (h >>> 13);
}
