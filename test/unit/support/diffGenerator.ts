/**
 * A tiny unified-diff writer for tests: given the lines of an edit (kept, removed, added, in order), it
 * writes what `git diff` would, with 3 lines of context and hunks split where changes are far apart.
 */
export type Edit = { readonly kind: 'keep' | 'del' | 'add'; readonly text: string };

const CONTEXT = 3;

export function writeUnifiedDiff(path: string, edits: readonly Edit[]): string {
  const changed = edits.map((edit) => edit.kind !== 'keep');
  const near = edits.map((_, index) => changed.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some(Boolean));
  const out = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  let oldLine = 1;
  let newLine = 1;
  let index = 0;
  while (index < edits.length) {
    if (!near[index]) {
      if (edits[index]?.kind === 'keep') {
        oldLine++;
        newLine++;
      }
      index++;
      continue;
    }
    const start = index;
    while (index < edits.length && near[index]) index++;
    const hunk = edits.slice(start, index);
    const oldCount = hunk.filter((edit) => edit.kind !== 'add').length;
    const newCount = hunk.filter((edit) => edit.kind !== 'del').length;
    const oldFrom = oldCount === 0 ? oldLine - 1 : oldLine;
    const newFrom = newCount === 0 ? newLine - 1 : newLine;
    out.push(`@@ -${oldFrom},${oldCount} +${newFrom},${newCount} @@`);
    for (const edit of hunk) out.push(`${edit.kind === 'keep' ? ' ' : edit.kind === 'del' ? '-' : '+'}${edit.text}`);
    oldLine += oldCount;
    newLine += newCount;
  }
  return out.join('\n') + '\n';
}
