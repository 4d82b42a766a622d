// One lint for the whole repository: the backend, infra, tests and scripts (tsconfig.json) and the
// mini-program (miniapp/tsconfig.json). The rules catch bugs, not style: a promise nobody awaits,
// a hook that reads a stale value, a variable left behind. Formatting is left to the author.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'cdk.out*/**', '.tmp/**', 'coverage/**', 'miniapp/.swc/**', 'miniapp/babel.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Each file is typed by the tsconfig that includes it, so the type-aware rules see what tsc sees.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise left floating loses its error (an unhandled rejection kills a Lambda or a test run).
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function passed where a void callback is expected fails silently.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Tests and config use `any` at untyped edges; strict tsc already checks everything typed.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['miniapp/src/**/*.ts', 'miniapp/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A callback that captures a value and lists no dependency keeps the first render's value
      // forever (a translator stays in the old language after a switch).
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
