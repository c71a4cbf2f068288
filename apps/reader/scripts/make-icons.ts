// Draws the reader's icons and writes them as PNGs with nothing but node:zlib (no image library):
//   pnpm --filter @labdigest/reader exec tsx scripts/make-icons.ts
// The icon is a digest page: a white sheet with lines of text, one of them highlighted, on the theme
// colour. "any" icons have rounded transparent corners; maskable and Apple icons are full-bleed
// (the platform cuts the shape), with the sheet inside the 80% safe zone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
interface Rect { x0: number; y0: number; x1: number; y1: number; r: number; color: Rgba }

const THEME: Rgba = [35, 78, 112, 255]; // #234e70, the manifest's theme_color
const SHEET: Rgba = [250, 248, 242, 255];
const INK: Rgba = [120, 138, 156, 255];
const TITLE: Rgba = [35, 78, 112, 255];
const MARK: Rgba = [255, 205, 64, 255];
const MARKED_INK: Rgba = [84, 96, 110, 255];

/** The sheet and its lines in a unit square, centred on (0.5, 0.5), before scaling. */
function sheetShapes(scale: number): Rect[] {
  const s = (v: number) => 0.5 + (v - 0.5) * scale;
  const rect = (x0: number, y0: number, x1: number, y1: number, r: number, color: Rgba): Rect =>
    ({ x0: s(x0), y0: s(y0), x1: s(x1), y1: s(y1), r: r * scale, color });
  return [
    rect(0.28, 0.2, 0.72, 0.8, 0.035, SHEET),
    rect(0.34, 0.29, 0.62, 0.34, 0.02, TITLE),
    rect(0.32, 0.405, 0.68, 0.515, 0.012, MARK),
    rect(0.34, 0.44, 0.66, 0.48, 0.016, MARKED_INK),
    rect(0.34, 0.55, 0.66, 0.59, 0.016, INK),
    rect(0.34, 0.64, 0.58, 0.68, 0.016, INK),
  ];
}

function inside(r: Rect, x: number, y: number): boolean {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.r), r.x1 - r.r);
  const cy = Math.min(Math.max(y, r.y0 + r.r), r.y1 - r.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.r ** 2;
}

/** Paints shapes in order with 4x4 supersampling, so edges are smooth at every size. */
function paint(size: number, shapes: readonly Rect[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const shape of shapes) if (inside(shape, x, y)) c = shape.color;
          const a = c[3] / 255;
          acc[0] = (acc[0] ?? 0) + c[0] * a;
          acc[1] = (acc[1] ?? 0) + c[1] * a;
          acc[2] = (acc[2] ?? 0) + c[2] * a;
          acc[3] = (acc[3] ?? 0) + a;
        }
      }
      const alpha = (acc[3] ?? 0) / (n * n);
      const i = (py * size + px) * 4;
      out[i] = alpha ? Math.round((acc[0] ?? 0) / (acc[3] ?? 1)) : 0;
      out[i + 1] = alpha ? Math.round((acc[1] ?? 0) / (acc[3] ?? 1)) : 0;
      out[i + 2] = alpha ? Math.round((acc[2] ?? 0) / (acc[3] ?? 1)) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every scanline with filter 0. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array()),
  ]);
}

const background = (r: number): Rect => ({ x0: 0, y0: 0, x1: 1, y1: 1, r, color: THEME });
const icons: Record<string, { size: number; shapes: Rect[] }> = {
  'icons/icon-192.png': { size: 192, shapes: [background(0.2), ...sheetShapes(1.25)] },
  'icons/icon-512.png': { size: 512, shapes: [background(0.2), ...sheetShapes(1.25)] },
  'icons/icon-maskable-512.png': { size: 512, shapes: [background(0), ...sheetShapes(1)] },
  'icons/apple-touch-icon.png': { size: 180, shapes: [background(0), ...sheetShapes(1.1)] },
  'icons/favicon-64.png': { size: 64, shapes: [background(0.2), ...sheetShapes(1.3)] },
};

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../public');
for (const [file, { size, shapes }] of Object.entries(icons)) {
  const path = join(publicDir, file);
  mkdirSync(dirname(path), { recursive: true });
  const png = encodePng(size, paint(size, shapes));
  writeFileSync(path, png);
  console.log(`${file}: ${size}x${size}, ${png.length} bytes`);
}
