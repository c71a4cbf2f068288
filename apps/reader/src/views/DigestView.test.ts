import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import DigestView from './DigestView.svelte';
import { createPaperState } from '../state/papers.svelte.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/url-state.ts';
import { firstScreenCount } from '../state/progressive.ts';
import type { Digest } from '@labdigest/core';
import { newestBriefing, newestDigest as digest, sampleIndex } from '../../test/sample-digests.ts';

function renderView(view: Partial<ViewState> = {}, of: Digest = digest) {
  const onnavigate = vi.fn();
  const oncomplete = vi.fn();
  const papers = createPaperState(null);
  const result = render(DigestView, {
    props: {
      digest: of, view: { ...DEFAULT_VIEW, ...view }, older: sampleIndex.digests[1] ?? null, newer: null,
      papers, onnavigate, onexport: vi.fn(), oncomplete,
    },
  });
  return { ...result, onnavigate, oncomplete, papers };
}
/** Renders the view and waits until the progressive fill has put every card in the page. */
async function renderFilled(view: Partial<ViewState> = {}, of: Digest = digest) {
  const result = renderView(view, of);
  await vi.waitFor(() => expect(result.oncomplete).toHaveBeenCalled(), { timeout: 5000 });
  return result;
}
const papersShown = (c: HTMLElement) => c.querySelectorAll('article.paper').length;
const FIRST_SCREEN = firstScreenCount(window.innerHeight);

afterEach(() => history.replaceState(null, '', '/'));

test('an area filter this digest has no section for (a renamed area) says so, and one click shows every section', async () => {
  const { onnavigate } = renderView({ area: 'polymer-electrolytes-old' });
  expect(screen.getByRole('heading', { name: 'No papers match' })).toBeTruthy();
  expect(screen.getByText(/This digest has no section “polymer-electrolytes-old”: it was built with other areas\./)).toBeTruthy();
  await fireEvent.click(screen.getByRole('button', { name: 'Show every section' }));
  expect(onnavigate).toHaveBeenCalledWith(expect.objectContaining({ area: null }), { replace: true });
});

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

  test('an area the group taught says what it learned under its heading; the others do not', async () => {
    const [taught, ...rest] = digest.sections as [Digest['sections'][number], ...Digest['sections']];
    const learned = { positives: 3, negatives: 1, words: [{ word: 'ring opening', weight: 0.6 }, { word: 'aqueous', weight: -0.3 }] };
    const { container } = await renderFilled({}, { ...digest, sections: [{ ...taught, learned }, ...rest] });
    const lines = [...container.querySelectorAll('.area-learned')].map((p) => p.textContent);
    expect(lines).toEqual(['Learned from 3 papers the group starred or read and 1 it dismissed: more weight on ring opening; less on aqueous.']);
    expect(container.querySelector(`section[aria-labelledby="area-${taught.id}"] .area-learned`)).not.toBeNull();
  });

  test('filtered for a member who taught their profile, the view says what it learned for them', async () => {
    const [first, ...others] = digest.members as [Digest['members'][number], ...Digest['members']];
    const learned = { positives: 2, negatives: 0, words: [{ word: 'ring opening', weight: 0.6 }] };
    const taught = { ...digest, members: [{ ...first, learned }, ...others] };
    const { container } = await renderFilled({ member: first.name }, taught);
    expect(container.querySelector('.member-learned')?.textContent).toBe(`Learned from 2 papers ${first.name} starred or read: more weight on ring opening.`);
    const unfiltered = await renderFilled({}, taught);
    expect(unfiltered.container.querySelector('.member-learned')).toBeNull();
  });

  test('a version 1 digest: every paper a full card, no fold, the count as before', async () => {
    const { container } = await renderFilled();
    expect(container.querySelectorAll('.more, .is-row').length).toBe(0);
    expect(container.querySelector('.digest-meta')?.textContent).toContain('38 papers of 1,542 considered');
  });

  test('an area with nothing this time is one line under its heading, without its description', async () => {
    const [quiet, ...rest] = digest.sections as [Digest['sections'][number], ...Digest['sections']];
    const { container } = await renderFilled({}, { ...digest, sections: [{ ...quiet, papers: [] }, ...rest] });
    const area = container.querySelector(`section[aria-labelledby="area-${quiet.id}"]`) as HTMLElement;
    expect([...area.children].map((e) => `${e.tagName} ${e.textContent?.replace(/\s+/g, ' ').trim()}`)).toEqual([
      `H2 ${quiet.name} 0 0 papers`, 'P Nothing in this area passed the relevance threshold this time.',
    ]);
    expect(container.querySelectorAll('.area-description').length).toBe(rest.filter((s) => s.description).length);
  });

  test('a digest with nothing in it says so once, and links to the one before', () => {
    const empty = { ...digest, sections: digest.sections.map((s) => ({ ...s, papers: [] })), stats: { considered: 312, included: 0 } };
    const { container } = renderView({}, empty);
    expect(container.querySelectorAll('section.area').length).toBe(0);
    const note = container.querySelector('.digest-empty') as HTMLElement;
    expect(note.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Nothing for the group this time None of the 312 papers considered passed the relevance threshold\. Read the digest of .+\.$/);
    expect(within(note).getByRole('link').getAttribute('href')).toContain(sampleIndex.digests[1]?.date);
    const none = renderView({}, { ...empty, stats: { considered: 0, included: 0 } });
    expect(none.container.querySelector('.digest-empty p')?.textContent).toContain('No new paper came in.');
  });

  test('an area with no pick this time shows its papers folded, without its description', async () => {
    const [quiet, ...rest] = digest.sections as [Digest['sections'][number], ...Digest['sections']];
    const folded = { ...quiet, papers: quiet.papers.map((p) => ({ ...p, pick: false })) };
    const { container } = await renderFilled({}, { ...digest, sections: [folded, ...rest] });
    const area = container.querySelector(`section[aria-labelledby="area-${quiet.id}"]`) as HTMLElement;
    expect([...area.children].map((e) => e.tagName)).toEqual(['H2', 'DIV']);
    expect(area.querySelector('.more-toggle')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`${quiet.papers.length} more in ${quiet.name}`);
    expect(container.querySelectorAll('.area-description').length).toBe(rest.filter((s) => s.description).length);
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

describe('DigestView, a briefing (3 picks a section, the rest folded)', () => {
  const folds = (c: HTMLElement) => [...c.querySelectorAll<HTMLButtonElement>('.more-toggle')]
    .map((b) => [b.textContent?.replace(/\s+/g, ' ').trim(), b.getAttribute('aria-expanded')]);
  const cards = (c: HTMLElement) => [...c.querySelectorAll('article.paper')].map((a) => `${a.id}${a.classList.contains('is-row') ? ' row' : ''}`);
  const fold = (name: string) => screen.getByRole('button', { name: new RegExp(`more in ${name}$`) });

  test('each section shows its picks as cards and folds the rest, saying how many', async () => {
    const { container } = await renderFilled({}, newestBriefing);
    expect(cards(container)).toEqual(['paper-1', 'paper-2', 'paper-3', 'paper-20', 'paper-21', 'paper-22', 'paper-27', 'paper-28', 'paper-29', 'paper-38']);
    expect(folds(container)).toEqual([
      ['16 more in ML Interatomic Potentials & Interface Simulations', 'false'],
      ['4 more in Polymer Electrolytes', 'false'],
      ['8 more in Phase Field / Dendrites & SEI', 'false'],
    ]);
    const toggle = fold('Polymer Electrolytes');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')?.hidden).toBe(true);
    expect(container.querySelector('.digest-meta')?.textContent).toContain('10 picks and 28 more, of 1,542 considered');
    // Each section heading counts all its papers, picks and folded.
    expect(screen.getByRole('heading', { level: 2, name: 'Polymer Electrolytes 7 papers' })).toBeTruthy();
  });

  test('the fold opens into compact rows; a row opens into the full card', async () => {
    const { container } = await renderFilled({}, newestBriefing);
    const toggle = fold('Polymer Electrolytes');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(list.hidden).toBe(false);
    expect([...list.querySelectorAll('article')].map((a) => `${a.id}${a.classList.contains('is-row') ? ' row' : ''}`))
      .toEqual(['paper-23 row', 'paper-24 row', 'paper-25 row', 'paper-26 row']);
    // The other sections' picks stay in the page.
    expect(cards(container).filter((id) => !id.endsWith('row'))).toHaveLength(10);

    const row = list.querySelector('#paper-24') as HTMLElement;
    expect(row.querySelector('.summary')).toBeNull();
    // The title writes its hyphens as U+2010.
    await fireEvent.click(within(row).getByRole('button', { name: /^24\. S‐Nitrosothiols/ }));
    expect(row.classList.contains('is-row')).toBe(false);
    expect(row.querySelector('.summary')?.textContent).toBe(newestBriefing.sections[1]?.papers[4]?.summary);
    expect(within(row).getByRole('button', { name: /^24\. S‐Nitrosothiols/ }).getAttribute('aria-expanded')).toBe('true');
    // Folded again: the compact row as it was, its members' line painted again.
    await fireEvent.click(within(row).getByRole('button', { name: /^24\. S‐Nitrosothiols/ }));
    expect([row.classList.contains('is-row'), row.querySelector('.row-members')?.textContent, row.querySelector('.summary')])
      .toEqual([true, 'For Naibing Wu', null]);

    await fireEvent.click(toggle);
    expect([toggle.getAttribute('aria-expanded'), list.hidden]).toEqual(['false', true]);
  });

  test('a search opens the folds it matches in, and the count says how many of the rest match', async () => {
    const { container } = await renderFilled({ q: 'canonicalisation' }, newestBriefing);
    expect(folds(container)).toEqual([['1 of 16 more in ML Interatomic Potentials & Interface Simulations', 'true']]);
    expect(cards(container)).toEqual(['paper-4 row']);
    expect(screen.getByRole('status').textContent).toContain('Showing 1 of 38 papers matching “canonicalisation”: 0 picks and 1 more.');
    expect(container.querySelector('#paper-4 .row-snippet mark.query')?.textContent).toBe('canonicalisation');
  });

  test('the search finds members and abstracts, not the notes’ words', async () => {
    const { container } = await renderFilled({ q: 'score' }, newestBriefing);
    expect(cards(container)).toEqual([]);
    expect(screen.getByRole('heading', { name: 'No papers match' })).toBeTruthy();
  });

  test('a member filter counts the folded papers: chips, the fold, the status line; the fold stays closed', async () => {
    const { container } = await renderFilled({ member: 'Naibing Wu' }, newestBriefing);
    expect(cards(container)).toEqual(['paper-1', 'paper-20', 'paper-21', 'paper-22']);
    expect(folds(container)).toEqual([['4 more in Polymer Electrolytes', 'false']]);
    expect(screen.getByRole('status').textContent).toContain('Showing 8 of 38 papers for Naibing Wu: 4 picks and 4 more.');
    const members = within(screen.getByRole('group', { name: 'Member' }));
    expect(members.getByRole('button', { name: 'Naibing Wu 8 papers' }).getAttribute('aria-pressed')).toBe('true');
    const areas = within(screen.getByRole('group', { name: 'Area' }));
    expect(areas.getByRole('button', { name: /^Polymer Electrolytes/ }).textContent?.replace(/\s+/g, ' ').trim()).toBe('Polymer Electrolytes 7 7 papers');
  });

  test('starred opens the folds: a starred folded paper is found', async () => {
    const { container, papers, rerender } = await renderFilled({}, newestBriefing);
    const entry = newestBriefing.sections[2]?.papers[5];
    if (!entry) throw new Error('the briefing has no paper 32');
    await papers.toggleStar(entry);
    await rerender({ view: { ...DEFAULT_VIEW, show: 'starred' } });
    await vi.waitFor(() => expect(cards(container)).toEqual(['paper-32 row']));
    expect(folds(container)).toEqual([['1 of 8 more in Phase Field / Dendrites & SEI', 'true']]);
    expect(container.querySelector('#paper-32 .badge-starred')?.textContent).toBe('★ Starred');
  });

  test('a link to a folded paper opens its fold and the paper, and scrolls to it', async () => {
    const scrolled: string[] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) { scrolled.push(this.id); });
    try {
      history.replaceState(null, '', '/#paper-31');
      const { container } = renderView({}, newestBriefing);
      await vi.waitFor(() => expect(scrolled).toEqual(['paper-31']));
      expect(fold('Phase Field / Dendrites & SEI').getAttribute('aria-expanded')).toBe('true');
      expect(container.querySelector('#paper-31')?.classList.contains('is-row')).toBe(false);
      expect(container.querySelector('#paper-31 .summary')).not.toBeNull();
    } finally {
      spy.mockRestore();
    }
  });

  test('j stops at a closed fold\'s "N more" button rather than jump past its papers', async () => {
    const { container } = await renderFilled({}, newestBriefing);
    const [section] = newestBriefing.sections;
    const picks = section!.papers.filter((p) => p.pick);
    expect(section!.papers.length).toBeGreaterThan(picks.length);
    container.querySelector<HTMLElement>(`#paper-${picks.at(-1)!.number}`)?.focus();
    await fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement).toBe(fold(section!.name));
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement?.closest('article')?.id).toBe(`paper-${section!.papers.length + 1}`);
  });

  test('j moves through picks and, in an open fold, onto a row’s button, which Enter opens', async () => {
    const { container } = await renderFilled({}, newestBriefing);
    await fireEvent.click(fold('Polymer Electrolytes'));
    container.querySelector<HTMLElement>('#paper-22')?.focus();
    await fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement?.closest('article')?.id).toBe('paper-23');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(window, { key: 'j' });
    expect(document.activeElement?.closest('article')?.id).toBe('paper-24');
  });
});
