import * as vscode from 'vscode';
import {
  designDocFileName,
  designDocsFolderPlaceRefusal,
  designDocsFolderRefusal,
  designDocsFolderRefusedMessage,
  designDocsFolderSegments,
  slugify,
} from '../../core/design/designDoc';
import { t } from '../../common/l10n';
import { mayWriteInto } from '../protect/mayWriteInto';
import { uriExists } from '../uriExists';

/** Names being written right now by this extension host: two generations never pick the same one. */
const reserved = new Set<string>();

/** Saved, or refused with the message a person sees (nothing was written). */
export type SaveOutcome = { readonly kind: 'saved'; readonly uri: vscode.Uri } | { readonly kind: 'refused'; readonly message: string };

/**
 * Saves a design document as `<docs folder>/<slug>.md` inside `folder`, creating folders as needed,
 * never over an existing file (`-2`, `-3`, ...) and never outside the folder, whatever the description
 * or the setting say (RELIABILITY R09), nor through a link that leads out of the workspace (R57).
 */
export async function saveDesignDoc(
  folder: vscode.Uri,
  docsFolderSetting: string,
  description: string,
  text: string,
): Promise<SaveOutcome> {
  const refusal = designDocsFolderRefusal(docsFolderSetting, t);
  if (refusal !== undefined) return { kind: 'refused', message: designDocsFolderRefusedMessage(docsFolderSetting, refusal, t) };
  const { segments } = designDocsFolderSegments(docsFolderSetting);
  const directory = vscode.Uri.joinPath(folder, ...segments);
  if (!directory.path.startsWith(folder.path.replace(/\/$/, '') + '/')) throw new Error('the docs folder is outside the workspace folder');
  // Decided on where the folder really is: the path check above only sees names.
  const place = await mayWriteInto(directory);
  if (!place.allowed)
    return { kind: 'refused', message: designDocsFolderRefusedMessage(segments.join('/'), designDocsFolderPlaceRefusal(place, t), t) };
  return { kind: 'saved', uri: await createUnder(directory, description, text) };
}

/** Writes `<slug>.md` into `directory`, the first free name. */
async function createUnder(directory: vscode.Uri, description: string, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.createDirectory(directory);
  const slug = slugify(description);
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const target = vscode.Uri.joinPath(directory, designDocFileName(slug, attempt));
    const key = target.toString();
    if (reserved.has(key)) continue;
    reserved.add(key);
    try {
      if (await uriExists(target)) continue;
      // Created only if it still does not exist: another process may have written it meanwhile.
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
      if (await vscode.workspace.applyEdit(edit)) return target;
      if (!(await uriExists(target))) throw new Error(`could not create ${target.path}`);
    } finally {
      reserved.delete(key);
    }
  }
  throw new Error(`no free file name for ${slug}.md`);
}
