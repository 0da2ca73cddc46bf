import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers import one way (design.md): engine <- scenario <- protocol <- worker;
// schema-kit (the valibot helpers every input format is built from) imports no other layer;
// engine, scenario <- scenario-run (a scenario run on the engine, for the CLI and tests);
// protocol <- client <- store <- ui; viz draws from protocol's view types only. Outside the
// engine, src/engine/index.ts is the only way in (tests may use engine/test-support).
const dirRegex = (dir) => String.raw`(^|/)${dir}(/|$)`;
const ENGINE_ENTRY = {
  regex: String.raw`(^|/)engine/(?!index$|test-support/)`,
  message: 'Import the engine through src/engine/index.ts (its public surface).',
};
// Integration tests may cross layers (a transport test drives both of its ends).
const layer = (files, forbidden, { engineEntry = true, withTests = false } = {}) => ({
  files,
  ...(withTests ? {} : { ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'] }),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((dir) => ({
            regex: dirRegex(dir),
            message: `${files[0]} must not import from ${dir}/ (see the Architecture section of README.md).`,
          })),
          ...(engineEntry ? [ENGINE_ENTRY] : []),
        ],
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
    ['scenario', 'scenario-run', 'protocol', 'worker', 'client', 'store', 'ui', 'viz', 'cli'],
    { engineEntry: false, withTests: true },
  ),
  layer(
    ['src/schema-kit/**'],
    [
      'engine',
      'scenario',
      'scenario-run',
      'protocol',
      'worker',
      'client',
      'store',
      'ui',
      'viz',
      'cli',
    ],
  ),
  layer(
    ['src/scenario/**'],
    ['scenario-run', 'protocol', 'worker', 'client', 'store', 'ui', 'viz', 'cli'],
  ),
  layer(['src/scenario-run/**'], ['protocol', 'worker', 'client', 'store', 'ui', 'viz', 'cli']),
  layer(['src/protocol/**'], ['scenario-run', 'worker', 'client', 'store', 'ui', 'viz', 'cli']),
  layer(['src/worker/**'], ['scenario-run', 'client', 'store', 'ui', 'viz', 'cli']),
  layer(['src/client/**'], ['scenario', 'scenario-run', 'store', 'ui', 'viz', 'cli', 'worker']),
  layer(['src/store/**'], ['scenario-run', 'ui', 'viz', 'cli', 'worker']),
  layer(['src/ui/**'], ['engine', 'scenario-run', 'worker', 'client', 'cli']),
  layer(
    ['src/viz/**'],
    ['engine', 'scenario', 'scenario-run', 'worker', 'client', 'store', 'ui', 'cli'],
  ),
  layer(['src/cli/**', 'src/main.tsx'], []),
);
