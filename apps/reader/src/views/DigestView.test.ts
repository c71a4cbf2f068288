import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import DigestView from './DigestView.svelte';
import { createPaperState } from '../state/papers.svelte.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/url-state.ts';
import { firstScreenCount } from '../state/progressive.ts';
import { newestDigest as digest, sampleIndex } from '../../test/sample-digests.ts';

function renderView(view: Partial<ViewState> = {}) {
  const onnavigate = vi.fn();
  const oncomplete = vi.fn();
  const result = render(DigestView, {
    props: {
      digest, view: { ...DEFAULT_VIEW, ...view }, older: sampleIndex.digests[1] ?? null, newer: null,
      papers: createPaperState(null), onnavigate, onexport: vi.fn(), oncomplete,
    },
  });
  return { ...result, onnavigate, oncomplete };
}
/** Renders the view and waits until the progressive fill has put every card in the page. */
async function renderFilled(view: Partial<ViewState> = {}) {
  const result = renderView(view);
  await vi.waitFor(() => expect(result.oncomplete).toHaveBeenCalled(), { timeout: 5000 });
  return result;
}
const papersShown = (c: HTMLElement) => c.querySelectorAll('article.paper').length;
const FIRST_SCREEN = firstScreenCount(window.innerHeight);

afterEach(() => history.replaceState(null, '', '/'));

describe('DigestView', () => {
  test('group, title, one section per area with counts, numbered papers', async () => {
    const { container } = await renderFilled();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(digest.title);
    expect(container.querySelector('.eyebrow')?.textContent).toContain('DENG.Group');
    expect(screen.getAllByRole('heading', { level: 2 }).length).toBe(digest.sections.length);
    for (const s of digest.sections) {
      expect(screen.getByRole('heading', { level: 2, name: `${s.name} ${s.papers.length} paper${s.papers.length === 1 ? '' : 's'}` })).toBeTruthy();
    }
    expect(papersShown(container)).toBe(digest.stats.included);
    const numbers = [...container.querySelectorAll('.number')].map((n) => Number(n.textContent));
    expect(numbers).toEqual(Array.from({ length: digest.stats.included }, (_, i) => i + 1));
  });

  test('a sample digest says so, discreetly', () => {
    renderView();
    expect(screen.getByText('Sample data').className).toContain('badge-sample');
  });

  test('filtering by member shows only that member’s papers, and says how many', async () => {
    const { container } = await renderFilled({ member: 'Naibing Wu' });
    const expected = digest.sections.flatMap((s) => s.papers).filter((p) => p.members.some((m) => m.name === 'Naibing Wu'));
    expect(papersShown(container)).toBe(expected.length);
    expect(screen.getByRole('status').textContent).toContain(`Showing ${expected.length} of ${digest.stats.included} papers for Naibing Wu`);
    const chip = within(screen.getByRole('group', { name: 'Member' })).getByRole('button', { name: `Naibing Wu ${expected.length} papers` });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
  });

  test('filter buttons ask to replace the URL state, keeping the rest', () => {
    const { onnavigate } = renderView({ q: 'SEI' });
    within(screen.getByRole('group', { name: 'Area' })).getByRole('button', { name: /^Polymer Electrolytes/ }).click();
    expect(onnavigate).toHaveBeenCalledWith({ ...DEFAULT_VIEW, q: 'SEI', area: 'polymer-electrolytes' }, { replace: true });
  });

  test('the facets fold behind one "Filters" button beside the search (on a phone), which says how many are on', async () => {
    const { container } = renderView({ member: 'Naibing Wu', show: 'unread' });
    const toggle = screen.getByRole('button', { name: 'Filters, 2 on' });
    expect([toggle.getAttribute('aria-expanded'), toggle.getAttribute('aria-controls')]).toEqual(['false', 'filter-facets']);
    expect(container.querySelector('.filters')?.classList.contains('is-open')).toBe(false);
    // The facets and the starred export are inside what it opens.
    const facets = document.getElementById('filter-facets') as HTMLElement;
    expect([...facets.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-labelledby'))).toEqual(['facet-member', 'facet-area', 'facet-show']);
    expect(facets.querySelector('.export')?.textContent?.trim()).toBe('Star papers to export them as BibTeX.');
    await fireEvent.click(toggle);
    expect([toggle.getAttribute('aria-expanded'), container.querySelector('.filters')?.classList.contains('is-open')]).toEqual(['true', true]);
  });

  test('a search with no hits says so and offers to clear', () => {
    const { container, onnavigate } = renderView({ q: 'zzz-no-such-word' });
    expect(papersShown(container)).toBe(0);
    expect(screen.getByRole('heading', { name: 'No papers match' })).toBeTruthy();
    screen.getByRole('button', { name: 'Clear filters' }).click();
    expect(onnavigate).toHaveBeenCalledWith(DEFAULT_VIEW, { replace: true });
  });

  test('previous and next digests are links that keep the filters', () => {
    renderView({ member: 'Yanhao Deng' });
    const older = screen.getByRole('link', { name: /Older/ });
    expect(older.getAttribute('href')).toBe(`?d=${sampleIndex.digests[1]?.date}&member=Yanhao+Deng`);
    expect(screen.getByText('Latest digest')).toBeTruthy();
  });
});

describe('DigestView, progressive rendering', () => {
  const all = digest.stats.included;
  const numbersShown = (c: HTMLElement) => [...c.querySelectorAll('article.paper')].map((a) => a.id);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `paper-${i + 1}`);

  test('the first pass renders the first screen in digest order, the rest arrive afterwards', async () => {
    expect(all).toBeGreaterThan(FIRST_SCREEN + 10);
    const { container, oncomplete } = renderView();
    expect(numbersShown(container)).toEqual(ids(FIRST_SCREEN));
    // Sections the fill has not reached are not in the page yet: no heading above an empty gap.
    expect(container.querySelectorAll('section.area').length).toBe(1);
    expect(oncomplete).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(oncomplete).toHaveBeenCalled(), { timeout: 5000 });
    expect(numbersShown(container)).toEqual(ids(all));
    expect(container.querySelectorAll('section.area').length).toBe(digest.sections.length);
  });

  test('a link to a paper not rendered yet renders up to it and scrolls to it', async () => {
    // What was scrolled to, and how many cards were in the page then.
    const scrolled: [string, number][] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push([this.id, document.querySelectorAll('article.paper').length]);
    });
    try {
      history.replaceState(null, '', '/#paper-30');
      renderView();
      await vi.waitFor(() => expect(scrolled.length).toBe(1));
      const [[id, cards] = ['', 0]] = scrolled;
      expect(id).toBe('paper-30');
      expect(cards).toBeGreaterThanOrEqual(30);
      expect(cards).toBeLessThan(all);

      // A section link after the fill: the heading is there already, the browser scrolls by itself.
      history.replaceState(null, '', '/#area-halide-electrolytes');
      await vi.waitFor(() => expect(document.querySelectorAll('article.paper').length).toBe(all), { timeout: 5000 });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await tick();
      expect(scrolled.length).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('a section link while the fill is going renders the section, with cards after its heading', async () => {
    const scrolled: [string, number][] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push([this.id, document.querySelectorAll('#area-phase-field-sei ~ ol article.paper').length]);
    });
    try {
      renderView();
      history.replaceState(null, '', '/#area-phase-field-sei');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await vi.waitFor(() => expect(scrolled.length).toBe(1));
      expect(scrolled[0]?.[0]).toBe('area-phase-field-sei');
      expect(scrolled[0]?.[1]).toBeGreaterThanOrEqual(Math.min(FIRST_SCREEN, 11));
    } finally {
      spy.mockRestore();
    }
  });

  test('j past the last card rendered so far renders the next one and moves to it', async () => {
    const { container, oncomplete } = renderView();
    const last = container.querySelector<HTMLElement>(`#paper-${FIRST_SCREEN}`);
    last?.focus();
    expect(document.activeElement).toBe(last);
    await fireEvent.keyDown(window, { key: 'j' });
    await tick();
    expect(oncomplete).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe(`paper-${FIRST_SCREEN + 1}`);
  });

  test('a change of filters starts again from the first screen; a read mark does not', async () => {
    const papers = createPaperState(null);
    const props = {
      digest, view: { ...DEFAULT_VIEW, member: 'Naibing Wu' }, older: null, newer: null,
      papers, onnavigate: vi.fn(), onexport: vi.fn(), oncomplete: vi.fn(),
    };
    const { container, rerender } = render(DigestView, { props });
    await vi.waitFor(() => expect(props.oncomplete).toHaveBeenCalledTimes(1), { timeout: 5000 });

    await rerender({ view: { ...DEFAULT_VIEW, show: 'unread' } });
    expect(papersShown(container)).toBe(FIRST_SCREEN);
    await vi.waitFor(() => expect(props.oncomplete).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(papersShown(container)).toBe(all);

    const first = digest.sections[0]?.papers[0];
    if (!first) throw new Error('the sample digest has no papers');
    await papers.setRead(first, true);
    await tick();
    expect(papersShown(container)).toBe(all - 1);
  });
});
