import { paperSchema } from '@labdigest/core';
import { readFixtureRecords } from '@labdigest/fixtures';
import { expect, test } from 'vitest';
import { formulasIn, isReview, quantitiesIn } from './specifics.ts';
import { rewriteText } from '../words/tokenize.ts';

test('formulas: the title\'s first, whole ("LiFePO 4" as printed apart), not acronyms that spell elements, standards or water', () => {
  const title = 'Reactive MD of Li|Li6PS5Cl|Li cells';
  const abstract = 'A disordered Li2S0.72P0.14Cl0.14 phase forms in the SEI, unlike Li2S; LiFePO 4 particles and HSEs in H2O and CO2, '
    + 'as SEs do. The Li6PS5 framework of Li6PS5Cl. LiF and NaCl, tested as ISO13314 asks.';
  expect(formulasIn(title, abstract, 6)).toEqual(['Li6PS5Cl', 'Li2S0.72P0.14Cl0.14', 'LiFePO4', 'Li2S', 'NaCl', 'LiF']);
});

test('formulas: a method\'s acronym in brackets whose capitals spell the words before it is no formula, though its letters spell elements', () => {
  // arXiv:2510.07279, a tensor-network paper: "TaSK" reads as Ta, S and K.
  expect(formulasIn('Spectral functions from tangent-space methods', 'We introduce the tangent-space Krylov (TaSK) method for the Hubbard model.')).toEqual([]);
  expect(formulasIn('', 'Cathodes of NaCoO (NCO) and CoNi alloys.')).toEqual(['NaCoO', 'CoNi']);
  // A chemical's name before its formula: the formula stays.
  expect(formulasIn('', 'Films of zinc oxide (ZnO) on gallium nitride (GaN), coated with lithium fluoride (LiF).')).toEqual(['ZnO', 'GaN', 'LiF']);
});

test('formulas: a group in parentheses is part of the formula, printed apart or not', () => {
  // Real (the sample week's polymerized-electrolyte paper prints "Li 1.3 Al 0.3 Ti 1.7 (PO 4 ) 3"; its
  // note said "It works with Li1.3Al0.3Ti1.7").
  expect(formulasIn('', 'catalyzed by Lewis-acidic Li 1.3 Al 0.3 Ti 1.7 (PO 4 ) 3 on a polyethylene matrix')).toEqual(['Li1.3Al0.3Ti1.7(PO4)3']);
  expect(formulasIn('', 'Na3V2(PO4)3 powders and LiFePO4 (LFP)')).toEqual(['Na3V2(PO4)3', 'LiFePO4']);
  // Elements written on after the group and its count (the corpus's "Na||Na 3 V 2 (PO 4 ) 2 O 2 F cell",
  // whose note said "Na3V2(PO4)2").
  expect(formulasIn('', 'The Na3V2(PO4)2O2F cathode material and Na3V2(PO4)2F3 in PEO', 6)).toEqual(['Na3V2(PO4)2F3']);
  expect(formulasIn('Na3V2(PO4)2O2F cathodes', 'The Na||Na3V2(PO4)2O2F cell and Na3V2(PO4)2F3 in PEO')).toEqual(['Na3V2(PO4)2O2F', 'Na3V2(PO4)2F3']);
  // An abbreviation or a space group in parentheses is not a group of the formula.
  expect(formulasIn('', 'CaBi2Nb2O9 (CBN) sheets and Sr2LiAlO4 (P3221) and Zn3V2O7(OH)2')).toEqual(['Zn3V2O7(OH)2', 'CaBi2Nb2O9', 'Sr2LiAlO4']);
  expect(formulasIn('Ni-rich cathodes', 'LiNi0.82Co0.14Mn0.04O2 (Ni82) cathodes')).toEqual(['LiNi0.82Co0.14Mn0.04O2']);
  // A formula printed apart up to a part printed whole is one formula, not a fragment beside another
  // (the sample week's trilayer paper prints "Li 6.25 Al 0.25 La 3 Zr 2 O 12", which the analyzer
  // joins as far as whole-number counts go).
  expect(formulasIn('', 'together with Li 6.25 Al 0.25 La3Zr2O12 (Al‐LLZO)‐based outer layers')).toEqual(['Li6.25Al0.25La3Zr2O12']);
  // The corpus's "Li 6.4 La 3 Zr 1.4 Ta 0.6 O 12 fillers", as the analyzer gives it.
  expect(formulasIn('', 'elastomer and Li 6.4 La3 Zr 1.4 Ta 0.6 O12 fillers to tune')).toEqual(['Li6.4La3Zr1.4Ta0.6O12']);
});

test.each([
  ['simulations of Li|Li6PS5Cl|Li cells with up to 3 million atoms', ['up to 3 million atoms']],
  ['The new phase has a band gap of ~1.2 eV and conducts ions.', ['band gap of ~1.2 eV']],
  ['enhanced ionic conductivity on the order of 10 −4 S cm −1 , and cells deliver an initial discharge capacity of 766 mAh g − 1',
    ['enhanced ionic conductivity on the order of 10−4 S cm−1', 'initial discharge capacity of 766 mAh g−1']],
  ['Zn||MnHCF full cells keep 82% capacity retention after 350 cycles.', ['82% capacity retention after 350 cycles']],
  // Electrocatalysis (an HER paper of the corpus): the overpotential at its current density, the Tafel slope;
  // a percentage only as an efficiency it names, not "by 30%".
  ['It requires an overpotential of 28.4 mV at 10 mA cm−2, with a Tafel slope of 56 mV dec−1 and a Faradaic efficiency of 95.2%.',
    ['overpotential of 28.4 mV at 10 mA cm−2', 'Tafel slope of 56 mV dec−1']],
  ['Nitrate reduction reaches a Faradaic efficiency of 95.2%, and the activity rises by 30%.', ['Faradaic efficiency of 95.2%']],
  ['The signal shifts by 30 mV and the yield rises by 30%.', []],
  ['A small Tafel slope of 92.4 mV dec −1 is found.', ['small Tafel slope of 92.4 mV dec−1']],
  // A compound's hyphen written as U+2010, as Wiley's abstracts write it (an electrocatalysis paper of the corpus).
  ['Fe2N6‐S/SNC exhibits outstanding alkaline ORR performance with a half‐wave potential of 0.93 V.', ['half‐wave potential of 0.93 V']],
  // The current density it was cycled at is the test's condition, not a result of its own, but said
  // with the result; a critical one is a result.
  ['symmetric cells cycle for 1500 h at 5 mA cm−2', ['symmetric cells cycle for 1500 h at 5 mA cm−2']],
  // Real (the sample week's trilayer-electrolyte paper; the corpus's openalex:W7133318008): what lasted,
  // before "for"; a voltage takes no "for".
  ['Consequently, the Li/A‐THSE/Li symmetric cell exhibits stable cycling for over 1400 h at 0.2 mA cm −2 . '
    + 'Herein, YF 3 ‐improved PCL SPEs are designed for 4.5 V‐, and 4.8 V‐class all‐solid‐state lithium metal batteries.',
  // A voltage alone says not what it is ("4.5 V‐class" is the cells' design): not quoted.
  ['stable cycling for over 1400 h at 0.2 mA cm−2']],
  ['symmetric cells reach a critical current density of up to 1.25 mA cm−2', ['critical current density of up to 1.25 mA cm−2']],
  // Real (the sample week's graphene-monolith paper): a sample's name is no quantity, nor the areal
  // capacity a retention was measured at.
  ['Herein, an ordered macroporous graphene carbon monolith (OMGC‐O‐3 h) is fabricated via a dry‐pressing route. '
    + 'achieving dendrite‐free Li deposition with volume expansion restricted below 33.9% at 30 mAh cm −2 . '
    + 'The optimized Li@OMGC‐O‐3 h anode achieves stable cycling over 1900 h at 1 mA cm −2 with negligible polarization.',
  ['stable cycling over 1900 h at 1 mA cm−2']],
  ['We study the mechanism.', []],
  // Real (the corpus's potassium-anode paper): thousands set apart by a space are one number, not "000 h";
  // the areal capacity after "at 0.5 mA cm −2 and" is a test condition, the decimal point notwithstanding.
  ['Consequently, optimized K||K symmetric cells operate stably for over 4 000 h at 0.5 mA cm −2 and 4 mA h cm −2 . '
    + 'Full cells paired with K 1.97 Mn[Fe(CN) 6 ] cathodes retain 90% capacity after 1200 cycles.',
  ['90% capacity after 1200 cycles', 'symmetric cells operate stably for over 4 000 h at 0.5 mA cm−2']],
  ['with 79.2% capacity retention over 50 000 cycles at 1 A g−1', ['79.2% capacity retention', 'over 50 000 cycles at 1 A g−1']],
  // A number of earlier work is not the paper's: "previously reported systems typically exhibit limited ... (<1 mS cm −1)".
  ['Previously reported systems typically exhibit limited conductivity (<1 mS cm−1). The resulting electrolyte achieves a Na+ conductivity of 2.03 mS cm−1 at ambient temperature.',
    ['Na+ conductivity of 2.03 mS cm−1 at ambient temperature']],
  // Units joined by a middle dot (the corpus's "Wh·kg−1", "mS·cm−1"; the text repair joins their powers).
  ['The pouch cell delivers a high energy density of 993.8 Wh·kg−1 and the membrane an ionic conductivity of 0.80 mS·cm−1.',
    ['ionic conductivity of 0.80 mS·cm−1', 'high energy density of 993.8 Wh·kg−1']],
  // Real (the corpus's openalex:W7160907534): an exponent printed apart is not a count of atoms.
  ['simulations of 10 4 –10 6 atoms reach DFT accuracy, with a barrier of 0.21 eV', ['barrier of 0.21 eV']],
  // Real (openalex:W7165109955): lithium's theoretical capacity is background, not a result; an energy
  // that says not what it is, is left out.
  ['Lithium metal has an ultrahigh theoretical specific capacity (3,860 mAh g−1). The cells deliver 0.127 eV and a capacity of 150 mAh g−1.',
    ['capacity of 150 mAh g−1']],
  // Real (the corpus's openalex:W7167584964): an areal capacity and a current density in brackets after
  // the cycling are its conditions; named, they are results.
  ['Li||Li cells cycle for over 2,000 h (1.0 mAh cm−2, 0.5 mA cm−2).', ['cells cycle for over 2,000 h']],
  ['The anode reaches an areal capacity of 4.5 mAh cm−2 and a critical current density of 2.1 mA cm−2.',
    ['areal capacity of 4.5 mAh cm−2', 'critical current density of 2.1 mA cm−2']],
  // A condition in brackets first does not hide the named result after it.
  ['Cells cycle stably (0.5 mA cm−2). The interlayer gives a critical current density of 3.2 mA cm−2.',
    ['critical current density of 3.2 mA cm−2']],
  // A number without a name, named by its unit; a voltage without one is not quoted.
  ['The membrane (1.30 mS cm−1 at 25 °C) works at 4.5 V.', ['conductivity of 1.30 mS cm−1 at 25 °C']],
  ['The pack reaches 410 Wh kg−1.', ['energy density of 410 Wh kg−1']],
  // Transference numbers, which have no unit (real forms of the corpus's 145 abstracts that name one):
  // said as "of" the value, the ion as a symbol; after the conductivity, before capacities.
  ['an ionic conductivity of 1.14 mS cm −1 and a Li + transference number of 0.78 at 25°C, with 766 mAh g−1',
    ['ionic conductivity of 1.14 mS cm−1', 'Li+ transference number of 0.78 at 25°C']],
  ['the anionphilic polymer electrolytes also exhibit high Zn 2+ transference number (0.71), enabling cells', ['Zn2+ transference number of 0.71']],
  ['a record-high Zn 2+ transference number ( t Zn 2+ = 0.95), which', ['Zn2+ transference number of 0.95']],
  ['an elevated Li + transference number ( t Li+ ) of 0.66, and', ['Li+ transference number of 0.66']],
  ['a high lithium‐ion transference number (∼0.8) via hopping', ['lithium-ion transference number of ∼0.8']],
  ['an elevated Li⁺ transference number (> 0.7), and robust', ['Li+ transference number above 0.7']],
  ['confined diffusion significantly elevates the Zn 2+ transference number to 0.82, which', ['Zn2+ transference number of 0.82']],
  // The temperature a result was measured at is part of it (real, the sample week's gel electrolyte for
  // zinc–air cells at −40 °C, openalex:W7201962194, and a cold-cell paper, openalex:W7203648634: their
  // notes said "ionic conductivity of 109 mS·cm−1 and over 4220 cycles", the cold left out).
  ['The gel reaches an ionic conductivity of 109 mS·cm−1 at −40 °C, and the cells run over 4220 cycles at −40 °C (0.2 C).',
    ['ionic conductivity of 109 mS·cm−1 at −40 °C', 'over 4220 cycles at −40 °C']],
  ['a Li+ transference number of 0.76 at −40°C', ['Li+ transference number of 0.76 at −40°C']],
  ['retaining 88.6% retention after 300 cycles at 1C.', ['88.6% retention after 300 cycles at 1C']],
  ['dendrite-free cycling over 1300 h in symmetric cells and delivers', ['dendrite-free cycling over 1300 h in symmetric cells']],
  // What a cycle count measured, when it comes first (real, openalex:W7202367461 and W7203464201, whose
  // notes said "It reports 200 cycles" and "over 500 cycles" of a Li||Cu efficiency test).
  ['maintaining a high coulombic efficiency of >98% for 200 cycles and stable plating', ['coulombic efficiency of >98% for 200 cycles']],
  ['The Li||Cu cells demonstrate an average Coulombic efficiency (CE) of 99.0% over 500 cycles at 1 mA cm−2. When paired',
    ['average Coulombic efficiency of 99.0% over 500 cycles at 1 mA cm−2']],
  // Real (openalex:W7202122029, whose note said "It reports 1200 cycles").
  ['Na||hard carbon cells using this electrolyte retain 99.4% capacity after 1200 cycles.', ['99.4% capacity after 1200 cycles']],
  // Two names and two numbers, each its own (real, openalex:W7201993760, whose note called its specific energy an energy density).
  ['this system attains specific energy and energy density of 456.7 Wh kg⁻1 and 911.1 Wh L⁻1 (based on the total mass)',
    ['specific energy of 456.7 Wh kg⁻1']],
  // What a kind of battery is hoped to reach is the field's case, not the paper's result (real,
  // openalex:W7203459224, whose note said "energy density of 500 Wh kg−1").
  ['Lithium metal batteries (LMBs) are promising candidates for achieving energy densities beyond 500 Wh kg−1. '
    + 'Li-rich oxides are regarded as cathodes with capacities (>250 mAh g−1). The cells keep 81% capacity retention.', ['81% capacity retention']],
  ['The conductivity of 2.1 mS cm−1 makes it a promising candidate for sodium cells.', ['conductivity of 2.1 mS cm−1']],
  // Without a value, or one of other work, or a change in per cent: nothing.
  ['increases the Li+ transference number by 73% and suppresses', []],
  ['exceeding commercial separators (typically a transference number of 0.35)', []],
])('quantities of "%s"', (abstract, expected) => {
  expect(quantitiesIn(abstract)).toEqual(expected);
});

// Real abstracts: every quantity is the abstract's own words (spacing and minus signs aside).
const abstracts = readFixtureRecords('papers/sample-week.jsonl.gz').map((r) => paperSchema.parse(r).abstract).filter((a): a is string => !!a);

test('on the sample week\'s abstracts, each quantity is found in the abstract as written', () => {
  const squeeze = (s: string) => s.replace(/[\s−–-]/g, '');
  const quantities = abstracts.flatMap((a) => quantitiesIn(rewriteText(a)).map((q) => ({ q, a })));
  expect(quantities.length).toBeGreaterThan(150);
  // A transference number is said "of" its value, however the abstract brackets it: its name and its value are there.
  const written = (q: string, a: string) => (/transference number/.test(q)
    ? new RegExp(`transference numbers?.{0,30}${(/\d?\.\d+/.exec(q) as RegExpExecArray)[0].replace('.', '\\.')}`).test(a)
    // A number given without a name is named by its unit ("conductivity of 1.30 mS cm−1"): the number is the abstract's.
    : squeeze(a).includes(squeeze(q.replace(/^(?:conductivity|energy density) of /, ''))));
  expect(quantities.filter(({ q, a }) => !written(q, a)).map(({ q }) => q)).toEqual([]);
});

test.each([
  ['Progress on Halide Solid State Electrolytes: Structural Regulation', '', true],
  ['Halide Solid-State Electrolytes: Structure and Design Principles', 'In this review, we systematically summarize the recent advances.', true],
  ['Polymer electrolytes', 'Here we review recent advances in PEO.', true],
  ['Machine-Learning Interatomic Potentials for Interfaces: Perspectives on Training Data', '', true],
  ['Dual Oxygen Precursors Boosting the Ionic Conductivity of Glassy Electrolytes', 'We report a Na–Al electrolyte.', false],
  ['A gel electrolyte', 'Previous reviews missed it. We design a gel.', false],
])('"%s" is a review: %s', (title, abstract, review) => {
  expect(isReview(title, abstract)).toBe(review);
});

test('formulas: what an interphase is rich in, or an impurity, is not a material the paper works with', () => {
  // Real forms of the corpus (its notes said "It works with LiF" of polymer electrolytes whose SEI is rich in LiF).
  expect(formulasIn('', 'PEO/LiTFSI–Mg0.9Li0.1F2 electrolytes form a robust LiF‐rich solid‐electrolyte interphase (SEI).')).toEqual(['Mg0.9Li0.1F2']);
  expect(formulasIn('', 'an SEI layer enriched with LiF/Li3N, and Li3InCl6 without the InCl3 impurity')).toEqual(['Li3InCl6']);
  expect(formulasIn('', 'the SEI composition of Li3N/Li2CO3/LiF on Li6PS5Cl')).toEqual(['Li6PS5Cl']);
  expect(formulasIn('', 'a LiF/Li3N-rich electrolyte/electrode interphase')).toEqual([]);
  // Real (the sample weeks' openalex:W7202143751 and W7202087002, and the fresh digest's doi:10.1021/jacs.6c09551,
  // whose notes said "It works with Li3N and LiF" and "Materials: LiF"): what an SEI is said to contain.
  expect(formulasIn('', 'promotes preferential anion-derived inorganic-rich LiF/Li3N/B–O-containing SEI and CEI layers')).toEqual([]);
  expect(formulasIn('', 'a robust, inorganic-rich solid electrolyte interphase (SEI) containing Li–Mg alloy, LiF, and Li3N, suppressing dendrites')).toEqual([]);
  expect(formulasIn('', 'inducing a unique dual‐layer SEI enriched with N‐containing and LiF components. Li6PS5Cl stays.')).toEqual(['Li6PS5Cl']);
  // A material that holds a component is still one: "LiF-containing separators" are the paper's.
  expect(formulasIn('', 'LiF-containing separators for Li3InCl6 cells')).toEqual(['Li3InCl6', 'LiF']);
  // Real (openalex:W7166758783, whose note said "It works with LiMn2O4 and Li2CO3": the LiMn2O4 of its
  // test cells is not its material either, below).
  expect(formulasIn('', 'The inner layer is enriched with inorganic species such as Li2CO3 and LixBOy. Li//LiMn2O4 cells realize 1600 cycles.')).toEqual([]);
  // In the title, or named otherwise once, it is the paper's material.
  expect(formulasIn('LiF Interlayers for Lithium Anodes', 'a LiF‐rich interphase')).toEqual(['LiF']);
  expect(formulasIn('', 'LiF coatings on Li metal give a LiF-rich SEI')).toEqual(['LiF']);
});

test('formulas: an electrode of the cell a paper is tested in is not its material, unless the title names it or names that kind of electrode', () => {
  // Real forms of the sample week: electrolyte and SEI papers whose notes said "It works with LiFePO4",
  // "It works with NaNi0.4Fe0.2Mn0.4O2" of the cathode their full cells were shown with.
  expect(formulasIn('', 'Consequently, Li||LiFePO4 cells achieve 81.7% capacity retention, and graphite||LiFePO4 pouch cells too.')).toEqual([]);
  expect(formulasIn('', 'When integrated into ASSNaB with uncoated NaNi0.4Fe0.2Mn0.4O2 cathode, the electrolyte enables stable cycling.')).toEqual([]);
  expect(formulasIn('', 'In full cells paired with LiFePO4 (LFP) cathodes, the system retains 73% capacity.')).toEqual([]);
  expect(formulasIn('', 'while LiNi0.9Co0.05Mn0.05O2 (NCM9)|Li full cells deliver 82.2% capacity')).toEqual([]);
  expect(formulasIn('', 'the Zn||NaV3O8 cells deliver a capacity of 172.7 mAh g−1')).toEqual([]);
  // Read from where the formula starts, its group joined: "Na||" before "Na3V2(PO4)2O2F".
  expect(formulasIn('', 'The Na||Na3V2(PO4)2O2F cell')).toEqual([]);
  // A dash between the electrodes, when cells follow; the Li–Li6PS5Cl reaction is no cell.
  expect(formulasIn('', 'including lithium-sulfur and lithium-LiFePO4 pouch cells, deliver')).toEqual([]);
  expect(formulasIn('', 'layers of Li2S suppress the Li–Li6PS5Cl reaction')).toEqual(['Li6PS5Cl', 'Li2S']);
  // A paper on zinc anodes keeps its anodes, not the VO2 cathode of its pouch cells (real: its note said "Materials: VO2").
  expect(formulasIn('Electrochemo‐Mechanical Reinforcement of Zinc Powder Anodes Enables Tab‐Robust Aqueous Zinc Pouch Cells',
    'The anode further enables 4.23 Ah Zn||VO2 pouch cells with 65% capacity retention, and Li4Ti5O12 anodes.')).toEqual(['Li4Ti5O12']);
  // The electrolyte named otherwise stays: Li6PS5Cl here, not the LiNbO3-coated cathode's LiCoO2.
  expect(formulasIn('', 'Li6PS5Cl electrolytes in Li||LiCoO2 cells')).toEqual(['Li6PS5Cl']);
  // A paper about cathodes: its cathode is its material ("storage-induced degradation in … cathodes").
  expect(formulasIn('Interfacial Chemistry of Storage-Induced Degradation in High-Nickel Cathodes',
    'the chemical origins of storage-induced degradation in LiNi0.8Mn0.1Co0.1O2 cathodes')).toEqual(['LiNi0.8Mn0.1Co0.1O2']);
  expect(formulasIn('LiFePO4 Cells at Low Temperature', 'Li||LiFePO4 cells at −20 °C')).toEqual(['LiFePO4']);
});
