import * as vscode from 'vscode';
import { type IntentSpec } from '../../core/intents/intentTable';
import { supportsToolCalling } from '../model/languageModel';
import { type ArchitectSettings } from '../../common/settings';
import { toolDefinitions } from '../tools/workspaceTools';

/**
 * The tools a request offers: those its command allows (the command table), when the settings allow
 * them, the workspace is trusted and the model can call tools; otherwise none.
 */
export function toolsFor(
  spec: IntentSpec,
  settings: ArchitectSettings,
  model: vscode.LanguageModelChat,
): { readonly tools: readonly vscode.LanguageModelChatTool[]; readonly maxRounds: number } {
  const offered =
    spec.tools && settings.toolsEnabled && settings.toolsMaxRounds > 0 && vscode.workspace.isTrusted && supportsToolCalling(model);
  return offered ? { tools: toolDefinitions(), maxRounds: settings.toolsMaxRounds } : { tools: [], maxRounds: 0 };
}
