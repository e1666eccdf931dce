// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'examples/**',
      'test/fixtures/**/dist/**',
      'test/fixtures/workspaces/**',
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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'fs', message: 'Use vscode.workspace.fs: workspaces can be remote or virtual.' },
            { name: 'node:fs', message: 'Use vscode.workspace.fs: workspaces can be remote or virtual.' },
            { name: 'fs/promises', message: 'Use vscode.workspace.fs: workspaces can be remote or virtual.' },
            { name: 'node:fs/promises', message: 'Use vscode.workspace.fs: workspaces can be remote or virtual.' },
          ],
        },
      ],
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
            { name: 'vscode', allowTypeImports: true, message: 'src/core is pure: convert VS Code objects to plain data in src/vscode.' },
            { name: 'fs', message: 'src/core does no I/O.' },
            { name: 'node:fs', message: 'src/core does no I/O.' },
            { name: 'fs/promises', message: 'src/core does no I/O.' },
            { name: 'node:fs/promises', message: 'src/core does no I/O.' },
          ],
          patterns: [{ group: ['../vscode/*', '../../vscode/*', '**/vscode/**'], message: 'src/core must not depend on the adapters.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
