// Author lists come as one string in feeds: "A. Name, B. Name (Affiliation, City)" (arXiv RSS),
// "SURNAME, I., SURNAME, I." (bioRxiv), "Name; Name" (RSC), "Last, First" (RIS, BibTeX).
import { cleanPlainText } from './text.ts';

const initials = /^(?:\p{Lu}\p{Ll}?\.[-\s]*)+$/u;

/** "Last, First" -> "First Last"; other forms are only cleaned (LaTeX accents, spaces). */
export function personName(raw: string): string {
  const name = cleanPlainText(raw).replace(/[{}]/g, '');
  const comma = name.indexOf(',');
  if (comma === -1) return name;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  if (first === '' || last === '') return name.replace(/,/g, '').trim();
  // "Toparlar,Y." -> "Y. Toparlar"
  return `${first} ${last}`;
}

/**
 * Names from a list in one string, separated by `separator` (`,` or `;`) or " and " outside
 * parentheses; parenthesised affiliations are dropped. A "SURNAME, I., SURNAME, I." list is paired up.
 */
export function splitAuthorList(list: string, separator: ',' | ';' = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as string;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if (depth === 0 && c === separator) {
      parts.push(current);
      current = '';
    } else if (depth === 0 && list.startsWith(' and ', i)) {
      parts.push(current);
      current = '';
      i += 4;
    } else if (depth === 0 && c !== ')' && c !== ']') {
      current += c;
    }
  }
  parts.push(current);
  const names = parts.map((p) => cleanPlainText(p)).filter((p) => p !== '');
  if (separator === ',' && names.length >= 2 && names.length % 2 === 0
    && names.every((n, i) => (i % 2 === 1) === initials.test(n))) {
    const paired: string[] = [];
    for (let i = 0; i < names.length; i += 2) paired.push(`${names[i + 1]} ${names[i]}`);
    return paired;
  }
  return names;
}
