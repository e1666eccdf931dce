import * as vscode from 'vscode';
import { WorkBudget } from '../../core/related/rankRelated';
import { decodeFile } from '../context/decodeFile';
import { mayReachModel } from '../protect/mayReachModel';
import { keptIn } from './relatedWork';

/** A related file larger than this is not read: a declaration worth sending lives in a source file, not a dump. */
export const MAX_RELATED_FILE_BYTES = 2 * 1024 * 1024;

/** Files read for one gathering, in all (imports followed, declarations searched, definitions opened). */
export const MAX_RELATED_FILES = 60;

export interface RelatedFile {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly label: string;
  readonly matchPath: string;
  readonly text: string;
}

/** What a gathering may be watched with, to count its work: each file looked at (gate asked), each file read. */
export interface RelatedProbe {
  readonly onLook?: (uri: vscode.Uri) => void;
  readonly onRead?: (uri: vscode.Uri) => void;
}

/**
 * The files one gathering reads, each once (an import cycle meets the cache), each through the same
 * gate and decoder as attachments: `mayReachModel` (exclusions, links leading out, outside the
 * workspace folders), then the gate's stat for the size, then the decoder that refuses binary. A
 * refused file is counted, never read.
 */
export class RelatedFiles {
  readonly #cache = new Map<string, Promise<RelatedFile | undefined>>();
  readonly #refusedKeys = new Set<string>();
  readonly #reads = new WorkBudget(MAX_RELATED_FILES);
  readonly #exclude: readonly string[];
  readonly #probe: RelatedProbe;

  constructor(exclude: readonly string[], probe: RelatedProbe = {}) {
    this.#exclude = exclude;
    this.#probe = probe;
  }

  get refused(): number {
    return this.#refusedKeys.size;
  }

  read(uri: vscode.Uri): Promise<RelatedFile | undefined> {
    const key = uri.toString();
    return keptIn(this.#cache, key, () => this.#load(uri, key).catch(() => undefined));
  }

  /** Whether a path names a file (not a folder), without reading it: for import resolution. */
  async isFile(uri: vscode.Uri): Promise<boolean> {
    try {
      return isFileType((await vscode.workspace.fs.stat(uri)).type);
    } catch {
      return false;
    }
  }

  async #load(uri: vscode.Uri, key: string): Promise<RelatedFile | undefined> {
    if (isLibraryPath(uri.path)) return this.#refuse(key);
    if (!this.#reads.take()) return undefined;
    this.#probe.onLook?.(uri);
    const access = await mayReachModel(uri, 'model', this.#exclude);
    if (access.kind !== 'allowed') return access.kind === 'refused' ? this.#refuse(key) : undefined;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    let text: string;
    if (open) {
      text = open.getText();
      // An open editor's text is not bounded by a stat: the same cap, on its length.
      if (text.length > MAX_RELATED_FILE_BYTES) return this.#refuse(key);
    } else {
      const file = access.file;
      if (!file || !isFileType(file.type)) return undefined;
      if (file.size > MAX_RELATED_FILE_BYTES) return this.#refuse(key);
      this.#probe.onRead?.(uri);
      const content = await decodeFile(await vscode.workspace.fs.readFile(uri), uri);
      if (content.kind !== 'text') return this.#refuse(key);
      text = content.text;
    }
    return {
      uri,
      key,
      label: vscode.workspace.asRelativePath(uri),
      matchPath: vscode.workspace.asRelativePath(uri, false),
      text,
    };
  }

  #refuse(key: string): undefined {
    this.#refusedKeys.add(key);
    return undefined;
  }
}

function isFileType(type: vscode.FileType): boolean {
  return (type & vscode.FileType.File) !== 0;
}

/** Libraries and the platform: installed packages and their type declarations are not the team's code. */
function isLibraryPath(path: string): boolean {
  return path.includes('/node_modules/') || path.includes('/site-packages/') || path.includes('/vendor/') || path.endsWith('.d.ts');
}
