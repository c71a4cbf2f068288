/**
 * Sorts a short array in place, stably, as `Array.prototype.sort` would with the same comparator, but
 * without the work array that V8's sort allocates on every call: the ranker sorts a few items for
 * each of thousands of papers, and those work arrays were a tenth of a ranking's garbage.
 */
export function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  // Past a few dozen items insertion's quadratic moves cost more than the work array: a department's
  // lexicon gives a paper a hundred features and more. Both sorts are stable: the same order.
  if (items.length > LONG) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

const LONG = 32;
