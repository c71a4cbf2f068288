import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { insertionSort } from './insertion-sort.ts';

test.prop([fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() }), { maxLength: 80 })])(
  'sorts as Array.prototype.sort does, ties kept in order, short arrays and long ones',
  (items) => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(insertionSort(items.slice(), byKey)).toEqual(items.slice().sort(byKey));
  },
);
