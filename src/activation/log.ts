import * as vscode from 'vscode';
import { registerSafeCommand } from './commands/safeCommand';
import { t } from '../common/l10n';

/**
 * The `Architect` log channel. Info lines carry timings, counts and file names; never prompt text or
 * file content (RELIABILITY R12), which is only ever logged at trace level, if at all.
 */
export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel('Architect', { log: true });
  context.subscriptions.push(log);
  registerSafeCommand(context, log, 'architect.showLog', t('Show Log'), () => log.show());
  return log;
}
