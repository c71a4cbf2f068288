// How much the text repair (packages/sources/src/normalize/repair.ts) changes in the 21,872-paper corpus,
// and a seeded random sample of the changes to read by eye for precision:
//   pnpm tsx scripts/eval/repair-corpus.ts [--sample=40] [--seed=15] [--kind=formula|words] [--all=changes.tsv] [--broken]
// (--broken lists the titles the eval's check still finds broken after the repair.)
import { writeFileSync } from 'node:fs';
import { repairPaperText } from '@labdigest/sources';
import { readCorpus } from './data.ts';
import { brokenTitle } from './digest-checks.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sampleSize = Number(option('sample', '40'));
const seed = Number(option('seed', '15'));

interface Change {
  id: string;
  source: string;
  field: 'title' | 'abstract';
  kind: 'formula' | 'words';
  before: string;
  after: string;
}

/**
 * The changed stretches of `before` -> `after` (only spaces are added or removed, and empty brackets:
 * the repair drops "()" where the source stripped its symbol), with a few words around.
 */
function changes(id: string, source: string, field: Change['field'], before: string, after: string): Change[] {
  const a = before.replace(/ \(\s*\)(?=[ ,.;:]|$)/g, '').split(' ');
  const b = after.split(' ');
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    // Grow the two stretches until they hold the same letters.
    let ai = i + 1;
    let bj = j + 1;
    for (;;) {
      const left = a.slice(i, ai).join('');
      const right = b.slice(j, bj).join('');
      // Past both ends the stretches differ in more than spaces: the rest is one change (never a loop).
      if (left === right || (ai >= a.length && bj >= b.length)) break;
      if (left.length < right.length) ai++; else bj++;
    }
    const kind = ai - i > bj - j ? 'formula' : 'words';
    out.push({ id, source, field, kind, before: a.slice(Math.max(0, i - 3), ai + 2).join(' '), after: b.slice(Math.max(0, j - 3), bj + 2).join(' ') });
    i = ai;
    j = bj;
  }
  return out;
}

const corpus = readCorpus();
const all: Change[] = [];
let titles = 0;
let abstracts = 0;
// What the eval's independent check (digest-checks.ts) still finds in the titles, before and after.
let brokenBefore = 0;
const brokenAfter: string[] = [];
const papersChanged = new Set<string>();
const started = performance.now();
for (const paper of corpus) {
  const repaired = repairPaperText(paper);
  if (brokenTitle(paper.title, paper.abstract) !== null) brokenBefore++;
  const still = brokenTitle(repaired.title, repaired.abstract);
  if (still !== null) brokenAfter.push(`${paper.id}: ${still}`);
  if (repaired === paper) continue;
  papersChanged.add(paper.id);
  if (repaired.title !== paper.title) {
    titles++;
    all.push(...changes(paper.id, paper.source, 'title', paper.title, repaired.title));
  }
  if (repaired.abstract !== paper.abstract) {
    abstracts++;
    all.push(...changes(paper.id, paper.source, 'abstract', paper.abstract ?? '', repaired.abstract ?? ''));
  }
}
const ms = performance.now() - started;
const count = (f: (c: Change) => boolean) => all.filter(f).length;
console.log(`repair: ${corpus.length} papers, ${papersChanged.size} changed: ${titles} titles, ${abstracts} abstracts (${Math.round(ms)} ms)`);
console.log(`repair: ${all.length} changes: formulas ${count((c) => c.kind === 'formula')} (${count((c) => c.kind === 'formula' && c.field === 'title')} in titles), `
  + `run-together words ${count((c) => c.kind === 'words')} (${count((c) => c.kind === 'words' && c.field === 'title')} in titles)`);
console.log(`repair: titles the eval's check finds broken: ${brokenBefore} before, ${brokenAfter.length} after`);
if (args.includes('--broken')) for (const line of brokenAfter) console.log(`  still broken: ${line}`);
const bySource = new Map<string, number>();
for (const c of all) bySource.set(`${c.source} ${c.field} ${c.kind}`, (bySource.get(`${c.source} ${c.field} ${c.kind}`) ?? 0) + 1);
console.log(`repair: by source, field and kind: ${[...bySource].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join('; ')}`);

// mulberry32: a small seeded generator, so the sample read by eye can be read again.
let state = seed >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const kind = option('kind', '');
const pool = all.filter((c) => kind === '' || c.kind === kind);
for (let k = pool.length - 1; k > 0; k--) {
  const r = Math.floor(random() * (k + 1));
  [pool[k], pool[r]] = [pool[r] as Change, pool[k] as Change];
}
console.log(`repair: ${Math.min(sampleSize, pool.length)} random ${kind === '' ? '' : `${kind} `}changes (seed ${seed}):`);
for (const c of pool.slice(0, sampleSize)) console.log(`  ${c.kind.padEnd(7)} ${c.field.padEnd(8)} ${c.id}: "${c.before}" -> "${c.after}"`);
const allFile = option('all', '');
if (allFile) {
  writeFileSync(allFile, all.map((c) => `${c.kind}\t${c.field}\t${c.source}\t${c.id}\t${c.before}\t${c.after}`).join('\n'));
  console.log(`repair: every change in ${allFile}`);
}
