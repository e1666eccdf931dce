// Writes l10n/bundle.l10n.json: every user-facing template passed to t(...) in src/, the English text
// being its own key (vscode.l10n looks strings up by it). Translators add bundle.l10n.<locale>.json.
//   node scripts/extract-l10n.mjs           write the file
//   node scripts/extract-l10n.mjs --check   fail when the file is out of date (run by npm run lint)
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });

// t('...') or t("...") with the template as the first argument, on one or more lines.
const call = /\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/gs;
const strings = new Map();
for (const file of files(path.join(root, 'src'))) {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(call)) {
    const quote = match[1];
    const raw = match[2];
    const value = JSON.parse(`"${raw.replace(/\\'/g, "'").replace(quote === "'" ? /"/g : /$^/, '\\"')}"`);
    strings.set(value, value);
  }
}
const sorted = Object.fromEntries([...strings.keys()].sort().map((key) => [key, key]));
const text = JSON.stringify(sorted, null, 2) + '\n';
const target = path.join(root, 'l10n', 'bundle.l10n.json');
if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
    console.error('l10n/bundle.l10n.json is out of date: run node scripts/extract-l10n.mjs');
    process.exit(1);
  }
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${Object.keys(sorted).length} strings to l10n/bundle.l10n.json`);
}
