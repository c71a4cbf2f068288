// arxiv-sanity-lite's recommender, for `pnpm eval --feedback`'s `svm` rows: a linear SVM per tag on
// TF-IDF unigrams and bigrams, trained on the papers a user tagged (positive) against every other
// paper of the pool (negative), as karpathy/arxiv-sanity-lite does with scikit-learn (compute.py, serve.py):
//   TfidfVectorizer(ngram_range=(1, 2), max_features=10000, min_df=5, max_df=0.5, sublinear_tf=True,
//                   norm='l2', smooth_idf=True, lowercase, token_pattern r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b',
//                   stop_words='english')
//   LinearSVC(class_weight='balanced', C=0.1, tol=1e-6, max_iter=10000)   (squared hinge, solved in the dual)
// Written here in TypeScript: the vectorizer as above without the stop-word list (max_df takes the
// commonest words out), and LinearSVC's solver, dual coordinate descent for the L2-regularised
// squared-hinge loss (Hsieh et al., ICML 2008), with a bias feature as liblinear adds one.

export type SparseVector = { readonly index: Int32Array; readonly value: Float64Array };

const TOKEN = /[a-z_][a-z0-9_]+/g;

function ngramsOf(text: string): string[] {
  const words = text.toLowerCase().match(TOKEN) ?? [];
  const out: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * Fits the vocabulary and IDF on `pool` (the `maxFeatures` n-grams most often written, among those in
 * `minDf` papers or more and at most `maxDf` of them; sublinear tf, smooth idf, l2 norm); vectorizes any
 * text with it.
 */
export function tfidfVectorizer(pool: readonly string[], options: { minDf?: number; maxDf?: number; maxFeatures?: number } = {}) {
  const minDf = options.minDf ?? 5;
  const maxDf = options.maxDf ?? 0.5;
  const maxFeatures = options.maxFeatures ?? 10_000;
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const text of pool) {
    const grams = ngramsOf(text);
    for (const g of grams) total.set(g, (total.get(g) ?? 0) + 1);
    for (const g of new Set(grams)) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const kept = [...df].filter(([, n]) => n >= minDf && n <= maxDf * pool.length)
    .sort((a, b) => (total.get(b[0]) as number) - (total.get(a[0]) as number) || (a[0] < b[0] ? -1 : 1)).slice(0, maxFeatures);
  const vocabulary = new Map<string, number>();
  const idf: number[] = [];
  for (const [g, n] of kept) {
    vocabulary.set(g, idf.length);
    idf.push(Math.log((1 + pool.length) / (1 + n)) + 1);
  }
  return {
    size: vocabulary.size,
    vectorize(text: string): SparseVector {
      const tf = new Map<number, number>();
      for (const g of ngramsOf(text)) {
        const j = vocabulary.get(g);
        if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
      }
      const index = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
      const value = Float64Array.from(index, (j) => (1 + Math.log(tf.get(j) as number)) * (idf[j] as number));
      const norm = Math.sqrt(value.reduce((s, v) => s + v * v, 0)) || 1;
      for (let k = 0; k < value.length; k++) value[k] = (value[k] as number) / norm;
      return { index, value };
    },
  };
}

/**
 * A linear SVM (squared hinge, L2) by dual coordinate descent, classes weighted to balance (C per
 * example = C * n / (2 * n_class)). Returns the decision function: w.x + b.
 */
export function trainLinearSvm(
  xs: readonly SparseVector[], ys: readonly (1 | -1)[], dimension: number, options: { c?: number; epochs?: number; tolerance?: number } = {},
): (x: SparseVector) => number {
  const c = options.c ?? 0.1;
  const epochs = options.epochs ?? 1000;
  const tolerance = options.tolerance ?? 1e-6;
  const n = xs.length;
  const positives = ys.filter((y) => y > 0).length;
  const negatives = n - positives;
  const w = new Float64Array(dimension + 1); // the last is the bias, on a feature that is always 1
  if (positives === 0 || negatives === 0) return () => (positives > 0 ? 1 : -1);
  const cOf = (y: number) => c * n / (2 * (y > 0 ? positives : negatives));
  const alpha = new Float64Array(n);
  // The squared hinge's dual: Q_ii = x_i.x_i (+1 for the bias) + D_ii, D_ii = 1 / (2 C_i), alpha unbounded above.
  const diag = xs.map((_, i) => 1 / (2 * cOf(ys[i] as number)));
  const qii = xs.map((x, i) => x.value.reduce((s, v) => s + v * v, 0) + 1 + (diag[i] as number));
  // A fixed order of coordinates per epoch (a seeded shuffle, as liblinear shuffles), so runs repeat.
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = 12345;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let maxChange = 0;
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const y = ys[i] as number;
      let dot = w[dimension] as number;
      for (let k = 0; k < x.index.length; k++) dot += (w[x.index[k] as number] as number) * (x.value[k] as number);
      const gradient = y * dot - 1 + (diag[i] as number) * (alpha[i] as number);
      const old = alpha[i] as number;
      const next = Math.max(0, old - gradient / (qii[i] as number));
      const delta = next - old;
      if (delta === 0) continue;
      alpha[i] = next;
      maxChange = Math.max(maxChange, Math.abs(delta));
      for (let k = 0; k < x.index.length; k++) {
        const j = x.index[k] as number;
        w[j] = (w[j] as number) + delta * y * (x.value[k] as number);
      }
      w[dimension] = (w[dimension] as number) + delta * y;
    }
    if (maxChange < tolerance) break;
  }
  return (x) => {
    let dot = w[dimension] as number;
    for (let k = 0; k < x.index.length; k++) dot += (w[x.index[k] as number] as number) * (x.value[k] as number);
    return dot;
  };
}
