import { describe, expect, test, vi } from 'vitest';
import { cleanup as cleanupCard, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import type { DigestEntry } from '@labdigest/core';
import PaperCard from './PaperCard.svelte';
import { newestBriefing, newestDigest } from '../../test/sample-digests.ts';

const first = newestDigest.sections[0]?.papers[0] as DigestEntry;
const mlip = newestDigest.sections[0] as { id: string; name: string };
const areaNames = new Map(newestDigest.sections.map((s) => [s.id, s.name]));

function renderCard(entry: DigestEntry, extra: Partial<Record<string, unknown>> = {}) {
  const props = {
    entry, group: 'DENG.Group', area: mlip, areaNames, query: [], read: false, starred: false, isNew: false, activeMember: null,
    onstar: vi.fn(), onread: vi.fn(), onmember: vi.fn(), ontoggle: vi.fn(), ...extra,
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

  test('"Why this paper" renders its evidence when first opened: score, other areas, terms, members', async () => {
    const { container } = renderCard(first);
    const why = container.querySelector('details.why') as HTMLDetailsElement;
    expect(why.querySelector('dl')).toBeNull();
    why.querySelector('summary')?.click();
    await tick();
    const rows = [...why.querySelectorAll('dt')].map((dt) => [dt.textContent?.trim(), dt.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim()]);
    expect(rows).toEqual([
      ['Relevance', '100% to ML Interatomic Potentials & Interface Simulations Also Polymer Electrolytes 54%, Halide Solid Electrolytes 46%'],
      ['Matched terms', expect.any(String)],
      ['Yanhao Deng', '97% · interests: grain boundary, active learning and machine learning interatomic potential'],
      ['Naibing Wu', '55% · interests: ion transport and molecular dynamics'],
    ]);
    // Each term marked as the text marks it, with how the paper writes it (plurals aside), where and how often.
    expect([...why.querySelectorAll('.terms li')].map((li) => li.textContent)).toEqual([
      'electrolyte in the title · 4×', 'ion transport in the title · 4×', 'solid electrolyte in the title · 4×',
      'diffusion written “diffusivity”, “diffusing” · 4×', 'grain boundary 3×', 'active learning', 'all-solid-state battery',
      'machine learning interatomic potential written “machine-learning potentials”', 'molecular dynamics', 'solid-state battery',
    ]);
    expect([...why.querySelectorAll('mark.term')].map((m) => m.textContent)).toEqual(first.matchedTerms.map((t) => t.keyword));
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

describe('PaperCard, a paper of "more in this section"', () => {
  // Paper 4 of the briefing: folded, with an abstract, for Yanhao Deng.
  const folded = newestBriefing.sections[0]?.papers[3] as DigestEntry;

  test('folded: a compact row of number, title, source line and members, with a button that opens it', () => {
    const { container, props } = renderCard(folded, { folded: true });
    const article = container.querySelector('article') as HTMLElement;
    expect(article.className).toContain('is-row');
    const button = within(article).getByRole('button', { name: `4. ${folded.title}` });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('paper-4-body');
    expect(article.querySelector('#paper-4-body')?.hasAttribute('hidden')).toBe(true);
    expect(article.querySelector('.source')?.textContent).toBe('arXiv:2406.11814');
    expect(article.querySelector('.row-members')?.textContent).toBe('For Yanhao Deng');
    // None of the full card's parts.
    expect([article.querySelector('.summary'), article.querySelector('.relevance'), screen.queryByRole('link', { name: /Open paper/ })]).toEqual([null, null, null]);
    button.click();
    expect(props.ontoggle).toHaveBeenCalledTimes(1);
  });

  test('opened: the full card, the title still the button that folds it', async () => {
    const { container, rerender } = renderCard(folded, { folded: true });
    await rerender({ expanded: true });
    const article = container.querySelector('article') as HTMLElement;
    expect(article.className).not.toContain('is-row');
    expect(within(article).getByRole('button', { name: `4. ${folded.title}` }).getAttribute('aria-expanded')).toBe('true');
    expect(article.querySelector('#paper-4-body .summary')?.textContent).toBe(folded.summary);
    expect(article.querySelector('[data-text="note"]')?.textContent).toBe(folded.note);
    expect(article.querySelector('[data-text="authors"]')?.textContent).toBe('Rob Cornish');
    expect(within(article).getByRole('link', { name: /Open paper/ }).getAttribute('href')).toBe(folded.url);
    expect(article.querySelector('.row-members')).toBeNull();
  });

  test('a search hit outside the row’s texts is quoted on the row, marked', async () => {
    const { container } = renderCard(folded, { folded: true, query: ['canonicalisation'] });
    const snippet = container.querySelector('.row-snippet') as HTMLElement;
    expect(snippet.textContent).toBe('…Our approach recovers existing canonicalisation and averaging techniques for symmetrising deterministic models, and extends to…');
    expect([...snippet.querySelectorAll('mark.query')].map((m) => m.textContent)).toEqual(['canonicalisation']);
  });
});

describe('PaperCard, the abstract', () => {
  const withAbstract = newestBriefing.sections[0]?.papers[0] as DigestEntry;

  test('folded under "Abstract", rendered when opened, without its own "Abstract" label, terms and search words marked', async () => {
    const { container } = renderCard(withAbstract, { query: ['percolation'] });
    const details = container.querySelector('details.abstract') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toBe('Abstract · has your search words');
    expect(details.querySelector('p')).toBeNull();
    details.querySelector('summary')?.click();
    await tick();
    const text = details.querySelector('p') as HTMLElement;
    expect(text.textContent).toBe((withAbstract.abstract as string).replace(/^Abstract /, ''));
    expect([...text.querySelectorAll('mark.query')].map((m) => m.textContent)).toEqual(['percolation']);
    expect(text.querySelectorAll('mark.term').length).toBeGreaterThan(5);
  });

  test('no "Abstract" without one, nor when it is no more than the summary', () => {
    renderCard({ ...withAbstract, abstract: null });
    expect(screen.queryByText('Abstract')).toBeNull();
    cleanupCard();
    renderCard({ ...withAbstract, summary: 'Li dendrites grow.', abstract: 'Abstract:  Li dendrites\ngrow.' });
    expect(screen.queryByText('Abstract')).toBeNull();
    cleanupCard();
    renderCard({ ...withAbstract, summary: 'Li dendrites grow.', abstract: 'Li dendrites grow. They grow faster when cold.' });
    expect(screen.getByText('Abstract').tagName).toBe('SUMMARY');
  });
});
