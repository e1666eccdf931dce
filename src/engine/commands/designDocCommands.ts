import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { INTENTS } from '../../core/intents/intentTable';
import {
  DEFAULT_DESIGN_DOCS_FOLDER,
  designDocsFolderSegments,
  missingDesignSections,
  missingSectionsWarning,
} from '../../core/design/designDoc';
import { noModelMessage } from '../../core/errors/classifyError';
import { lazy } from '../../core/lazy';
import { type ActivePersona } from '../../core/persona/resolvePersonas';
import { sourceFromEditor } from '../context/gatherContext';
import { UriTable } from '../context/uriTable';
import { documentSink } from '../design/documentSink';
import { saveDesignDoc } from '../design/saveDesignDoc';
import { type FindingsDiagnostics } from '../../activation/findings/findingsDiagnostics';
import { type IgnoreStore } from '../findings/ignoreStore';
import { t } from '../../common/l10n';
import { shownPath, tellWritten } from '../tellWritten';
import { chooseModel, modelLabel } from '../model/languageModel';
import { type PersonaStore } from '../../activation/personas/personaStore';
import { runPipeline } from '../pipeline/requestPipeline';
import { readSettings } from '../../common/settings';

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
  readonly findings: FindingsDiagnostics;
  readonly ignores: IgnoreStore;
}

/**
 * Architect: Generate Design Doc. Streams the document live into an untitled editor under a cancellable
 * progress notification; on success saves it under the docs folder and returns its `Uri`. On cancel or
 * error nothing is written and the partial text stays in the unsaved editor.
 */
export async function generateDesignDoc(rawArgs: unknown, deps: DesignDocDeps): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const request = await askWhatToDesign(rawArgs, editor !== undefined);
  if (!request) return undefined;
  const folder = await chooseFolder(request.automated);
  if (folder === null) return undefined;
  const active = await deps.personas.active(folder?.uri);
  const model = await modelFor(request, readSettings(folder?.uri).model, active.persona.models);
  if (!model) return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Architect: writing the design doc'), cancellable: true },
    (progress, token) => writeDesignDoc({ request, folder, active, model, editor, progress, token }, deps),
  );
}

interface DesignDocRun {
  readonly request: DesignDocRequest;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly active: ActivePersona;
  readonly model: vscode.LanguageModelChat;
  readonly editor: vscode.TextEditor | undefined;
  readonly progress: vscode.Progress<{ message?: string }>;
  readonly token: vscode.CancellationToken;
}

/** The shared pipeline with the active editor (if asked for) as context and an editor as sink; then the save. */
async function writeDesignDoc(run: DesignDocRun, deps: DesignDocDeps): Promise<vscode.Uri | undefined> {
  const sink = documentSink(run.progress, modelLabel(run.model));
  const result = await runPipeline(
    {
      spec: INTENTS.designDoc,
      question: run.request.description,
      history: [],
      model: run.model,
      token: run.token,
      justification: t('Architect writes a design document with this model.'),
      gather: async () => {
        const uris = new UriTable();
        const sources = run.request.includeActiveEditor && run.editor ? [await sourceFromEditor(run.editor, uris)] : [];
        return { context: [{ kind: 'attachments', sources }], uris, scope: run.folder?.uri };
      },
      persona: async () => run.active,
    },
    sink,
    deps,
  );
  if (result.metadata.outcome === 'cancelled') return undefined;
  if (result.error !== undefined) {
    const partial = sink.document ? ` ${t('Nothing was saved; the partial document stays in the editor.')}` : '';
    void vscode.window.showErrorMessage(result.error + partial);
    return undefined;
  }
  if (result.metadata.outcome !== 'ok' || !sink.document) return undefined;
  return saveWritten(run, sink.document, result.answer, deps.log);
}

async function saveWritten(
  run: DesignDocRun,
  document: vscode.TextDocument,
  text: string,
  log: vscode.LogOutputChannel,
): Promise<vscode.Uri> {
  const missing = missingDesignSections(text);
  if (missing.length > 0) void vscode.window.showWarningMessage(missingSectionsWarning(missing, t));
  if (!run.folder) return document.uri;
  const docsFolder = readSettings(run.folder.uri).designDocsFolder;
  // A folder Windows would read as something else, or one that leads out through a link: nothing is written (R57).
  const outcome = await saveDesignDoc(run.folder.uri, docsFolder, run.request.description, text);
  if (outcome.kind === 'refused') {
    void vscode.window.showErrorMessage(`${outcome.message} ${t('The document stays in the editor, unsaved.')}`);
    return document.uri;
  }
  const saved = outcome.uri;
  if (designDocsFolderSegments(docsFolder).fellBack) {
    void vscode.window.showWarningMessage(
      t(
        'architect.designDocs.folder ("{0}") leaves the workspace folder; the design doc was saved under {1} instead.',
        docsFolder,
        DEFAULT_DESIGN_DOCS_FOLDER,
      ),
    );
  }
  await showSavedInsteadOf(document, saved);
  log.info(`design doc: saved ${vscode.workspace.asRelativePath(saved)}`);
  return saved;
}

/** The caller's selector, else architect.model, else the persona's preference, else the first; or an error shown. */
async function modelFor(
  request: DesignDocRequest,
  setting: string,
  personaModels: readonly string[],
): Promise<vscode.LanguageModelChat | undefined> {
  const choice = await chooseModel(request.modelSelector, setting, personaModels);
  if (choice.kind === 'found') return choice.model;
  void vscode.window.showErrorMessage(
    choice.kind === 'none'
      ? noModelMessage(t)
      : t('No language model matches {0}. Pick one of the installed chat models (or clear architect.model).', choice.wanted),
  );
  return undefined;
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
 * prompt, and shows the saved file in its place. Only this run's buffer: another run may be writing
 * into the active editor at the same moment, so nothing here acts on "the active editor". The buffer is
 * emptied first (an empty untitled buffer closes without asking), then its own tabs are closed.
 */
async function showSavedInsteadOf(untitled: vscode.TextDocument, saved: vscode.Uri): Promise<void> {
  if (!untitled.isClosed) {
    const edit = new vscode.WorkspaceEdit();
    edit.delete(untitled.uri, new vscode.Range(0, 0, untitled.lineCount, 0));
    await vscode.workspace.applyEdit(edit);
    const own = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === untitled.uri.toString());
    if (own.length > 0) await vscode.window.tabGroups.close(own, true);
  }
  // An editor opened at the same moment (another run's) cancels this opening: the file is saved and
  // its Uri returned either way, so a lost race only leaves it unshown.
  await Promise.resolve(vscode.window.showTextDocument(await vscode.workspace.openTextDocument(saved), { preview: false })).catch(
    () => undefined,
  );
  tellWritten(t('Design doc saved to {0}.', shownPath(saved)), saved, { notify: false });
}

/** The button under a `/design` answer: the same save path as the command. */
export async function saveFromChat(rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  const parsed = saveArgs().safeParse(rawArgs);
  if (!parsed.success) return undefined;
  const folder = await chooseFolder(false);
  if (folder === null) return undefined;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: parsed.data.text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const docsFolder = readSettings(folder.uri).designDocsFolder;
  const outcome = await saveDesignDoc(folder.uri, docsFolder, parsed.data.description || 'design', parsed.data.text);
  if (outcome.kind === 'refused') {
    void vscode.window.showErrorMessage(outcome.message);
    return undefined;
  }
  const saved = outcome.uri;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(saved), { preview: false });
  tellWritten(t('Design doc saved to {0}.', shownPath(saved)), saved, { notify: false });
  return saved;
}
