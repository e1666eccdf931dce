import { evidencePattern } from './evidence';
import { type Finding } from './parseFindings';
import { type FileLines, type Occurrence, searchAll, ShownCode } from './shownCode';
import { isShown, linesOf, type LineRange, type ShownLines } from './shownLines';

/**
 * Characters of shown code searched, in one answer, for evidence that is not at its cited lines. The
 * search at the cited lines costs only those lines; a whole-file search is for a finding whose lines the
 * model miscounted. Past this budget such findings are left out instead of searched: a reply of 200
 * findings cannot make the search cost 200 times the shown code.
 */
export const MAX_RELOCATION_SEARCH_CHARS = 20_000_000;

export interface Grounding {
  /** The findings that stand on shown code, some moved to the lines where their evidence is. */
  readonly grounded: readonly Finding[];
  /** Findings left out: on code the model was not shown, or with evidence the shown code does not hold. */
  readonly ungrounded: number;
  readonly moved: number;
  /** Character comparisons the evidence searches made: the work done, for tests and the log. */
  readonly searched: number;
}

type Verdict = { readonly kind: 'stands' } | { readonly kind: 'moved'; readonly to: Occurrence } | { readonly kind: 'left-out' };

/**
 * Keeps the findings that stand on code the model was shown. A finding's lines must lie inside what was
 * shown of its file. With evidence, the evidence must occur (whitespace aside) in the shown code of that
 * file: at the cited lines, the finding stands; exactly once elsewhere, it moves there (models miscount
 * lines); nowhere, or several times and never at the cited lines, it is left out. `files` are the files'
 * lines as the edge reads them; evidence in a file it could not read cannot be checked and is left out.
 */
export function groundFindings(findings: readonly Finding[], shown: ShownLines, files: ReadonlyMap<string, FileLines>): Grounding {
  const codes = new Map<string, ShownCode | undefined>();
  const codeOf = (key: string): ShownCode | undefined => {
    if (!codes.has(key)) {
      const file = files.get(key);
      codes.set(key, file ? ShownCode.of(sortedRanges(shown.get(key) ?? []), file) : undefined);
    }
    return codes.get(key);
  };
  const grounded: Finding[] = [];
  let moved = 0;
  const budget = { left: MAX_RELOCATION_SEARCH_CHARS, searched: 0 };
  for (const finding of findings) {
    const key = finding.piece.key;
    if (!isShown(shown, key, linesOf(finding))) continue;
    const ranges = shown.get(key) ?? [];
    const verdict =
      finding.evidence === undefined ? { kind: 'stands' as const } : verdictOf(finding, finding.evidence, codeOf(key), budget);
    if (verdict.kind === 'left-out') continue;
    if (verdict.kind === 'moved') moved++;
    grounded.push(verdict.kind === 'moved' ? movedFinding(finding, verdict.to, ranges) : { ...finding, shown: ranges });
  }
  return { grounded, ungrounded: findings.length - grounded.length, moved, searched: budget.searched };
}

function verdictOf(finding: Finding, evidence: string, code: ShownCode | undefined, budget: { left: number; searched: number }): Verdict {
  const pattern = evidencePattern(evidence);
  // Evidence of nothing but whitespace or placeholders says nothing: the finding stands on its lines.
  if (pattern === undefined) return { kind: 'stands' };
  if (code === undefined) return { kind: 'left-out' };
  // At the cited lines: an occurrence that overlaps them starts at most one pattern before them.
  const cited = code.span(linesOf(finding));
  let atCited = false;
  const near = { from: Math.max(0, cited.from - pattern.length + 1), to: Math.min(code.text.length, cited.to + pattern.length - 1) };
  budget.searched += searchAll(code.text, pattern, near.from, near.to, (start) => {
    atCited = start < cited.to && start + pattern.length > cited.from;
    return atCited;
  });
  if (atCited) return { kind: 'stands' };
  if (budget.left < code.text.length) return { kind: 'left-out' };
  budget.left -= code.text.length;
  const found: number[] = [];
  budget.searched += searchAll(code.text, pattern, 0, code.text.length, (start) => found.push(start) > 1);
  const only = found.length === 1 ? found[0] : undefined;
  return only === undefined ? { kind: 'left-out' } : { kind: 'moved', to: code.occurrence(only, pattern.length) };
}

/**
 * The finding on the lines of its evidence. Its replacement was written for the lines it cited: it is
 * kept only when the move is a shift (the same number of lines), which is what a miscount is.
 */
function movedFinding(finding: Finding, to: Occurrence, ranges: readonly LineRange[]): Finding {
  const { replacement, ...rest } = finding;
  const shift = to.endLine - to.startLine === finding.endLine - finding.line;
  return {
    ...rest,
    line: to.startLine,
    endLine: to.endLine,
    ...(shift && replacement !== undefined ? { replacement } : {}),
    shown: ranges,
  };
}

function sortedRanges(ranges: readonly LineRange[]): LineRange[] {
  return [...ranges].sort((a, b) => a.startLine - b.startLine);
}
