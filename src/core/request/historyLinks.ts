/**
 * The findings table links each finding to its file by the file's URI, so that a click opens it. When an
 * earlier answer goes back to the model as history, those URIs would tell it where the workspace sits on
 * the user's disk (a user name, a home folder) and cost tokens for nothing: each workspace folder's URI
 * prefix is taken out, which leaves the workspace-relative path the rest of the prompt uses.
 *
 * A plain search for fixed strings, so the cost is linear in the answer's length whatever it contains.
 */
export function withWorkspaceRelativeLinks(text: string, folderUris: readonly string[]): string {
  // Longest first: a folder nested in another is taken out whole, not as its parent plus a remainder.
  const prefixes = [...folderUris].map((uri) => (uri.endsWith('/') ? uri : `${uri}/`)).sort((a, b) => b.length - a.length);
  return prefixes.reduce((current, prefix) => current.split(`(${prefix}`).join('('), text);
}
