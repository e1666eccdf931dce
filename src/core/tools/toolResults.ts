import { type AttachedSource } from '../context/attachment';
import { excludingPattern } from '../context/exclude';
import { looksBinary } from '../context/decode';
import { revealHiddenCharacters } from '../context/hiddenChars';
import { rangeWindow } from '../context/window';
import { english, groupDigits, type Translate } from '../i18n';
import { oneLine, renderPiece } from '../prompt/renderPiece';
import { redactText } from '../redact/findSecrets';
import { secretsNear } from '../redact/secretsNear';
import { originOf } from '../redact/textFormat';
import { accessRefusalReason, type RefusedAccess } from '../protect/modelAccess';
import { sentPiece, type SentPiece } from '../request/plan';
import { clampReadRange, type ReadFileInput } from './toolSchemas';

/**
 * What the tools hand the model goes through the same protection as attachments: exclusions, binary
 * refusal, secret redaction, hidden characters made visible, size limits. No tool can give the model
 * what an attachment could not.
 */
export interface ProtectionSettings {
  readonly exclude: readonly string[];
  readonly redactSecrets: boolean;
  readonly t?: Translate;
}

export interface ToolOutput {
  readonly text: string;
  /** The lines the model now knows, so findings may land on them. */
  readonly sent?: SentPiece;
  readonly redactions: number;
}

/** A result that carries no code, so nothing in it was redacted. */
export function textOnly(text: string): ToolOutput {
  return { text, redactions: 0 };
}

const MAX_LINE_CHARS = 2000;
const MAX_LISTED_LINE_CHARS = 200;
/** How much of a listed line is scanned for secrets: far more than is shown, so a cut never splits one. */
const MAX_SCANNED_LINE_CHARS = 4096;

export function excludedMessage(label: string, pattern: string, t: Translate = english): string {
  return t(
    '{0} is excluded from what Architect sends to models (architect.exclude: "{1}"); it was not read.',
    oneLine(label),
    oneLine(pattern),
  );
}

/** What the model reads when the gate refused a file it named. */
export function refusedFileMessage(label: string, verdict: RefusedAccess, t: Translate = english): string {
  if (verdict.why === 'excluded' && !verdict.throughLink) return excludedMessage(label, verdict.pattern, t);
  return t('{0} was not read: {1}.', oneLine(label), accessRefusalReason(verdict, t));
}

export async function readFileResult(source: AttachedSource, input: ReadFileInput, settings: ProtectionSettings): Promise<ToolOutput> {
  const t = settings.t ?? english;
  const pattern = excludingPattern(source.matchPath, settings.exclude);
  if (pattern !== undefined) return textOnly(excludedMessage(source.label, pattern, t));
  const label = oneLine(source.label);
  if (source.content.kind === 'refused') return textOnly(t('{0} was not read: {1}.', label, source.content.reason));
  if (source.content.kind === 'binary' || (source.content.kind === 'text' && looksBinary(source.content.text))) {
    return textOnly(t('{0} is a binary file; it was not read.', label));
  }
  if (source.content.kind === 'unreadable') return textOnly(t('{0} could not be read: {1}', label, source.content.reason));
  const text = source.content.text;
  const totalLines = text.split('\n').length;
  const range = clampReadRange(input, totalLines);
  const window = rangeWindow(text, range.startLine, range.endLine, MAX_LINE_CHARS);
  const secrets = settings.redactSecrets ? await secretsNear(text, window, originOf(source)) : [];
  const piece = renderPiece({ ...source, focus: undefined }, window, secrets, t);
  const more =
    window.endLine < window.totalLines
      ? `\n${t('(lines {0}-{1} of {2}; ask for the next range to read on)', window.startLine, window.endLine, groupDigits(window.totalLines))}`
      : '';
  return {
    text: piece.text + more,
    redactions: piece.redactions,
    sent: sentPiece(source, window, true),
  };
}

/** `path` is what the model reads (with the folder in multi-root); `matchPath` is matched by the exclusions. */
export interface ListedFile {
  readonly path: string;
  readonly matchPath: string;
}

export function findFilesResult(
  files: readonly ListedFile[],
  pattern: string,
  limitReached: boolean,
  settings: ProtectionSettings,
): ToolOutput {
  const t = settings.t ?? english;
  if (files.length === 0) return textOnly(t('No files match {0}.', oneLine(pattern)));
  const lines = files.map((file) =>
    excludingPattern(file.matchPath, settings.exclude) === undefined
      ? oneLine(file.path)
      : `${oneLine(file.path)} ${t('(excluded: cannot be read)')}`,
  );
  const tail = limitReached ? `\n${t('(more files match; use a narrower pattern)')}` : '';
  return textOnly(`${t('{0} files match {1}:', files.length, oneLine(pattern))}\n${lines.join('\n')}${tail}`);
}

export interface FoundSymbol {
  readonly name: string;
  readonly kind: string;
  readonly path: string;
  readonly matchPath: string;
  readonly line: number;
  readonly container?: string;
}

export function findSymbolResult(symbols: readonly FoundSymbol[], name: string, settings: ProtectionSettings): ToolOutput {
  const t = settings.t ?? english;
  const visible = symbols.filter((symbol) => excludingPattern(symbol.matchPath, settings.exclude) === undefined);
  if (visible.length === 0) return textOnly(t('No definition of {0} was found in the workspace.', name));
  const lines = visible.map((symbol) =>
    oneLine(`${symbol.name} (${symbol.kind}${symbol.container ? ` in ${symbol.container}` : ''}): ${symbol.path}:${symbol.line}`),
  );
  return textOnly(`${t('Definitions of {0}:', name)}\n${lines.join('\n')}`);
}

export interface FoundReference {
  readonly path: string;
  readonly matchPath: string;
  readonly line: number;
  readonly lineText?: string;
}

/** One line per reference, each line's text protected like attached code. */
export async function findReferencesResult(
  references: readonly FoundReference[],
  symbol: string,
  settings: ProtectionSettings,
): Promise<ToolOutput> {
  const t = settings.t ?? english;
  if (references.length === 0) return textOnly(t('No references to {0} were found.', symbol));
  let redactions = 0;
  const lines = await Promise.all(
    references.map(async (reference) => {
      const where = `${oneLine(reference.path)}:${reference.line}`;
      if (excludingPattern(reference.matchPath, settings.exclude) !== undefined) return `${where} ${t('(excluded: not shown)')}`;
      if (reference.lineText === undefined) return where;
      // Redact the line before cutting it: a cut through a secret leaves a piece no rule recognises.
      let text = reference.lineText.trim().slice(0, MAX_SCANNED_LINE_CHARS);
      if (settings.redactSecrets) {
        const redacted = await redactText(text, { path: reference.matchPath });
        redactions += redacted.count;
        text = redacted.text;
      }
      return `${where}: ${revealHiddenCharacters(text.slice(0, MAX_LISTED_LINE_CHARS)).text}`;
    }),
  );
  return { text: `${t('References to {0}:', symbol)}\n${lines.join('\n')}`, redactions };
}
