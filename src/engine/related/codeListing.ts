import * as vscode from 'vscode';

/** How long a listing is used without any file event: a watcher can miss events in a very large tree. */
const MAX_AGE_MS = 30_000;
/** Listings kept: a few folders and languages. */
const MAX_LISTINGS = 16;

interface Listing {
  readonly at: number;
  readonly uris: Promise<readonly vscode.Uri[]>;
}

/**
 * The caller search lists the same files for every gathering in a folder (its code files of one
 * language, minus the exclusions): a round trip to the search service that took 10–300 ms of a
 * gathering's time in the recall benchmark. A listing is kept until a file is created or deleted in the
 * workspace, the folders change, or 30 s pass. It only names candidates: every file is still read
 * through the gate, and one deleted since is simply not read.
 */
export class CodeListings implements vscode.Disposable {
  readonly #listings = new Map<string, Listing>();
  #listeners: vscode.Disposable[] | undefined;

  readonly #search: typeof vscode.workspace.findFiles;

  constructor(search: typeof vscode.workspace.findFiles = (...args) => vscode.workspace.findFiles(...args)) {
    this.#search = search;
  }

  /**
   * `findFiles` of the pattern, shared: no request's token stops it (it is bounded by `maxResults`, and a
   * caller bounds its own wait), so one cancelled request never leaves the next one an empty listing.
   */
  find(pattern: vscode.RelativePattern, exclude: string | undefined, maxResults: number): Promise<readonly vscode.Uri[]> {
    this.#watch();
    const key = JSON.stringify([pattern.baseUri.toString(), pattern.pattern, exclude ?? null, maxResults]);
    const kept = this.#listings.get(key);
    if (kept && Date.now() - kept.at < MAX_AGE_MS) return kept.uris;
    const uris = Promise.resolve(this.#search(pattern, exclude, maxResults));
    const listing = { at: Date.now(), uris };
    this.#listings.delete(key);
    this.#listings.set(key, listing);
    for (const oldest of this.#listings.keys()) {
      if (this.#listings.size <= MAX_LISTINGS) break;
      this.#listings.delete(oldest);
    }
    uris.catch(() => {
      if (this.#listings.get(key) === listing) this.#listings.delete(key);
    });
    return uris;
  }

  dispose(): void {
    for (const listener of this.#listeners ?? []) listener.dispose();
    this.#listeners = undefined;
    this.#listings.clear();
  }

  #watch(): void {
    if (this.#listeners) return;
    const forget = () => this.#listings.clear();
    // Changes to a file's content do not change what is listed: only creations and deletions count.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.#listeners = [
      watcher,
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidChangeWorkspaceFolders(forget),
    ];
  }
}

/** The extension host's listings, for every gathering. */
export const codeListings = new CodeListings();
