// Draws the extension icon (media/icon.png, 128×128 RGBA): a white classical building (pediment,
// entablature, four columns, stepped base) on a rounded square with a deep-blue-to-teal gradient.
// Node built-ins only; the PNG is encoded by hand. Deterministic: same bytes on every run.
//
//   node scripts/make-icon.mjs [output.png]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis: 16 samples per pixel
const RADIUS = 26; // corner radius of the background square

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(process.argv[2] ?? `${root}/media/icon.png`);

// ---- Geometry, in pixel units of the 128×128 canvas --------------------------------------------

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function inRect(x, y, left, top, right, bottom) {
  return x >= left && x < right && y >= top && y < bottom;
}

/** Pediment: an isosceles triangle from the apex down to a flat base. */
function inTriangle(x, y, apexX, apexY, halfWidth, baseY) {
  if (y < apexY || y >= baseY) return false;
  const half = (halfWidth * (y - apexY)) / (baseY - apexY);
  return Math.abs(x - apexX) <= half;
}

const COLUMN_COUNT = 4;
const COLUMN_WIDTH = 9;
const COLUMNS_LEFT = 34;
const COLUMNS_RIGHT = 94;
const COLUMN_GAP = (COLUMNS_RIGHT - COLUMNS_LEFT - COLUMN_COUNT * COLUMN_WIDTH) / (COLUMN_COUNT - 1);

function inBuilding(x, y) {
  if (inTriangle(x, y, 64, 25, 38, 47)) return (x - 64) ** 2 + (y - 39) ** 2 > 3.5 ** 2; // pediment with an oculus
  if (inRect(x, y, 28, 49, 100, 56)) return true; // entablature
  for (let i = 0; i < COLUMN_COUNT; i++) {
    const left = COLUMNS_LEFT + i * (COLUMN_WIDTH + COLUMN_GAP);
    if (inRect(x, y, left, 59, left + COLUMN_WIDTH, 88)) return true; // shaft
    if (inRect(x, y, left - 1, 58, left + COLUMN_WIDTH + 1, 60)) return true; // capital
  }
  if (inRect(x, y, 30, 90, 98, 96)) return true; // upper step
  if (inRect(x, y, 24, 98, 104, 104)) return true; // lower step
  return false;
}

// ---- Colour ---------------------------------------------------------------------------------------

const STOPS = [
  [0, [23, 37, 110]], // deep blue
  [0.45, [25, 90, 165]],
  [1, [20, 175, 160]], // teal
];

/** Diagonal gradient, top-left to bottom-right. */
function background(x, y) {
  const t = Math.min(1, Math.max(0, (x + y) / (2 * SIZE)));
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i];
    const [t0, c0] = STOPS[i - 1];
    if (t <= t1) {
      const k = (t - t0) / (t1 - t0);
      return c0.map((c, j) => c + (c1[j] - c) * k);
    }
  }
  return STOPS[STOPS.length - 1][1];
}

// ---- Rasterise ------------------------------------------------------------------------------------

function render() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (!inRoundedSquare(x, y)) continue;
          square++;
          if (inBuilding(x, y)) glyph++;
        }
      }
      const alpha = square / n;
      const white = square === 0 ? 0 : glyph / square;
      const base = background(px + 0.5, py + 0.5);
      const at = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(base[c] + (255 - base[c]) * white);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---- PNG encoding ---------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = encodePng(SIZE, SIZE, render());
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, png);
console.log(`wrote ${output} (${png.length} bytes)`);
