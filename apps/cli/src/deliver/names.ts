/** Names and dates as messages show them. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `5 Dec` from `2026-12-05`. */
export function dayLabel(date: string): string {
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})$/.exec(date) ?? [];
  return month && day ? `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}` : date;
}

/** `1–5 Dec`, `29 Nov – 5 Dec` or `5 Dec` for the days of a weekly e-mail (any order). */
export function dayRange(dates: readonly string[]): string {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || first === last) return dayLabel(first ?? '');
  if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8, 10))}–${dayLabel(last)}`;
  return `${dayLabel(first)} – ${dayLabel(last)}`;
}

/** Lower-case ASCII letters and digits joined by dashes: `naibing-wu` from "Naibing Wu", `zoe-muller` from "Zoë Müller". */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
