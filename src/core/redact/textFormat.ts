/**
 * Where a text comes from, as far as redaction needs to know: a file's path (workspace-relative, a
 * diff's path, a label) and the editor's language id. Both are optional; a question typed in the chat
 * has neither.
 */
export interface TextOrigin {
  readonly path?: string;
  readonly languageId?: string;
}

/**
 * What a text's format says about an unquoted value after a password key:
 * - `config`: `.properties`, `.ini`, `.env`, YAML, TOML and the like, where `password=hunter2` is the
 *   value itself;
 * - `code`: a programming language, where `password = hunter2` assigns a variable, `password: str` is a
 *   type and `password: z` starts a schema: only a quoted literal is a value there;
 * - `unknown`: no path or one we do not know (a pasted question, a markdown file): read as config, with
 *   values that read as code left alone.
 */
export type TextFormat = 'config' | 'code' | 'unknown';

const FORMAT_OF_EXTENSION: Readonly<Record<string, TextFormat>> = {
  properties: 'config',
  ini: 'config',
  cfg: 'config',
  conf: 'config',
  cnf: 'config',
  env: 'config',
  toml: 'config',
  yaml: 'config',
  yml: 'config',
  npmrc: 'config',
  netrc: 'config',
  pgpass: 'config',
  pypirc: 'config',
  envrc: 'config',
  ts: 'code',
  tsx: 'code',
  mts: 'code',
  cts: 'code',
  js: 'code',
  jsx: 'code',
  mjs: 'code',
  cjs: 'code',
  py: 'code',
  pyi: 'code',
  go: 'code',
  java: 'code',
  kt: 'code',
  kts: 'code',
  scala: 'code',
  groovy: 'code',
  cs: 'code',
  fs: 'code',
  rb: 'code',
  php: 'code',
  rs: 'code',
  swift: 'code',
  dart: 'code',
  c: 'code',
  h: 'code',
  cc: 'code',
  cpp: 'code',
  hpp: 'code',
  m: 'code',
  lua: 'code',
  vue: 'code',
  svelte: 'code',
};

const FORMAT_OF_LANGUAGE: Readonly<Record<string, TextFormat>> = {
  properties: 'config',
  'java-properties': 'config',
  ini: 'config',
  dotenv: 'config',
  env: 'config',
  toml: 'config',
  yaml: 'config',
  'github-actions-workflow': 'config',
  dockercompose: 'config',
  typescript: 'code',
  typescriptreact: 'code',
  javascript: 'code',
  javascriptreact: 'code',
  python: 'code',
  go: 'code',
  java: 'code',
  kotlin: 'code',
  scala: 'code',
  groovy: 'code',
  csharp: 'code',
  fsharp: 'code',
  ruby: 'code',
  php: 'code',
  rust: 'code',
  swift: 'code',
  dart: 'code',
  c: 'code',
  cpp: 'code',
  'objective-c': 'code',
  lua: 'code',
  vue: 'code',
  svelte: 'code',
};

/** The format a text's path says, else its language id, else `unknown`. `.env.local` and `prod.env` are config. */
export function formatOf(origin: TextOrigin | undefined): TextFormat {
  const name = (origin?.path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (/^\.env(?:\.|$)/.test(name)) return 'config';
  const dot = name.lastIndexOf('.');
  const byPath = dot === -1 ? undefined : FORMAT_OF_EXTENSION[name.slice(dot + 1)];
  return byPath ?? FORMAT_OF_LANGUAGE[origin?.languageId ?? ''] ?? 'unknown';
}

/** Where an attached file comes from: its workspace-relative path (the label of an untitled one) and language. */
export function originOf(source: { readonly matchPath: string; readonly label: string; readonly languageId: string }): TextOrigin {
  return { path: source.matchPath || source.label, languageId: source.languageId };
}
