import * as vscode from 'vscode';
import { type GitApi, type GitExtension } from './gitTypes';

export type GitAccess = { readonly kind: 'ready'; readonly api: GitApi } | { readonly kind: 'restricted' | 'missing' | 'disabled' };

/** How long to wait for the Git extension's first scan of the workspace. */
const INITIALIZE_TIMEOUT_MS = 10_000;

/**
 * The Git extension's API, once it has looked at the workspace. Git does not run in Restricted Mode
 * (the Git extension does not support untrusted workspaces), so trust is checked first.
 */
export async function gitAccess(): Promise<GitAccess> {
  if (!vscode.workspace.isTrusted) return { kind: 'restricted' };
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return { kind: 'missing' };
  let api: GitApi;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return { kind: 'disabled' };
    api = exports.getAPI(1);
  } catch {
    return { kind: 'disabled' };
  }
  if (api.state !== 'initialized') await initialized(api);
  return { kind: 'ready', api };
}

function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, INITIALIZE_TIMEOUT_MS);
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') done();
    });
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
