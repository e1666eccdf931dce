/**
 * Reads the parts of a persona's markdown that tasks build on: its security checklist, its output
 * format, its diagnostic approach. Personas are free-form, so every reader returns undefined when the
 * part is absent and the task falls back to its own wording.
 */

interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

function headings(lines: readonly string[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch?.[1]) {
      if (fence === undefined) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) found.push({ line: index, level: match[1].length, text: match[2] });
  });
  return found;
}

/** The text under the first heading matching `title`, up to the next heading of the same or a higher level. */
export function sectionText(body: string, title: RegExp): string | undefined {
  const lines = body.split('\n');
  const all = headings(lines);
  const start = all.findIndex((heading) => title.test(heading.text));
  const heading = all[start];
  if (!heading) return undefined;
  const next = all.slice(start + 1).find((other) => other.level <= heading.level);
  const text = lines
    .slice(heading.line + 1, next ? next.line : lines.length)
    .join('\n')
    .trim();
  return text === '' ? undefined : text;
}

/** The items of the persona's security checklist ("- [ ] Input validation ..."). */
export function securityChecklist(body: string): string[] | undefined {
  const section = sectionText(body, /security checklist/i);
  if (!section) return undefined;
  const items = section
    .split('\n')
    .map((line) => /^\s*[-*]\s+(?:\[[ xX]\]\s+)?(.+)$/.exec(line)?.[1]?.trim())
    .filter((item): item is string => item !== undefined && item !== '');
  return items.length > 0 ? items : undefined;
}

/** The numbered steps after "diagnostic approach" (the shipped persona keeps them in an example answer). */
export function diagnosticSteps(body: string): string[] | undefined {
  const lines = body.split('\n');
  const start = lines.findIndex((line) => /diagnostic approach/i.test(line));
  if (start === -1) return undefined;
  const steps: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^[>\s]*\d+[.)]\s+(.+)$/.exec(line)?.[1];
    // The list ends at the first line after it that is not a step, blank or not.
    if (item) steps.push(item.trim());
    else if (steps.length > 0) break;
  }
  return steps.length > 0 ? steps : undefined;
}

/** Whether the persona defines an output format of its own (a heading named "Output Format"). */
export function hasOutputFormat(body: string): boolean {
  return sectionText(body, /output format/i) !== undefined;
}
