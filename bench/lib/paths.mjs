// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything the benchmark builds or generates: out/ is ignored by git. */
export const benchOut = path.join(root, 'out', 'bench');
