import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import WeekPager from './WeekPager.svelte';
import { DEFAULT_VIEW, hrefFor, type ViewState } from '../state/url-state.ts';

afterEach(cleanup);

const THIS_WEEK = '2026-W49';
const at = (week: string): ViewState => ({ ...DEFAULT_VIEW, page: 'picks', week: week === THIS_WEEK ? null : week });
const links = () => screen.getAllByRole('link').map((a) => [a.textContent?.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]);

test('this week: the week before only, or the week after too where the view may look ahead', () => {
  render(WeekPager, { props: { week: THIS_WEEK, thisWeek: THIS_WEEK, at, onnavigate: vi.fn() } });
  expect(links()).toEqual([['← Week before', hrefFor(at('2026-W48'))]]);
  cleanup();
  render(WeekPager, { props: { week: THIS_WEEK, thisWeek: THIS_WEEK, at, ahead: true, onnavigate: vi.fn() } });
  expect(links()).toEqual([['← Week before', hrefFor(at('2026-W48'))], ['Week after →', hrefFor(at('2026-W50'))]]);
});

test('another week: before, this week and after; a plain click navigates in place, a modified one is left to the browser', async () => {
  const onnavigate = vi.fn();
  render(WeekPager, { props: { week: '2026-W40', thisWeek: THIS_WEEK, at, onnavigate } });
  expect(links()).toEqual([
    ['← Week before', hrefFor(at('2026-W39'))], ['This week', hrefFor(at(THIS_WEEK))], ['Week after →', hrefFor(at('2026-W41'))],
  ]);
  await fireEvent.click(screen.getByRole('link', { name: 'This week' }));
  expect(onnavigate).toHaveBeenCalledWith(at(THIS_WEEK));
  await fireEvent.click(screen.getByRole('link', { name: /Week after/ }), { ctrlKey: true });
  expect(onnavigate).toHaveBeenCalledTimes(1);
});
