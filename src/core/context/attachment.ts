/**
 * Attached context as plain data: what the adapters make of chat references and editors, and all the
 * core ever sees of them. Lines are 1-based and inclusive; columns are 0-based UTF-16 offsets.
 */

export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

export interface Focus extends LineRange {
  /** A selection is kept whole when it fits; a viewport or cursor only says where to look. */
  readonly kind: 'selection' | 'viewport' | 'cursor';
  readonly startColumn?: number;
}

/** `refused`: the file may not reach a model (excluded, outside the workspace, a link leading out). */
export type SourceContent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string };

export interface AttachedSource {
  /** Identity for de-duplication: the URI string, or a synthetic key for plain strings. */
  readonly key: string;
  /** The resource as a URI string; absent for plain text attachments. */
  readonly uri?: string;
  /** What people and the model read: a workspace-relative path, "Untitled-1", "api.ipynb cell 3". */
  readonly label: string;
  /** The path relative to its workspace folder, matched against `architect.exclude`. */
  readonly matchPath: string;
  readonly languageId: string;
  readonly content: SourceContent;
  readonly focus?: Focus;
}
