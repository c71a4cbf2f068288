import { describe, expect, test } from 'vitest';
import { feedSourceName } from './source-plans.ts';

describe('feedSourceName', () => {
  test('an ad-hoc feed is named by its host, a file by its name', () => {
    expect(feedSourceName('https://pubs.acs.org/action/showFeed?jc=jacsat')).toBe('pubs.acs.org');
    expect(feedSourceName('file:///tmp/feeds/jacs%20august.xml')).toBe('jacs august.xml');
  });

  test('a folder\'s URL is named by the folder, never by nothing', () => {
    expect(feedSourceName('file:///tmp/feeds/')).toBe('feeds');
    expect(feedSourceName('file:///')).toBe('file');
  });
});
