// Lint for the whole repository: JavaScript's recommended rules and typescript-eslint's, over shipped code,
// maintainer tools and tests alike. Formatting is Prettier's (.prettierrc.json), not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'reports/', 'coverage/', 'action/index.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Matching control characters is the point where they are matched: escaping what a target wrote
      // for the terminal, scrubbing, and the tests that prove both.
      'no-control-regex': 'off',
    },
  },
  // CommonJS on purpose (Ajv's standalone validators require it): require is how it imports.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
