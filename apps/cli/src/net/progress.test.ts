import { expect, test } from 'vitest';
import { createProgress } from './progress.ts';

test('on a terminal one line is rewritten in place and cleared at the end', () => {
  let screen = '';
  const progress = createProgress((t) => { screen += t; }, true);
  progress.page('arxiv-cs', 1, 100);
  progress.page('arxiv-cs', 2, 200);
  progress.note('arxiv-cs: 503 Service Unavailable; retry 1 in 1 s');
  progress.page('jacs', 1, 1);
  progress.done();
  expect(screen).toBe([
    '\r\x1b[2Karxiv-cs: page 1, 100 papers',
    '\r\x1b[2Karxiv-cs: page 2, 200 papers',
    '\r\x1b[2Karxiv-cs: 503 Service Unavailable; retry 1 in 1 s\n',
    '\r\x1b[2Kjacs: page 1, 1 paper',
    '\r\x1b[2K',
  ].join(''));
});

test('elsewhere plain lines, no control characters, secrets redacted', () => {
  const lines: string[] = [];
  const progress = createProgress((t) => lines.push(t), false);
  progress.page('oa', 1, 25);
  progress.note('oa: failed at https://api.openalex.org/works?api_key=abc&filter=x');
  progress.done();
  expect(lines).toEqual(['oa: page 1, 25 papers\n', 'oa: failed at https://api.openalex.org/works?api_key=REDACTED&filter=x\n']);
});
