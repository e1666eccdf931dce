/**
 * User-facing text is written in English in the core and translated at the edge: the adapters pass
 * `vscode.l10n.t`, whose runtime lookup key is the English template itself. Templates use `{0}`, `{1}`.
 */
export type Translate = (template: string, ...args: Array<string | number>) => string;

export const english: Translate = (template, ...args) =>
  template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

/** 1234567 → "1,234,567": counts in user-facing notes read better grouped. */
export function groupDigits(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
