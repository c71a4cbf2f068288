import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { citedAs, inThirdPerson, surnameOf } from './third-person.ts';

describe('inThirdPerson', () => {
  const authors = ['Wei Zhang', 'Li Na', 'Boris Kozinsky'];

  test.each([
    // Summaries of the sample week's papers, as the summarizer chose them.
    ['Here, we use multiscale modeling to resolve polycrystalline ion transport. We find that diffusion barriers scale linearly with anion radius.',
      'Zhang et al. use multiscale modeling to resolve polycrystalline ion transport. They find that diffusion barriers scale linearly with anion radius.'],
    ['Herein, we report a gel electrolyte. Our results show a transference number of 0.56.',
      'Zhang et al. report a gel electrolyte. Their results show a transference number of 0.56.'],
    ['In this work, we develop a phase-field model, which lets us follow dendrites.',
      'Zhang et al. develop a phase-field model, which lets them follow dendrites.'],
    ['Our simulations reveal a disordered phase, which we identify by clustering.',
      "Zhang et al.'s simulations reveal a disordered phase, which they identify by clustering."],
    ['Using ethylene carbonate as a prototypical solvent, we show that electron injection drives distinct pathways.',
      'Using ethylene carbonate as a prototypical solvent, Zhang et al. show that electron injection drives distinct pathways.'],
    // The verb they are first named with is told in the present, as the digest's other summaries tell
    // theirs (the sample week's "Luo et al. developed PEO/LiTFSI‐Mg1‐xLixF2 composite electrolytes"),
    // and so does a later sentence on "They"; other sentences keep the abstract's tense, and so does a
    // deed placed in the past.
    ['Here, we developed PEO/LiTFSI composite electrolytes. We found a conductivity of 0.158 mS cm−1.',
      'Zhang et al. develop PEO/LiTFSI composite electrolytes. They find a conductivity of 0.158 mS cm−1.'],
    ['We developed a gel. Cells cycled for 2000 h. We previously showed its use, and we operated it at 0 °C.',
      'Zhang et al. develop a gel. Cells cycled for 2000 h. They previously showed its use, and they operated it at 0 °C.'],
    ['We rationally designed and synthesized a fluorinated monomer.', 'Zhang et al. rationally design and synthesize a fluorinated monomer.'],
    ['We previously reported a gel electrolyte.', 'Zhang et al. previously reported a gel electrolyte.'],
    // The sentence's other verbs of the authors go with the first (the sample week's anode-free interlayer).
    ['We compared silver nanowires and silver nanoparticles as coating substrates, and developed a composite coating. It worked.',
      'Zhang et al. compare silver nanowires and silver nanoparticles as coating substrates, and develop a composite coating. It worked.'],
    // A verb it cannot tell the present of leaves the sentence in the abstract's tense, never two tenses.
    ['We developed and operated an optomechanical platform.', 'Zhang et al. developed and operated an optomechanical platform.'],
    ['We fabricated arrays of nanoribbons, and characterized their edges.', 'Zhang et al. fabricated arrays of nanoribbons, and characterized their edges.'],
    ['X-ray diffraction revealed two phases. We observed surface instability.', 'X-ray diffraction revealed two phases. Zhang et al. observed surface instability.'],
    ['We performed a likelihood analysis and identified about 2900 emitters.', 'Zhang et al. perform a likelihood analysis and identify about 2900 emitters.'],
    ['We screened 40 salts and identified the best one, whose anion developed a thin SEI.',
      'Zhang et al. screen 40 salts and identify the best one, whose anion developed a thin SEI.'],
    ['Our simulations showed two phases.', "Zhang et al.'s simulations showed two phases."],
    // "Herein, a … is developed": the authors made it (the sample week's abstracts).
    ['Here, a coordination‐engineered polymer electrolyte with a hierarchical Li+ coordination architecture is developed to synchronize ion transport. We find a transference number of 0.56.',
      'Zhang et al. develop a coordination‐engineered polymer electrolyte with a hierarchical Li+ coordination architecture to synchronize ion transport. They find a transference number of 0.56.'],
    ['Herein, a difluoro-functionalized monomer, 2,2-difluoroethyl methacrylate (DFEMA), is rationally designed to regulate solvation.',
      'Zhang et al. rationally design a difluoro-functionalized monomer, 2,2-difluoroethyl methacrylate (DFEMA), to regulate solvation.'],
    ['Lithium anodes fail. Herein, a 3D Li/Al4Li9 composite anode is fabricated via melt-spinning.',
      'Lithium anodes fail. Zhang et al. fabricate a 3D Li/Al4Li9 composite anode via melt-spinning.'],
    ['Herein, an organic lithium salt (named PQ‐Li) was synthesized, and a flexible electrolyte is made.',
      'Zhang et al. synthesize an organic lithium salt (named PQ‐Li), and a flexible electrolyte is made.'],
    ['Here, a unified framework is established that links diffusivity to crack‐generated interfaces.',
      'Zhang et al. establish a unified framework that links diffusivity to crack‐generated interfaces.'],
    ['Herein, a hydrogel electrolyte that is crosslinked in situ is developed by introducing guanylate.',
      'Zhang et al. develop a hydrogel electrolyte that is crosslinked in situ by introducing guanylate.'],
    ['Herein, lithium pyridine‐2‐thiolate (PySLi) is proposed as a multifunctional mediator.',
      'Zhang et al. propose lithium pyridine‐2‐thiolate (PySLi) as a multifunctional mediator.'],
    ['In this work, low N/P LIBs are constructed to induce Li‐plating, and thermal tests are performed.',
      'Zhang et al. construct low N/P LIBs to induce Li‐plating, and thermal tests are performed.'],
    ['Herein, PEO-based electrolytes were designed.', 'Zhang et al. design PEO-based electrolytes.'],
    ['Herein, the tailored boron nitride nanosheets (BNNSs) are used as electrolyte additives to improve ion transport.',
      'Zhang et al. use the tailored boron nitride nanosheets (BNNSs) as electrolyte additives to improve ion transport.'],
    ['Herein, the mechanism is investigated by operando imaging.', 'Zhang et al. investigate the mechanism by operando imaging.'],
    // A phrase before the thing opens the sentence, before the authors.
    ['Herein, inspired by the absorption of nutrients through plant epidermis, a gradient biomimetic multilayer self‐assembled SEI is constructed.',
      'Inspired by the absorption of nutrients through plant epidermis, Zhang et al. construct a gradient biomimetic multilayer self‐assembled SEI.'],
    ['Herein, to tackle dendrites, a dual-salt electrolyte is designed for sodium.',
      'To tackle dendrites, Zhang et al. design a dual-salt electrolyte for sodium.'],
    ['Herein, lithium bis(fluorosulfonyl)imide, a salt, is employed as additive.',
      'Zhang et al. employ lithium bis(fluorosulfonyl)imide, a salt, as additive.'],
    ['Here, mixed ionic‐electronic conductor, PEDOT:PSSTFSI, is incorporated as a binder.',
      'Zhang et al. incorporate mixed ionic‐electronic conductor, PEDOT:PSSTFSI, as a binder.'],
    ['Herein, layered TMSs Cu2MS4 (M = Mo, W) were synthesized via a solvothermal method.',
      'Zhang et al. synthesize layered TMSs Cu2MS4 (M = Mo, W) via a solvothermal method.'],
    ['Here, using MXene as a model, an atomic-level intercalation strategy was developed.',
      'Using MXene as a model, Zhang et al. develop an atomic-level intercalation strategy.'],
    ['Herein, for the first time, a sodium halide electrolyte is developed.',
      'For the first time, Zhang et al. develop a sodium halide electrolyte.'],
    // "in situ" is the thing's, not a phrase before it; so is a noun's -ing ("coating discovery").
    ['Herein, coating discovery is formulated as a prediction problem.', 'Zhang et al. formulate coating discovery as a prediction problem.'],
    ['Here, in situ electrochemical AFM (EC-AFM) is used to follow the interphase.',
      'Zhang et al. use in situ electrochemical AFM (EC-AFM) to follow the interphase.'],
    // A phrase that cannot be told from the thing, or a thing with a verb of its own: as written.
    ['Herein, by leveraging the properties of 1, 2‐dimethoxypropane (DMP), including low polarity, DMP is introduced into carbonates.',
      'Herein, by leveraging the properties of 1, 2‐dimethoxypropane (DMP), including low polarity, DMP is introduced into carbonates.'],
    ['Herein, to tackle dendrites, a dual-salt electrolyte, LiDFOB in TMP, is designed for sodium.',
      'Herein, to tackle dendrites, a dual-salt electrolyte, LiDFOB in TMP, is designed for sodium.'],
    ['Herein, restructuring is achieved by a combination of anions, and its impacts are comprehensively investigated.',
      'Herein, restructuring is achieved by a combination of anions, and its impacts are comprehensively investigated.'],
    // "This study proposes …": the paper doing it is its authors doing it; a review's too.
    ['This study proposes cooperative dual-salt electrolytes utilizing LiOTf and LiBOB. The system adapts to temperature.',
      'Zhang et al. propose cooperative dual-salt electrolytes utilizing LiOTf and LiBOB. The system adapts to temperature.'],
    ['This review systematically summarizes recent advances in gel electrolytes. We first establish a classification.',
      'Zhang et al. systematically summarize recent advances in gel electrolytes. They first establish a classification.'],
    ['This work applies DFT to interfaces.', 'Zhang et al. apply DFT to interfaces.'],
    ['This study investigates the impact of cycling and reveals the direct link to shorts.',
      'Zhang et al. investigate the impact of cycling and reveal the direct link to shorts.'],
    // Named where they first act: a "we" before it names them, and the later framing stays.
    ['We report a gel. This study proposes a model. Herein, a cell is developed.', 'Zhang et al. report a gel. This study proposes a model. Herein, a cell is developed.'],
    ['This study not only reveals the mechanism but also offers insight.', 'This study not only reveals the mechanism but also offers insight.'],
    // A pronoun, a verb not of making, no passive, or a verb of a clause inside the thing: as written.
    ['Herein, it is demonstrated that anions matter.', 'Herein, it is demonstrated that anions matter.'],
    ['Herein, a polymer that is designed for sodium is applied to zinc.', 'Herein, a polymer that is designed for sodium is applied to zinc.'],
    ['Here, a capacity of 200 mAh g−1 is achieved.', 'Here, a capacity of 200 mAh g−1 is achieved.'],
    ['Herein, a dual regulation strategy introduces soft segments into a gel electrolyte.', 'Herein, a dual regulation strategy introduces soft segments into a gel electrolyte.'],
    // No first person: nothing to change; "US" is a country.
    ['The optimized electrolyte exhibits an ionic conductivity of 0.158 mS cm−1.', 'The optimized electrolyte exhibits an ionic conductivity of 0.158 mS cm−1.'],
    ['Cells made in the US cycle well.', 'Cells made in the US cycle well.'],
  ])('%s', (summary, expected) => {
    expect(inThirdPerson(summary, authors)).toBe(expected);
  });

  test('two authors are named both; one author keeps the abstract\'s words', () => {
    expect(inThirdPerson('We model dendrites.', ['Yanhao Deng', 'Naibing Wu'])).toBe('Deng and Wu model dendrites.');
    expect(inThirdPerson('We model dendrites.', ['Yanhao Deng'])).toBe('We model dendrites.');
    expect(inThirdPerson('Herein, a phase-field model is developed.', ['Yanhao Deng', 'Naibing Wu'])).toBe('Deng and Wu develop a phase-field model.');
    expect(inThirdPerson('Herein, a phase-field model is developed.', ['Yanhao Deng'])).toBe('Herein, a phase-field model is developed.');
  });

  test('a record without authors has "the authors", never the abstract\'s "we"', () => {
    // Real (the fresh digest's doi:10.1021/jacs.6c09551 and doi:10.1021/jacs.6c10753, ACS feed records
    // without authors, whose summaries read "Herein, we report …" and "We develop …").
    expect(inThirdPerson('Herein, we report an in situ fabricated composite polymer electrolyte. Our cells cycle.', []))
      .toBe('The authors report an in situ fabricated composite polymer electrolyte. Their cells cycle.');
    expect(inThirdPerson('We model dendrites.', [])).toBe('The authors model dendrites.');
    expect(inThirdPerson('Using EC as a solvent, we show that pathways differ.', [])).toBe('Using EC as a solvent, the authors show that pathways differ.');
    expect(inThirdPerson('Our simulations reveal a phase.', [])).toBe("The authors' simulations reveal a phase.");
    expect(inThirdPerson('Herein, a gel electrolyte is developed.', [])).toBe('The authors develop a gel electrolyte.');
    expect(inThirdPerson('The gel conducts.', [])).toBe('The gel conducts.');
  });

  test('a journal editor\'s "Here, authors introduce …" names them as "we" would', () => {
    // Real (the sample week's Nature Communications paper on fibrous zinc-ion batteries, whose record
    // holds the editor's summary): "Here, authors introduce aramid nanofibers into both electrodes …".
    const paper = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r))
      .find((p) => p.abstract?.includes('Here, authors introduce aramid nanofibers'))!;
    // Its abstract named the authors first ("we simultaneously introduce"), so the editor's line says "they".
    expect(inThirdPerson(paper.abstract!, paper.authors)).toContain(`${citedAs(paper.authors)} simultaneously introduce aramid nanofibres`);
    expect(inThirdPerson(paper.abstract!, paper.authors)).toContain('Here, they introduce aramid nanofibers into both electrodes');
    expect(inThirdPerson('Here, authors model dendrites. We find that they grow.', ['Yanhao Deng', 'Naibing Wu'])).toBe('Deng and Wu model dendrites. They find that they grow.');
    expect(inThirdPerson('Here, the authors model dendrites. The authors thank the funders.', ['Yanhao Deng', 'Naibing Wu']))
      .toBe('Deng and Wu model dendrites. The authors thank the funders.');
    expect(inThirdPerson('Here, authors model dendrites.', ['Yanhao Deng'])).toBe('Here, authors model dendrites.');
  });

  test('on the sample week\'s abstracts, no first person is left when there are two authors or more', () => {
    const papers = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r))
      .filter((p) => p.abstract && p.authors.length >= 2 && /\bwe\b/i.test(p.abstract));
    expect(papers.length).toBeGreaterThan(100);
    const left = papers.map((p) => inThirdPerson(p.abstract as string, p.authors)).filter((t) => /\b(?:we|We|our|Our|us|ourselves)\b/.test(t));
    expect(left).toEqual([]);
  });
});

describe('citedAs and surnameOf', () => {
  test.each([
    ['Yanhao Deng', 'Deng'], ['Deng, Yanhao', 'Deng'], ['KOZINSKY B', 'Kozinsky'], ['Jia-Mian Hu', 'Hu'],
    ['Martin Luther King Jr.', 'King'], ['van der Berg, A.', 'van der Berg'], ['  ', undefined],
  ])('the surname of "%s" is %s', (author, surname) => {
    expect(surnameOf(author)).toBe(surname);
  });

  test('three or more authors: "et al."', () => {
    expect(citedAs(['A. Ding', 'B. Zichi', 'C. Carli'])).toBe('Ding et al.');
    expect(citedAs(['A. Ding', 'B. Zichi'])).toBe('Ding and Zichi');
    expect(citedAs(['A. Ding'])).toBeUndefined();
  });
});
