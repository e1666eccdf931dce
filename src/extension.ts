import type * as vscode from 'vscode';
import { registerReviewTool } from './vscode/agent/registerReviewTool';
import { registerParticipant } from './vscode/chat/participant';
import { registerSelectPersona } from './vscode/commands/selectPersona';
import { engineLoader, registerEngineCommands } from './vscode/engine/loadEngine';
import { registerFindings } from './vscode/findings/findingsDiagnostics';
import { registerFindingActions } from './vscode/findings/registerFindingActions';
import { registerLog } from './vscode/log';
import { registerPersonaStore } from './vscode/personas/registerPersonaStore';
import { registerWorkspaceTools } from './vscode/tools/registerWorkspaceTools';

/**
 * Wiring only: each feature registers itself and pushes its disposables to the context. The work
 * behind the registrations is the engine's (dist/engine.js), loaded the first time it is needed.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = registerLog(context);
  const findings = registerFindings(context, log);
  // The store calls its parser only once it has a file to read, by which time `engine` is set.
  const personas = registerPersonaStore(context, log, () => engine().parsePersona);
  const engine = engineLoader({ context, log, findings, personas });
  registerParticipant(context, log, engine);
  registerEngineCommands(context, log, engine);
  registerFindingActions(context, findings, log, (file) => engine().recheckIgnoreFile(file));
  registerSelectPersona(context, personas, log);
  registerWorkspaceTools(context, log, engine);
  registerReviewTool(context, log, engine);
}

export function deactivate(): void {}
