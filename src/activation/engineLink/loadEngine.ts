import type * as vscode from 'vscode';
import type * as EngineModule from '../../engine/engine';
import { type Engine, type EngineHost } from '../../engine/engine';
import { describeFailure, registerSafeCommand } from '../commands/safeCommand';
import { ENGINE_COMMANDS, type EngineCommandId } from './engineCommands';

/**
 * The engine, loaded on first use and kept: dist/engine.js sits beside dist/extension.js, and the
 * build leaves this one `require` as it is. Activation stays small; the engine's load (`npm run
 * bench`, "Module") is paid when there is first work for it: a request, a command, a tool call, a
 * persona file to check. A load that failed fails every later use the same way, without compiling
 * the file again (Node does not cache a module that threw).
 */
export function engineLoader(host: EngineHost): () => Engine {
  let loaded: { readonly engine: Engine } | { readonly error: unknown } | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the one lazy load, see above
        const module = require('./engine.js') as typeof EngineModule;
        loaded = { engine: module.createEngine(host) };
      } catch (error) {
        loaded = { error };
      }
    }
    if ('error' in loaded) throw loaded.error;
    return loaded.engine;
  };
}

/**
 * Work that needs the engine, as one promise: an engine that cannot load rejects it like a failure
 * inside the work, so the caller's one `catch` handles both.
 */
export async function fromEngine<T>(use: () => Promise<T>): Promise<T> {
  return use();
}

/**
 * For callbacks VS Code makes outside a command (follow-ups, feedback, file watchers): what `use`
 * returns, or `fallback` when it throws, with the failure in the log. Commands and the chat have
 * their own wrappers that also tell the person.
 */
export function usingEngine<T>(log: vscode.LogOutputChannel, what: string, fallback: T, use: () => T): T {
  try {
    return use();
  } catch (error) {
    describeFailure(error, what, log);
    return fallback;
  }
}

/** Every command of ENGINE_COMMANDS, each loading the engine when it first runs. */
export function registerEngineCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, engine: () => Engine): void {
  for (const [id, label] of Object.entries(ENGINE_COMMANDS) as Array<[EngineCommandId, () => string]>) {
    registerSafeCommand(context, log, id, label(), (...args: unknown[]) => engine().commands[id](...args));
  }
}
