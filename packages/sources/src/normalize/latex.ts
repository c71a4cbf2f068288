// LaTeX remnants in titles and abstracts (arXiv above all, some Crossref titles) to plain text:
// `Ta$_2$NiSe$_5$` -> Ta2NiSe5, `Schr\"odinger` -> Schrödinger, `{\Lambda}CDM` -> ΛCDM.
// Sub- and superscripts join without spaces so formulas stay searchable as one token.

const accents: Readonly<Record<string, string>> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

const symbols: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ',
  Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  sim: '~', simeq: '≃', approx: '≈', propto: '∝', equiv: '≡', neq: '≠', ne: '≠', le: '≤', leq: '≤',
  ge: '≥', geq: '≥', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳', pm: '±', mp: '∓', times: '×',
  cdot: '·', div: '÷', to: '→', rightarrow: '→', leftarrow: '←', leftrightarrow: '↔', Rightarrow: '⇒',
  rightleftharpoons: '⇌', uparrow: '↑', downarrow: '↓', in: '∈', sum: '∑', prod: '∏', int: '∫',
  sqrt: '√', infty: '∞', partial: '∂', nabla: '∇', ell: 'ℓ', hbar: 'ħ', circ: '∘', degree: '°',
  prime: '′', dagger: '†', star: '⋆', ast: '*', perp: '⊥', parallel: '∥', langle: '⟨', rangle: '⟩',
  ldots: '…', dots: '…', cdots: '…', textendash: '–', textemdash: '—', textdegree: '°',
  ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', o: 'ø', O: 'Ø', ss: 'ß', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł',
  i: 'i', j: 'j', LaTeX: 'LaTeX', TeX: 'TeX',
};

/** Commands whose argument is the text (`\mathrm{Li}` -> Li); the command itself prints nothing. */
const wrappers = new Set([
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'mathring',
  'boldsymbol', 'bm', 'text', 'textrm', 'textbf', 'textit', 'textsf', 'texttt', 'textsc', 'textup', 'textsl',
  'textnormal', 'textsuperscript', 'textsubscript', 'emph', 'mbox', 'hbox', 'operatorname', 'underline',
  'overline', 'hat', 'widehat', 'tilde', 'widetilde', 'bar', 'vec', 'dot', 'ddot', 'uline', 'url', 'ce',
]);

/** Commands that print nothing: size and style switches, delimiters' sizing, `\left`/`\right`. */
const silent = new Set([
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle',
  'scriptstyle', 'limits', 'nolimits', 'rm', 'bf', 'it', 'sf', 'tt', 'cal', 'em', 'normalfont', 'small',
  'large', 'Large', 'footnotesize', 'relax', 'protect', 'noindent',
]);

const spaces: Readonly<Record<string, string>> = { ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ', '\\': ' ', '-': '', '/': '' };

/**
 * Plain text for a string holding LaTeX remnants. Math is found by pandoc's spacing rule (an opening
 * `$` is followed by a non-space, the closing `$` follows one), so prices like "$5 and $10" stay as
 * they are; unlike pandoc a digit may follow the closing `$` (arXiv writes "$\sim$1 GPa"). Unknown commands keep their argument, or their name when they have none.
 */
export function latexToText(s: string): string {
  if (!s.includes('\\') && !s.includes('$')) return s;
  return render(s, false).normalize('NFC');
}

function render(s: string, math: boolean): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    // Text between the characters handled below is copied in one piece, not character by character.
    const plain = plainUntil(s, i, math);
    if (plain > i) {
      out += s.slice(i, plain);
      i = plain;
      continue;
    }
    const c = s[i] as string;
    if (c === '\\') {
      const [text, next] = command(s, i, math);
      out += text;
      i = next;
    } else if (c === '$' && !math) {
      const found = mathSpan(s, i);
      if (found) {
        out += render(found.inner, true);
        i = found.end;
      } else {
        out += c;
        i++;
      }
    } else if (math && (c === '{' || c === '}' || c === '_')) {
      i++;
    } else if (math && c === '^') {
      const degree = /^\^\s*(?:\{\s*\\circ\s*\}|\\circ)/.exec(s.slice(i, i + 16));
      if (degree) {
        out += '°';
        i += degree[0].length;
      } else {
        i++;
      }
    } else if (math && c === '~') {
      out += ' ';
      i++;
    } else if (!math && c === '{' && s[i + 1] === '\\') {
      const group = readGroup(s, i);
      if (group) {
        out += render(group.inner, false);
        i = group.end;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Where the next character render() handles comes: a backslash or `{`; then `$` in text, or one of `}_^~` in math. */
function plainUntil(s: string, from: number, math: boolean): number {
  let i = from;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* backslash */ || c === 123 /* { */) break;
    if (math ? c === 125 /* } */ || c === 95 /* _ */ || c === 94 /* ^ */ || c === 126 /* ~ */ : c === 36 /* $ */) break;
  }
  return i;
}

function command(s: string, start: number, math: boolean): [string, number] {
  const next = s[start + 1];
  if (next === undefined) return ['', start + 1];
  if (next === '(' || next === '[') {
    const close = s.indexOf(next === '(' ? '\\)' : '\\]', start + 2);
    if (close !== -1 && !math) return [render(s.slice(start + 2, close), true), close + 2];
    return ['', start + 2];
  }
  if (next === ')' || next === ']') return ['', start + 2];
  if (!/[A-Za-z]/.test(next)) {
    if (next in accents) return accent(s, start + 2, next);
    if (next in spaces) return [spaces[next] as string, start + 2];
    return [next, start + 2]; // \$ \% \& \# \_ \{ \}
  }
  const name = /^[A-Za-z]+/.exec(s.slice(start + 1))?.[0] ?? '';
  let end = start + 1 + name.length;
  if (name.length === 1 && name in accents && !(name in symbols)) return accent(s, end, name);
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const a = argument(s, end);
    const b = a ? argument(s, a.end) : null;
    if (a && b) return [`${render(a.inner, math)}/${render(b.inner, math)}`, b.end];
  }
  if (name === 'href') {
    const a = argument(s, end);
    const b = a ? argument(s, a.end) : null;
    if (a && b) return [render(b.inner, math), b.end];
  }
  if (name === 'quad' || name === 'qquad') return [' ', end];
  if (silent.has(name)) return ['', end];
  const symbol = symbols[name];
  if (symbol !== undefined) return [symbol, end];
  if (wrappers.has(name) || s[end] === '{') {
    const group = s[end] === '{' ? readGroup(s, end) : null;
    if (group) return [render(group.inner, math), group.end];
    if (wrappers.has(name)) return ['', end];
  }
  end = Math.max(end, start + 2);
  return [name, end];
}

function accent(s: string, from: number, which: string): [string, number] {
  const arg = argument(s, from);
  // A Greek letter whose name a converter split after its first letter, as if an accent: "\b{eta}" is
  // \beta, "\k{appa}" \kappa (15 abstracts of the corpus: "\b{eta}-LZC" was learned as "eta LZC").
  // An accent sits on one letter; on several that spell a name with it, it is that name.
  const named = arg && /^[a-z]{2,}$/.test(arg.inner) && /^[a-z]$/.test(which) ? symbols[`${which}${arg.inner}`] : undefined;
  if (named !== undefined && arg) return [named, arg.end];
  const base = arg ? render(arg.inner, false) : '';
  const end = arg ? arg.end : from;
  if (base === '') return [which, end];
  return [`${base.slice(0, 1)}${accents[which] ?? ''}${base.slice(1)}`, end];
}

/** A command's argument: a `{group}`, a `\command`, or one character, after optional spaces. */
function argument(s: string, from: number): { inner: string; end: number } | null {
  let i = from;
  while (s[i] === ' ') i++;
  const c = s[i];
  if (c === undefined || c === '}') return null;
  if (c === '{') return readGroup(s, i);
  if (c === '\\') {
    const name = /^\\(?:[A-Za-z]+|.)/.exec(s.slice(i))?.[0] ?? '\\';
    return { inner: name, end: i + name.length };
  }
  return { inner: c, end: i + 1 };
}

function readGroup(s: string, open: number): { inner: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { inner: s.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

function mathSpan(s: string, open: number): { inner: string; end: number } | null {
  if (s[open + 1] === '$') {
    const close = s.indexOf('$$', open + 2);
    return close > open + 2 ? { inner: s.slice(open + 2, close), end: close + 2 } : null;
  }
  const first = s[open + 1];
  if (first === undefined || /\s/.test(first)) return null;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
    } else if (c === '$') {
      // The first unescaped `$` closes the span or, if it follows a space, makes the opener literal.
      return /\s/.test(s[j - 1] ?? ' ') ? null : { inner: s.slice(open + 1, j), end: j + 1 };
    }
  }
  return null;
}
