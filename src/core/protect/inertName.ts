import { revealHiddenCharacters } from '../context/hiddenChars';

/**
 * Names come from places an attacker controls: file names in a repository or a diff, instruction file
 * names, the `file` of a model's finding. Before a name reaches a note, a header, a link or SARIF it
 * becomes inert text on one line: every line break a renderer or a model could honour (LF, CR, VT, FF,
 * NEL, U+2028/2029), every other control character and every hidden character is shown as a marker, by
 * the same definition the prompt uses for code (`hiddenChars.ts`), and the length is bounded.
 */
const MAX_NAME_LENGTH = 300;

export function inertName(name: string, maxLength = MAX_NAME_LENGTH): string {
  const bounded = name.length > maxLength ? `${name.slice(0, cutBefore(name, maxLength))}…` : name;
  return revealHiddenCharacters(bounded, 'name').text;
}

/** Where to cut: never between the two halves of a surrogate pair. */
function cutBefore(name: string, maxLength: number): number {
  const last = name.charCodeAt(maxLength - 1);
  return last >= 0xd800 && last <= 0xdbff ? maxLength - 1 : maxLength;
}

// Characters that open markdown or HTML syntax in a rendered line; ':' and '@' start autolinks
// (`https://…`, `a@b.c`), and '$' math where the chat renders it.
const MARKDOWN_ACTIVE = /[\\`*_[\]()<>!#|~&{}+=.:@$-]/g;

/** `inertName` for a markdown line: also escapes every character that could open a link, image, fence or tag. */
export function markdownName(name: string, maxLength = MAX_NAME_LENGTH): string {
  return inertName(name, maxLength).replace(MARKDOWN_ACTIVE, (character) => `\\${character}`);
}

/**
 * A VS Code notification renders `[label](https:…)` and `[label](command:…)` as a link, and nothing else
 * as markdown (a backslash would show as it is). Text for one keeps every `](` apart.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}

/** `inertName` for a notification: one line, and no link it could open. */
export function messageName(name: string, maxLength = MAX_NAME_LENGTH): string {
  return notificationText(inertName(name, maxLength));
}
