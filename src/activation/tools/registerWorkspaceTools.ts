import * as vscode from 'vscode';
import { ALL_TOOLS } from '../../core/tools/toolNames';
import { type Engine } from '../../engine/engine';
import { describeFailure } from '../commands/safeCommand';
import { fromEngine } from '../engineLink/loadEngine';
import { t } from '../../common/l10n';

/**
 * The same tools for everyone else (agent mode, other participants), through vscode.lm. Our own loop
 * calls runTool directly: it keeps the request's cancellation token and asks for no confirmation.
 */
export function registerWorkspaceTools(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, engine: () => Engine): void {
  for (const name of ALL_TOOLS) {
    context.subscriptions.push(
      vscode.lm.registerTool<unknown>(name, {
        async invoke(options, token) {
          // runTool turns its own failures into results; only an engine that cannot load throws here.
          const run = await fromEngine(() => engine().runTool(name, options.input, token)).catch((error: unknown) => {
            throw new Error(describeFailure(error, name, log));
          });
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(run.output.text)]);
        },
        prepareInvocation(options) {
          const input = options.input as { path?: unknown; pattern?: unknown; name?: unknown; symbol?: unknown } | undefined;
          const subject = [input?.path, input?.pattern, input?.name, input?.symbol].find((value) => typeof value === 'string');
          return {
            invocationMessage: subject
              ? t('Architect: {0} ({1})', name.replace('architect_', ''), String(subject))
              : t('Architect: {0}', name),
          };
        },
      }),
    );
  }
}
