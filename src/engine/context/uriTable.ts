import type * as vscode from 'vscode';

/**
 * The resources of one request, by the key the core knows them by. The core works on plain strings;
 * the edge keeps the `Uri` objects it started from, so nothing is parsed back from a string.
 */
export class UriTable {
  readonly #byKey = new Map<string, vscode.Uri>();

  remember(uri: vscode.Uri): string {
    const key = uri.toString();
    this.#byKey.set(key, uri);
    return key;
  }

  /** A resource whose key was made elsewhere (a gatherer's plain data), under that key. */
  rememberAs(key: string, uri: vscode.Uri): void {
    this.#byKey.set(key, uri);
  }

  get(key: string | undefined): vscode.Uri | undefined {
    return key === undefined ? undefined : this.#byKey.get(key);
  }

  all(): vscode.Uri[] {
    return [...this.#byKey.values()];
  }
}
