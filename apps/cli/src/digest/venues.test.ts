import { paperSchema } from '@labdigest/core';
import { readFixture, readFixtureRecords } from '@labdigest/fixtures';
import { parseFeed } from '@labdigest/sources';
import { describe, expect, test } from 'vitest';
import { journalOf, withFullVenues } from './venues.ts';

// The recorded JACS feed names most of its papers' venue by its channel title, "J.Am.Chem.Soc", and
// some "Journal of the American Chemical Society", as the sample week's OpenAlex records do.
const jacsFeed = parseFeed(readFixture('rss/rss-acs-jacs-mirrored-2026-08-22.xml'),
  { source: 'jacs', location: 'fixtures/rss/rss-acs-jacs-mirrored-2026-08-22.xml', now: new Date('2026-08-23T00:00:00Z') }).papers;
const week = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r));

describe('withFullVenues', () => {
  test('a feed\'s short name for a journal reads as the store\'s records of that journal write it', () => {
    expect(jacsFeed.length).toBeGreaterThan(100);
    expect(new Set(jacsFeed.map((p) => p.venue))).toEqual(new Set(['J.Am.Chem.Soc', 'Journal of the American Chemical Society']));
    const named = withFullVenues(jacsFeed, [...week, ...jacsFeed]);
    const withDoi = named.filter((p) => journalOf(p.doi) === '10.1021/jacs');
    expect(withDoi.length).toBeGreaterThan(100);
    expect(new Set(withDoi.map((p) => p.venue))).toEqual(new Set(['Journal of the American Chemical Society']));
    // Everything else about them stays.
    expect(named.map((p) => ({ ...p, venue: null }))).toEqual(jacsFeed.map((p) => ({ ...p, venue: null })));
  });

  test('a short name nobody spells out, and every full name, stay as they are', () => {
    const short = jacsFeed.filter((p) => p.venue === 'J.Am.Chem.Soc');
    expect(withFullVenues(short, short)).toEqual(short);
    expect(withFullVenues(week, week)).toEqual(week);
    // One stray record names nothing.
    const one = week.find((p) => journalOf(p.doi) === '10.1021/jacs')!;
    expect(withFullVenues(short.slice(0, 3), [one, ...short]).map((p) => p.venue)).toEqual(['J.Am.Chem.Soc', 'J.Am.Chem.Soc', 'J.Am.Chem.Soc']);
  });
});

describe('journalOf', () => {
  test.each([
    ['10.1021/jacs.6c09551', '10.1021/jacs'],
    ['10.1016/j.cej.2026.180523', '10.1016/j.cej'],
    ['10.1021/acs.nanolett.6c02329', '10.1021/acs.nanolett'],
    ['10.1002/adma.74634', '10.1002/adma'],
    ['10.3390/batteries12080307', '10.3390/batteries'],
    // Springer Nature's and the RSC's suffixes name no journal before their digits.
    ['10.1038/s41467-026-76216-w', undefined],
    ['10.1039/d6sc03796h', undefined],
    [null, undefined],
  ])('%s: %s', (doi, journal) => {
    expect(journalOf(doi)).toBe(journal);
  });
});
