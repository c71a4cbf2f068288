import { buildDist } from '../scripts/build-dist.ts';

/** Builds dist/ once for the build and end-to-end tests. */
export default function setup(): void {
  buildDist();
}
