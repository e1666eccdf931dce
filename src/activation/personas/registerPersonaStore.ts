import type * as vscode from 'vscode';
import { reasonOf } from '../commands/safeCommand';
import { type PersonaParser, PersonaStore } from './personaStore';

export function registerPersonaStore(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, parser: PersonaParser): PersonaStore {
  const store = new PersonaStore(context.extensionUri, log, parser);
  context.subscriptions.push(store);
  // Off the activation path: diagnostics on persona files show without waiting for a first request.
  setTimeout(() => {
    store.refresh().catch((error: unknown) => log.error(`personas: ${reasonOf(error)}`));
  }, 0);
  return store;
}
