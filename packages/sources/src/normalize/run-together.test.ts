import { fc, test as prop } from '@fast-check/vitest';
import { readFixtureGz } from '@labdigest/fixtures';
import { describe, expect, test } from 'vitest';
import { parseArxivListing } from '../arxiv-listing.ts';
import { splitRunTogether } from './run-together.ts';

const title = (text: string, context: string | null = null) => splitRunTogether(text, { title: true, context });
const abstract = (text: string, context: string | null = null) => splitRunTogether(text, { title: false, context });

describe('splitRunTogether', () => {
  // Titles of the shared corpus's OpenAlex records (battery journals), stored with the spaces lost.
  test.each([
    ['Revealing Excited-StateElectrochemical Reaction Pathwaysat Solid Electrolyte Interphases by Ab Initio Nonadiabatic MolecularDynamics',
      'Revealing Excited-State Electrochemical Reaction Pathways at Solid Electrolyte Interphases by Ab Initio Nonadiabatic Molecular Dynamics'],
    ['Quantitative DielectricConstant Engineering of theSeparator for Reversible Zinc Anodes',
      'Quantitative Dielectric Constant Engineering of the Separator for Reversible Zinc Anodes'],
    ['Cross-Length-Scale Microscopy Characterization ofSolid-State Batteries', 'Cross-Length-Scale Microscopy Characterization of Solid-State Batteries'],
    ['Enhanced Sodium-IonTransport across Solid ElectrolyteInterphase via Electric-Field',
      'Enhanced Sodium-Ion Transport across Solid Electrolyte Interphase via Electric-Field'],
    ['Selective Electrodepositionof Cobalt from Lithium–IonBattery Cathodes', 'Selective Electrodeposition of Cobalt from Lithium–Ion Battery Cathodes'],
    ['Hydrogel-EmpoweredInterfacial Reactive Hydrogen onCopper Enables Selective', 'Hydrogel-Empowered Interfacial Reactive Hydrogen on Copper Enables Selective'],
    ['Batteries: Mechanisms, Advances, andPerspectives', 'Batteries: Mechanisms, Advances, and Perspectives'],
    // An ion's symbol run into a common word before it, before a hyphen (one of the corpus's two such
    // titles: "PrismaticNa-Ion" stays, "prismatic" is not among the word list's common words).
    ['WeakeningLi-Ion Solvation', 'Weakening Li-Ion Solvation'],
    ['PrismaticNa-Ion Coordination in the Sulfide-ChlorideSolid Electrolyte', 'PrismaticNa-Ion Coordination in the Sulfide-Chloride Solid Electrolyte'],
    // "as" after a common word of seven letters or more (the only such join of the corpus's 21,872 papers).
    ['In Situ Polymerizationas a Promising Strategy forSolid-State Sodium–Metal Batteries',
      'In Situ Polymerization as a Promising Strategy for Solid-State Sodium–Metal Batteries'],
    // A three-letter word inside a compound; a quantity after the join is no version number.
    ['Highly Ion-SelectiveGel Polymer Electrolyte FacilitatesStable 4.6 V LRMO-Based Solid-State Lithium Metal Batteries',
      'Highly Ion-Selective Gel Polymer Electrolyte Facilitates Stable 4.6 V LRMO-Based Solid-State Lithium Metal Batteries'],
  ])('title %j', (input, expected) => {
    expect(title(input)).toBe(expected);
  });

  test.each([
    // arXiv abstracts of the corpus: lowercase words glued to a function word.
    ['for evaluating each designand (ii) making the process', 'for evaluating each design and (ii) making the process'],
    ['treewidth at most three, solving an instanceof an open problem', 'treewidth at most three, solving an instance of an open problem'],
    // Words that end in "as" stay whole: whereas, gas, ideas, plasmas, canvas.
    ['whereas the gas ideas and plasmas on a canvas differ', 'whereas the gas ideas and plasmas on a canvas differ'],
  ])('abstract %j', (input, expected) => {
    expect(abstract(input)).toBe(expected);
  });

  // Names from the issue and the corpus's titles, in a title with nothing else to go on (no abstract).
  test.each([
    'LiTFSI', 'SchNet', 'DimeNet', 'NequIP', 'MACE', 'PyTorch', 'GitHub', 'ChemRxiv', 'McDonald', 'iPhone', 'pH', 'mAh', 'LiPON', 'DeePMD',
    'CrysTens', 'MatterSim', 'TensorFlow', 'PageRank', 'PowerPoint', 'YouTube', 'DeepFace', 'CommonRoad', 'EgoSurgery',
    'MultiMind', 'DeepResearch', 'FreePower', 'FastSwitch', 'MetaMamba', 'HyperGraph', 'DualCast', 'SuperMat', 'OpenCat', 'SparseWorld-TC',
    'HybridToken-VLM', 'CodeFuse-CommitEval', 'DexHand 021', 'RobotArena ∞', 'ElectroLi', 'OpenNa-Ion', 'TransAl-Mg',
  ])('leaves the name %j in a title', (name) => {
    const text = `Training Results of ${name} for Lithium Batteries`;
    expect(title(text)).toBe(text);
  });

  test.each([
    // A name introduced before a colon, or used again in the abstract (both from the corpus).
    ['SharpDepth: Sharpening Metric Depth Predictions Using Diffusion Distillation', null],
    ['EgoSurgery-Phase: A Dataset of Surgical Phase Recognition', null],
    ['AlignMerge - Alignment-Preserving Large Language Model Merging', null],
    ['Impact of Image Resolution on Age Estimation with InsightFace', 'We compare DeepFace and InsightFace on age estimation.'],
    ['Vision Models Using PhaseField Simulations', 'PhaseField is an open-source solver.'],
    // Where names and code sit: a path, a URL, an abstract's capitalised surname, a cut word at the end.
    ['Code at github.com/justin-herry/JEPA-T', null],
    ['Fusion for Robust Positionin', null],
  ])('leaves %j as it is', (text, context) => {
    expect(title(text, context)).toBe(text);
  });

  test.each([
    'using Rankin-Cohen Bracket, we extend', 'the Hinton diagrams of the input', 'the non-Abelian chargeon and fluxon excitations',
    'a hybrid chiral magnon-orbiton mode', 'a Language-conditioned Mixture-ofExperts Density Policy', 'demonstrate stateof-the-art performance',
    'such as function pointers, sizeof, and enum logic', 'the tensor network methodin combination with', 'datasets such as FaceForensics and MovieLens',
  ])('leaves the abstract %j as it is', (text) => {
    expect(abstract(text)).toBe(text);
  });

  test('a join of two common words with nothing to say it is a name is split in a title (PhaseField is two words here)', () => {
    expect(title('Vision Models Using PhaseField Simulations')).toBe('Vision Models Using Phase Field Simulations');
  });

  test('every title of a recorded arXiv day keeps its names (1,504 papers: LongKey, SharpDepth, CityWalker, …)', () => {
    const { papers } = parseArxivListing(readFixtureGz('arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz'),
      { source: 'arxiv', location: 'fixtures/arxiv/arxiv-rss-listing-all-archives-2024-11-28.rss.xml.gz' });
    expect(papers).toHaveLength(1504);
    const names = ['SharpDepth', 'CityWalker', 'LongKey', 'RankMap', 'FreePower', 'DreamCache', 'SnapMem', 'TimeMarker', 'ModeDreamer',
      'DualCast', 'InterHub', 'FastSwitch', 'SuperMat', 'MetaMamba', 'HyperGraph', 'EfficientNet', 'LangGraph', 'StableAnimator'];
    const titles = papers.map((p) => p.title).join('\n');
    expect(names.filter((n) => !titles.includes(n))).toEqual([]);
    expect(papers.filter((p) => title(p.title, p.abstract) !== p.title).map((p) => p.title)).toEqual([]);
  });

  const piece = fc.oneof(
    fc.constantFrom('Molecular', 'Dynamics', 'the', 'of', 'Separator', 'Pathways', 'at', 'Ion', 'Transport', 'Sharp', 'Depth', 'Li', 'TFSI',
      'within', 'design', 'and', ':', '-', '–', ' ', '(', '/', '2', 'github', '.com'),
    fc.string({ maxLength: 5 }),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

  prop.prop([text, fc.boolean()], { numRuns: 3000 })('is idempotent', (t, isTitle) => {
    const once = splitRunTogether(t, { title: isTitle });
    expect(splitRunTogether(once, { title: isTitle })).toBe(once);
  });

  prop.prop([text, fc.boolean()], { numRuns: 3000 })('only adds spaces: the letters stay, in order', (t, isTitle) => {
    expect(splitRunTogether(t, { title: isTitle }).replace(/ /g, '')).toBe(t.replace(/ /g, ''));
  });
});
