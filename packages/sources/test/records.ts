import { paperSchema, type Paper, type PaperInput } from '@labdigest/core';
import { journalRecord as journal, preprintRecord as preprint } from '@labdigest/fixtures';

// The same paper as an arXiv preprint and as its journal version (fixtures/corpus-records.ts).
export const preprintRecord: Paper = paperSchema.parse(preprint);
export const journalRecord: Paper = paperSchema.parse(journal);

/** A valid Paper from a few fields (the rest defaulted by the core schema). */
export function paper(input: PaperInput): Paper {
  return paperSchema.parse(input);
}
