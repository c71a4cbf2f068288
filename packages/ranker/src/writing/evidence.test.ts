import { parseGroupConfig } from '@labdigest/core';
import { readDefaultConfigText } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { ACRONYMS } from '../words/acronyms.ts';
import { noteVocabulary } from './evidence.ts';
import { displayKeyword } from '../words/grammar.ts';
import { createRanker } from '../rank.ts';

test('the note vocabulary\'s words, made when a note first asks, are every feature\'s display form and the names of methods', () => {
  const parsed = parseGroupConfig(readDefaultConfigText());
  if (!parsed.ok) throw new Error('digest.config.yaml is invalid');
  const { lexicon } = createRanker(parsed.config);
  const vocabulary = noteVocabulary(lexicon);
  const display = vocabulary.display;
  expect(display).toEqual(lexicon.features.map((f) => displayKeyword(f.keyword, ACRONYMS)));
  // Made once: the same array and set when read again.
  expect(vocabulary.display).toBe(display);
  expect(vocabulary.methods).toBe(vocabulary.methods);
  // The focus's keywords and the names among the keywords name methods; the field's acronyms for things do not.
  // ("molecular dynamics" is written "MD" in notes).
  expect([...vocabulary.methods].filter((m) => ['DFT', 'NequIP', 'MD', 'molecular dynamics', 'SEI', 'solid electrolyte'].includes(m)).sort())
    .toEqual(['DFT', 'MD', 'NequIP']);
  expect(vocabulary.methods.size).toBe(33); // the focus keywords of digest.config.yaml and the named methods
});
