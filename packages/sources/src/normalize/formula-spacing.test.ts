import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { elementSymbols, joinSpacedFormulas, joinSpacedOrbitals } from './formula-spacing.ts';

describe('joinSpacedFormulas', () => {
  // Titles of the shared corpus (OpenAlex records, stored without their markup) and of JACS's feed.
  test.each([
    ['Spatially Regulated Lithium Plating via Li 2 O‐Rich Interphase', 'Spatially Regulated Lithium Plating via Li2O‐Rich Interphase'],
    ['Mg 1‐x Li x F 2 /PEO Electrolytes', 'Mg1‐xLixF2/PEO Electrolytes'],
    ['3D Micro‐Network Li/Al 4 Li 9 Composite Anodes', '3D Micro‐Network Li/Al4Li9 Composite Anodes'],
    ['Lithium Sulfide Li 2 S', 'Lithium Sulfide Li2S'],
    ['Superconducting Hydride Mg 2 RhH 6  Experimentally Achieved', 'Superconducting Hydride Mg2RhH6  Experimentally Achieved'],
    ['Energy Redistribution in HCCH–H 2 CC Isomerization', 'Energy Redistribution in HCCH–H2CC Isomerization'],
    ['the High-Voltage Spinel LiNi 0.5 Mn 1.5 O 4  Cathode', 'the High-Voltage Spinel LiNi0.5Mn1.5O4  Cathode'],
    ['One-Dimensional (C 4 H 8 N) 2 PbCl 4', 'One-Dimensional (C4H8N)2PbCl4'],
    ['Na 3 V 2 (PO 4 ) 3 ||Na cells', 'Na3V2(PO4)3 ||Na cells'],
    ['kinetics of Na 4 Fe 3 (PO 4 ) 2 P 2 O 7 (NFPP) cathodes', 'kinetics of Na4Fe3(PO4)2P2O7 (NFPP) cathodes'],
    ['zinc carbonate and Zn 4 SO 4 (OH) 6 ·5H 2 O', 'zinc carbonate and Zn4SO4(OH)6·5H2O'],
    ['converting Na 3 V 2 (PO 4 ) 3 (Na 3 VP) into', 'converting Na3V2(PO4)3 (Na3VP) into'],
    ['(MgO, ZnO, Fe 2 O 3 , Fe 3 O 4 , and MnO 2 ) and', '(MgO, ZnO, Fe2O3, Fe3O4, and MnO2) and'],
    ['enabled by a MoS 2 ‐catalyzed Li 2 CO 3 (MCL) additive', 'enabled by a MoS2‐catalyzed Li2CO3 (MCL) additive'],
    ['Aqueous Synthesis of Na 3‐2x Sb 1‐x W x S 4‐x I x Chalcogenides', 'Aqueous Synthesis of Na3‐2xSb1‐xWxS4‐xIx Chalcogenides'],
    ['the Li 2 O/Li 2 O 2 phase ratio', 'the Li2O/Li2O2 phase ratio'],
    ['replenish sodium inventory, B(C 2 H 5 ) 3 as a', 'replenish sodium inventory, B(C2H5)3 as a'],
    ['In 2 O 3 films', 'In2O3 films'],
    ['CO 2 reduction and LiPF 6 in EC', 'CO2 reduction and LiPF6 in EC'],
    ['Li 6 PS 5 I exhibits non-Arrhenius transport', 'Li6PS5I exhibits non-Arrhenius transport'],
    // The second formula goes on from the first one joined: "/H" follows "N2" as "/Al" follows "Li".
    ['annealed under N 2 /H 2 , then', 'annealed under N2/H2, then'], ['a CO 2 /H 2 O mixture', 'a CO2/H2O mixture'],
    // A diatomic element with a count of 2 is the molecule; so is the second element of a battery's chemistry.
    ['H 2 evolution', 'H2 evolution'], ['Radical-Driven N 2  Hydrogenation', 'Radical-Driven N2  Hydrogenation'],
    ['limited for O 2 and H 2 . The', 'limited for O2 and H2. The'],
    ['Durable Zn–I 2 Batteries', 'Durable Zn–I2 Batteries'], ['High‐Temperature Zn─I 2 Batteries', 'High‐Temperature Zn─I2 Batteries'],
    ['Performance in Li─Cl 2 Batteries', 'Performance in Li─Cl2 Batteries'], ['accelerated Li-CO 2 batteries', 'accelerated Li-CO2 batteries'],
    // A decimal count whose point was set apart as well.
    ['interlayer on LiNi 0 . 8 Co 0 . 1 Mn 0 . 1 O 2 electrodes', 'interlayer on LiNi0.8Co0.1Mn0.1O2 electrodes'],
    ['using LiMn 0 . 6 Fe 0 . 4 PO 4 , Li||LMFP', 'using LiMn0.6Fe0.4PO4, Li||LMFP'],
    // A decimal coefficient of a variable count.
    ['interfaces is a Li 2 S 1‐x‐y P 0.5x Cl 0.5x O y phase', 'interfaces is a Li2S1‐x‐yP0.5xCl0.5xOy phase'],
    // Symbols and one count alone in brackets, after the name they abbreviate.
    ['to generate oxygen (O 2 ), and the', 'to generate oxygen (O2), and the'], ['based on iodine (I 2 ) redox', 'based on iodine (I2) redox'],
    ['potassium hexafluorophosphate (KPF 6 ), potassium', 'potassium hexafluorophosphate (KPF6), potassium'], ['a (PW 12 ) cluster', 'a (PW12) cluster'],
    // Binary compounds of a one-capital metal, in capitals only (the corpus's "YF 3 ‐improved PCL" electrolyte,
    // whose summary printed "YF 3 ‐improved").
    ['a YF 3 ‐improved PCL electrolyte', 'a YF3‐improved PCL electrolyte'], ['WO 3 nanosheets and WS 2 layers', 'WO3 nanosheets and WS2 layers'],
    ['the VS 2 cathode', 'the VS2 cathode'], ['UO 2 fuel', 'UO2 fuel'],
  ])('%s', (input, expected) => {
    expect(joinSpacedFormulas(input)).toBe(expected);
  });

  test.each([
    'Figure 2 A shows', 'printed in 3 D', 'the C 1 s spectra', 'Li 2 electrodes were', 'V 2 and V 3', 'Scheme 1 The route',
    'Figure S 2 B', 'Table S 1 .', 'measured At 5 K and', 'In 2024 the', 'the O 2 s peak', 'C/N 2 p , and', 'Type I 2 diabetes', 'Phase-I 2 trial', 'Fe 1/3 Mn 1/3 O 2 cathodes', 'Figure 2 . 3 shows', 'about 2 . 5 times',
    'photoexcited Ag 7 NCs transfer', 'the Li x SiO y layer', 'Li 2– x  La (1+ x )/3',
    'In 3 steps', 'Step 2 B', 'No 2 Li', 'Phase 1 C',
  ])('leaves %j as it is', (input) => {
    expect(joinSpacedFormulas(input)).toBe(input);
  });

  const symbols = [...elementSymbols];
  const piece = fc.oneof(
    fc.constantFrom(...symbols),
    fc.constantFrom('2', '3', '0.8', '1‐x', 'x', '12', '2024', 'A', 'and', 'the', 'Figure', '(', ')', '/', ',', 'Rich', 's', 'D'),
    fc.string({ maxLength: 4 }),
  );
  const spaced = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '', '  ')), { maxLength: 14 })
    .map((xs) => xs.map(([p, sep]) => p + sep).join(''));

  // fast-check's counterexample of seed -2017615000: the first pass joined "F2/H" and left "H 2 ,".
  test('is idempotent where a second formula goes on from one just joined', () => {
    expect(joinSpacedFormulas('F 2 /H 2 , ')).toBe('F2/H2, ');
  });

  prop.prop([spaced], { numRuns: 3000 })('is idempotent', (text) => {
    const once = joinSpacedFormulas(text);
    expect(joinSpacedFormulas(once)).toBe(once);
  });

  prop.prop([spaced], { numRuns: 3000 })('only removes spaces: the letters, digits and marks stay, in order', (text) => {
    expect(joinSpacedFormulas(text).replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });

  // An element symbol, a space, then a digit (or x, y, z, δ counting a digit elsewhere) is where a change can start.
  // (Until 6 December 2026 the pattern left x, y, z and δ out, and fast-check's seed 1542352503 found
  // "H x+2 H ", which is joined as "Hx+2H ", as "Li 1+x Al x" is.)
  const noSpacedCount = new RegExp(`(?:${symbols.join('|')})[)\\]]? +[\\dxyzδ]`);
  prop.prop([spaced], { numRuns: 3000 })('never changes text without a digit set apart after an element symbol', (text) => {
    fc.pre(!noSpacedCount.test(text));
    expect(joinSpacedFormulas(text)).toBe(text);
  });
});

describe('joinSpacedOrbitals', () => {
  test.each([
    ['Deprotonative C( sp 3 )/C( sp 2 )–H silylation', 'Deprotonative C(sp3)/C(sp2)–H silylation'],
    ['cleavage of C(sp 3 )─C(sp 3 ) bonds', 'cleavage of C(sp3)─C(sp3) bonds'],
    ['involving sp 2 hybridized carbon', 'involving sp2 hybridized carbon'], ['formed sp 2 ‐carbon shells', 'formed sp2‐carbon shells'],
    ['activates quasi‐sp 3 ‐carbon', 'activates quasi‐sp3‐carbon'],
  ])('%s', (input, expected) => {
    expect(joinSpacedOrbitals(input)).toBe(expected);
    expect(joinSpacedOrbitals(expected)).toBe(expected);
  });

  test.each(['the sp 2.5 state', 'a wasp 2 nest', 'sp 4 and sp 23', 'Sp 2 antigen', 'sp. 2 isolates'])('leaves %j as it is', (input) => {
    expect(joinSpacedOrbitals(input)).toBe(input);
  });
});
