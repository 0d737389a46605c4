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
    ignores: ['src-main/doors/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'keep electron in src-main/doors/electron' }] },
      ],
    },
  },
  {
    // The renderer reaches the core only through the API client and @shared: no Node, no main-side code.
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'better-sqlite3', 'electron'], message: 'the renderer cannot reach Node' },
            {
              group: ['**/src-main/**', '**/src-main', '**/seeds/**'],
              message: 'the renderer imports main-side code only through @shared and the API client',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared code runs in both processes: it imports neither side, nor Node, DOM or React.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'better-sqlite3', 'electron', 'react', 'react-dom', 'zustand'],
              message: 'src-shared is plain TypeScript for both processes',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/seeds/**'],
              message: 'src-shared imports nothing of main or renderer',
            },
          ],
        },
      ],
    },
  },
);
