import { english, type Translate } from '../i18n';

/**
 * What `architect_review` is about to review, in words, from its raw input: "2 files", "the staged
 * changes". Also shown by VS Code while the tool runs, before the engine (and its validation) loads, so
 * it reads the input defensively and never names more than a short, plain path.
 */
const PLAIN_NAME = /^[A-Za-z0-9._/@-]{1,80}$/;

export function reviewSubject(input: unknown, t: Translate = english): string {
  const value = (typeof input === 'object' && input !== null ? input : {}) as { paths?: unknown; changes?: unknown };
  const changes = typeof value.changes === 'string' ? value.changes.trim() : '';
  if (changes === 'uncommitted') return t('the uncommitted changes');
  if (changes === 'staged') return t('the staged changes');
  if (changes !== '') return PLAIN_NAME.test(changes) ? t('the changes since {0}', changes) : t('the changes since a ref');
  const paths = Array.isArray(value.paths) ? value.paths.filter((path): path is string => typeof path === 'string') : [];
  if (paths.length > 1) return t('{0} files', paths.length);
  const [only] = paths;
  if (only === undefined) return t("the active editor's file");
  return PLAIN_NAME.test(only) ? only : t('1 file');
}

/** The message VS Code shows while the tool runs. */
export function reviewInvocationMessage(input: unknown, t: Translate = english): string {
  return t('Architect is reviewing {0}', reviewSubject(input, t));
}
