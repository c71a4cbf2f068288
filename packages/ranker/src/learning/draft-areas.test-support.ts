import { termOf } from '../words/stem.ts';

/** A text as draftAreas matches phrases: words stemmed (a hyphenated word's parts apart), joined by single spaces, padded with spaces. */
export function stemmedKey(text: string): string {
  return ` ${(text.match(/[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).map((w) => (/[A-Z].*[A-Z]|^[A-Z][a-z]?\d/.test(w) ? w : w.toLowerCase()).split('-').filter(Boolean).map(termOf).join(' ')).join(' ')} `;
}
