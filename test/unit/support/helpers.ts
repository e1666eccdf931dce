import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type AttachedSource, type Focus } from '../../../src/core/context/attachment';
import { parsePersona } from '../../../src/core/persona/parsePersona';
import { type Persona } from '../../../src/core/persona/persona';
import { type SentPiece } from '../../../src/core/request/plan';

/** The repository: the nearest folder above the bundled test (out/test/unit/…, at any depth) with a package.json. */
export const repoRoot = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) if (existsSync(path.join(dir, 'package.json'))) return dir;
  return path.resolve(__dirname, '..', '..', '..');
}

export function shippedPersonaText(): string {
  return readFileSync(path.join(repoRoot, 'personas', 'backend-architect.md'), 'utf8');
}

export function shippedPersona(): Persona {
  const result = parsePersona(shippedPersonaText(), 'backend-architect.md', {
    kind: 'builtin',
    uri: 'builtin:backend-architect',
    label: 'built-in',
  });
  if (!result.ok) throw new Error('shipped persona does not parse: ' + JSON.stringify(result.problems));
  return result.persona;
}

export function fileSource(label: string, text: string, focus?: Focus, languageId = 'typescript'): AttachedSource {
  return {
    key: `file:///ws/${label}`,
    uri: `file:///ws/${label}`,
    label,
    matchPath: label,
    languageId,
    content: { kind: 'text', text },
    ...(focus ? { focus } : {}),
  };
}

export function numberedLines(count: number, make: (line: number) => string = (line) => `const value${line} = ${line};`): string {
  return Array.from({ length: count }, (_, index) => make(index + 1)).join('\n');
}

/** A piece as the findings parser sees it: lines 1–100 of api.ts, sent whole. */
export const samplePiece: SentPiece = {
  key: 'file:///ws/api.ts',
  uri: 'file:///ws/api.ts',
  label: 'api.ts',
  matchPath: 'api.ts',
  startLine: 1,
  endLine: 100,
  totalLines: 100,
  complete: true,
};
