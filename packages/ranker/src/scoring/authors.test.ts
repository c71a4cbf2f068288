import { expect, test } from 'vitest';
import { followedAuthorsIn, groupAuthorMatcher } from './authors.ts';

test.each([
  [['Boris Kozinsky'], ['B. Kozinsky'], ['Boris Kozinsky']],
  [['Boris Kozinsky'], ['Kozinsky, Boris'], ['Boris Kozinsky']],
  [['Kozinsky'], ['Anna Kozinsky'], ['Kozinsky']],
  [['Boris Kozinsky'], ['A. Kozinsky'], []],
  [['Yanhao Deng'], ['Yanhao Déng'], ['Yanhao Deng']],
  [['Naibing Wu'], ['N. Wu', 'X. Li'], ['Naibing Wu']],
  [['Naibing Wu'], ['Wei Wang'], []],
  // One initial, two people: spelt-out first names must agree (sample corpus papers by Yixiao and Yifan Deng).
  [['Yanhao Deng'], ['Yixiao Deng'], []],
  [['Yanhao Deng'], ['Deng, Yifan'], []],
  [['Yanhao Deng'], ['Yan-Hao Deng'], ['Yanhao Deng']],
  [['Yanhao Deng'], ['Deng, Yanhao'], ['Yanhao Deng']],
  [['Yanhao Deng'], ['Y.-H. Deng'], ['Yanhao Deng']],
  [['Boris Kozinsky'], ['KOZINSKY B'], ['Boris Kozinsky']],
  [['B. Kozinsky'], ['Bruno Kozinsky'], ['B. Kozinsky']],
])('follows %j among %j -> %j', (followed, authors, expected) => {
  expect(followedAuthorsIn(followed, authors)).toEqual(expected);
});

test('one matcher for the group answers per member, and nothing for a paper by none of them', () => {
  const match = groupAuthorMatcher([['Boris Kozinsky'], [], ['Naibing Wu', 'Kozinsky']]);
  expect(match(['B. Kozinsky', 'X. Li'])).toEqual([['Boris Kozinsky'], [], ['Kozinsky']]);
  expect(match(['N. Wu'])).toEqual([[], [], ['Naibing Wu']]);
  // The name holds a followed surname, but inside another surname: the prefilter passes it, the match does not.
  expect(match(['A. Kozinsky-Smith'])).toBeUndefined();
  expect(match(['Wei Wang'])).toBeUndefined();
  expect(groupAuthorMatcher([[], []])(['B. Kozinsky'])).toBeUndefined();
});
