import { describe, expect, test, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import DigestView from './DigestView.svelte';
import { createPaperState } from '../state/papers.svelte.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/url-state.ts';
import { newestDigest as digest, sampleIndex } from '../../test/sample-digests.ts';

function renderView(view: Partial<ViewState> = {}) {
  const onnavigate = vi.fn();
  const result = render(DigestView, {
    props: {
      digest, view: { ...DEFAULT_VIEW, ...view }, older: sampleIndex.digests[1] ?? null, newer: null,
      papers: createPaperState(null), onnavigate, onexport: vi.fn(),
    },
  });
  return { ...result, onnavigate };
}
const papersShown = (c: HTMLElement) => c.querySelectorAll('article.paper').length;

describe('DigestView', () => {
  test('group, title, one section per area with counts, numbered papers', () => {
    const { container } = renderView();
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

  test('filtering by member shows only that member’s papers, and says how many', () => {
    const { container } = renderView({ member: 'Naibing Wu' });
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
