import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering rule (as VS Code's): shared imports nothing of the others;
 * main and renderer never import each other; preload only shared. Also
 * checked by tests/architecture/layering.test.ts, which reads every import.
 */
const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/shared/**/*.ts', 'src/shared/**/*.tsx'],
    rules: restrict(
      [['**/main/**', '**/renderer/**', '**/preload/**', '**/sync-server/**'], 'src/shared imports nothing from main, preload, renderer or sync-server.'],
      [['node:*', 'electron', 'fs', 'path', 'child_process', 'os', 'crypto'], 'src/shared runs in Node and in browsers: no Node built-ins, no Electron.'],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict([['**/renderer/**', '**/preload/**'], 'The main process never imports the renderer or preload.']),
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/web-host/**/*.ts'],
    rules: restrict(
      [['**/renderer/**', '**/preload/**'], 'The main process never imports the renderer or preload.'],
      [['electron'], 'Host services are plain modules: only src/main/index.ts and ipc.ts touch Electron.'],
    ),
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/main/**', '**/preload/**', 'electron', 'node:*'], message: 'The renderer never imports main, preload, Electron or Node built-ins: it asks the host API.' }],
        // Mantine's NumberInput clamps and rounds without a word ("48.2K" became 48, -500 became 0).
        paths: [{ name: '@mantine/core', importNames: ['NumberInput'], message: 'Use components/number-field.tsx: it reads numbers with the app\'s one reader and refuses with the reason instead of clamping.' }],
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([['**/main/**', '**/renderer/**'], 'The preload only bridges the shared host contract.']),
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: restrict([['**/src/main/**', '**/src/renderer/**', '**/src/preload/**'], 'The sync server shares only src/shared with the app.']),
  },
);
