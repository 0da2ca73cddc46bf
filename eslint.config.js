import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers import one way (design.md): engine <- scenario <- protocol <- worker; protocol <- client <- store <- ui.
const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/*`, `../${dir}`, `./${dir}`],
          message: `${files[0]} must not import from ${dir}/ (see the Architecture section of README.md).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'bench-results', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine is deterministic: time and randomness are passed in, never read from the host.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'setTimeout',
        'setInterval',
        'performance',
        'crypto',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the state.' },
        { object: 'Date', property: 'now', message: 'Use simulated time (state.now).' },
      ],
    },
  },
  layer(
    ['src/engine/**'],
    ['scenario', 'protocol', 'worker', 'client', 'store', 'ui', 'viz', 'cli'],
  ),
  layer(['src/scenario/**'], ['protocol', 'worker', 'client', 'store', 'ui', 'viz', 'cli']),
  layer(['src/protocol/**'], ['worker', 'client', 'store', 'ui', 'viz', 'cli']),
  layer(['src/viz/**'], ['engine', 'scenario', 'worker', 'client', 'store', 'ui', 'cli']),
);
