import nlp from 'compromise/one';

/**
 * A short extractive summary: the abstract's most informative sentences, in their order.
 * Sentences score by the keyword occurrences they hold (weighted), with a bonus for the opening
 * sentence (what the paper is about) and for result sentences ("we show", "we find").
 */
export function summarize(
  abstract: string,
  weightAt: (start: number, end: number) => number,
  options: { maxWords?: number; maxSentences?: number } = {},
): string {
  const maxWords = options.maxWords ?? 90;
  const maxSentences = options.maxSentences ?? 3;
  // Publishers prefix abstracts with a heading ("Abstract", "ABSTRACT", "Summary:"): not a sentence.
  const heading = /^\s*(?:abstract|summary|graphical abstract)\b[\s:.—-]*/i.exec(abstract)?.[0].length ?? 0;
  const sentences = splitSentences(abstract.slice(heading)).map((s) => ({ ...s, start: s.start + heading, end: s.end + heading }));
  if (sentences.length <= 1) return clip(abstract.slice(heading).trim(), maxWords);

  const scored = sentences.map((s, i) => {
    const words = s.text.split(/\s+/).length;
    let score = weightAt(s.start, s.end) / Math.sqrt(words);
    if (i === 0) score += 1.5;
    if (/\b(we|here|this work|this study|this paper)\b.{0,40}\b(show|find|found|demonstrate|reveal|propose|present|develop|report|introduce)/i.test(s.text)) score += 1;
    if (words < 6) score -= 1;
    return { ...s, index: i, words, score };
  });
  const chosen: typeof scored = [];
  let words = 0;
  for (const s of [...scored].sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (chosen.length >= maxSentences) break;
    if (words + s.words > maxWords && chosen.length > 0) continue;
    chosen.push(s);
    words += s.words;
  }
  chosen.sort((a, b) => a.index - b.index);
  return clip(chosen.map((s) => s.text).join(' '), maxWords);
}

interface Sentence { readonly text: string; readonly start: number; readonly end: number }

/**
 * Sentences with their spans in `text`. compromise knows abbreviations ("e.g.", "et al.", "Fig.");
 * when it loses text (it can, on LaTeX remnants) a plain split on sentence punctuation is used.
 */
export function splitSentences(text: string): Sentence[] {
  const found: string[] = nlp(text).json().map((s: { text: string }) => s.text);
  const out: Sentence[] = [];
  let from = 0;
  for (const sentence of found) {
    const at = text.indexOf(sentence, from);
    if (at < 0) return plainSplit(text);
    out.push({ text: sentence, start: at, end: at + sentence.length });
    from = at + sentence.length;
  }
  const covered = out.reduce((n, s) => n + s.text.replace(/\s/g, '').length, 0);
  if (covered < text.replace(/\s/g, '').length * 0.95) return plainSplit(text);
  return out;
}

function plainSplit(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?]+(?:[.!?]+(?=\s+[A-Z(]|\s*$)|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function clip(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  return words.length <= maxWords ? text : `${words.slice(0, maxWords).join(' ')}…`;
}
