// What the reader shows lives in the query string, so a link reproduces it:
//   ?d=2026-06-08&member=Yanhao+Deng&area=polymer-electrolytes&q=PEO&show=starred
//   ?view=meeting&week=2026-W35
// Parameters at their default are left out; unknown values fall back to the default.

/**
 * Which papers: all, not yet read by me, starred by me, starred by anyone in the group (a reading
 * room), or the ones I marked "Not for us" (hidden otherwise).
 */
export type Show = 'all' | 'unread' | 'starred' | 'group' | 'dismissed';
/** The digest, the archive, and the reading room's "Group picks" and "Group meeting". */
export type Page = 'digest' | 'archive' | 'picks' | 'meeting';

export interface ViewState {
  readonly page: Page;
  /** The digest's day; null means the newest. */
  readonly date: string | null;
  readonly member: string | null;
  /** An area (section) id. */
  readonly area: string | null;
  readonly q: string;
  readonly show: Show;
  /** The ISO week of the group views (`2026-W35`); null means this week. */
  readonly week: string | null;
}

export const DEFAULT_VIEW: ViewState = { page: 'digest', date: null, member: null, area: null, q: '', show: 'all', week: null };

const SHOWS: readonly Show[] = ['all', 'unread', 'starred', 'group', 'dismissed'];
const PAGES: readonly Page[] = ['archive', 'picks', 'meeting'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^\d{4}-W\d{2}$/;

/** Reads a query string (`location.search`, with or without the leading `?`). */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const text = (key: string) => params.get(key)?.trim() || null;
  const date = text('d');
  const show = text('show');
  const page = text('view');
  const week = text('week');
  return {
    page: PAGES.find((p) => p === page) ?? 'digest',
    date: date && DAY.test(date) ? date : null,
    member: text('member'),
    area: text('area'),
    q: params.get('q') ?? '',
    show: SHOWS.find((s) => s === show) ?? 'all',
    week: week && WEEK.test(week) ? week : null,
  };
}

/** The query string for a state: `?…`, or `` when everything is at its default. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.page !== 'digest') params.set('view', state.page);
  if (state.date) params.set('d', state.date);
  if (state.member) params.set('member', state.member);
  if (state.area) params.set('area', state.area);
  if (state.q.trim()) params.set('q', state.q);
  if (state.show !== 'all') params.set('show', state.show);
  if (state.week && (state.page === 'picks' || state.page === 'meeting')) params.set('week', state.week);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A link to a state, relative to the page, for href attributes (`./` keeps sub-path hosting working). */
export function hrefFor(state: ViewState): string {
  return formatViewState(state) || './';
}

export function hasFilters(state: ViewState): boolean {
  return state.member !== null || state.area !== null || state.q.trim() !== '' || state.show !== 'all';
}

export function clearFilters(state: ViewState): ViewState {
  return { ...state, member: null, area: null, q: '', show: 'all' };
}
