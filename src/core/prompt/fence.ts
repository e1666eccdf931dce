/**
 * A code fence longer than any run of backticks inside the text, so nothing in attached code can close
 * the fence and talk outside it (RELIABILITY R02). Tildes cannot close a backtick fence.
 */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Wraps text in a fence that it cannot close. The info string is reduced to safe characters. */
export function fenced(text: string, info = ''): string {
  const fence = fenceFor(text);
  const safeInfo = info.replace(/[^\w.+#-]/g, '');
  return `${fence}${safeInfo}\n${text}\n${fence}`;
}
