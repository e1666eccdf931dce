import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { lazy } from '../../core/lazy';
import { AnswerStreamFilter } from '../../core/answer/answerStreamFilter';
import {
  DEFAULT_DESIGN_DOCS_FOLDER,
  designDocsFolderSegments,
  missingDesignSections,
  missingSectionsWarning,
} from '../../core/design/designDoc';
import { classifyError, emptyAnswerMessage, errorMessage, noModelMessage } from '../../core/errors/classifyError';
import { sourceFromEditor } from '../context/gatherContext';
import { DocumentAppender } from '../design/documentAppender';
import { saveDesignDoc } from '../design/saveDesignDoc';
import { t } from '../l10n';
import { answerWithTools } from '../chat/answerWithTools';
import { chooseModel, errorFacts, modelId, modelLabel } from '../model/languageModel';
import { prepareRequest } from '../model/prepareRequest';
import { RequestRecord } from '../model/requestRecord';
import { type PersonaStore } from '../personas/personaStore';
import { protectionFor, readSettings } from '../settings';

export const GENERATE_DESIGN_DOC_COMMAND = 'architect.generateDesignDoc';
/** Behind the "Save as design doc" button under a `/design` answer; not in the palette. */
export const SAVE_DESIGN_DOC_COMMAND = 'architect.saveDesignDoc';

const MAX_DESCRIPTION = 500;

const automationArgs = lazy(() =>
  z.object({
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_DESCRIPTION)),
    includeActiveEditor: z.optional(z.boolean()),
    modelSelector: z.optional(z.object({ vendor: z.optional(z.string()), id: z.optional(z.string()), family: z.optional(z.string()) })),
  }),
);
type DesignDocRequest = z.infer<ReturnType<typeof automationArgs>> & { readonly automated: boolean };

const saveArgs = lazy(() => z.object({ description: z.string(), text: z.string().check(z.minLength(1)) }));

export interface DesignDocDeps {
  readonly log: vscode.LogOutputChannel;
  readonly personas: PersonaStore;
}

export function registerDesignDocCommands(context: vscode.ExtensionContext, deps: DesignDocDeps): void {
  const safely =
    <T>(name: string, run: (args: unknown) => Promise<T | undefined>) =>
    async (args?: unknown): Promise<T | undefined> => {
      try {
        return await run(args);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.error(`${name}: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
        void vscode.window.showErrorMessage(t('{0} failed: {1}', name, reason));
        return undefined;
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      GENERATE_DESIGN_DOC_COMMAND,
      safely(t('Generate Design Doc'), (args) => generateDesignDoc(args, deps)),
    ),
    vscode.commands.registerCommand(SAVE_DESIGN_DOC_COMMAND, safely(t('Save as design doc'), saveFromChat)),
  );
}

/**
 * Architect: Generate Design Doc. Streams the document live into an untitled editor under a cancellable
 * progress notification; on success saves it under the docs folder and returns its `Uri`. On cancel or
 * error nothing is written and the partial text stays in the unsaved editor.
 */
async function generateDesignDoc(rawArgs: unknown, deps: DesignDocDeps): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const request = await askWhatToDesign(rawArgs, editor !== undefined);
  if (!request) return undefined;
  const folder = await chooseFolder(request.automated);
  if (folder === null) return undefined;

  const settings = readSettings(folder?.uri);
  const active = await deps.personas.active(folder?.uri);
  const choice = await chooseModel(request.modelSelector, settings.model, active.persona.models);
  if (choice.kind === 'none') {
    void vscode.window.showErrorMessage(noModelMessage(t));
    return undefined;
  }
  if (choice.kind === 'unknown') {
    void vscode.window.showErrorMessage(
      t('No language model matches {0}. Pick one of the installed chat models (or clear architect.model).', choice.wanted),
    );
    return undefined;
  }
  const model = choice.model;
  const sources = request.includeActiveEditor && editor ? [await sourceFromEditor(editor)] : [];

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Architect: writing the design doc'), cancellable: true },
    async (progress, token) => {
      const record = new RequestRecord({ command: 'design-doc', model: modelId(model), maxInputTokens: model.maxInputTokens });
      const prepared = await prepareRequest(
        {
          command: 'design',
          question: request.description,
          persona: active.persona,
          sources,
          history: [],
          ...protectionFor(sources.flatMap((source) => (source.uri === undefined ? [] : [vscode.Uri.parse(source.uri)]))),
        },
        model,
        token,
      );
      const plan = prepared.plan;
      if (plan.tooLarge !== undefined) {
        void vscode.window.showErrorMessage(plan.tooLarge);
        return undefined;
      }
      // What was left out, cut or redacted is said to the user, as the chat says it at the top of an answer.
      const notes = [active.warning, ...plan.notes].filter((note): note is string => note !== undefined);
      if (notes.length > 0) void vscode.window.showWarningMessage(`Architect: ${notes.join(' ')}`);

      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(document, { preview: false });
      const appender = new DocumentAppender(document);
      const filter = new AnswerStreamFilter();
      record.contextBuilt();
      const log = (outcome: string) => deps.log.info(record.line(prepared, active.persona.id, outcome));
      let text = '';
      const show = (out: string) => {
        appender.append(out);
        text += out;
      };

      progress.report({ message: t('asking {0}…', modelLabel(model)) });
      try {
        // The same streaming path as the chat, without tools: a design starts from the description.
        await answerWithTools({
          model,
          messages: plan.messages,
          tools: [],
          maxRounds: 0,
          budgetTokens: plan.budgetTokens,
          estimatedTokens: plan.estimatedTokens,
          justification: t('Architect writes a design document with this model.'),
          token,
          onRequestSent: () => record.requestSent(),
          onText: (chunk) => {
            record.chunk();
            if (record.chunks === 1) progress.report({ message: t('writing…') });
            show(filter.push(chunk));
          },
          onToolRun: () => undefined,
        });
        show(filter.end().rest);
      } catch (error) {
        show(filter.end().rest);
        await appender.drain();
        const facts = errorFacts(error, token);
        const kind = classifyError(facts);
        log(kind);
        const message = errorMessage(kind, modelLabel(model), facts.message, t);
        if (message !== undefined)
          void vscode.window.showErrorMessage(`${message} ${t('Nothing was saved; the partial document stays in the editor.')}`);
        return undefined;
      }
      await appender.drain();
      if (token.isCancellationRequested) {
        log('cancelled');
        return undefined;
      }
      if (text.trim() === '') {
        log('empty');
        void vscode.window.showErrorMessage(emptyAnswerMessage(modelLabel(model), t));
        return undefined;
      }
      const missing = missingDesignSections(text);
      if (missing.length > 0) void vscode.window.showWarningMessage(missingSectionsWarning(missing, t));
      if (!folder) {
        log('ok-untitled');
        return document.uri;
      }
      if (designDocsFolderSegments(settings.designDocsFolder).fellBack) {
        void vscode.window.showWarningMessage(
          t(
            'architect.designDocs.folder ("{0}") leaves the workspace folder; the design doc was saved under {1} instead.',
            settings.designDocsFolder,
            DEFAULT_DESIGN_DOCS_FOLDER,
          ),
        );
      }
      const saved = await saveDesignDoc(folder.uri, settings.designDocsFolder, request.description, text);
      await showSavedInsteadOf(document, saved);
      log('ok');
      deps.log.info(`design doc: saved ${vscode.workspace.asRelativePath(saved)}`);
      return saved;
    },
  );
}

async function askWhatToDesign(rawArgs: unknown, hasEditor: boolean): Promise<DesignDocRequest | undefined> {
  if (rawArgs !== undefined && rawArgs !== null) {
    const parsed = automationArgs().safeParse(rawArgs);
    if (!parsed.success) {
      void vscode.window.showErrorMessage(
        t('Generate Design Doc was called with invalid arguments: it takes {description, includeActiveEditor?, modelSelector?}.'),
      );
      return undefined;
    }
    return { ...parsed.data, automated: true };
  }
  const description = await vscode.window.showInputBox({
    title: t('Architect: Generate Design Doc'),
    prompt: t('What should be designed?'),
    placeHolder: t('REST API for managing projects'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return t('Describe what to design, in a few words.');
      if (value.length > MAX_DESCRIPTION) return t('Keep it under {0} characters; details go in the chat.', MAX_DESCRIPTION);
      return undefined;
    },
  });
  if (description === undefined) return undefined;
  let includeActiveEditor = false;
  if (hasEditor) {
    const yes = t('Yes, base it on the active editor');
    const no = t('No, start from the description');
    const picked = await vscode.window.showQuickPick([yes, no], { title: t('Use the active editor as context?'), ignoreFocusOut: true });
    if (picked === undefined) return undefined;
    includeActiveEditor = picked === yes;
  }
  return { description: description.trim(), includeActiveEditor, automated: false };
}

/** The first folder, a pick in multi-root (RELIABILITY R31), undefined with no folder, null when dismissed. */
async function chooseFolder(automated: boolean): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1 || automated) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: t('Which folder should the design doc go in?'),
    ignoreFocusOut: true,
  });
  return picked ?? null;
}

/**
 * Closes the untitled buffer the document was streamed into (its text is saved now), without a save
 * prompt, and shows the saved file in its place.
 */
async function showSavedInsteadOf(untitled: vscode.TextDocument, saved: vscode.Uri): Promise<void> {
  if (!untitled.isClosed) {
    await vscode.window.showTextDocument(untitled, { preview: false });
    if (vscode.window.activeTextEditor?.document === untitled)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(saved), { preview: false });
}

/** The button under a `/design` answer: the same save path as the command. */
async function saveFromChat(rawArgs: unknown): Promise<vscode.Uri | undefined> {
  const parsed = saveArgs().safeParse(rawArgs);
  if (!parsed.success) return undefined;
  const folder = await chooseFolder(false);
  if (folder === null) return undefined;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: parsed.data.text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const saved = await saveDesignDoc(
    folder.uri,
    readSettings(folder.uri).designDocsFolder,
    parsed.data.description || 'design',
    parsed.data.text,
  );
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(saved), { preview: false });
  return saved;
}
