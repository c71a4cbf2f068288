import { describe, expect, test } from 'vitest';
import { grown } from './typed-arrays.ts';

describe('grown', () => {
  test('a longer array of the same kind, the old values first and zeros after', () => {
    const ints = grown(Int32Array.of(-1, 7), 4);
    const floats = grown(Float32Array.of(0.5), 3);
    const chars = grown(Uint16Array.of(65, 66), 3);
    expect([ints, floats, chars].map((a) => [a.constructor.name, [...a]])).toEqual([
      ['Int32Array', [-1, 7, 0, 0]],
      ['Float32Array', [0.5, 0, 0]],
      ['Uint16Array', [65, 66, 0]],
    ]);
  });

  test('never shorter than the array it grows, and a copy, not the same array', () => {
    const old = Float64Array.of(1, 2, 3);
    const copy = grown(old, 2);
    copy[0] = 9;
    expect([[...copy], [...old]]).toEqual([[9, 2, 3], [1, 2, 3]]);
  });
});
