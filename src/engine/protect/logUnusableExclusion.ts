import type * as vscode from 'vscode';
import { unusableExclusion } from '../../core/context/exclude';
import { exclusionReason } from '../../core/context/exclusionReason';

/** Patterns already reported in this session: the log says it once, the answers' notes every time. */
const reported = new Set<string>();

/**
 * Tells the log, once per session and pattern, that `architect.exclude` holds a pattern that cannot be
 * used, so every file is being treated as excluded (the pattern is named inertly, with the reason).
 */
export function logUnusableExclusion(exclude: readonly string[], log: vscode.LogOutputChannel): void {
  const unusable = unusableExclusion(exclude);
  if (unusable === undefined) return;
  const key = `${unusable.cause}\n${unusable.pattern}`;
  if (reported.has(key)) return;
  reported.add(key);
  log.warn(`architect.exclude: ${exclusionReason(unusable)}`);
}
