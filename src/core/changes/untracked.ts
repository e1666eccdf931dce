import { type DiffFile, type DiffLine } from './diffModel';

/**
 * An untracked file, which no diff of git's covers, as an added file: every line added, numbered
 * from 1. A final line break does not make an extra empty line.
 */
export function untrackedFile(path: string, text: string): DiffFile {
  const rows = text.split(/\r?\n/);
  if (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  const lines: DiffLine[] = rows.map((row, index) => ({ kind: 'add', newLine: index + 1, text: row }));
  return {
    path,
    status: 'added',
    binary: false,
    hunks: lines.length === 0 ? [] : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, lines }],
    added: lines.length,
    removed: 0,
  };
}
