// @ts-check
// Part 5: the .vsix that `npm run package` makes: its size and what is in it (read from the zip's
// central directory). When packaging fails, the reason is reported and an estimate is made instead:
// the same vsce, run on a folder holding only what the extension needs at run time (the snapshot of
// bench/lib/architect.mjs without its source map), i.e. what a .vscodeignore would let through.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { snapshotDir } from '../lib/architect.mjs';
import { root } from '../lib/paths.mjs';

const vsixPath = path.join(root, 'dist', 'architect-chat.vsix');

/** Entries of a zip file, from its end-of-central-directory record and central directory. */
export function zipEntries(file) {
  const zip = readFileSync(file);
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), compressed, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function describe(file) {
  const entries = zipEntries(file);
  return {
    bytes: statSync(file).size,
    files: entries.length,
    entries: entries.sort((a, b) => b.compressed - a.compressed).slice(0, 8),
  };
}

// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** @param {{ log: (line: string) => void, bundleBytes?: number }} options */
export function measureVsix({ log, bundleBytes }) {
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  const output = plain(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  const warnings = output
    .split('\n')
    .filter((line) => /WARNING/.test(line))
    .map((line) => line.trim());
  /** @type {{ measured: boolean, reason?: string, bundleMismatch?: string, warnings: string[], bytes?: number, files?: number, entries?: Array<{ name: string, compressed: number, size: number }>, estimate?: ReturnType<typeof describe> & { note: string } }} */
  const result = { measured: false, warnings };
  if (run.status === 0 && existsSync(vsixPath) && statSync(vsixPath).mtimeMs >= started - 1000) {
    Object.assign(result, { measured: true, ...describe(vsixPath) });
    // npm run package builds dist/ and packs it a moment later: a concurrent test build in between
    // (unminified, several MB) would be packed instead. Say so when the packed bundle is not ours.
    const packed = zipEntries(vsixPath)
      .filter((entry) => entry.name === 'extension/dist/extension.js' || entry.name === 'extension/dist/engine.js')
      .reduce((sum, entry) => sum + entry.size, 0);
    if (bundleBytes && Math.abs(packed - bundleBytes) > bundleBytes * 0.02) {
      result.bundleMismatch = `The packed dist/extension.js and dist/engine.js are ${(packed / 1024).toFixed(1)} KB, not the ${(bundleBytes / 1024).toFixed(1)} KB production build: something rebuilt dist/ while packaging, or a bundle is missing from the package; rerun.`;
    }
    log(`vsix: ${/** @type {number} */ (result.bytes / 1024).toFixed(1)} KB, ${result.files} files`);
    return result;
  }
  const errorLine = output.split('\n').find((line) => /ERROR/.test(line));
  const missing = [
    !existsSync(path.join(root, 'media', 'icon.png')) && 'media/icon.png',
    !readdirSync(root).some((name) => /^LICEN[SC]E(\.md|\.txt)?$/i.test(name)) && 'LICENSE',
  ].filter(Boolean);
  result.reason = `npm run package failed (exit ${run.status ?? run.signal}): ${(errorLine ?? output.trim().split('\n').at(-1) ?? '').trim()}${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`;
  log(`vsix: not measured: ${result.reason}`);

  // The estimate: runtime files only, packaged by the same vsce.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'architect-bench-vsix-'));
  try {
    // Not the source map, and not the benchmark's own suite, which sits there only for the end-to-end run.
    cpSync(snapshotDir, dir, { recursive: true, filter: (source) => !source.endsWith('.map') && path.basename(source) !== 'bench-e2e' });
    const out = path.join(dir, 'estimate.vsix');
    const estimate = spawnSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    if (estimate.status === 0 && existsSync(out)) {
      result.estimate = {
        ...describe(out),
        note: 'vsce on the runtime files only: package.json, dist/extension.js and dist/engine.js (no source maps), personas/, media/, l10n/ and package.nls*.json when present',
      };
      log(`vsix: estimate ${(result.estimate.bytes / 1024).toFixed(1)} KB, ${result.estimate.files} files`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
