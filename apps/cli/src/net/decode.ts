import { BodyError } from './read-body.ts';

/**
 * A body's bytes as text, decoded as XML 1.0 (Appendix F) and RFC 7303 ask: a byte order mark
 * first, then the charset the transport names (the Content-Type), then the encoding the XML
 * declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), then UTF-8. The platform's
 * TextDecoder reads every WHATWG label (UTF-8, UTF-16LE/BE, ISO-8859-x, windows-125x, Shift_JIS,
 * GB18030, …; ISO-8859-1 and US-ASCII are read as windows-1252, its superset, as browsers do);
 * UTF-32, which it lacks, is decoded here. An encoding nobody knows is a BodyError that names it and
 * says where it was named: guessing would store mojibake.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.length));
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (charset) return decodeAs(known(charset, 'the Content-Type\'s charset', bytes), bytes);
  const declared = declaredEncoding(bytes);
  if (declared) return decodeAs(known(declared, 'the XML declaration', bytes), bytes);
  return decodeAs('utf-8', bytes);
}

type Encoding = string;

/** The byte order marks, longest first (UTF-32LE's begins as UTF-16LE's does). */
const boms: readonly { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  const hit = boms.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return hit ? { encoding: hit.encoding, length: hit.bytes.length } : null;
}

/**
 * How `<?` is written in the first bytes (XML 1.0 Appendix F.1), for a body without a BOM: which
 * width and byte order its declaration is in.
 */
function layout(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be' | 'ascii' {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  return 'ascii';
}

/** The `encoding` of the XML declaration, read in the width its first bytes show; null when none. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const width = layout(bytes);
  const head = width === 'ascii'
    ? String.fromCharCode(...bytes.subarray(0, 200))
    : decodeAs(width, bytes.subarray(0, width.startsWith('utf-32') ? 800 : 400));
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1]
    ?? (width === 'ascii' ? null : width); // UTF-16/32 without a declared encoding: as the bytes show
}

/**
 * The encoding a label names, as decodeAs takes it. A bare "UTF-16" or "UTF-32" takes its byte
 * order from the first bytes (big-endian when they say so, else little-endian, as in practice).
 */
function known(label: string, where: string, bytes: Uint8Array): Encoding {
  const name = label.trim().toLowerCase();
  if (/^(?:utf-?32|ucs-?4)$/.test(name)) return layout(bytes) === 'utf-32be' ? 'utf-32be' : 'utf-32le';
  if (/^utf-?32-?le$/.test(name)) return 'utf-32le';
  if (/^utf-?32-?be$/.test(name)) return 'utf-32be';
  if (/^(?:utf-?16|ucs-?2|iso-10646-ucs-2)$/.test(name)) return layout(bytes) === 'utf-16be' ? 'utf-16be' : 'utf-16le';
  if (name === 'utf8mb4') return 'utf-8'; // MySQL's name for UTF-8, seen in feeds
  try {
    return new TextDecoder(name).encoding;
  } catch {
    throw new BodyError(`unknown character encoding "${label}" (named by ${where}): expected one such as UTF-8, UTF-16, UTF-32, ISO-8859-1 or windows-1252`, false);
  }
}

function decodeAs(encoding: Encoding, bytes: Uint8Array): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** windows-1252's characters for the bytes 0x80–0x9F (the five it leaves undefined are kept as C1). */
const cp1252High = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * windows-1252, which the WHATWG labels "iso-8859-1", "latin1" and "us-ascii" also name. Node 20's
 * TextDecoder reads it as Latin-1, turning the en dash (0x96) and Š (0x8A) into C1 controls.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    parts.push(String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80] as string));
  }
  return parts.join('');
}

/** UTF-32 (TextDecoder has no such label): four bytes a code point; a bad one becomes U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    // A few thousand arguments at a time: a whole body spread into one call overflows the stack.
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
