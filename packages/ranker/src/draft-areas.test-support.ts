import { termOf } from './stem.ts';

/** A text as draftAreas matches phrases: words stemmed, joined by single spaces, padded with spaces. */
export function stemmedKey(text: string): string {
  return ` ${(text.match(/[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).map((w) => termOf(/[A-Z].*[A-Z]/.test(w) ? w : w.toLowerCase())).join(' ')} `;
}
