import { readDefaultConfigText } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseGroupConfig } from './config-file.ts';
import { formatIssues } from './issues.ts';

const minimal = `group:
  name: Test Lab
areas:
  - id: polymer-electrolytes
    name: Polymer Electrolytes
    keywords:
      - polymer electrolyte: 3
      - PEO
members:
  - name: Naibing Wu
    interests: [polymer electrolyte]
    areas: [polymer-electrolytes]
`;

/** The issues of a config that must fail, as the command line prints them. */
function errorsOf(text: string): string {
  const result = parseGroupConfig(text, 'digest.config.yaml');
  if (result.ok) throw new Error('expected the config to be rejected');
  return formatIssues(result.issues);
}

describe('the default config', () => {
  test('is valid and has the four areas of the example digest', () => {
    const result = parseGroupConfig(readDefaultConfigText());
    expect(result.ok, result.ok ? '' : formatIssues(result.issues)).toBe(true);
    if (!result.ok) return;
    expect(result.config.group.name).toBe('DENG.Group');
    expect(result.config.areas.map((a) => a.id)).toEqual([
      'mlip-interfaces', 'polymer-electrolytes', 'phase-field-sei', 'halide-electrolytes',
    ]);
    expect(result.config.members.map((m) => m.name)).toEqual(['Yanhao Deng', 'Naibing Wu']);
  });
});

describe('keywords', () => {
  test('accept a string, `term: weight` and { term, weight }', () => {
    const result = parseGroupConfig(minimal.replace('      - PEO\n', '      - PEO\n      - { term: gel polymer electrolyte, weight: 2 }\n'));
    expect(result.ok && result.config.areas[0]?.keywords).toEqual([
      { term: 'polymer electrolyte', weight: 3 }, { term: 'PEO', weight: 1 }, { term: 'gel polymer electrolyte', weight: 2 },
    ]);
  });

  test('defaults fill threshold, exclusions and ranking', () => {
    const result = parseGroupConfig(minimal);
    expect(result.ok && result.config.areas[0]?.threshold).toBe(0.5);
    expect(result.ok && result.config.areas[0]?.exclude).toEqual([]);
    expect(result.ok && result.config.ranking).toEqual({ titleWeight: 2.5, memberThreshold: 0.35, picks: 3 });
  });
});

describe('picks and focus', () => {
  test('picks default to 3 per section; an area may set its own; the focus is the group\'s or an area\'s', () => {
    const text = minimal.replace('areas:\n', 'focus:\n  name: modelling\n  keywords: [phase field, DFT: 2]\nareas:\n')
      .replace('    keywords:', '    picks: 2\n    focus:\n      keywords: [molecular dynamics]\n    keywords:');
    const result = parseGroupConfig(text);
    expect(result.ok, result.ok ? '' : formatIssues(result.issues)).toBe(true);
    if (!result.ok) return;
    expect([result.config.ranking.picks, result.config.focus, result.config.areas[0]?.picks, result.config.areas[0]?.focus]).toEqual([
      3, { name: 'modelling', keywords: [{ term: 'phase field', weight: 1 }, { term: 'DFT', weight: 2 }] },
      2, { keywords: [{ term: 'molecular dynamics', weight: 1 }] },
    ]);
  });
});

describe('every config error names file, line, column and field', () => {
  test.each([
    ['a typo in a field name, with a suggestion',
      minimal.replace('    keywords:', '    threshold: 0.4\n    thresold: 0.5\n    keywords:'),
      'digest.config.yaml:7:5 areas[0].thresold: unknown field "thresold" (did you mean "threshold"?); expected one of id, name, description, keywords, require, exclude, threshold, maxPapers, picks, focus'],
    ['a threshold out of range',
      minimal.replace('    keywords:', '    threshold: 5\n    keywords:'),
      'digest.config.yaml:6:16 areas[0].threshold: expected a number between 0 and 1, saw 5'],
    ['a threshold of the wrong type',
      minimal.replace('    keywords:', '    threshold: high\n    keywords:'),
      'digest.config.yaml:6:16 areas[0].threshold: expected a number, saw "high"'],
    ['a missing required field',
      minimal.replace('    name: Polymer Electrolytes\n', ''),
      'digest.config.yaml:4:5 areas[0].name: missing required field: expected a string'],
    ['a bad area id',
      minimal.replace('id: polymer-electrolytes', 'id: Polymer Electrolytes').replace('areas: [polymer-electrolytes]', 'areas: []'),
      'digest.config.yaml:4:9 areas[0].id: expected an id of lower-case letters, digits and dashes, like "polymer-electrolytes", saw "Polymer Electrolytes"'],
    ['a keyword that is neither a string nor a pair',
      minimal.replace('      - PEO\n', '      - [PEO, PVDF]\n'),
      'digest.config.yaml:8:9 areas[0].keywords[1]: expected a keyword: a string, `term: weight`, or { term, weight }'],
    ['a zero weight',
      minimal.replace('polymer electrolyte: 3', 'polymer electrolyte: 0'),
      'digest.config.yaml:7:9 areas[0].keywords[0]: expected a keyword: a string, `term: weight`, or { term, weight }'],
    ['a member following an area that does not exist',
      minimal.replace('areas: [polymer-electrolytes]', 'areas: [polymer-electrolyte]'),
      'digest.config.yaml:12:13 members[0].areas[0]: no area has id "polymer-electrolyte" (did you mean "polymer-electrolytes"?); expected one of polymer-electrolytes'],
    ['a duplicate area id',
      `${minimal.split('members:')[0]}  - id: polymer-electrolytes\n    name: Again\n    keywords: [PEO]\nmembers: []\n`,
      'digest.config.yaml:9:9 areas[1].id: area id "polymer-electrolytes" is used twice: ids must be unique'],
    ['an unknown source type',
      `${minimal}sources:\n  - name: arxiv-daily\n    type: rss\n    url: https://example.org/feed\n`,
      'digest.config.yaml:15:11 sources[0].type: expected a source type: arxiv, arxiv-listing, crossref, openalex or feed, saw "rss"'],
    ['no areas at all',
      'group:\n  name: Test Lab\nareas: []\n',
      'digest.config.yaml:3:8 areas: the group needs at least one area'],
    ['picks that are not a whole number',
      minimal.replace('areas:\n', 'ranking:\n  picks: 2.5\nareas:\n'),
      'digest.config.yaml:4:10 ranking.picks: expected a whole number of picks, saw 2.5'],
    ['an area\'s picks out of range',
      minimal.replace('    keywords:', '    picks: 30\n    keywords:'),
      'digest.config.yaml:6:12 areas[0].picks: expected a number of picks from 0 to 20, saw 30'],
    ['a focus written as a bare list',
      minimal.replace('areas:\n', 'focus: [phase field, DFT]\nareas:\n'),
      'digest.config.yaml:3:8 focus: expected a focus: `name` (optional) and `keywords`, a list written as an area\'s keywords, saw a list'],
    ['a typo in an area\'s focus',
      minimal.replace('    keywords:', '    focus:\n      keyword: [molecular dynamics]\n    keywords:'),
      'digest.config.yaml:7:7 areas[0].focus.keyword: unknown field "keyword" (did you mean "keywords"?); expected one of name, keywords'],
    ['a focus keyword with a zero weight',
      minimal.replace('areas:\n', 'focus:\n  keywords:\n    - DFT: 0\nareas:\n'),
      'digest.config.yaml:5:7 focus.keywords[0]: expected a keyword: a string, `term: weight`, or { term, weight }'],
    ['a YAML syntax error',
      'group:\n  name: Test Lab\n areas:\n',
      'digest.config.yaml:3:1 not valid YAML: All mapping items must start at the same column'],
    ['an empty file',
      '',
      'digest.config.yaml:1:1 the config is empty: expected group, areas and members'],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toContain(expected);
  });

  test('reports every problem at once, not only the first', () => {
    const text = minimal.replace('    keywords:', '    threshold: 5\n    colour: red\n    keywords:');
    expect(errorsOf(text).split('\n')).toHaveLength(2);
  });
});
