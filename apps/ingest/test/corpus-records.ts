import { paperSchema, type Paper, type PaperInput } from '@labdigest/core';

// Real records from the shared corpus (../shared/data/corpus/papers.jsonl), copied unchanged: the same
// paper as an arXiv preprint (cs-arxiv-daily) and as its ACS Energy Letters version (OpenAlex listing).
// The titles differ in case ("Solid-state" / "Solid-State"), the last author's name in spelling, and the
// preprint has no DOI: only the title + first author fallback can tell they are one paper.
export const preprintRecord: Paper = paperSchema.parse({
  "id": "arxiv:2512.16085",
  "title": "Machine Learning Enabled Graph Analysis of Particulate Composites: Application to Solid-state Battery Cathodes",
  "abstract": "Particulate composites underpin many solid-state chemical and electrochemical systems, where microstructural features such as multiphase boundaries and inter-particle connections strongly influence system performance. Advances in X-ray microscopy enable capturing large-scale, multimodal images of these complex microstructures with an unprecedentedly high throughput. However, harnessing these datasets to discover new physical insights and guide microstructure optimization remains a major challenge. Here, we develop a machine learning (ML) enabled framework that enables automated transformation of experimental multimodal X-ray images of multiphase particulate composites into scalable, topology-aware graphs for extracting physical insights and establishing local microstructure-property relationships at both the particle and network level. Using the multiphase particulate cathode of solid-state lithium batteries as an example, our ML-enabled graph analysis corroborates the critical role of triple phase junctions and concurrent ion/electron conduction channels in realizing desirable local electrochemical activity. Our work establishes graph-based microstructure representation as a powerful paradigm for bridging multimodal experimental imaging and functional understanding, and facilitating microstructure-aware data-driven materials design in a broad range of particulate composites.",
  "authors": [
    "Zebin Li",
    "Shimao Deng",
    "Yijin Liu",
    "Jia-Mian Hu"
  ],
  "published": "2025-12-18",
  "categories": [
    "cond-mat.mtrl-sci",
    "cs.CV"
  ],
  "doi": null,
  "source": "cs-arxiv-daily",
  "venue": null,
  "url": "https://arxiv.org/abs/2512.16085",
  "tags": []
});

export const journalRecord: Paper = paperSchema.parse({
  "id": "openalex:W4417529660",
  "title": "Machine Learning Enabled Graph Analysis of Particulate Composites: Application to Solid-State Battery Cathodes",
  "abstract": "Particulate composites underpin many solid-state chemical and electrochemical systems, where microstructural features such as multiphase boundaries and interparticle connections strongly influence system performance. Advances in X-ray microscopy enable capturing large-scale, multimodal images of these complex microstructures with unprecedentedly high throughput. However, harnessing these data sets to discover new physical insights and guide microstructure optimization remains a major challenge. Here, we develop a machine learning (ML)-enabled framework that enables automated transformation of experimental multimodal X-ray images of multiphase particulate composites into scalable, topology-aware graphs for extracting physical insights and establishing local microstructure-property relationships at both the particle and network level. Using the multiphase particulate cathode of solid-state lithium batteries as an example, our ML-enabled graph analysis corroborates the critical role of triple-phase junctions and concurrent ion/electron conduction channels in realizing desirable local electrochemical activity. Our work establishes graph-based microstructure representation as a powerful paradigm for bridging multimodal experimental imaging and functional understanding and facilitating microstructure-aware data-driven materials design in a broad range of particulate composites.",
  "authors": [
    "Zebin Li",
    "Shimao Deng",
    "Yijin Liu",
    "Jia Hu"
  ],
  "published": "2026-05-14",
  "categories": [],
  "doi": "10.1021/acsenergylett.5c04258",
  "source": "battery-paper-daily-openalex",
  "venue": "ACS Energy Letters",
  "url": "https://doi.org/10.1021/acsenergylett.5c04258",
  "tags": []
});

/** A valid Paper from a few fields (the rest defaulted by the core schema). */
export function paper(input: PaperInput): Paper {
  return paperSchema.parse(input);
}
