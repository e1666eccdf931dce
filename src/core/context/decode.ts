import { type SourceContent } from './attachment';

/** How git decides a file is binary: a NUL byte in its first 8,000 bytes. */
const BINARY_SNIFF_BYTES = 8000;

/** The user's `files.encoding` and `files.autoGuessEncoding` for the file. */
export interface EncodingSettings {
  readonly encoding: string;
  readonly autoGuess: boolean;
}

const UTF8_DEFAULT: EncodingSettings = { encoding: 'utf8', autoGuess: false };

/**
 * Turns a file's bytes into text where that is certain to give what the editor would: byte order
 * marks decide (as they do in VS Code), and UTF-8 is decoded here when the user's settings say UTF-8
 * without guessing. Everything else is `undecodable` here, and the adapter asks
 * `vscode.workspace.decode`, which applies the user's encoding settings (RELIABILITY R26). Deciding
 * here first spares that call's round trip, and the file's bytes, in the common case.
 */
export function decodeFileBytes(
  bytes: Uint8Array,
  settings: EncodingSettings = UTF8_DEFAULT,
): SourceContent | { readonly kind: 'undecodable' } {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { kind: 'text', text: new TextDecoder(utf16).decode(bytes.subarray(2)) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const saysUtf8 = (settings.encoding === 'utf8' || settings.encoding === 'utf8bom') && !settings.autoGuess;
  if (!utf8Bom && !saysUtf8) return { kind: 'undecodable' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { kind: 'undecodable' };
  }
}

/** Text that holds NUL characters is not source code, whatever the editor made of it (R25). */
export function looksBinary(text: string): boolean {
  return text.indexOf('\u0000') !== -1;
}
