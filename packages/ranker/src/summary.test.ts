import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { NO_ABSTRACT, leansOnPrevious, splitSentences, summarize } from './summary.ts';

const abstract = 'Solid polymer electrolytes promise safer batteries. However, their ionic conductivity is low at room '
  + 'temperature, e.g. below 0.1 mS/cm. Here we show that segmental motion in PEO can be decoupled from ion transport. '
  + 'The samples were dried at 80 °C. We find a conductivity of 1.2 mS/cm, ten times that of Li et al. in Fig. 2.';

test('sentences keep abbreviations and decimals inside', () => {
  expect(splitSentences(abstract).map((s) => s.text)).toEqual([
    'Solid polymer electrolytes promise safer batteries.',
    'However, their ionic conductivity is low at room temperature, e.g. below 0.1 mS/cm.',
    'Here we show that segmental motion in PEO can be decoupled from ion transport.',
    'The samples were dried at 80 °C.',
    'We find a conductivity of 1.2 mS/cm, ten times that of Li et al. in Fig. 2.',
  ]);
});

describe('the summary says what the paper did and found', () => {
  test('the finding and method sentences over background, in the abstract\'s order', () => {
    expect(summarize(abstract, () => 0)).toBe('Here we show that segmental motion in PEO can be decoupled from ion transport. '
      + 'We find a conductivity of 1.2 mS/cm, ten times that of Li et al. in Fig. 2.');
  });

  test('a sentence that leans on the one before comes only right after it', () => {
    const leaning = 'Dendrites limit lithium metal anodes. We grow a LiF-rich interphase by a fluorinated additive. '
      + 'Consequently, the cells cycle for 1000 h at 1 mA cm-2. Lithium metal is soft.';
    expect(summarize(leaning, () => 0)).toBe('We grow a LiF-rich interphase by a fluorinated additive. Consequently, the cells cycle for 1000 h at 1 mA cm-2.');
    // The sentence before "Consequently" is too long to come along: the summary does without both.
    const cut = 'Dendrites limit lithium metal anodes. We design a LiF-rich interphase by a fluorinated additive. '
      + `Many other things were tried before, ${Array.from({ length: 60 }, (_, i) => `step${i}`).join(' ')}. `
      + 'Consequently, the cells cycle for 1000 h at 1 mA cm-2.';
    expect(summarize(cut, () => 0)).toBe('We design a LiF-rich interphase by a fluorinated additive.');
  });

  test.each([
    ['However, the interphase is thin.', true], ['This approach fails.', true], ['These results show it.', true],
    ['To address these issues, we design a gel.', true], ['In addition, it works.', true], ['It grows.', true],
    ['This work presents a model.', false], ['This study reports a gel.', false], ['Here we show it.', false],
    ['Herein, a gel is made.', false], ['Thus far, nobody has.', true], ['The gel works.', false],
    ['It is shown that gels conduct.', false], ['It is stable in air.', true],
    ['Building on this insight, we design a gel.', true], ['To validate this mechanism, we ran MD.', true],
    ['Elucidating these failure mechanisms matters.', true], ['Materials such as LiF help.', false],
    ['0.65, a wide window of 5 V.', true], ['Among them, halides conduct best.', true], ['Among halides, chlorides conduct best.', false], ['and the gel works.', true], ['In this work, we model dendrites.', false],
    ['Concurrently, it promotes a robust SEI.', true], ['Here, we investigate such ultrafast dynamics.', true], ['Subsequently, the cells were cycled.', true],
    ['Recently, halides have drawn attention.', false], ['Currently, gels are used.', false], ['Poly(ethylene oxide) conducts.', false],
  ])('"%s" leans on the sentence before: %s', (sentence, leans) => {
    expect(leansOnPrevious(sentence)).toBe(leans);
  });

  test('what the field needs or lacks is left out when the abstract says what the paper did', () => {
    // Real (the sample week's Angewandte paper on gel electrolytes for zinc-air cells): its opening says
    // what the field needs, its second sentence what the authors made, in the passive.
    const zincAir = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r))
      .find((p) => p.title.startsWith('Component Self'))!.abstract!;
    expect(summarize(zincAir, () => 0)).toBe('Herein, a component self‐initiated photopolymerization strategy is developed to achieve rapid '
      + 'gelation within minutes under visible‐light irradiation without external initiators, providing an efficient route for '
      + 'fabricating high‐performance GPEs. This work establishes an electrolyte design strategy in which a single electrolyte '
      + 'component integrates photoinitiation, structural construction, and electrochemical regulation, transforming electrolyte '
      + 'additives into active building blocks.');
    // However many of the area's keywords it holds.
    const keywordRich = 'Gel polymer electrolytes are promising but remain limited by their low conductivity. '
      + 'We design a crosslinked gel polymer electrolyte that conducts 1 mS cm-1.';
    expect(summarize(keywordRich, () => 10)).toBe('We design a crosslinked gel polymer electrolyte that conducts 1 mS cm-1.');
    // With nothing said of what the paper did, background is all there is: its opening is used.
    expect(summarize('Halide electrolytes have emerged as next‐generation conductors. Their cost remains a challenge.', () => 0))
      .toBe('Halide electrolytes have emerged as next‐generation conductors.');
  });

  test('without an abstract, or with only a heading, it says so plainly', () => {
    expect(summarize('', () => 0)).toBe(NO_ABSTRACT);
    expect(summarize('Abstract', () => 0)).toBe(NO_ABSTRACT);
  });

  test('a publisher\'s "Abstract" heading is not part of the summary', () => {
    expect(summarize('ABSTRACT Halide electrolytes conduct lithium ions well. We show they are soft.', () => 0))
      .toBe('Halide electrolytes conduct lithium ions well. We show they are soft.');
  });

  test('one sentence too long for any budget is cut at a clause boundary', () => {
    const long = `We develop a phase-field model of dendrite growth, ${Array.from({ length: 30 }, (_, i) => `term${i}`).join(' ')}; `
      + `${Array.from({ length: 60 }, (_, i) => `more${i}`).join(' ')}.`;
    expect(summarize(long, () => 0)).toBe(`We develop a phase-field model of dendrite growth, ${Array.from({ length: 30 }, (_, i) => `term${i}`).join(' ')}…`);
  });
});

// Every real abstract of the two recorded slices: the rules hold on what feeds really send.
const abstracts = [...readFixtureRecords('papers/corpus-slice.jsonl'), ...readFixtureRecords('papers/sample-week.jsonl.gz')]
  .map((r) => paperSchema.parse(r).abstract).filter((a): a is string => a !== null && a.trim().length > 0);

test('on 1,900 real abstracts: never empty, whole sentences of the abstract, none cut from its context, about 60 words', () => {
  expect(abstracts.length).toBeGreaterThan(1900);
  const problems: string[] = [];
  for (const text of abstracts) {
    const summary = summarize(text, () => 0);
    const sentences = splitSentences(summary).map((s) => s.text);
    const words = summary.split(/\s+/).length;
    if (summary === NO_ABSTRACT || summary.trim() === '') problems.push(`empty: ${text.slice(0, 60)}`);
    else if (words > 75) problems.push(`${words} words: ${summary.slice(0, 60)}`);
    else if (leansOnPrevious(summary)) problems.push(`leans: ${summary.slice(0, 60)}`);
    else if (!summary.endsWith('…') && sentences.some((s) => !text.includes(s))) problems.push(`not whole: ${summary.slice(0, 60)}`);
    else {
      // A later sentence that leans on the one before follows it in the abstract too.
      sentences.forEach((s, i) => {
        if (i > 0 && leansOnPrevious(s) && !text.replace(/\s+/g, ' ').includes(`${sentences[i - 1]} ${s}`)) problems.push(`cut: ${s.slice(0, 60)}`);
      });
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
});
