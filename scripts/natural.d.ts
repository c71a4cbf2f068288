// natural's TfIdf is the baseline `pnpm bench` and `pnpm eval` compare the ranker with. natural's entry
// point loads every module it has (storage back ends that print dotenv notices, WordNet, classifiers);
// we import the one module we use by path, and declare it here.
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
