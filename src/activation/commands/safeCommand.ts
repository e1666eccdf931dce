import * as vscode from 'vscode';
import { t } from '../../common/l10n';

/** What went wrong, in one line: the message of an `Error`, else the thrown value as text. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Logs a failure of ours with its stack, and returns the one line a person should see. */
export function describeFailure(error: unknown, what: string, log: vscode.LogOutputChannel): string {
  const reason = reasonOf(error);
  log.error(`${what}: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
  return reason;
}

/**
 * Registers a command whose failures are logged and shown as one clear message, never a stack trace
 * in a notification; the command then returns undefined. Every Architect command goes through here.
 */
export function registerSafeCommand<T>(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  id: string,
  label: string,
  run: (...args: unknown[]) => Promise<T | undefined> | T | undefined,
): void {
  const safely = async (...args: unknown[]): Promise<T | undefined> => {
    try {
      return await run(...args);
    } catch (error) {
      const reason = describeFailure(error, label, log);
      void vscode.window.showErrorMessage(t('{0} failed: {1}', label, reason));
      return undefined;
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand(id, safely));
}
