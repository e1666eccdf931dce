import * as vscode from 'vscode';
import { t } from '../../common/l10n';
import { mayReachModel } from '../protect/mayReachModel';
import { messageName, notificationText } from '../../core/protect/inertName';
import { rememberReviewTarget } from './reviewTarget';

/**
 * Sends `@architect /review` to the Chat view in the mode the person has it in (Agent or Ask), about the
 * editor's selection (or its whole file), or about the file clicked in the Explorer, opened first, with
 * that code attached once. The answer uses the model picked in the chat; findings land in the Problems panel.
 */
export async function reviewThisApi(argument: unknown): Promise<unknown> {
  const resource = argument instanceof vscode.Uri ? argument : undefined;
  let editor = vscode.window.activeTextEditor;
  if (resource && editor?.document.uri.toString() !== resource.toString()) {
    // Asked before the file is opened: a link to .env is not even loaded into an editor.
    const access = await mayReachModel(resource, 'user');
    if (access.kind === 'refused') {
      void vscode.window.showWarningMessage(
        t('Architect does not review {0}: {1}.', messageName(vscode.workspace.asRelativePath(resource)), notificationText(access.reason)),
      );
      return undefined;
    }
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(resource), { preview: true });
  }
  if (!editor) {
    void vscode.window.showInformationMessage(
      t('Open a file (or select the code of an API handler), then run Review this API. You can also right-click a file in the Explorer.'),
    );
    return undefined;
  }
  const document = editor.document;
  const selection = editor.selection;
  if (document.getText().trim() === '') {
    void vscode.window.showInformationMessage(
      t('{0} is empty: there is nothing to review yet.', messageName(vscode.workspace.asRelativePath(document.uri))),
    );
    return undefined;
  }
  // The chat takes 1-based, inclusive positions here (a vscode.Range would arrive without its lines).
  const attachment = selection.isEmpty
    ? document.uri
    : {
        uri: document.uri,
        range: {
          startLineNumber: selection.start.line + 1,
          startColumn: selection.start.character + 1,
          endLineNumber: selection.end.line + 1,
          endColumn: selection.end.character + 1,
        },
      };
  // The chat attaches only what a file system serves; an untitled buffer or a notebook cell reaches the
  // participant as the active editor instead. The chat's implicit context of another file is dropped.
  const attachable = vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) !== undefined;
  rememberReviewTarget(document.uri);
  // No `mode`: the chat stays in the person's mode (Agent runs @architect as Ask does).
  return vscode.commands.executeCommand('workbench.action.chat.open', {
    query: '@architect /review ',
    isPartialQuery: false,
    ...(attachable ? { attachFiles: [attachment] } : {}),
    blockOnResponse: true,
  });
}
