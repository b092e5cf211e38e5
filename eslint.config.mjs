// ESLint (typescript-eslint) for the server, admin, scripts, tests and the reader;
// formatting is Prettier's (eslint-config-prettier turns the overlapping rules off).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import layers from './eslint/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      '.tmp/**',
      '.strapi/**',
      'node_modules/**',
      'types/generated/**',
      'public/uploads/**',
      'tests/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser }, sourceType: 'module' } },
  // CommonJS scripts and test helpers load modules with require.
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['public/**/*.js'], languageOptions: { sourceType: 'module' } },
  // Tests and the test config load CommonJS helpers and fresh modules with require.
  { files: ['tests/**', 'config/env/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters are matched on purpose (characters XML forbids, NUL bytes).
      'no-control-regex': 'off',
      // CommonJS scripts name their `crypto` require like the global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  // The layers of src/ (eslint/layers.mjs): a feature reaches another through its index only.
  { files: ['src/**/*.ts', 'src/**/*.tsx'], plugins: { newsroom: layers }, rules: { 'newsroom/layers': 'error' } },
  prettier
);
