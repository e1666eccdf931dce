import { markdownName } from '../protect/inertName';

/**
 * Notes for the top of an answer as one markdown quote. Notes are plain text that names files from the
 * repository, so each is shown as inert markdown on a line of its own: no name can open a fence, a
 * link, an image or a tag in the chat, and no name can end the quote.
 */
export function notesMarkdown(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return lines.map((line) => `> ${markdownName(line, Number.POSITIVE_INFINITY)}`).join('\n>\n') + '\n\n';
}
