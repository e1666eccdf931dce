import type * as vscode from 'vscode';
import type * as EngineModule from '../../engine';
import { type Engine, type EngineHost } from '../../engine';
import { registerSafeCommand } from '../commands/safeCommand';
import { ENGINE_COMMANDS, type EngineCommandId } from './engineCommands';

/**
 * The engine, loaded on first use and kept: dist/engine.js sits beside dist/extension.js, and the
 * build leaves this one `require` as it is. Activation stays small; the engine's load (`npm run
 * bench`, "Module") is paid when there is first work for it: a request, a command, a tool call, a
 * persona file to check.
 */
export function engineLoader(host: EngineHost): () => Engine {
  let engine: Engine | undefined;
  return () => {
    if (engine === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the one lazy load, see above
      const module = require('./engine.js') as typeof EngineModule;
      engine = module.createEngine(host);
    }
    return engine;
  };
}

/** Every command of ENGINE_COMMANDS, each loading the engine when it first runs. */
export function registerEngineCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, engine: () => Engine): void {
  for (const [id, label] of Object.entries(ENGINE_COMMANDS) as Array<[EngineCommandId, () => string]>) {
    registerSafeCommand(context, log, id, label(), (...args: unknown[]) => engine().commands[id](...args));
  }
}
