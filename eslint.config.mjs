// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NO_NODE_FS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
  name,
  message: 'Use vscode.workspace.fs: workspaces can be remote or virtual.',
}));
const ADAPTER_FOLDERS = ['**/activation/**', '**/engine/**', '**/common/**', '**/vscode/**', '**/engine', '**/extension'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'examples/**',
      'test/fixtures/**/dist/**',
      'test/fixtures/workspaces/**',
      // Real files copied unchanged from other projects, to measure redaction on.
      'test/fixtures/redaction-corpus/**',
      'bench/recall/workspace/**',
      '.vscode-test/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Workspace files are read through vscode.workspace.fs so remote and virtual workspaces work,
    // and zod is imported as a namespace so the bundle does not pull every locale.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: NO_NODE_FS }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^zod/] > ImportSpecifier[imported.name='z']",
          message: "Import zod as a namespace (import * as z from 'zod/mini'): `{ z }` bundles every locale.",
        },
      ],
    },
  },
  {
    // The core is pure: it must run in plain Node (unit tests) and never touch the editor at runtime.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', allowTypeImports: true, message: 'src/core is pure: convert VS Code objects to plain data at the edge.' },
            ...NO_NODE_FS.map((entry) => ({ ...entry, message: 'src/core does no I/O.' })),
          ],
          patterns: [{ group: ADAPTER_FOLDERS, message: 'src/core must not depend on the adapters.' }],
        },
      ],
    },
  },
  // The two bundles, by folder (scripts/bundle-split.mjs checks the built files too):
  //   src/activation/**  dist/extension.js, loaded at activation: no library, the engine only through engineLink
  //   src/engine/**      dist/engine.js, loaded on first use
  //   src/common/**      stateless adapters copied into both
  {
    files: ['src/activation/**/*.ts', 'src/extension.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NO_NODE_FS,
          patterns: [
            {
              group: ['**/engine/**', '**/engine'],
              allowTypeImports: true,
              message: 'Activation code reaches the engine only through engineLoader (src/activation/engineLink); types are fine.',
            },
            { regex: '^(?!\\.|vscode$|node:)', message: 'No library in the activation bundle: it loads with the window.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NO_NODE_FS,
          patterns: [
            {
              group: ['**/engine/**', '**/activation/**'],
              allowTypeImports: true,
              message: 'src/common is copied into both bundles: it depends on neither side.',
            },
            { regex: '^(?!\\.|vscode$|node:)', message: 'No library in src/common: it ships in the activation bundle too.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NO_NODE_FS,
          patterns: [
            {
              group: ['**/activation/**'],
              allowTypeImports: true,
              message:
                'The engine gets activation-side objects lent through EngineHost, never by import (each bundle would get its own copy).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
