import { describe, expect, test } from 'vitest';
import { PhraseTrie } from './phrase-trie.ts';

describe('PhraseTrie', () => {
  // "phase field" (feature 0), "phase field model" (1), "phase" (2) and "field" (3), and "phase" again for feature 4.
  const trie = PhraseTrie.build((add) => {
    add([0, 1], 0);
    add([0, 1, 2], 1);
    add([0], 2);
    add([1], 3);
    add([0], 4);
  });

  test('a walk from the root finds each phrase\'s features where it ends', () => {
    const phase = trie.child(0, 0);
    const field = trie.child(phase, 1);
    const model = trie.child(field, 2);
    expect([...trie.endsAt(phase)]).toEqual([2, 4]);
    expect([...trie.endsAt(field)]).toEqual([0]);
    expect([...trie.endsAt(model)]).toEqual([1]);
    expect([...trie.endsAt(trie.child(0, 1))]).toEqual([3]);
    expect([trie.branches[phase], trie.branches[field], trie.branches[model]]).toEqual([1, 1, 0]);
  });

  test('a step no phrase takes is 0, a term id beyond the lexicon\'s included', () => {
    expect(trie.child(0, 2)).toBe(0); // "model" starts no phrase
    expect(trie.child(0, 99)).toBe(0);
    expect(trie.child(trie.child(0, 1), 0)).toBe(0); // nothing goes on from "field"
    expect(trie.endsAt(0).length).toBe(0);
  });

  test('its edges are the phrases\' steps, each once', () => {
    expect(trie.edges()).toEqual([[0, 0, 1], [0, 1, 4], [1, 1, 2], [2, 2, 3]]);
    expect(trie.nodes).toBe(5);
  });

  test('thousands of two-word phrases are each found, and no other', () => {
    const big = PhraseTrie.build((add) => {
      for (let a = 0; a < 100; a++) for (let b = 0; b < 100; b += 3) add([a, b], a * 100 + b);
    });
    for (let a = 0; a < 100; a++) {
      const first = big.child(0, a);
      for (let b = 0; b < 100; b++) {
        const node = big.child(first, b);
        expect(node === 0 ? [] : [...big.endsAt(node)]).toEqual(b % 3 === 0 ? [a * 100 + b] : []);
      }
    }
  });
});
