/** The exclude list as one glob for findFiles (the gate checks every file anyway): installed packages never searched. */
export function excludeGlob(exclude: readonly string[]): string {
  const patterns = exclude
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '' && !/[{},]/.test(pattern))
    .map((pattern) => (pattern.includes('/') ? pattern : `**/${pattern}`));
  return `{${['**/node_modules/**', ...patterns].join(',')}}`;
}
