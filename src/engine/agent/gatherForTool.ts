import * as vscode from 'vscode';
import { type ReviewToolInput } from '../../core/agent/reviewToolInput';
import { type ChangesRequest, type ChangesScope } from '../../core/changes/changesArgs';
import { readSource, sourceFromEditor } from '../context/gatherContext';
import { UriTable } from '../context/uriTable';
import { gatherChangesContext } from '../git/changesGatherer';
import { type GatheredContext } from '../pipeline/requestPipeline';
import { protectionFor } from '../../common/settings';
import { locateWorkspaceFile } from '../tools/workspaceTools';

/**
 * The gather phase of `architect_review`: the files an agent named (as the model's tools find them:
 * workspace-relative, through the one gate), the active editor's file when it named none, or the
 * changes of the repository. Plain data for the pipeline, like every other gatherer.
 */
export type ToolTarget =
  | { readonly kind: 'files'; readonly found: readonly LocatedFile[]; readonly missing: readonly string[] }
  | { readonly kind: 'editor'; readonly editor: vscode.TextEditor }
  | { readonly kind: 'changes'; readonly request: ChangesRequest }
  | { readonly kind: 'nothing' };

type LocatedFile = NonNullable<Awaited<ReturnType<typeof locateWorkspaceFile>>>;

export async function toolTarget(input: ReviewToolInput): Promise<ToolTarget> {
  if (input.changes !== undefined) return { kind: 'changes', request: changesRequest(input.changes, input.question ?? '') };
  if (input.paths === undefined || input.paths.length === 0) {
    const editor = vscode.window.activeTextEditor;
    return editor ? { kind: 'editor', editor } : { kind: 'nothing' };
  }
  const exclude = protectionFor([]).exclude;
  const located = await Promise.all(input.paths.map((path) => locateWorkspaceFile(path, exclude)));
  return {
    kind: 'files',
    found: located.filter((file): file is LocatedFile => file !== undefined),
    missing: input.paths.filter((_path, index) => located[index] === undefined),
  };
}

function changesRequest(changes: string, question: string): ChangesRequest {
  const scope: ChangesScope =
    changes === 'uncommitted' || changes === 'staged' ? { kind: changes } : { kind: 'ref', ref: changes, known: false };
  return { scope, question };
}

/** The resource whose settings and persona apply. */
export function targetScope(target: ToolTarget): vscode.Uri | undefined {
  if (target.kind === 'files') return target.found[0]?.uri;
  if (target.kind === 'editor') return target.editor.document.uri;
  return vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function gatherForTool(target: ToolTarget): Promise<GatheredContext> {
  const uris = new UriTable();
  const scope = targetScope(target);
  if (target.kind === 'changes') return gatherChangesContext(target.request, uris);
  // The agent, not a person, chose this review: the gate treats the files as the model's pick.
  const sources =
    target.kind === 'editor'
      ? [await sourceFromEditor(target.editor, uris, 'model')]
      : target.kind === 'files'
        ? await Promise.all(target.found.map((file) => readSource(file.uri, { access: file.access, origin: 'model', uris })))
        : undefined;
  return { context: sources ? [{ kind: 'attachments', sources }] : [], uris, scope };
}
