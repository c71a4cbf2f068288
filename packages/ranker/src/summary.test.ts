import { expect, test } from 'vitest';
import { splitSentences, summarize } from './summary.ts';

const abstract = 'Solid polymer electrolytes promise safer batteries. However, their ionic conductivity is low at room '
  + 'temperature, e.g. below 0.1 mS/cm. Here we show that segmental motion in PEO can be decoupled from ion transport. '
  + 'The samples were dried at 80 °C. We find a conductivity of 1.2 mS/cm, ten times that of Li et al. in Fig. 2.';

test('sentences keep abbreviations and decimals inside', () => {
  expect(splitSentences(abstract).map((s) => s.text)).toEqual([
    'Solid polymer electrolytes promise safer batteries.',
    'However, their ionic conductivity is low at room temperature, e.g. below 0.1 mS/cm.',
    'Here we show that segmental motion in PEO can be decoupled from ion transport.',
    'The samples were dried at 80 °C.',
    'We find a conductivity of 1.2 mS/cm, ten times that of Li et al. in Fig. 2.',
  ]);
});

test('the summary keeps the opening and the weighted sentences, in order, within the word budget', () => {
  const weightAt = (start: number, end: number) => (abstract.slice(start, end).includes('PEO') ? 3 : 0);
  const summary = summarize(abstract, weightAt, { maxSentences: 2 });
  expect(summary).toBe('Solid polymer electrolytes promise safer batteries. Here we show that segmental motion in PEO can be decoupled from ion transport.');
});

test('a long single sentence is clipped at the word budget', () => {
  const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
  expect(summarize(long, () => 0, { maxWords: 10 }).split(' ')).toHaveLength(10);
});

test('a publisher\'s "Abstract" heading is not part of the summary', () => {
  expect(summarize('ABSTRACT Halide electrolytes conduct. They are soft.', () => 0)).toBe('Halide electrolytes conduct. They are soft.');
  expect(summarize('Abstract: One sentence only', () => 0)).toBe('One sentence only');
});
