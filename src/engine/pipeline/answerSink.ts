import type * as vscode from 'vscode';
import { type SentPiece } from '../../core/request/plan';
import { type ToolRun } from '../tools/workspaceTools';
import { type FindingsReport } from './reportFindings';

/**
 * Where an answer goes: the chat's response stream, an editor that becomes a design doc, or a tool
 * result for an agent. The
 * pipeline is the same for every entry point; only the context it gathers and its sink differ.
 */
export interface AnswerSink {
  progress(message: string): void;
  /** What was left out, cut, redacted or looks suspicious: said before the answer. */
  notes(lines: readonly string[]): void;
  /** A piece of code the model is about to see. */
  reference(piece: SentPiece, uri: vscode.Uri): void;
  /** Called once, right before the model is asked: the place to open an editor for the answer. */
  beforeSend(): Promise<void>;
  /** Filtered, safe-to-render answer text, in order. */
  text(chunk: string): void;
  toolRun(run: ToolRun): void;
  /** The findings table and its notes, after the answer. */
  findings(markdown: string): void;
  /** The same findings as data, for a sink that passes them on (the agent's tool result). */
  findingsData?(report: FindingsReport): void;
  /** Resolves once everything written so far has reached its place. */
  flush(): Promise<void>;
}
