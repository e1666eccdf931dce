import { english, type Translate } from '../i18n';

export type ModelErrorKind = 'cancelled' | 'noPermissions' | 'blocked' | 'rateLimited' | 'notFound' | 'tooLarge' | 'offline' | 'unknown';

/** What the adapter knows of a thrown error, as plain data. */
export interface ErrorFacts {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  /** The request's cancellation token had fired: nothing is reported, whatever was thrown. */
  readonly cancelled?: boolean;
}

export function classifyError(facts: ErrorFacts): ModelErrorKind {
  const code = facts.code ?? '';
  const text = `${facts.name ?? ''} ${code} ${facts.message ?? ''}`.toLowerCase();
  if (facts.cancelled || facts.name === 'Canceled' || code === 'Canceled') return 'cancelled';
  if (code === 'NoPermissions' || /no ?permissions|consent/.test(text)) return 'noPermissions';
  if (/rate.?limit|quota|too many requests|\b429\b|exhausted/.test(text)) return 'rateLimited';
  if (code === 'Blocked' || /\bblocked\b/.test(text)) return 'blocked';
  // Before "not found": a DNS failure (ENOTFOUND) is the network, not a missing model.
  if (/network|offline|econn|enotfound|etimedout|fetch failed/.test(text)) return 'offline';
  if (code === 'NotFound' || /\bnot ?found\b|not supported|unsupported model|no such model/.test(text)) return 'notFound';
  if (/too large|too long|context length|maximum context|prompt is too|token limit|exceeds/.test(text)) return 'tooLarge';
  return 'unknown';
}

/** A message a person can act on; no stack traces, nothing of the prompt. Undefined for cancellation. */
export function errorMessage(
  kind: ModelErrorKind,
  modelName: string,
  detail: string | undefined,
  t: Translate = english,
): string | undefined {
  switch (kind) {
    case 'cancelled':
      return undefined;
    case 'noPermissions':
      return t(
        'Architect may not use {0} yet: language model access needs your consent. Run the request again and choose Allow when VS Code asks.',
        modelName,
      );
    case 'blocked':
      return t('{0} refused this request (blocked by the provider or a policy). Try again later, or choose another model.', modelName);
    case 'rateLimited':
      return t('{0} is rate-limited or out of quota right now. Try again in a few minutes, or choose another model.', modelName);
    case 'notFound':
      return t(
        "The model {0} was not found or does not support this request. Choose another model in the chat's model picker (or set architect.model).",
        modelName,
      );
    case 'tooLarge':
      return t(
        'The request is too large for {0}. Attach less code (select the handler you care about), or choose a model with a larger context window.',
        modelName,
      );
    case 'offline':
      return t('Could not reach {0}: check your network connection and try again.', modelName);
    default:
      return detail && detail.trim() !== ''
        ? t('{0} failed: {1}', modelName, firstLine(detail))
        : t('{0} failed without saying why. Try again.', modelName);
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

export function noModelMessage(t: Translate = english): string {
  return t(
    'No language model is available. Install and sign in to GitHub Copilot (or another extension that provides chat models), then pick a model in the chat view or set architect.model.',
  );
}

export function emptyAnswerMessage(modelName: string, t: Translate = english): string {
  return t('{0} sent no answer. Try again, or choose another model.', modelName);
}
