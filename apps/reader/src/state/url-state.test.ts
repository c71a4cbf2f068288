import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW, clearFilters, formatViewState, hasFilters, hrefFor, parseViewState, type ViewState } from './url-state.ts';

describe('URL state', () => {
  const states: ViewState[] = [
    DEFAULT_VIEW,
    { ...DEFAULT_VIEW, date: '2026-08-17' },
    { ...DEFAULT_VIEW, member: 'Yanhao Deng', area: 'mlip-interfaces' },
    { ...DEFAULT_VIEW, q: 'solid electrolyte & PEO', show: 'starred' },
    { ...DEFAULT_VIEW, page: 'archive', member: 'Naibing Wu' },
    { page: 'digest', date: '2026-08-10', member: 'Zoë O’Brien', area: 'phase-field-sei', q: 'Li|Li6PS5Cl', show: 'unread', week: null },
    { ...DEFAULT_VIEW, show: 'group' },
    { ...DEFAULT_VIEW, show: 'dismissed', area: 'mlip-interfaces' },
    { ...DEFAULT_VIEW, page: 'picks' },
    { ...DEFAULT_VIEW, page: 'meeting', week: '2026-W35' },
  ];
  test.each(states.map((s) => [formatViewState(s), s] as const))('round trip %s', (query, state) => {
    expect(parseViewState(query)).toEqual(state);
  });

  test('defaults are left out of the URL', () => {
    expect(formatViewState(DEFAULT_VIEW)).toBe('');
    expect(hrefFor(DEFAULT_VIEW)).toBe('./');
    expect(formatViewState({ ...DEFAULT_VIEW, member: 'Yanhao Deng', show: 'unread' })).toBe('?member=Yanhao+Deng&show=unread');
  });

  test('a shared link is read back', () => {
    expect(parseViewState('?d=2026-08-17&member=Naibing+Wu&area=polymer-electrolytes&q=PEO')).toEqual({
      page: 'digest', date: '2026-08-17', member: 'Naibing Wu', area: 'polymer-electrolytes', q: 'PEO', show: 'all', week: null,
    });
    expect(formatViewState({ ...DEFAULT_VIEW, page: 'meeting', week: '2026-W35' })).toBe('?view=meeting&week=2026-W35');
  });

  test('a week belongs to the group views only', () => {
    expect(formatViewState({ ...DEFAULT_VIEW, week: '2026-W35' })).toBe('');
    expect(formatViewState({ ...DEFAULT_VIEW, page: 'picks', week: '2026-W35', show: 'group' })).toBe('?view=picks&show=group&week=2026-W35');
  });

  test('nonsense falls back to the defaults', () => {
    expect(parseViewState('?d=yesterday&show=everything&member=%20%20&view=nope&week=35')).toEqual(DEFAULT_VIEW);
  });

  test('filters are detected and cleared, the date kept', () => {
    const state: ViewState = { ...DEFAULT_VIEW, date: '2026-08-17', q: 'SEI' };
    expect(hasFilters(state)).toBe(true);
    expect(clearFilters(state)).toEqual({ ...DEFAULT_VIEW, date: '2026-08-17' });
    expect(hasFilters(clearFilters(state))).toBe(false);
  });
});
