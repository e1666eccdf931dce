import type * as vscode from 'vscode';
import { registerReviewTool } from './activation/agent/registerReviewTool';
import { registerParticipant } from './activation/chat/participant';
import { registerSelectPersona } from './activation/commands/selectPersona';
import { engineLoader, registerEngineCommands } from './activation/engineLink/loadEngine';
import { registerFindings } from './activation/findings/findingsDiagnostics';
import { registerFindingActions } from './activation/findings/registerFindingActions';
import { registerLog } from './activation/log';
import { registerPersonaStore } from './activation/personas/registerPersonaStore';
import { registerWorkspaceTools } from './activation/tools/registerWorkspaceTools';

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
