import * as vscode from 'vscode';

/** How long a listing is used without any file event: a watcher can miss events in a very large tree. */
const MAX_AGE_MS = 30_000;
/** Listings kept: a few folders and languages. */
const MAX_LISTINGS = 16;
/** A search still running after this long is stopped, and its listing not kept. */
const MAX_SEARCH_MS = 5_000;

interface Listing {
  readonly at: number;
  readonly uris: Promise<readonly vscode.Uri[]>;
  /** Stops the search: at `MAX_SEARCH_MS`, when the listing is pushed out, or on dispose. */
  readonly stop: vscode.CancellationTokenSource;
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
   * `findFiles` of the pattern, shared: no request's token stops it (a cancelled request must not leave
   * the next one an empty listing); it is bounded by `maxResults` and `MAX_SEARCH_MS`, and a caller
   * bounds its own wait.
   */
  find(pattern: vscode.RelativePattern, exclude: string | undefined, maxResults: number): Promise<readonly vscode.Uri[]> {
    this.#watch();
    const key = JSON.stringify([pattern.baseUri.toString(), pattern.pattern, exclude ?? null, maxResults]);
    const kept = this.#listings.get(key);
    if (kept && Date.now() - kept.at < MAX_AGE_MS) return kept.uris;
    const stop = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => stop.cancel(), MAX_SEARCH_MS);
    const uris = Promise.resolve(this.#search(pattern, exclude, maxResults, stop.token));
    const listing = { at: Date.now(), uris, stop };
    this.#listings.delete(key);
    this.#listings.set(key, listing);
    for (const [oldest, pushedOut] of this.#listings) {
      if (this.#listings.size <= MAX_LISTINGS) break;
      pushedOut.stop.cancel();
      this.#listings.delete(oldest);
    }
    // A search that was stopped or failed listed too little to keep.
    const forget = () => {
      if (stop.token.isCancellationRequested && this.#listings.get(key) === listing) this.#listings.delete(key);
    };
    uris
      .then(forget, () => {
        stop.cancel();
        forget();
      })
      .finally(() => {
        clearTimeout(timer);
        stop.dispose();
      });
    return uris;
  }

  dispose(): void {
    for (const listener of this.#listeners ?? []) listener.dispose();
    this.#listeners = undefined;
    for (const listing of this.#listings.values()) listing.stop.cancel();
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
