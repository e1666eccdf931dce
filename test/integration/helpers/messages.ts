import * as vscode from 'vscode';

/**
 * Records the messages the extension shows. Tests share the `vscode` API object with the extension they
 * test, so wrapping the window's message functions sees the extension's calls too.
 */
export function captureMessages(): { readonly shown: Array<{ level: 'error' | 'warning' | 'info'; text: string }>; restore(): void } {
  const shown: Array<{ level: 'error' | 'warning' | 'info'; text: string }> = [];
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = { error: window['showErrorMessage'], warning: window['showWarningMessage'], info: window['showInformationMessage'] };
  // Never leave a notification waiting for a click: resolve as if it was dismissed.
  const wrap =
    (level: 'error' | 'warning' | 'info') =>
    (...args: unknown[]) => {
      shown.push({ level, text: String(args[0]) });
      return Promise.resolve(undefined);
    };
  window['showErrorMessage'] = wrap('error');
  window['showWarningMessage'] = wrap('warning');
  window['showInformationMessage'] = wrap('info');
  return {
    shown,
    restore() {
      window['showErrorMessage'] = originals.error as (...args: unknown[]) => unknown;
      window['showWarningMessage'] = originals.warning as (...args: unknown[]) => unknown;
      window['showInformationMessage'] = originals.info as (...args: unknown[]) => unknown;
    },
  };
}
