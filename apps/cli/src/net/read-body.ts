import { formatMegabytes } from './backoff.ts';

/** Why a body could not be read; `retry` says whether another attempt may succeed. */
export class BodyError extends Error {
  override name = 'BodyError';
  readonly retry: boolean;
  constructor(message: string, retry: boolean, options?: ErrorOptions) {
    super(message, options);
    this.retry = retry;
  }
}

/**
 * Reads a response body as bytes, at most `maxBytes` of them: a bigger body is cancelled as soon as it
 * passes the cap (never buffered whole). A body that ends before its `Content-Length`, or whose
 * connection drops mid-way, is reported as truncated.
 */
export async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooBig = () => new BodyError(`response larger than ${formatMegabytes(maxBytes)}`, false);
  const declared = declaredLength(response);
  if (declared !== null && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooBig();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooBig();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') throw error;
    throw new BodyError(`body truncated after ${received} bytes: the connection closed mid-body (${(error as Error).message})`, true, { cause: error });
  }
  if (declared !== null && received !== declared) {
    throw new BodyError(`body truncated: received ${received} of ${declared} bytes`, true);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Content-Length, when it counts the bytes we read (fetch decompresses encoded bodies, so then it doesn't). */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.toLowerCase() !== 'identity') return null;
  const header = response.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}
