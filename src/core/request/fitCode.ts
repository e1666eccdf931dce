import { estimateMessagesTokens, shrunkCodeBudget, WINDOW_ATTEMPTS } from '../budget/budgetPolicy';
import { shareBudget } from '../budget/shareBudget';
import { type LineIndex } from '../context/lineIndex';
import { linePrefixWidth, windowText, type CodeWindow } from '../context/window';
import { type Translate } from '../i18n';
import { type PromptMessage } from '../prompt/assemble';
import { renderPiece, type RenderedPiece } from '../prompt/renderPiece';
import { secretsNear } from '../redact/secretsNear';
import { originOf } from '../redact/textFormat';
import { type TextSource } from './screenSources';

export interface FitInput {
  readonly usable: readonly TextSource[];
  readonly indexes: readonly LineIndex[];
  readonly wholeChars: readonly number[];
  /** Whole pieces fit: the first attempt sends every file whole. */
  readonly codeFits: boolean;
  readonly codeBudgetChars: number;
  readonly budgetTokens: number;
  readonly charsPerToken: number;
  readonly redactSecrets: boolean;
  /** Builds the messages around the rendered pieces: persona and task first, the question last. */
  readonly frame: (pieces: readonly string[]) => PromptMessage[];
  readonly t: Translate;
}

export interface FittedCode {
  readonly windows: readonly CodeWindow[];
  readonly rendered: readonly RenderedPiece[];
  readonly messages: readonly PromptMessage[];
  readonly estimatedTokens: number;
}

/** The rendered length of a whole file, line numbers included. */
export function renderedLength(text: string, index: LineIndex): number {
  return text.length + index.lineCount * (linePrefixWidth(index.lineCount) + 1);
}

/**
 * Windows and renders the attached code within the budget. Placeholders and visible markers (a hidden
 * character becomes ten) can make the code longer than its raw size: then the code budget shrinks by
 * the measured ratio and the code is windowed again.
 */
export async function fitCode(input: FitInput): Promise<FittedCode> {
  let budgetChars = input.codeBudgetChars;
  let fitted: FittedCode = { windows: [], rendered: [], messages: [], estimatedTokens: 0 };
  for (let attempt = 0; attempt < WINDOW_ATTEMPTS; attempt++) {
    const shares = input.codeFits && attempt === 0 ? input.wholeChars : shareBudget(input.wholeChars, budgetChars);
    fitted = await renderWithin(input, shares);
    if (fitted.estimatedTokens <= input.budgetTokens) break;
    const codeTokens = estimateMessagesTokens(
      fitted.rendered.map((piece) => piece.text),
      input.charsPerToken,
    );
    const allowedCodeTokens = Math.max(0, input.budgetTokens - (fitted.estimatedTokens - codeTokens));
    const planned = Math.min(
      budgetChars,
      shares.reduce((sum, share) => sum + share, 0),
    );
    budgetChars = shrunkCodeBudget(planned, allowedCodeTokens, codeTokens);
  }
  return fitted;
}

async function renderWithin(input: FitInput, shares: readonly number[]): Promise<FittedCode> {
  const windows = input.usable.map((source, index) =>
    windowText(source.content.text, source.focus, shares[index] ?? 0, input.indexes[index]),
  );
  const rendered = await Promise.all(
    input.usable.map(async (source, index) => {
      const window = windows[index] as CodeWindow;
      const secrets = input.redactSecrets ? await secretsNear(source.content.text, window, originOf(source)) : [];
      return renderPiece(source, window, secrets, input.t);
    }),
  );
  const pieceTexts = rendered.filter((_, index) => (windows[index]?.lines.length ?? 0) > 0).map((piece) => piece.text);
  const messages = input.frame(pieceTexts);
  const estimatedTokens = estimateMessagesTokens(
    messages.map((message) => message.text),
    input.charsPerToken,
  );
  return { windows, rendered, messages, estimatedTokens };
}
