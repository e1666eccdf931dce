import { type SourceContent } from './attachment';

/** How git decides a file is binary: a NUL byte in its first 8,000 bytes. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Turns a file's bytes into text. UTF-8 (with or without BOM) and BOM-marked UTF-16 are decoded here;
 * anything else is `undecodable`, and the adapter asks the editor, which knows the user's encoding
 * settings (RELIABILITY R26).
 */
export function decodeFileBytes(bytes: Uint8Array): SourceContent | { readonly kind: 'undecodable' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const sniffed = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniffed.includes(0)) return { kind: 'binary' };
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
