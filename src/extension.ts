import type * as vscode from 'vscode';
import { registerParticipant } from './vscode/chat/participant';
import { registerDesignDocCommands } from './vscode/commands/designDocCommands';
import { registerReviewChanges } from './vscode/commands/reviewChanges';
import { registerReviewThisApi } from './vscode/commands/reviewThisApi';
import { registerSelectPersona } from './vscode/commands/selectPersona';
import { registerFindings } from './vscode/findings/findingsDiagnostics';
import { registerFindingActions } from './vscode/findings/registerFindingActions';
import { registerLog } from './vscode/log';
import { registerPersonaStore } from './vscode/personas/registerPersonaStore';
import { registerWorkspaceTools } from './vscode/tools/workspaceTools';

/** Wiring only: each feature registers itself and pushes its disposables to the context. */
export function activate(context: vscode.ExtensionContext): void {
  const log = registerLog(context);
  const personas = registerPersonaStore(context, log);
  const findings = registerFindings(context, log);
  const ignores = registerFindingActions(context, findings, log);
  registerParticipant(context, { log, personas, findings, ignores });
  registerReviewThisApi(context, log);
  registerReviewChanges(context, log);
  registerDesignDocCommands(context, { log, personas, findings, ignores });
  registerSelectPersona(context, personas, log);
  registerWorkspaceTools(context);
}

export function deactivate(): void {}
