/** Small pieces of English the digest's sentences share (notes, the learned lines). Pure; no dependencies. */

/** "a", "a and b", "a, b and c" (no serial comma, as the digest writes). Written out: Intl.ListFormat costs microseconds a call. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Naibing Wu's", "DENG.Group's", "Thomas'". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
