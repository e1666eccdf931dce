import parseDiffText from 'parse-diff';
import { type DiffHunk, type DiffLine } from '../../../src/core/changes/diffModel';

/**
 * The hunks of a file's section as parse-diff reads the whole section: how parseUnifiedDiff read them
 * before it read them itself (src/core/changes/readHunks.ts), kept as the reference it must agree with.
 */
export function hunksByParseDiff(section: string): DiffHunk[] {
  return (parseDiffText(section)[0]?.chunks ?? []).map(toHunk);
}

function toHunk(chunk: parseDiffText.Chunk): DiffHunk {
  const lines: DiffLine[] = [];
  let nextNew = chunk.newStart;
  for (const change of chunk.changes) {
    // parse-diff repeats the previous change for a "\ No newline at end of file" marker.
    if (change.content.startsWith('\\')) continue;
    const text = change.content.slice(1).replace(/\r$/, '');
    if (change.type === 'add') lines.push({ kind: 'add', newLine: nextNew++, text });
    else if (change.type === 'normal') lines.push({ kind: 'context', newLine: nextNew++, text });
    else lines.push({ kind: 'del', beforeLine: Math.max(1, nextNew), text });
  }
  return { oldStart: chunk.oldStart, oldLines: chunk.oldLines, newStart: chunk.newStart, newLines: chunk.newLines, lines };
}
