import { english, type Translate } from '../i18n';
import { globComplexity, type GlobComplexity } from './globComplexity';
import { GLOB_LIMITS as limits } from './globLimits';

/**
 * Why a glob from a workspace or a setting is refused before it is compiled. Besides the limits, two
 * kinds of pattern would silently match nothing in our dialect (VS Code's), which has neither:
 * extglobs (`*.@(pem|key)`, `+(a)`) and a leading `!` (gitignore's negation). In `architect.exclude`
 * such a pattern would leave the files it names unprotected while the user thinks they are excluded.
 */
export type GlobRefusal = GlobComplexity | 'extglob' | 'negation';

const EXTGLOB_MARKS = new Set(['@', '!', '+', '*', '?']);

export function globRefusal(glob: string): GlobRefusal | undefined {
  const complexity = globComplexity(glob);
  if (complexity !== undefined) return complexity;
  if (glob.startsWith('!')) return 'negation';
  return hasExtglob(glob) ? 'extglob' : undefined;
}

/** `@(`, `!(`, `+(`, `*(` or `?(` not escaped: an escaped `\(` is an ordinary parenthesis. */
function hasExtglob(glob: string): boolean {
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] ?? '';
    if (char === '\\') at++;
    else if (EXTGLOB_MARKS.has(char) && glob[at + 1] === '(') return true;
  }
  return false;
}

/** The reason, as a clause for a note: "… was refused: {reason}". */
export function globRefusalReason(refusal: GlobRefusal, t: Translate = english): string {
  switch (refusal) {
    case 'too-long':
      return t('it is longer than {0} characters', limits.maxLength);
    case 'too-many-wildcards':
      return t('it has more than {0} wildcards (* or ?)', limits.maxWildcards);
    case 'too-many-braces':
      return t('it has more than {0} {…} groups, or groups nested more than {1} deep', limits.maxBraces, limits.maxBraceDepth);
    case 'extglob':
      return t('extglob syntax such as @(…) or +(…) is not supported (escape a parenthesis as \\( to match it)');
    case 'negation':
      return t('a leading ! (negation) is not supported');
  }
}
