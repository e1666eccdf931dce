import * as vscode from 'vscode';
import { type ExportedFinding, sarifPathOf, toSarif } from '../../core/findings/sarif';
import { mayReachModel } from '../protect/mayReachModel';
import { definedOnly } from '../../core/result/definedOnly';
import { uriExists } from '../uriExists';
import { t } from '../../common/l10n';
import { shownPath, tellWritten } from '../tellWritten';
import { type FindingsDiagnostics } from '../../activation/findings/findingsDiagnostics';

/**
 * `architect.exportFindings`: every current Architect finding as SARIF 2.1.0, to a file the user picks,
 * or to `{uri}` when automation passes one (then no dialog). A command can be run by anything (a link,
 * another extension), so a target passed in must be a `.sarif` file a person could have picked without
 * thinking twice: inside a workspace folder, also once links are resolved; anything else is refused
 * with a message. Returns the Uri written, if any.
 */
export async function exportFindings(findings: FindingsDiagnostics, version: string, argument?: unknown): Promise<vscode.Uri | undefined> {
  const given = targetOf(argument);
  if (given !== undefined && !(await mayExportTo(given))) {
    void vscode.window.showErrorMessage(
      t(
        'Architect did not export: a target passed to the command must be a .sarif file inside a workspace folder. Run Export Findings as SARIF from the Command Palette to choose another place.',
      ),
    );
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const target =
    given ??
    (await vscode.window.showSaveDialog({
      title: t('Export Architect findings as SARIF'),
      saveLabel: t('Export'),
      filters: { SARIF: ['sarif', 'json'] },
      ...(folders[0] ? { defaultUri: vscode.Uri.joinPath(folders[0].uri, 'architect-findings.sarif') } : {}),
    }));
  if (target === undefined) return undefined;
  const exported = exportable(findings, folders);
  const log = toSarif({
    version,
    folders: folders.map((folder) => ({ uriBaseId: baseIdOf(folder, folders.length), name: folder.name })),
    findings: exported.findings,
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(log, null, 2) + '\n'));
  // The log leaves out a finding whose path would point outside its folder: counted with the others.
  const count = exported.findings.filter((finding) => sarifPathOf(finding.path) !== undefined).length;
  const skipped = exported.skipped + exported.findings.length - count;
  const note = skipped > 0 ? ' ' + t('{0} outside the workspace folders were left out.', skipped) : '';
  const said =
    count === 1
      ? t('Exported 1 Architect finding to {0}.', shownPath(target))
      : t('Exported {0} Architect findings to {1}.', count, shownPath(target));
  tellWritten(said + note, target, { notify: given === undefined });
  return target;
}

function exportable(
  findings: FindingsDiagnostics,
  folders: readonly vscode.WorkspaceFolder[],
): { findings: ExportedFinding[]; skipped: number } {
  const exported: ExportedFinding[] = [];
  let skipped = 0;
  for (const record of findings.all()) {
    const snapshot = record.snapshot;
    if (snapshot?.folder === undefined || snapshot.file === undefined) {
      skipped++;
      continue;
    }
    const { line, endLine, severity, rule, title, detail, fix } = record.finding;
    const uriBaseId = baseIdOf(snapshot.folder, folders.length);
    exported.push(
      definedOnly({ uriBaseId, path: snapshot.file, line, endLine, severity, rule, title, detail, fix, fingerprint: snapshot.fingerprint }),
    );
  }
  return { findings: exported, skipped };
}

/** `SRCROOT` (the name code scanning knows) for one folder; one numbered id per folder otherwise. */
function baseIdOf(folder: vscode.WorkspaceFolder, count: number): string {
  return count <= 1 ? 'SRCROOT' : `SRCROOT${folder.index}`;
}

function targetOf(argument: unknown): vscode.Uri | undefined {
  if (argument === null || typeof argument !== 'object') return undefined;
  const uri: unknown = (argument as { uri?: unknown }).uri;
  if (uri instanceof vscode.Uri) return uri;
  return typeof uri === 'string' && uri !== '' ? vscode.Uri.parse(uri) : undefined;
}

/**
 * A target an automation argument may name: a `.sarif` file in a workspace folder, by a path without
 * "." or ".." segments, whose nearest existing part (the file, else a folder above it) is inside a
 * workspace folder once links are resolved: a link planted in the repository cannot redirect the write.
 */
async function mayExportTo(target: vscode.Uri): Promise<boolean> {
  const segments = target.path.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return false;
  if (!/\.sarif(\.json)?$/i.test(segments.at(-1) ?? '')) return false;
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (folder === undefined) return false;
  for (let part = target; part.path.length >= folder.uri.path.length; part = vscode.Uri.joinPath(part, '..')) {
    if (await uriExists(part)) return (await mayReachModel(part, 'model', [])).kind === 'allowed';
    if (part.path === folder.uri.path) break;
  }
  return false;
}
