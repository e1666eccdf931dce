import { baseName } from '../text';

/** A language id for a file that is not open, from its extension: enough for a code fence's info string. */
const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  jsx: 'javascriptreact',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  cs: 'csharp',
  rb: 'ruby',
  php: 'php',
  swift: 'swift',
  sql: 'sql',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  md: 'markdown',
  sh: 'shellscript',
  bash: 'shellscript',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  hpp: 'cpp',
  scala: 'scala',
  ex: 'elixir',
  exs: 'elixir',
  proto: 'proto',
  graphql: 'graphql',
  gql: 'graphql',
  tf: 'terraform',
  dockerfile: 'dockerfile',
  xml: 'xml',
  html: 'html',
  css: 'css',
  vue: 'vue',
  svelte: 'svelte',
  prisma: 'prisma',
};

export function languageForPath(path: string): string {
  const name = baseName(path).toLowerCase();
  if (name === 'dockerfile') return 'dockerfile';
  const extension = name.includes('.') ? name.replace(/^.*\./, '') : '';
  return BY_EXTENSION[extension] ?? 'plaintext';
}
