import * as vscode from 'vscode';
import { type SourceContent } from '../../core/context/attachment';
import { decodeFileBytes } from '../../core/context/decode';
import { errorText } from './errorText';

/**
 * A file's bytes as text, decoded as the editor would: with the user's encoding settings for that
 * file. The core decodes what is certain (byte order marks, UTF-8 when the settings say UTF-8) and
 * refuses binary; the rest goes to `vscode.workspace.decode`.
 */
export async function decodeFile(bytes: Uint8Array, uri: vscode.Uri): Promise<SourceContent> {
  const files = vscode.workspace.getConfiguration('files', uri);
  const encoding = files.get<unknown>('encoding');
  const decoded = decodeFileBytes(bytes, {
    encoding: typeof encoding === 'string' ? encoding : 'utf8',
    autoGuess: files.get<unknown>('autoGuessEncoding') === true,
  });
  if (decoded.kind !== 'undecodable') return decoded;
  try {
    return { kind: 'text', text: await vscode.workspace.decode(bytes, { uri }) };
  } catch (error) {
    // VS Code refuses content it takes for binary; the core has already refused what has NUL bytes.
    return unreadable(errorText(error));
  }
}

/** Content that could not be read, and why, in one line for the answer. */
export function unreadable(reason: string): SourceContent {
  return { kind: 'unreadable', reason };
}
