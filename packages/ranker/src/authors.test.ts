import { expect, test } from 'vitest';
import { followedAuthorsIn } from './authors.ts';

test.each([
  [['Boris Kozinsky'], ['B. Kozinsky'], ['Boris Kozinsky']],
  [['Boris Kozinsky'], ['Kozinsky, Boris'], ['Boris Kozinsky']],
  [['Kozinsky'], ['Anna Kozinsky'], ['Kozinsky']],
  [['Boris Kozinsky'], ['A. Kozinsky'], []],
  [['Yanhao Deng'], ['Yanhao Déng'], ['Yanhao Deng']],
  [['Naibing Wu'], ['N. Wu', 'X. Li'], ['Naibing Wu']],
  [['Naibing Wu'], ['Wei Wang'], []],
])('follows %j among %j -> %j', (followed, authors, expected) => {
  expect(followedAuthorsIn(followed, authors)).toEqual(expected);
});
