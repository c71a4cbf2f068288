import { describe, expect, test } from 'vitest';
import type { DigestEntry } from '@labdigest/core';
import { rowSnippet, snippetAround } from './snippet.ts';
import { newestBriefing } from '../../test/sample-digests.ts';

// Paper 4 of the briefing, folded: "Stochastic Neural Network Symmetrisation in Markov Categories", by Rob Cornish.
const paper = newestBriefing.sections[0]?.papers[3] as DigestEntry;

describe('snippetAround', () => {
  test('a short text is quoted whole', () => {
    expect(snippetAround('Li dendrites grow at grain boundaries.', ['grain'])).toBe('Li dendrites grow at grain boundaries.');
  });
  test('a long text: the words around the first hit, cut at spaces, with ellipses where cut', () => {
    const text = `${'alpha '.repeat(40)}the needle sits here ${'omega '.repeat(40)}`.trim();
    expect(snippetAround(text, ['needle'], 60)).toBe('…alpha alpha the needle sits here omega omega omega omega…');
    // The first hit of any word: "needle" comes before "omega".
    expect(snippetAround(text, ['omega', 'needle'], 60)).toBe('…alpha alpha the needle sits here omega omega omega omega…');
  });
  test('a hit at the start: no leading ellipsis', () => {
    expect(snippetAround(`Needle first, ${'then words '.repeat(30)}`, ['needle'], 40)).toBe('Needle first, then words then words then…');
  });
  test('no hit: null', () => {
    expect(snippetAround('Li dendrites grow.', ['sodium'])).toBeNull();
  });
});

describe('rowSnippet', () => {
  test('nothing when the row shows every search word (title, source line, members)', () => {
    expect([rowSnippet(paper, []), rowSnippet(paper, ['markov']), rowSnippet(paper, ['2406.11814', 'yanhao'])]).toEqual([null, null, null]);
  });
  test('the abstract, when only it has the word', () => {
    expect(rowSnippet(paper, ['markov', 'canonicalisation']))
      .toBe('…Our approach recovers existing canonicalisation and averaging techniques for symmetrising deterministic models, and extends to…');
  });
  test('the author list, when only it has the word', () => {
    expect(rowSnippet(paper, ['cornish'])).toBe('Rob Cornish');
  });
});
