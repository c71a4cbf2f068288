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

/**
 * Each member's key for Message-IDs and outbox files: the name's slug (the address's local part when
 * the name has no ASCII letter), "-2", "-3" after it for a later member whose name gives the same slug
 * ("Zoe Muller" after "Zoë Müller"), so no two members share an id or a file. In the config's order.
 */
export function memberKeys(members: readonly { readonly name: string; readonly email?: string | undefined }[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Map<string, number>();
  for (const m of members) {
    const base = slug(m.name) || slug(m.email?.split('@')[0] ?? '') || 'member';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    keys.set(m.name, n === 1 ? base : `${base}-${n}`);
  }
  return keys;
}
