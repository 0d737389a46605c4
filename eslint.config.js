import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.bench-cache/**',
      'test/e2e/screenshots/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only the Electron door may import electron: everything else must run (and be tested) in plain Node.
    files: ['src-main/**/*.ts', 'seeds/**/*.ts'],
    ignores: ['src-main/main.ts', 'src-main/preload.ts', 'src-main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'keep electron in main.ts, preload.ts and ipc.ts' }] },
      ],
    },
  },
  {
    // The renderer reaches the core only through the API client: no Node, no store.
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'better-sqlite3', 'electron'], message: 'the renderer cannot reach Node' },
            {
              group: ['**/src-main/store/**', '**/src-main/services/**', '**/src-main/api/handlers*'],
              message: 'use the API client (src-renderer/api.ts)',
            },
          ],
        },
      ],
    },
  },
);
