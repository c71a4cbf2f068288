import { readDefaultConfigText } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseGroupConfig, suggest } from './config-file.ts';
import { chatName, memberDelivery, parseMailbox } from './config.ts';
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

  test('the server is public, with 120 requests a minute and bursts of 60, unless the config says otherwise', () => {
    const result = parseGroupConfig(minimal);
    expect(result.ok && result.config.server).toEqual({ private: false, rateLimit: { perMinute: 120, burst: 60 } });
    const set = parseGroupConfig(`${minimal}server:\n  private: true\n  publicUrl: https://digest.lab.example.org/\n  rateLimit: { perMinute: 600 }\n`);
    expect(set.ok && set.config.server).toEqual({
      private: true, publicUrl: 'https://digest.lab.example.org/', rateLimit: { perMinute: 600, burst: 60 },
    });
  });
});

describe('every config error names file, line, column and field', () => {
  test.each([
    ['a typo in a field name, with a suggestion',
      minimal.replace('    keywords:', '    threshold: 0.4\n    thresold: 0.5\n    keywords:'),
      'digest.config.yaml:7:5 areas[0].thresold: unknown field "thresold" (did you mean "threshold"?); expected one of id, name, description, keywords, require, exclude, threshold, maxPapers, picks, focus, formerly'],
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
      'digest.config.yaml:7:30 areas[0].keywords[0]["polymer electrolyte"]: expected a weight between -10 and 10 (not 0); negative weights penalise, saw 0'],
    ['a weight written as a word',
      minimal.replace('polymer electrolyte: 3', 'polymer electrolyte: three'),
      'digest.config.yaml:7:30 areas[0].keywords[0]["polymer electrolyte"]: expected a number for the weight, saw "three"'],
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
      'digest.config.yaml:3:8 focus: expected a focus: `name` (optional), `keywords`, a list written as an area\'s keywords, and `outside` and `field` (optional), saw a list'],
    ['a typo in an area\'s focus',
      minimal.replace('    keywords:', '    focus:\n      keyword: [molecular dynamics]\n    keywords:'),
      'digest.config.yaml:7:7 areas[0].focus.keyword: unknown field "keyword" (did you mean "keywords"?); expected one of name, keywords'],
    ['a focus keyword with a zero weight',
      minimal.replace('areas:\n', 'focus:\n  keywords:\n    - DFT: 0\nareas:\n'),
      'digest.config.yaml:5:12 focus.keywords[0].DFT: expected a weight between -10 and 10 (not 0); negative weights penalise, saw 0'],
    ['a YAML syntax error',
      'group:\n  name: Test Lab\n areas:\n',
      'digest.config.yaml:3:1 not valid YAML: All mapping items must start at the same column'],
    ['a typo in the server section, with a suggestion',
      `${minimal}server:\n  privat: true\n`,
      'digest.config.yaml:14:3 server.privat: unknown field "privat" (did you mean "private"?); expected one of private, publicUrl, rateLimit'],
    ['a typo in the rate limit',
      `${minimal}server:\n  rateLimit:\n    perMinut: 10\n`,
      'digest.config.yaml:15:5 server.rateLimit.perMinut: unknown field "perMinut" (did you mean "perMinute"?); expected one of perMinute, burst'],
    ['a public address that is not http(s)',
      `${minimal}server:\n  publicUrl: lab-server:8080\n`,
      'digest.config.yaml:14:14 server.publicUrl: expected an http(s) address, like https://digest.lab.example.org/, saw "lab-server:8080"'],
    ['a time zone the IANA database does not name',
      minimal.replace('  name: Test Lab\n', '  name: Test Lab\n  timezone: Asia/Shanghia\n'),
      'digest.config.yaml:3:13 group.timezone: expected a time zone as the IANA database names it, like Asia/Shanghai, Europe/Berlin or UTC, saw "Asia/Shanghia"'],
    ['an empty file',
      '',
      'digest.config.yaml:1:1 the config is empty: expected group, areas and members'],
    ['a keyword written twice, whose larger weight would win unseen',
      minimal.replace('      - PEO\n', '      - PEO\n      - Polymer electrolyte: 2\n'),
      'digest.config.yaml:9:9 areas[0].keywords[2]: keyword "Polymer electrolyte" is written twice in this list (also keywords[0]): keep one, with the weight you mean'],
    ['an interest written twice',
      minimal.replace('interests: [polymer electrolyte]', 'interests: [polymer electrolyte, PEO, polymer electrolyte]'),
      'members[0].interests[2]: keyword "polymer electrolyte" is written twice in this list (also interests[0])'],
    ['a former id that is the area\'s own',
      minimal.replace('    keywords:', '    formerly: [polymer-electrolytes]\n    keywords:'),
      'digest.config.yaml:6:16 areas[0].formerly[0]: "polymer-electrolytes" is this area\'s own id now, not a former one'],
    ['a former name that another member has',
      `${minimal}  - name: Yanhao Deng\n    areas: [polymer-electrolytes]\n    formerly: [naibing wu]\n`,
      'members[1].formerly[0]: "naibing wu" is another member\'s name now, not a former one'],
    // Found by an audit: a right-to-left override shows "Eveevil" and no command could name her.
    ['a member name with an invisible direction mark',
      minimal.replace('  - name: Naibing Wu', '  - name: "Naibing\\u202eWu"'),
      'digest.config.yaml:10:11 members[0].name: expected a name without control or invisible characters (tabs, direction marks), saw "Naibing\\u202eWu"'],
    ['a YAML tab: the first error only, with what to do',
      minimal.replace('    name: Polymer Electrolytes', '\tname: Polymer Electrolytes'),
      'digest.config.yaml:5:1 not valid YAML: Tabs are not allowed as indentation; indent with spaces (the parser reports'],
    ['a keyword with a colon, unquoted',
      minimal.replace('      - PEO\n', '      - Cahn-Hilliard: phase field: 2\n'),
      'not valid YAML: Nested mappings are not allowed in compact mappings; a keyword with a colon in it is quoted: - "Cahn-Hilliard: phase field": 2'],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toContain(expected);
  });

  test('a former id claimed by two areas is refused: its signals can teach one', () => {
    const two = minimal.replace('    keywords:', '    formerly: [polymers]\n    keywords:')
      .replace('members:', '  - id: gels\n    name: Gels\n    formerly: [polymers]\n    keywords: [gel]\nmembers:');
    expect(errorsOf(two)).toContain('areas[1].formerly[0]: "polymers" is the former id of two areas (also areas[0]): the signals given under it can teach one');
    const one = parseGroupConfig(minimal.replace('    keywords:', '    formerly: [polymers, gels]\n    keywords:'));
    expect(one.ok && one.config.areas[0]?.formerly).toEqual(['polymers', 'gels']);
    expect(one.ok && one.config.members[0]?.formerly).toEqual([]);
  });

  test('a member\'s name is composed (NFC): "Zoë" typed with a combining diaeresis is the same name', () => {
    const decomposed = 'Zoe\u0308 O\'Brien';
    const parsed = parseGroupConfig(minimal.replace('  - name: Naibing Wu', `  - name: "${decomposed}"\n    formerly: ["Zoe\u0308"]`));
    expect(parsed.ok && parsed.config.members[0]?.name).toBe('Zo\u00eb O\'Brien');
    expect(parsed.ok && parsed.config.members[0]?.formerly).toEqual(['Zo\u00eb']);
  });

  test('reports every problem at once, not only the first', () => {
    const text = minimal.replace('    keywords:', '    threshold: 5\n    colour: red\n    keywords:');
    expect(errorsOf(text).split('\n')).toHaveLength(2);
  });
});

describe('size checks and keys say what was wrong in plain words, with the value seen', () => {
  test.each([
    ['a keyword mapping with an empty key',
      minimal.replace('      - PEO\n', '      - "": 3\n'),
      'digest.config.yaml:8:13 areas[0].keywords[1][""]: a keyword cannot be empty'],
    ['an empty keyword, written as a string or as { term, weight }',
      minimal.replace('      - PEO\n', '      - ""\n      - { term: " ", weight: 2 }\n'),
      'digest.config.yaml:8:9 areas[0].keywords[1]: a keyword cannot be empty\n'
        + 'digest.config.yaml:9:17 areas[0].keywords[2].term: a keyword cannot be empty'],
    ['an empty group name',
      minimal.replace('  name: Test Lab', '  name: ""'),
      'digest.config.yaml:2:9 group.name: cannot be empty'],
    ['a negative number where one above 0 is needed',
      minimal.replace('    keywords:', '    maxPapers: -3\n    keywords:'),
      'digest.config.yaml:6:16 areas[0].maxPapers: expected a number above 0, saw -3'],
    ['a number past its maximum',
      `${minimal}delivery:\n  email:\n    from: digest@lab.example.org\n    smtp:\n      host: smtp.example.org\n      port: 99999\n`,
      'digest.config.yaml:18:13 delivery.email.smtp.port: expected a number up to 65535, saw 99999'],
    ['a number below its minimum',
      minimal.replace('areas:\n', 'ranking:\n  titleWeight: 0.5\nareas:\n'),
      'digest.config.yaml:4:16 ranking.titleWeight: expected a number of at least 1, saw 0.5'],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toBe(expected);
  });

  test('a deeply nested file is nested too deeply, said where it first goes past 100 levels, whatever its depth', () => {
    for (const depth of [150, 5000, 100_000]) {
      expect(errorsOf(`group:\n  name: Test Lab\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`))
        .toBe('digest.config.yaml:3:103 nested too deeply: more than 100 levels of lists and mappings');
    }
    const block = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}x:`).join('\n');
    expect(errorsOf(`${block} 1\n`)).toBe('digest.config.yaml:101:101 nested too deeply: more than 100 levels of lists and mappings');
  });
});

describe('delivery', () => {
  const withDelivery = `${minimal.replace('    areas: [polymer-electrolytes]\n', '    areas: [polymer-electrolytes]\n    email: naibing.wu@uni.example.edu\n')}  - name: Yanhao Deng
    interests: [phase field]
    email: yanhao.deng@uni.example.edu
    delivery: weekly
  - name: Visiting Student
    interests: [PEO]
delivery:
  readerUrl: https://lab.example.org/digest/
  email:
    from: DENG.Group digest <digest@lab.example.org>
    smtp:
      host: smtp.example.org
      user: digest
  chat:
    - type: slack
      webhookEnv: LABDIGEST_SLACK_WEBHOOK
    - type: discord
      webhookEnv: LABDIGEST_DISCORD_WEBHOOK
      name: lab-discord
`;

  test('a full block parses, with its defaults; a member with an address gets daily e-mail', () => {
    const result = parseGroupConfig(withDelivery);
    expect(result.ok, result.ok ? '' : formatIssues(result.issues)).toBe(true);
    if (!result.ok) return;
    expect(result.config.delivery).toEqual({
      readerUrl: 'https://lab.example.org/digest/',
      email: { from: 'DENG.Group digest <digest@lab.example.org>', weeklyOn: 'monday', smtp: { host: 'smtp.example.org', security: 'starttls', user: 'digest' } },
      chat: [{ type: 'slack', webhookEnv: 'LABDIGEST_SLACK_WEBHOOK' }, { type: 'discord', webhookEnv: 'LABDIGEST_DISCORD_WEBHOOK', name: 'lab-discord' }],
    });
    expect(result.config.members.map((m) => [m.name, m.email, memberDelivery(m)])).toEqual([
      ['Naibing Wu', 'naibing.wu@uni.example.edu', 'daily'],
      ['Yanhao Deng', 'yanhao.deng@uni.example.edu', 'weekly'],
      ['Visiting Student', undefined, 'off'],
    ]);
    expect(result.config.delivery?.chat.map(chatName)).toEqual(['slack', 'lab-discord']);
  });

  test('a config without delivery sends nothing and is valid as before', () => {
    const result = parseGroupConfig(minimal);
    expect(result.ok && result.config.delivery).toBeUndefined();
  });

  test.each([
    ['a weekly member without an address',
      withDelivery.replace('    email: yanhao.deng@uni.example.edu\n', ''),
      'digest.config.yaml:16:15 members[1].delivery: member "Yanhao Deng" gets a weekly e-mail but has no email: add one, or set delivery: off'],
    ['an address that is none',
      withDelivery.replace('naibing.wu@uni.example.edu', 'naibing.wu at uni'),
      'digest.config.yaml:13:12 members[0].email: expected an e-mail address like naibing.wu@university.edu, saw "naibing.wu at uni"'],
    ['two members with one address',
      withDelivery.replace('yanhao.deng@uni.example.edu', 'Naibing.Wu@uni.example.edu'),
      'digest.config.yaml:16:12 members[1].email: e-mail address "Naibing.Wu@uni.example.edu" is given to two members'],
    ['an unknown delivery',
      withDelivery.replace('delivery: weekly', 'delivery: monthly'),
      'digest.config.yaml:17:15 members[1].delivery: expected daily, weekly or off, saw "monthly"'],
    ['a password in the file',
      withDelivery.replace('      user: digest\n', '      user: digest\n      password: hunter2\n'),
      'digest.config.yaml:27:7 delivery.email.smtp.password: unknown field "password": the SMTP password comes from the environment variable LABDIGEST_SMTP_PASSWORD, never from this file'],
    ['a webhook URL in the file',
      withDelivery.replace('      webhookEnv: LABDIGEST_SLACK_WEBHOOK\n', '      webhookEnv: LABDIGEST_SLACK_WEBHOOK\n      url: https://hooks.slack.com/services/T0/B0/x\n'),
      'digest.config.yaml:30:7 delivery.chat[0].url: unknown field "url": a webhook URL is a secret: put it in an environment variable and name that variable in webhookEnv'],
    // The URL is the secret: not echoed to the terminal and the logs (found by an audit).
    ['a URL where the variable\'s name goes',
      withDelivery.replace('webhookEnv: LABDIGEST_SLACK_WEBHOOK', 'webhookEnv: https://hooks.slack.com/services/T0/B0/x'),
      'digest.config.yaml:29:19 delivery.chat[0].webhookEnv: expected the name of an environment variable, like LABDIGEST_SLACK_WEBHOOK (the URL itself never goes in this file), saw a URL (not shown here: it holds the secret)'],
    ['an unknown chat type',
      withDelivery.replace('type: slack', 'type: feishu'),
      'digest.config.yaml:28:13 delivery.chat[0].type: expected a chat type: slack, mattermost, teams, discord, matrix, saw "feishu"'],
    ['two chats of one name',
      withDelivery.replace('      name: lab-discord\n', '      name: slack\n'),
      'digest.config.yaml:32:13 delivery.chat[1].name: two chats are called "slack": give each a distinct name'],
    ['a sender that is no address',
      withDelivery.replace('from: DENG.Group digest <digest@lab.example.org>', 'from: DENG.Group digest'),
      'digest.config.yaml:23:11 delivery.email.from: expected an e-mail address, alone or as `Name <address>`, saw "DENG.Group digest"'],
    ['an unknown security',
      withDelivery.replace('      user: digest\n', '      user: digest\n      security: ssl\n'),
      'digest.config.yaml:27:17 delivery.email.smtp.security: expected tls, starttls or none, saw "ssl"'],
    ['a typo in the block',
      withDelivery.replace('  readerUrl:', '  readerURL:'),
      'digest.config.yaml:21:3 delivery.readerURL: unknown field "readerURL" (did you mean "readerUrl"?); expected one of readerUrl, email, chat'],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text)).toContain(expected);
  });
});

test.each([
  ['digest@lab.example.org', { name: null, address: 'digest@lab.example.org' }],
  ['DENG.Group digest <digest@lab.example.org>', { name: 'DENG.Group digest', address: 'digest@lab.example.org' }],
  ['"Deng, Group" <digest@lab.example.org>', { name: 'Deng, Group', address: 'digest@lab.example.org' }],
  ['DENG.Group digest', null],
  ['<not an address>', null],
  ['a@b.org, c@d.org', null],
])('parseMailbox(%j)', (text, expected) => {
  expect(parseMailbox(text)).toEqual(expected);
});

describe('hostile YAML', () => {
  test('an alias bomb is a located config error (expanding it would take hours)', () => {
    const bomb = [
      'group:', '  name: Bomb Lab',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(errorsOf(bomb)).toBe('digest.config.yaml:4:8 not valid YAML: its aliases (*name) expand past 100 nodes, as an alias bomb does: write the values out instead');
  });
});

describe('suggest', () => {
  const areas = ['mlip-interfaces', 'polymer-electrolytes', 'phase-field-sei', 'halide-electrolytes'];
  test('names the nearest id for a typo in the whole or in the start of a long one', () => {
    expect(suggest('polymer-electrolyte', areas)).toBe(' (did you mean "polymer-electrolytes"?)');
    expect(suggest('phase-feild', areas)).toBe(' (did you mean "phase-field-sei"?)');
    expect(suggest('halide', areas)).toBe(' (did you mean "halide-electrolytes"?)');
  });
  test('names none when nothing is near, and never guesses from a short start', () => {
    expect(suggest('dendrites', areas)).toBe('');
    expect(suggest('mlp', areas)).toBe('');
    expect(suggest('phas', areas)).toBe('');
  });
  test('a word added or left out is near, when one id alone is so near', () => {
    expect(suggest('phase', areas)).toBe(' (did you mean "phase-field-sei"?)');
    expect(suggest('polymer-electrolytes', ['halide-electrolytes', 'solid-polymer-electrolytes'])).toBe(' (did you mean "solid-polymer-electrolytes"?)');
    expect(suggest('Naibing', ['Yanhao Deng', 'Naibing Wu'])).toBe(' (did you mean "Naibing Wu"?)');
    expect(suggest('electrolytes', areas)).toBe('');
  });
});
