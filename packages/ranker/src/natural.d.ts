// natural's entry point loads every module it has (storage back ends that print dotenv notices,
// WordNet, classifiers); we import the two modules we use by path, and declare them here.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  class TfIdf {
    constructor();
    addDocument(document: string | string[], key?: unknown, restoreCache?: boolean): void;
    tfidf(terms: string | string[], documentIndex: number): number;
    idf(term: string, force?: boolean): number;
    documents: Record<string, number>[];
  }
  export default TfIdf;
}
