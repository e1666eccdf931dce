import type * as vscode from 'vscode';
import { parsePersona } from '../core/persona/parsePersona';
import { architectReview, type ReviewToolCall } from './agent/architectReview';
import { answerChat } from './chat/answerChat';
import { followupsFor, unhelpfulFeedbackLine } from './chat/chatAfterAnswer';
import { openRepositoryAndReview } from './git/openRepository';
import { reviewChanges } from './commands/reviewChanges';
import { reviewThisApi } from './commands/reviewThisApi';
import { generateDesignDoc, saveFromChat } from './commands/designDocCommands';
import { type EngineCommandId } from '../activation/engineLink/engineCommands';
import { exportFindings } from './findings/exportFindings';
import { ignoreFinding } from './findings/ignoreFinding';
import { type FindingsDiagnostics } from '../activation/findings/findingsDiagnostics';
import { IgnoreStore } from './findings/ignoreStore';
import { type PersonaStore } from '../activation/personas/personaStore';
import { runTool } from './tools/workspaceTools';
import { codeListings } from './related/codeListing';

/** What the activation bundle owns and lends the engine: the long-lived stores and the log. */
export interface EngineHost {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly findings: FindingsDiagnostics;
  readonly personas: PersonaStore;
}

/**
 * The second bundle, dist/engine.js: everything a request, a command or a tool does once it runs
 * (reading, protecting, redacting, building the prompt, talking to the model, parsing findings), with
 * the libraries that work needs. dist/extension.js only registers and watches, and loads this file
 * the first time something has work for it (docs/decisions/0013-load-the-engine-on-first-use.md).
 */
export function createEngine(host: EngineHost) {
  const ignores = new IgnoreStore();
  // The related-code searches' kept listings hold a file watcher: ended with the extension.
  host.context.subscriptions.push(ignores, codeListings);
  const deps = { log: host.log, personas: host.personas, findings: host.findings, ignores };
  const version = String((host.context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const commands: Record<EngineCommandId, (...args: unknown[]) => unknown> = {
    // Each handler is handed only the one argument it reads. Registering the engine functions themselves
    // (which VS Code then calls with everything a menu passes) made Review this API from the editor's
    // context menu never reach the chat in the ui suite.
    'architect.reviewThisApi': (resource) => reviewThisApi(resource),
    'architect.reviewChanges': (from) => reviewChanges(from),
    'architect.generateDesignDoc': (args) => generateDesignDoc(args, deps),
    'architect.saveDesignDoc': (args) => saveFromChat(args),
    'architect.openRepository': (root) => openRepositoryAndReview(root),
    'architect.ignoreFinding': (uri, diagnostic) => ignoreFinding(host.findings, ignores, uri, diagnostic),
    'architect.exportFindings': (argument) => exportFindings(host.findings, version, argument),
  };
  return {
    commands,
    answerChat: (
      request: vscode.ChatRequest,
      chat: vscode.ChatContext,
      stream: vscode.ChatResponseStream,
      token: vscode.CancellationToken,
    ) => answerChat(request, chat, stream, token, deps),
    followupsFor,
    unhelpfulFeedbackLine,
    runTool,
    architectReview: (call: ReviewToolCall) => architectReview(call, deps),
    parsePersona,
    recheckIgnoreFile: (file: vscode.Uri) => ignores.recheck(file),
  };
}

export type Engine = ReturnType<typeof createEngine>;
