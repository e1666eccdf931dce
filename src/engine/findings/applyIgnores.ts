import * as vscode from 'vscode';
import { ignoreNote, isIgnored } from '../../core/findings/ignoreFile';
import { type Finding } from '../../core/findings/parseFindings';
import { definedOnly } from '../../core/result/definedOnly';
import { uriExists } from '../uriExists';
import { t } from '../../common/l10n';
import { type LineSnapshot } from '../../common/findings/findingLines';
import { ignoreFileOf, type IgnoreStore, type IgnoreState } from './ignoreStore';

export interface IgnoreOutcome {
  readonly findings: readonly Finding[];
  readonly ignored: number;
  /** What the answer says about ignoring: how many, or why nothing was. */
  readonly note?: string;
}

/**
 * Drops the findings the team ignored: each is matched against the ignore file of its own workspace
 * folder, by the fingerprint of its lines as they read now. In Restricted Mode no file is read.
 */
export async function withoutIgnored(
  findings: readonly Finding[],
  snapshots: ReadonlyMap<Finding, LineSnapshot>,
  store: IgnoreStore,
): Promise<IgnoreOutcome> {
  const states = new Map<string, Promise<IgnoreState>>();
  const stateOf = (folder: vscode.WorkspaceFolder) => {
    const key = folder.uri.toString();
    const state = states.get(key) ?? store.load(folder).catch((): IgnoreState => ({ kind: 'malformed' }));
    states.set(key, state);
    return state;
  };
  const kept: Finding[] = [];
  for (const finding of findings) {
    const snapshot = snapshots.get(finding);
    const state = snapshot?.folder && snapshot.file !== undefined ? await stateOf(snapshot.folder) : undefined;
    const ignore =
      state?.kind === 'ok' &&
      snapshot?.file !== undefined &&
      isIgnored({ file: snapshot.file, rule: finding.rule, title: finding.title, fingerprint: snapshot.fingerprint }, state.entries);
    if (!ignore) kept.push(finding);
  }
  const ignored = findings.length - kept.length;
  const note = await noteFor(ignored, await Promise.all(states.values()), [...states.keys()]);
  return definedOnly({ findings: kept, ignored, note });
}

async function noteFor(ignored: number, states: readonly IgnoreState[], folders: readonly string[]): Promise<string | undefined> {
  const untrusted = states.some((state) => state.kind === 'untrusted');
  return ignoreNote(
    {
      ignored,
      malformed: states.some((state) => state.kind === 'malformed'),
      unreadInRestrictedMode: untrusted && (await anyExists(folders)),
    },
    t,
  );
}

/** Whether an ignore file is there at all, without reading it. */
async function anyExists(folders: readonly string[]): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folders.includes(folder.uri.toString()) && (await uriExists(ignoreFileOf(folder)))) return true;
  }
  return false;
}
