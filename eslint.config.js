// Lint, including the rule that keeps each folder in its own environment:
// shared/ never touches Node or the DOM; electron/core/ never imports electron; the renderer
// reaches the core only through the API client.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'fastify', '@fastify/*', 'ws'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeOnly, 'electron', 'react', 'react-dom', 'zustand'], message: 'shared/ is pure TypeScript: no Node, Electron or DOM.' },
            { group: ['**/electron/**', '**/renderer/**', '**/server/**'], message: 'shared/ must not depend on the sides that use it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The core is plain Node: only electron/main and electron/preload import electron.' },
            { group: ['react', 'react-dom', 'zustand', '**/renderer/**'], message: 'The core does not know the UI.' },
          ],
        },
      ],
    },
  },
  {
    // The records server is plain Node too; it may use the core's plain modules (electron/core/…,
    // e.g. hashEvent) but never the electron package, the UI, or the laptop's Electron shell.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The records server is plain Node: it never imports electron.' }],
          patterns: [
            { group: ['electron/*', '**/electron/main*', '**/electron/preload*'], message: 'The records server is plain Node: it never imports electron.' },
            { group: ['react', 'react-dom', 'zustand', '**/renderer/**'], message: 'The records server does not know the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeOnly, 'electron'], message: 'The renderer runs in a sandboxed page: use the API client.' },
            { group: ['**/electron/**', '**/server/**'], message: 'The renderer talks to the core only through the injected API client.' },
          ],
        },
      ],
    },
  },
);
