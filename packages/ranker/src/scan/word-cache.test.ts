import { expect, test } from 'vitest';
import { termOf } from '../words/stem.ts';
import { WordCache } from './word-cache.ts';

test('a word is found wherever a text writes it, as its term\'s id, and a word of no term is -1', () => {
  const termIds = new Map([[termOf('dendrites'), 0], [termOf('interphase'), 1]]);
  const cache = new WordCache(termIds);
  const text = 'Dendrites grow; dendrites pierce the interphase, and dendrites short the cell. Dendrite';
  const at = (word: string, from = 0) => { const start = text.indexOf(word, from); return cache.get(text, start, start + word.length); };
  expect(at('dendrites')).toBe(0);
  expect(at('dendrites', 20)).toBe(0); // found again: the same answer
  expect(at('Dendrites')).toBe(0);
  expect(at('interphase')).toBe(1);
  expect(at('grow')).toBe(-1);
  expect(at('Dendrite', 60)).toBe(0); // the singular stems alike
  expect(at('cell')).toBe(-1);
});

test('tens of thousands of distinct words keep their answers as the cache grows', () => {
  const words = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}x`);
  const termIds = new Map(words.filter((_, i) => i % 7 === 0).map((w, k) => [termOf(w), k]));
  const cache = new WordCache(termIds);
  const text = words.join(' ');
  const answers = () => {
    const out: number[] = [];
    let start = 0;
    for (const w of words) { out.push(cache.get(text, start, start + w.length)); start += w.length + 1; }
    return out;
  };
  const first = answers();
  expect(first.filter((v) => v >= 0).length).toBe(termIds.size);
  expect(answers()).toEqual(first);
  expect(first.map((v, i) => v === (termIds.get(termOf(words[i]!)) ?? -1)).every(Boolean)).toBe(true);
});
