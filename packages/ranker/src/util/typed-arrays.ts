/** The typed arrays the ranker's tables grow. */
type Growable = Int32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;

/**
 * A copy of `array` in a new array of its kind, `size` long (at least its length; the rest zero): how
 * the ranker's tables grow, seldom, since each is sized from its input first.
 */
export function grown<T extends Growable>(array: T, size: number): T {
  const more = new (array.constructor as new (length: number) => T)(Math.max(size, array.length));
  more.set(array);
  return more;
}
