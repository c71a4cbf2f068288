import { readFileSync, writeFileSync } from 'node:fs';
import { formatIssues, parseGroupConfig } from '@labdigest/core';
import { fixturePath } from '@labdigest/fixtures';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyChanges } from '../room/paper-state.ts';
import { openDb } from '../store/open-db.ts';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { defaultConfig } from '../../test/fixture-digests.ts';
import { gatherSignals } from './signals.ts';

// Real papers of the corpus slice (fixtures/papers/corpus-slice.jsonl) and the default config's members and areas.
const MLIP = 'arxiv:2512.03974';
const DATA_MINING = 'arxiv:0808.2125';
const NOT_STORED = 'arxiv:2612.00001';
const CONFIG = fixturePath('../digest.config.yaml');

let dir = tempDir();
const db = () => inDir(dir.path, 'store.sqlite');
const file = (name: string, lines: readonly string[]) => {
  const path = inDir(dir.path, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
beforeEach(async () => {
  expect((await runCli('import', fixturePath('papers/corpus-slice.jsonl'), '--db', db())).code).toBe(0);
});
afterEach(() => { dir.remove(); dir = tempDir(); });

const config = defaultConfig();
const gathered = () => {
  const store = openDb(db());
  try {
    return gatherSignals(store, config);
  } finally {
    store.close();
  }
};

/** Each stored signal's time, by paper and signal. */
const storedTimes = () => {
  const store = openDb(db());
  try {
    return store.prepare('SELECT paper_id, signal, at FROM feedback ORDER BY paper_id, signal').all();
  } finally {
    store.close();
  }
};

describe('digest feedback import', () => {
  test('good lines are stored, bad ones named by line and field and skipped', async () => {
    const signals = file('feedback.jsonl', [
      `{"paper":"${MLIP}","signal":"star","member":"Yanhao Deng","area":"mlip-interfaces","at":"2026-11-12T09:15:02Z"}`,
      `{"paper":"${DATA_MINING}","signal":"dismiss","member":"Naibing Wu"}`,
      '',
      `{"paper":"${NOT_STORED}","signal":"nominate"}`,
      '{"paper":"x","signal":"like"}',
      `{"paper":"${MLIP}","signal":"star","member":"Yanhao Dng"}`,
      `{"paper":"${MLIP}","signal":"star","area":"mlip"}`,
      `{"paper":"${MLIP}","signal":"star","member":"Naibng Wu","area":"phasefield"}`,
      'not json',
      `{"paper":"${MLIP}","signal":"read","member":"Naibing Wu","at":"2062-11-12T09:15:02Z"}`,
    ]);
    const { code, out, err } = await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db());
    expect(code).toBe(0);
    expect(err.split('\n')).toEqual([
      expect.stringContaining(`${signals}:10: at: "2062-11-12T09:15:02Z" is in the future (it is 20`),
      'skipped 5 lines:',
      `${signals}:5: signal: expected one of star, dismiss, read, nominate, saw "like"`,
      `${signals}:6: member: no member "Yanhao Dng" in ${CONFIG} (did you mean "Yanhao Deng"?)`,
      `${signals}:7: area: no area "mlip" in ${CONFIG} (did you mean "mlip-interfaces"?); its areas are mlip-interfaces, polymer-electrolytes, phase-field-sei, halide-electrolytes`,
      // Both names wrong: both said, so the line is mended at once.
      `${signals}:8: member: no member "Naibng Wu" in ${CONFIG} (did you mean "Naibing Wu"?); area: no area "phasefield" in ${CONFIG} (did you mean "phase-field-sei"?); its areas are mlip-interfaces, polymer-electrolytes, phase-field-sei, halide-electrolytes`,
      `${signals}:9: not JSON (Unexpected token 'o', "not json" is not valid JSON)`,
      '',
    ]);
    expect(err).toMatch(/is in the future \(it is 20\d\d-\d\d-\d\dT\d\d:\d\dZ now\): taken as now\n/);
    expect(out).toBe(`imported 4 signals from ${signals}: 1 star, 1 nomination, 1 dismissal, 1 read; 1 of their papers is not in the store yet (${NOT_STORED}) and counts once fetched; 5 lines skipped\n`);
    const { examples, waiting } = gathered();
    expect(examples.map((e) => [e.paper.id, e.signal, e.member, e.area, e.at])).toEqual([
      [DATA_MINING, 'dismiss', 'Naibing Wu', undefined, expect.stringMatching(/^20\d\d-/)],
      [MLIP, 'read', 'Naibing Wu', undefined, expect.stringMatching(/^20\d\d-/)],
      [MLIP, 'star', 'Yanhao Deng', 'mlip-interfaces', '2026-11-12T09:15:02Z'],
    ]);
    // The time in the future was taken as the import's.
    expect(Date.parse(examples.find((e) => e.signal === 'read')?.at ?? '') - Date.now()).toBeLessThan(60_000);
    expect(waiting).toBe(1);
  });

  test('importing the same file twice keeps one row a signal; a file of nothing valid exits 1', async () => {
    const signals = file('again.jsonl', [`{"paper":"${MLIP}","signal":"star","member":"Yanhao Deng","at":"2026-11-12T09:15:02Z"}`]);
    await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db());
    await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db());
    expect(gathered().examples).toHaveLength(1);
    const bad = file('bad.jsonl', ['{"paper":"x"}']);
    expect(await runCli('feedback', 'import', '--config', CONFIG, bad, '--db', db())).toEqual({
      code: 1, out: '',
      err: `skipped 1 line:\n${bad}:1: signal: missing required field\ndigest: ${bad}: holds no valid signal (one JSON object a line: {"paper": "<id>", "signal": "star"})\n`,
    });
  });

  test('a signal waits for its paper and counts once the paper is stored', async () => {
    const signals = file('waiting.jsonl', [`{"paper":"doi:10.7554/elife.01567","signal":"star","member":"Naibing Wu"}`]);
    await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db());
    expect([gathered().examples.length, gathered().waiting]).toEqual([0, 1]);
    await runCli('import', fixturePath('import/bibtex-crossref-elife-2014.bib'), '--db', db());
    expect(gathered().examples.map((e) => [e.paper.id, e.paper.title.slice(0, 30)])).toEqual([['doi:10.7554/elife.01567', expect.any(String)]]);
  });
});

test('a line repeating a signal of the same paper, member and area is said: the store keeps one, the latest', async () => {
  const twice = file('twice.jsonl', [`{"paper":"${MLIP}","signal":"star","member":"Naibing Wu"}`, `{"paper":"${MLIP}","signal":"star","member":"Naibing Wu"}`]);
  expect((await runCli('feedback', 'import', '--config', CONFIG, twice, '--db', db())).out)
    .toBe(`imported 2 signals from ${twice}: 2 stars; 1 repeats a signal of the same paper, member and area (the latest is kept)\n`);
  expect(gathered().examples).toHaveLength(1);
});

test('a file imported again says its signals were stored already: "imported 2 signals" is not 2 more', async () => {
  const dated = file('dated.jsonl', [
    `{"paper":"${MLIP}","signal":"star","member":"Naibing Wu","at":"2026-11-12T09:00:00Z"}`,
    `{"paper":"${MLIP}","signal":"read","member":"Yanhao Deng","at":"2026-11-12T09:00:00Z"}`,
  ]);
  expect((await runCli('feedback', 'import', '--config', CONFIG, dated, '--db', db())).out).toBe(`imported 2 signals from ${dated}: 1 star, 1 read\n`);
  expect((await runCli('feedback', 'import', '--config', CONFIG, dated, '--db', db())).out)
    .toBe(`imported 2 signals from ${dated}: 1 star, 1 read; all were stored already\n`);
  const one = file('one.jsonl', [`{"paper":"${MLIP}","signal":"star","member":"Naibing Wu","at":"2026-11-12T09:00:00Z"}`, `{"paper":"${MLIP}","signal":"dismiss","member":"Naibing Wu","at":"2026-11-13T09:00:00Z"}`]);
  expect((await runCli('feedback', 'import', '--config', CONFIG, one, '--db', db())).out)
    .toBe(`imported 2 signals from ${one}: 1 star, 1 dismissal; 1 was stored already\n`);
});

describe('the reading room teaches too; digest feedback reset forgets', () => {
  const star = (member: string, paper: string, at: string) => {
    const store = openDb(db());
    applyChanges(store, { member, device: 'd-test', changes: [{ paper, field: 'starred', value: true, at }], now: new Date(at) });
    store.close();
  };

  test('stars in the room and imported signals together; reset by member, by area, then everything', async () => {
    star('Naibing Wu', DATA_MINING, '2026-11-10T08:00:00.000Z');
    star('Someone Gone', MLIP, '2026-11-10T08:00:00.000Z');
    await runCli('feedback', 'import', '--config', CONFIG, file('f.jsonl', [`{"paper":"${MLIP}","signal":"star","member":"Yanhao Deng","area":"mlip-interfaces","at":"2026-11-11T08:00:00Z"}`]), '--db', db());
    expect(gathered()).toMatchObject({ waiting: 0, unknown: 1, forgotten: 0 });
    expect(gathered().examples.map((e) => [e.paper.id, e.member])).toEqual([[DATA_MINING, 'Naibing Wu'], [MLIP, 'Yanhao Deng']]);

    const reset = await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'Naibing Wu', '--db', db());
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/^forgot what Naibing Wu's signals taught up to 20\d\d-.*Stars and reads in the reading room stay as they are, but the digest stops using them: /);
    expect(reset.out).toMatch(/a paper dismissed before now may be a pick again, and notes no longer say who starred, put forward or dismissed it\.\n$/);
    expect(gathered().examples.map((e) => e.member)).toEqual(['Yanhao Deng']);
    const areaReset = await runCli('feedback', 'reset', '--config', CONFIG, '--area', 'mlip-interfaces', '--db', db());
    expect(areaReset.out).toContain('forgot what the signals on mlip-interfaces taught the area (the members who gave them keep it)');
    // The area forgets Yanhao Deng's star; his own profile keeps it.
    expect(gathered()).toMatchObject({ forgotten: 1 });
    expect(gathered().examples.map((e) => [e.paper.id, e.member, e.area])).toEqual([[MLIP, 'Yanhao Deng', undefined]]);
    // A signal of the area with no member is forgotten outright, and one dated before the reset says so at import.
    const late = await runCli('feedback', 'import', '--config', CONFIG, file('late.jsonl', [`{"paper":"${MLIP}","signal":"read","area":"mlip-interfaces","at":"2026-11-12T08:00:00Z"}`]), '--db', db());
    expect(late.out).toBe(`imported 1 signal from ${inDir(dir.path, 'late.jsonl')}: 1 read; 1 was given before a \`feedback reset\` of its member or area and teaches nothing\n`);
    expect(gathered()).toMatchObject({ forgotten: 2 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'Yanhao Deng', '--db', db())).code).toBe(0);
    expect(gathered()).toMatchObject({ examples: [], forgotten: 3 });

    // A star given after the reset teaches again.
    star('Naibing Wu', MLIP, new Date(Date.now() + 5).toISOString());
    expect(gathered().examples.map((e) => [e.paper.id, e.member])).toEqual([[MLIP, 'Naibing Wu']]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await runCli('feedback', 'reset', '--config', CONFIG, '--db', db())).code).toBe(0);
    expect(gathered().examples).toEqual([]);
  });

  test('a file imported again after a reset does not teach again: its undated and future-dated lines keep their first time', async () => {
    // Found by an audit: each import stamped such lines with its own time, after the reset, and the
    // reset member's "no signals" became "1 star, 1 read" again.
    const lines = [
      `{"paper":"${MLIP}","signal":"read","member":"Yanhao Deng","area":"mlip-interfaces"}`,
      `{"paper":"${DATA_MINING}","signal":"star","member":"Yanhao Deng","area":"mlip-interfaces","at":"2062-06-01T00:00:00Z"}`,
    ];
    const signals = file('undated.jsonl', lines);
    expect((await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db())).code).toBe(0);
    expect(gathered().examples.map((e) => [e.paper.id, e.signal])).toEqual([[DATA_MINING, 'star'], [MLIP, 'read']]);
    const first = storedTimes();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'Yanhao Deng', '--db', db())).code).toBe(0);
    expect(gathered().examples).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await runCli('feedback', 'import', '--config', CONFIG, signals, '--db', db());
    expect(again.out).toContain('all were stored already');
    expect(again.out).toContain('2 were given before a `feedback reset` of their member or area and teach nothing');
    expect(storedTimes()).toEqual(first);
    expect(gathered().examples).toEqual([]);
  });

  test('`feedback show` says when no archive tells which section a room star was in', async () => {
    star('Naibing Wu', DATA_MINING, '2026-11-10T08:00:00.000Z');
    const missing = inDir(dir.path, 'no-digests');
    const shown = await runCli('feedback', 'show', '--config', CONFIG, '--db', db(), '--digests', missing);
    expect(shown.code).toBe(0);
    expect(shown.err).toBe(`(no digest archive at ${missing}: the reading room's stars teach their members only, not the sections their papers were in; pass --digests DIR)\n`);
    expect(shown.out).toContain('Naibing Wu: 1 star');
  });

  test('a member is named in any case, as `members invite` takes them, and with accents composed either way', async () => {
    // Found by an audit: `members invite "naibing wu"` worked, `feedback reset --member "naibing wu"` was refused.
    const reset = await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'naibing wu', '--db', db());
    expect(reset.code).toBe(0);
    expect(reset.out).toContain("forgot what Naibing Wu's signals taught");
    const zoe = inDir(dir.path, 'zoe.yaml');
    writeFileSync(zoe, readFileSync(CONFIG, 'utf8').replace('  - name: Naibing Wu', '  - name: "Zo\u00eb Wu"'));
    const imported = await runCli('feedback', 'import', '--config', zoe, file('zoe.jsonl', [`{"paper":"${MLIP}","signal":"star","member":"Zoe\u0308 Wu"}`]), '--db', db());
    expect(imported.code).toBe(0);
    expect(gathered().examples).toEqual([]); // the default config has no Zoë: she is stored under the config's name
    const store = openDb(db());
    try {
      expect(store.prepare('SELECT member FROM feedback').pluck().all()).toEqual(['Zo\u00eb Wu']);
    } finally {
      store.close();
    }
  });

  test('a reset names a member or area the config has, and only one of them', async () => {
    expect(await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'Naibing', '--db', db())).toMatchObject({
      code: 2, err: `digest: --member: no member "Naibing" in ${CONFIG} (did you mean "Naibing Wu"?); its members are Yanhao Deng, Naibing Wu\n`,
    });
    expect((await runCli('feedback', 'reset', '--config', CONFIG, '--member', 'Naibing Wu', '--area', 'mlip-interfaces', '--db', db())).err).toBe('digest: give --member or --area, not both\n');
  });
});

describe('an area or member renamed or removed in the config', () => {
  const configText = readFileSync(CONFIG, 'utf8');
  const edited = (name: string, text: string) => {
    const path = inDir(dir.path, name);
    writeFileSync(path, text);
    return path;
  };
  // polymer-electrolytes renamed, the rename said under `formerly`; Naibing Wu's name corrected, said too.
  const renamed = () => edited('renamed.yaml', configText.replaceAll('polymer-electrolytes', 'solid-polymer-electrolytes')
    .replace('  - id: solid-polymer-electrolytes\n', '  - id: solid-polymer-electrolytes\n    formerly: [polymer-electrolytes]\n')
    .replace('  - name: Naibing Wu\n', '  - name: Naibing B. Wu\n    formerly: [naibing wu]\n'));
  // The same edits, nothing said: the old names are gone.
  const unsaid = () => edited('unsaid.yaml', configText.replaceAll('polymer-electrolytes', 'solid-polymer-electrolytes').replace('  - name: Naibing Wu\n', '  - name: Naibing B. Wu\n'));
  const signals = () => file('signals.jsonl', [
    `{"paper":"${MLIP}","signal":"star","member":"Naibing Wu","area":"polymer-electrolytes","at":"2026-11-11T08:00:00Z"}`,
    `{"paper":"${DATA_MINING}","signal":"dismiss","member":"Yanhao Deng","area":"polymer-electrolytes","at":"2026-11-11T08:00:00Z"}`,
    `{"paper":"${MLIP}","signal":"read","member":"Naibing Wu","at":"2026-11-11T08:00:00Z"}`,
  ]);
  const gatheredWith = (path: string) => {
    const parsed = parseGroupConfig(readFileSync(path, 'utf8'), path);
    if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
    const store = openDb(db());
    try {
      return gatherSignals(store, parsed.config);
    } finally {
      store.close();
    }
  };

  test('`formerly` carries every signal over; without it each still teaches the side the config has, and the names are said', async () => {
    expect((await runCli('feedback', 'import', '--config', CONFIG, signals(), '--db', db())).code).toBe(0);
    expect(gatheredWith(renamed()).examples.map((e) => [e.paper.id, e.signal, e.member, e.area])).toEqual([
      [DATA_MINING, 'dismiss', 'Yanhao Deng', 'solid-polymer-electrolytes'],
      [MLIP, 'read', 'Naibing B. Wu', undefined],
      [MLIP, 'star', 'Naibing B. Wu', 'solid-polymer-electrolytes'],
    ]);
    const unsaidGathered = gatheredWith(unsaid());
    // Yanhao Deng keeps his dismissal; Naibing Wu's star and read teach no member, and the star no area either.
    expect(unsaidGathered.examples.map((e) => [e.paper.id, e.signal, e.member, e.area])).toEqual([[DATA_MINING, 'dismiss', 'Yanhao Deng', undefined]]);
    expect(unsaidGathered).toMatchObject({ unknown: 2 });
    expect([...unsaidGathered.missing.areas]).toEqual([['polymer-electrolytes', 2]]);
    expect([...unsaidGathered.missing.members]).toEqual([['Naibing Wu', 2]]);
    const shown = await runCli('feedback', 'show', '--config', unsaid(), '--db', db());
    expect(shown.out).toContain('note: 2 signals name area "polymer-electrolytes" and 2 name member "Naibing Wu", which the config no longer has: '
      + 'each still teaches its other side, and 2 with neither teach nothing. If one was renamed, list the old name under its `formerly:` (docs/config.md)');
  });

  test('import, reset and learn take a former name as the one the config gives now; a reset may name a removed one', async () => {
    const config = renamed();
    const imported = await runCli('feedback', 'import', '--config', config, signals(), '--db', db());
    expect(imported.code).toBe(0);
    const store = openDb(db());
    const rows = store.prepare('SELECT member, area FROM feedback ORDER BY paper_id, signal').all();
    store.close();
    expect(rows).toEqual([
      { member: 'Yanhao Deng', area: 'solid-polymer-electrolytes' },
      { member: 'Naibing B. Wu', area: '' },
      { member: 'Naibing B. Wu', area: 'solid-polymer-electrolytes' },
    ]);
    const reset = await runCli('feedback', 'reset', '--config', config, '--area', 'polymer-electrolytes', '--db', db());
    expect(reset.out).toContain('forgot what the signals on solid-polymer-electrolytes taught the area');
    expect(gatheredWith(config).examples.map((e) => e.area)).toEqual([undefined, undefined, undefined]);
    // Signals stored under a name the config no longer has can still be forgotten by it.
    expect((await runCli('feedback', 'import', '--config', CONFIG, signals(), '--db', db())).code).toBe(0);
    const gone = await runCli('feedback', 'reset', '--config', unsaid(), '--member', 'Naibing Wu', '--db', db());
    expect(gone).toMatchObject({ code: 0, out: expect.stringContaining("forgot what Naibing Wu's signals taught") });
    const typo = await runCli('feedback', 'reset', '--config', config, '--member', 'Naibing Wuu', '--db', db());
    expect(typo).toMatchObject({ code: 2, err: expect.stringContaining('no member "Naibing Wuu"') });
  });
});

describe('digest feedback show', () => {
  test('a profile taught by the group\'s own papers says how many, not "no signals"', async () => {
    const bib = fixturePath('import/bibtex-crossref-elife-2014.bib');
    expect((await runCli('learn', '--bib', bib, '--area', 'polymer-electrolytes', '--config', CONFIG, '--db', db())).code).toBe(0);
    const { code, out } = await runCli('feedback', 'show', '--config', CONFIG, '--db', db(), '--digests', inDir(dir.path, 'no-archive'));
    expect(code).toBe(0);
    expect(out).toContain('Polymer Electrolytes (polymer-electrolytes): 1 own paper\n');
    expect(out).not.toContain('Polymer Electrolytes (polymer-electrolytes): no signals');
  });

  test('signals per area and member, and what waits', async () => {
    await runCli('feedback', 'import', '--config', CONFIG, file('s.jsonl', [
      `{"paper":"${MLIP}","signal":"star","member":"Yanhao Deng","area":"mlip-interfaces","at":"2026-11-12T09:15:02Z"}`,
      `{"paper":"${MLIP}","signal":"read","member":"Naibing Wu","area":"mlip-interfaces","at":"2026-11-13T10:00:00Z"}`,
      `{"paper":"${NOT_STORED}","signal":"star"}`,
    ]), '--db', db());
    const { code, out } = await runCli('feedback', 'show', '--config', CONFIG, '--db', db(), '--digests', inDir(dir.path, 'no-archive'));
    expect(code).toBe(0);
    // Under each profile taught, the words it learned (the ranker's model: ranker/src/learning/learning.ts).
    const lines = out.split('\n');
    const learned = lines.flatMap((l, i) => (l.startsWith('  learned: ') ? [lines.slice(0, i).reverse().find((h) => !h.startsWith('  '))] : []));
    // A paper counts once, by its strongest signal, as the digest's learned line counts it.
    const mlip = 'ML Interatomic Potentials & Interface Simulations (mlip-interfaces): 1 star (2 signals: a paper counts once, by its strongest)';
    expect(learned).toEqual([mlip, 'Yanhao Deng: 1 star', 'Naibing Wu: 1 read']);
    for (const line of lines.filter((l) => l.startsWith('  learned: '))) expect(line).toMatch(/^ {2}learned: [+−]\S/);
    // And the papers it learned from, with who and when; a member's own name is not repeated under them.
    // The paper counts for the area by its star, not Naibing Wu's later read.
    const title = '\'Refining Machine Learning Potentials through Thermodynamic…\'';
    expect(lines.filter((l) => l.startsWith('  from: '))).toEqual([
      `  from: ${title} (Yanhao Deng, 12 Nov)`, `  from: ${title} (12 Nov)`, `  from: ${title} (13 Nov)`,
    ]);
    // The star was little news to the ML potentials keywords (a paper on refining them): its words weigh lightly, and it says why.
    expect(lines.filter((l) => l.startsWith('  counts lightly: '))[0]).toMatch(/^ {2}counts lightly: the keywords already scored this paper 0\.(?:7[5-9]|[89]\d), so it confirms the keywords more than it teaches them; /);
    expect(lines.filter((l) => l.startsWith('  counts lightly: '))[0]).toContain('stars on papers they score lower (a section\'s "more" list, or found with `digest search`) teach more');
    expect(lines.filter((l) => !/^ {2}(learned|from|counts lightly): /.test(l)).join('\n')).toBe([
      'DENG.Group: 2 signals to learn from, 1 waiting for its paper',
      '',
      mlip,
      'Polymer Electrolytes (polymer-electrolytes): no signals',
      'Phase Field / Dendrites & SEI (phase-field-sei): no signals',
      'Halide Solid Electrolytes (halide-electrolytes): no signals',
      'Yanhao Deng: 1 star',
      'Naibing Wu: 1 read',
      '',
    ].join('\n'));
  });
});
