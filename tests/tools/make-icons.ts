/**
 * Draws the toolbar icons (public/icon/*.png): a rounded square with three lines of text, the middle
 * one marked — what the extension does to a page. "off-" variants are grey, shown where it is off.
 * Run once after changing the design: npx tsx tests/tools/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size: number, off: boolean): Buffer {
  const bg: RGBA = off ? [120, 124, 130, 255] : [11, 87, 208, 255];
  const line: RGBA = [255, 255, 255, 255];
  const mark: RGBA = off ? [200, 200, 200, 255] : [255, 214, 10, 255];
  const s = size / 16;
  const radius = 3 * s;
  return png(size, (px, py) => {
    const x = px + 0.5;
    const y = py + 0.5;
    // Rounded square.
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return [0, 0, 0, 0];
    const inRow = (top: number, h: number) => y >= top * s && y < (top + h) * s;
    if (inRow(3.5, 1.6) && x >= 3 * s && x < 13 * s) return line;
    if (inRow(6.6, 2.6) && x >= 2.5 * s && x < 13.5 * s) return mark;
    if (inRow(11, 1.6) && x >= 3 * s && x < 10 * s) return line;
    return bg;
  });
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(`public/icon/${size}.png`, icon(size, false));
  writeFileSync(`public/icon/off-${size}.png`, icon(size, true));
}
console.log('icons written to public/icon/');
