/**
 * `npx tsx scripts/make-icon.ts`: draws Sigap's app icon (white "112" on a red rounded
 * square) into resources/icons/ as PNGs, with no image tools needed. electron-builder makes
 * the Windows .ico and the Linux icon set from the 512 px one.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from '../electron/launch/paths';

const GLYPHS: Record<string, string[]> = {
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
};
const RED = [198, 40, 40];
const WHITE = [255, 255, 255];

/** Coverage-weighted colour of one pixel, sampled 4×4 for smooth edges. */
function pixel(x: number, y: number, size: number): [number, number, number, number] {
  const radius = size * 0.2;
  const cell = Math.round(size * 0.043);
  const text = '112';
  const textW = (text.length * 6 - 1) * cell;
  const left = (size - textW) / 2;
  const top = (size - 7 * cell) / 2;
  let bg = 0;
  let fg = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, radius), size - radius);
      const cy = Math.min(Math.max(py, radius), size - radius);
      if ((px - cx) ** 2 + (py - cy) ** 2 > radius ** 2) continue;
      bg += 1;
      const col = Math.floor((px - left) / cell);
      const row = Math.floor((py - top) / cell);
      const glyph = GLYPHS[text[Math.floor(col / 6)] ?? ''];
      if (px >= left && row >= 0 && row < 7 && col % 6 < 5 && glyph?.[row]?.[col % 6] === '#') {
        fg += 1;
      }
    }
  }
  const mix = (i: number) => Math.round((RED[i]! * (bg - fg) + WHITE[i]! * fg) / Math.max(bg, 1));
  return [mix(0), mix(1), mix(2), Math.round((bg / 16) * 255)];
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(repoRoot, 'resources', 'icons');
fs.mkdirSync(dir, { recursive: true });
for (const size of [512, 256]) {
  fs.writeFileSync(path.join(dir, `${size}x${size}.png`), iconPng(size));
  process.stdout.write(`wrote resources/icons/${size}x${size}.png\n`);
}
