// Rebuilds packages/sources/src/normalize/word-list.ts, the words that splitRunTogether decides with,
// from the 21,872-paper corpus (../shared/data/corpus/papers.jsonl) and the `word-list` package's
// English dictionary (274k words, a dev dependency): pnpm tsx scripts/build-word-list.ts
//   common words: written alone (not inside a hyphenated compound, a path or a camel-cased name) in the
//     titles and abstracts of at least MIN_DF papers, lowercase or capitalised only;
//   joined words: the real words that splitRunTogether would otherwise split, so that it never does:
//     words of the corpus (in 2+ papers, in any context, not camel-cased) that split into two common
//     words, and dictionary or corpus words that split off a function word (within, bulletin, nearby,
//     fluxon), the corpus's only where written in lowercase in 2+ papers: capitalised, in titles, such a
//     word is as often the damage itself ("Batterieswith" in two titles);
//     and the names that authors write camel-cased themselves: in the arXiv papers' own text (which no
//     publisher's markup went through) in 2+ papers (PageRank, PowerPoint, TensorFlow, MatterSim, DeepFace).
//     Camel-cased splits need no dictionary words: a capital inside a dictionary word does not happen.
import { readFileSync, writeFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { paperSchema } from '@labdigest/core';
import { splitPoint } from '../packages/sources/src/normalize/run-together.ts';
import { repoRoot, requireShared } from './shared-data.ts';

const MIN_DF = 10;
const out = `${repoRoot}/packages/sources/src/normalize/word-list.ts`;

const standalone = new Map<string, number>();
const anywhere = new Map<string, number>();
const authorCamel = new Map<string, number>();
const lowercase = new Map<string, number>();
const lines = readFileSync(requireShared('corpus/papers.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
for (const line of lines) {
  const paper = paperSchema.parse(JSON.parse(line));
  const text = `${paper.title}\n${paper.abstract ?? ''}`;
  const alone = new Set<string>();
  const seen = new Set<string>();
  const lower = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    if (!/^[A-Z]?[a-z]+$/.test(m[0])) continue;
    const word = m[0].toLowerCase();
    seen.add(word);
    if (word === m[0]) lower.add(word);
    const before = text[m.index - 1] ?? ' ';
    const after = text[m.index + m[0].length] ?? ' ';
    const next = text[m.index + m[0].length + 1] ?? ' ';
    if (/[\p{L}\p{N}_/@#\\'’\-‐‑–—+.]/u.test(before) || /[\p{L}\p{N}_/@#\\'’\-‐‑–—+]/u.test(after)) continue;
    if (after === '.' && /\p{L}/u.test(next)) continue;
    alone.add(word);
  }
  for (const w of alone) standalone.set(w, (standalone.get(w) ?? 0) + 1);
  if (paper.source.includes('arxiv')) {
    const camel = new Set([...text.matchAll(/(?<![A-Za-z])[A-Z]?[a-z]+[A-Z][a-z]+(?![A-Za-z])/g)].map((m) => m[0]));
    for (const w of camel) authorCamel.set(w, (authorCamel.get(w) ?? 0) + 1);
  }
  for (const w of seen) anywhere.set(w, (anywhere.get(w) ?? 0) + 1);
  for (const w of lower) lowercase.set(w, (lowercase.get(w) ?? 0) + 1);
}

const common = new Set([...standalone].filter(([w, df]) => df >= MIN_DF && w.length >= 2).map(([w]) => w));
const isCommon = (w: string): boolean => common.has(w);
const dictionary = readFileSync(wordListPath, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w));
const corpusWords = [...anywhere].filter(([, df]) => df >= 2).map(([w]) => w);

const functionWords = ['of', 'at', 'the', 'in', 'on', 'for', 'via', 'and', 'with', 'by', 'to'];

/** Whether some camel-cased form of `word` (the capital at any letter) splits into two words that are not function words. */
function splitsCamel(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const camel = word.slice(0, i) + word.charAt(i).toUpperCase() + word.slice(i + 1);
    const split = splitPoint(camel, isCommon);
    if (split?.kind === 'camel' && !functionWords.includes(split.right.toLowerCase())) return true;
  }
  return false;
}
/** Whether `word` splits off a function word at its end (bulletin) or start (income, as inCome). */
function splitsOffFunctionWord(word: string): boolean {
  if (splitPoint(word, isCommon)?.kind === 'function-word-last') return true;
  return functionWords.some((fw) => word.length > fw.length && word.startsWith(fw)
    && splitPoint(fw + word.charAt(fw.length).toUpperCase() + word.slice(fw.length + 1), isCommon)?.kind === 'function-word-first');
}

const joined = new Set<string>();
for (const w of corpusWords) if (splitsCamel(w)) joined.add(w);
for (const [w, df] of lowercase) if (df >= 2 && splitsOffFunctionWord(w)) joined.add(w);
for (const w of dictionary) if (splitsOffFunctionWord(w)) joined.add(w);
for (const [w, df] of authorCamel) if (df >= 2 && splitPoint(w, isCommon) !== null) joined.add(w.toLowerCase());

/** Words as lines of at most 110 characters, sorted, for a readable diff. */
function wrap(words: Iterable<string>): string {
  const lines: string[] = [];
  let line = '';
  for (const w of [...words].sort()) {
    if (line.length + w.length + 1 > 110) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

writeFileSync(out, `// Generated by scripts/build-word-list.ts from shared/data/corpus/papers.jsonl (21,872 papers) and the
// word-list package's English dictionary: do not edit, rebuild. What each list holds is said there.
// ${common.size} common words (written alone in ${MIN_DF}+ papers), ${joined.size} joined words.

/** Common words, lowercase, separated by white space. */
export const commonWords = \`
${wrap(common)}
\`;

/** Real words that the run-together rules would split, lowercase, separated by white space. */
export const joinedWords = \`
${wrap(joined)}
\`;
`);
console.log(`word list: papers=${lines.length} common=${common.size} joined=${joined.size} -> ${out}`);
