import { describe, expect, test, vi } from 'vitest';
import { cleanup as cleanupCard, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import type { DigestEntry } from '@labdigest/core';
import PaperCard from './PaperCard.svelte';
import { newestDigest } from '../../test/sample-digests.ts';

const first = newestDigest.sections[0]?.papers[0] as DigestEntry;

function renderCard(entry: DigestEntry, extra: Partial<Record<string, unknown>> = {}) {
  const props = {
    entry, group: 'DENG.Group', query: [], read: false, starred: false, isNew: false, activeMember: null,
    onstar: vi.fn(), onread: vi.fn(), onmember: vi.fn(), ...extra,
  };
  const result = render(PaperCard, { props });
  return { ...result, props };
}

describe('PaperCard', () => {
  test('shows number, title, source line, date, summary and the relevance note', () => {
    const { container } = renderCard(first);
    const article = container.querySelector('article') as HTMLElement;
    expect(within(article).getByRole('heading', { level: 3 }).textContent).toBe(`${first.number}. ${first.title}`);
    expect(article.textContent).toContain(first.sourceLine);
    expect(article.querySelector('time')?.getAttribute('datetime')).toBe(first.published);
    expect(within(article).getByRole('heading', { level: 4 }).textContent).toBe('Relevance to DENG.Group');
    expect(article.textContent).toContain(first.note);
    expect(within(article).getAllByRole('button', { name: /Yanhao Deng|Naibing Wu/ }).map((b) => b.textContent))
      .toEqual(first.members.map((m) => m.name));
  });

  test('matched terms are <mark> elements holding the paper’s own words', () => {
    const { container } = renderCard(first);
    const marks = [...container.querySelectorAll('h3 mark.term')].map((m) => m.textContent?.toLowerCase());
    // "fast ion transport in solid electrolytes": both forms are in the 2026-08-24 sample's first paper
    expect(marks).toEqual(['ion transport', 'solid electrolytes']);
    expect(container.querySelectorAll('.summary mark.term').length).toBeGreaterThan(0);
  });

  test('search words are marked separately', () => {
    const { container } = renderCard(first, { query: ['multiscale'] });
    expect([...container.querySelectorAll('mark.query')].map((m) => m.textContent)).toEqual(['multiscale']);
  });

  test('"Open paper" is an http(s) link opening a new tab without an opener', () => {
    renderCard(first);
    const link = screen.getByRole('link', { name: /Open paper/ });
    expect(link.getAttribute('href')).toBe(first.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
  });

  test('a javascript: URL is not rendered as a link', () => {
    const hostile: DigestEntry = { ...first, url: 'javascript:alert(document.cookie)', doi: null, arxivId: null };
    const { container } = renderCard(hostile);
    expect(screen.queryByRole('link', { name: /Open paper/ })).toBeNull();
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.textContent).toContain('No safe link to this paper');
  });

  test('HTML in a title is shown as text, never parsed', () => {
    const { container } = renderCard({ ...first, title: '<img src=x onerror=alert(1)> Li metal', matchedTerms: [] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('h3')?.textContent).toContain('<img src=x onerror=alert(1)> Li metal');
  });

  test('"Why this paper" renders its evidence when first opened', async () => {
    const { container } = renderCard(first);
    const why = container.querySelector('details.why') as HTMLDetailsElement;
    expect(why.querySelector('dl')).toBeNull();
    why.querySelector('summary')?.click();
    await tick();
    expect(why.querySelector('dl')?.textContent).toContain('Matched terms');
    expect(why.querySelector('dl')?.textContent).toContain(`${Math.round(first.score * 100)}% to this area`);
  });

  test('the relevance note is the ranker’s prose: search words are not marked in it', () => {
    const { container } = renderCard(first, { query: ['score', 'multiscale'] });
    const note = container.querySelector('[data-text="note"]') as HTMLElement;
    expect(note.textContent).toBe(first.note);
    expect(note.querySelector('mark')).toBeNull();
  });

  test('a leading "Abstract" label is dropped from the summary', () => {
    const { container } = renderCard({ ...first, summary: 'Abstract: Lithium metal anodes grow dendrites.', matchedTerms: [] });
    expect(container.querySelector('.summary')?.textContent).toBe('Lithium metal anodes grow dendrites.');
    cleanupCard();
    const { container: other } = renderCard({ ...first, summary: 'Abstracts of talks are listed.', matchedTerms: [] });
    expect(other.querySelector('.summary')?.textContent).toBe('Abstracts of talks are listed.');
  });

  test('search words typed later are marked without rebuilding the card', async () => {
    const { container, rerender } = renderCard(first);
    const article = container.querySelector('article');
    await rerender({ query: ['multiscale'] });
    expect(container.querySelector('article')).toBe(article);
    expect([...container.querySelectorAll('mark.query')].map((m) => m.textContent)).toEqual(['multiscale']);
  });

  test('star and read are toggle buttons; opening the paper marks it read', async () => {
    const { props } = renderCard(first, { starred: true });
    const star = screen.getByRole('button', { name: /Star/ });
    expect(star.getAttribute('aria-pressed')).toBe('true');
    star.click();
    expect(props.onstar).toHaveBeenCalledTimes(1);
    screen.getByRole('link', { name: /Open paper/ }).addEventListener('click', (e) => e.preventDefault());
    screen.getByRole('link', { name: /Open paper/ }).click();
    expect(props.onread).toHaveBeenCalledWith(true);
  });
});
