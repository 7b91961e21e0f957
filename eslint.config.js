import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import importDirection from './tools/eslint/import-direction.js';
import lifecycleTable from './tools/eslint/lifecycle-table.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: {
      sigap: {
        rules: { 'import-direction': importDirection, 'lifecycle-table': lifecycleTable },
      },
    },
    rules: {
      'sigap/import-direction': 'error',
      'sigap/lifecycle-table': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'hub/inbox/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Sigap does not use the React Compiler; this rule only reports what it would skip.
      'react-hooks/incompatible-library': 'off',
      // Caller text is never HTML (DESIGN §6): no escape hatch.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Caller text is shown as text; never set HTML.',
        },
      ],
    },
  },
  {
    files: [
      'electron/**',
      'hub/**',
      'scripts/**',
      'tests/**',
      'bench/**',
      'tools/**',
      '*.config.{js,ts}',
    ],
    // The inbox page runs in the browser, not in the hub process.
    ignores: ['hub/inbox/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // The lifecycle table itself, and tests and benchmarks: they assert or wait for the
    // exact status a user sees after an action, so the literal is the point; checking it
    // through the table would test the table against itself.
    files: ['shared/domain/**', 'tests/**', 'bench/**', '**/*.test.{ts,tsx}', '**/*.spec.{ts,tsx}'],
    rules: { 'sigap/lifecycle-table': 'off' },
  },
);
