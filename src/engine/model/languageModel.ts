import * as vscode from 'vscode';
import { type ErrorFacts } from '../../core/errors/classifyError';
import { definedOnly } from '../../core/result/definedOnly';
import { type PromptMessage } from '../../core/prompt/assemble';

export function toChatMessages(messages: readonly PromptMessage[]): vscode.LanguageModelChatMessage[] {
  return messages.map((message) =>
    message.role === 'assistant'
      ? vscode.LanguageModelChatMessage.Assistant(message.text)
      : vscode.LanguageModelChatMessage.User(message.text),
  );
}

export function modelLabel(model: vscode.LanguageModelChat): string {
  return model.name || `${model.vendor}/${model.id}`;
}

export function modelId(model: vscode.LanguageModelChat): string {
  return `${model.vendor}/${model.id}`;
}

const COUNT_TIMEOUT_MS = 2000;

/**
 * One exact token count, or undefined when the provider throws, hangs or the request is cancelled:
 * the estimate is used then and the request still goes (RELIABILITY R21).
 */
export async function countTokensOnce(
  model: vscode.LanguageModelChat,
  text: string,
  token: vscode.CancellationToken,
): Promise<number | undefined> {
  const source = new vscode.CancellationTokenSource();
  const forward = token.onCancellationRequested(() => source.cancel());
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        source.cancel();
        resolve(undefined);
      }, COUNT_TIMEOUT_MS);
    });
    const counted = await Promise.race([Promise.resolve(model.countTokens(text, source.token)), timeout]);
    return typeof counted === 'number' && Number.isFinite(counted) && counted > 0 ? counted : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    forward.dispose();
    source.dispose();
  }
}

export type ModelChoice =
  | { readonly kind: 'found'; readonly model: vscode.LanguageModelChat }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly wanted: string };

/**
 * The model for work outside the chat view: the caller's selector (an unknown one is an error, not a
 * silent substitute), else `architect.model` ("family" or "vendor/id"), else the persona's preferred
 * models, else the first available.
 */
export async function chooseModel(
  selector: vscode.LanguageModelChatSelector | undefined,
  setting: string,
  personaModels: readonly string[],
): Promise<ModelChoice> {
  if (selector) {
    const [model] = await vscode.lm.selectChatModels(selector);
    return model ? { kind: 'found', model } : { kind: 'unknown', wanted: JSON.stringify(selector) };
  }
  for (const wanted of [setting, ...personaModels].map((item) => item.trim()).filter((item) => item !== '')) {
    const slash = wanted.indexOf('/');
    const query: vscode.LanguageModelChatSelector =
      slash > 0 ? { vendor: wanted.slice(0, slash), id: wanted.slice(slash + 1) } : { family: wanted };
    const [model] = await vscode.lm.selectChatModels(query);
    if (model) return { kind: 'found', model };
    if (slash <= 0) {
      const [byId] = await vscode.lm.selectChatModels({ id: wanted });
      if (byId) return { kind: 'found', model: byId };
    }
  }
  const [first] = await vscode.lm.selectChatModels();
  return first ? { kind: 'found', model: first } : { kind: 'none' };
}

export function errorFacts(error: unknown, token: vscode.CancellationToken): ErrorFacts {
  const value = error as { name?: unknown; code?: unknown; message?: unknown } | undefined;
  const text = (field: unknown) => (typeof field === 'string' ? field : undefined);
  return definedOnly({
    name: text(value?.name),
    code: text(value?.code),
    message: text(value?.message) ?? (typeof error === 'string' ? error : undefined),
    cancelled: token.isCancellationRequested || error instanceof vscode.CancellationError,
  });
}

/**
 * Whether to offer tools to a model. `capabilities` is not in the 1.104 API types but recent VS Code
 * sets it; when it is absent we offer tools and the model may ignore them.
 */
export function supportsToolCalling(model: vscode.LanguageModelChat): boolean {
  const capabilities = (model as unknown as { capabilities?: { supportsToolCalling?: unknown } }).capabilities;
  return capabilities?.supportsToolCalling !== false;
}
