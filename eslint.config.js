// Flat ESLint config. Two jobs beyond style: the dependency direction of
// ../shared/design/architecture.md section 2, and the determinism bans of section 3.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const CORE = [
  'model',
  'kernels',
  'sim',
  'cluster',
  'metrics',
  'traffic',
  'controller',
  'scenario',
  'info',
];
const ALL = [...CORE, 'store', 'ui', 'kube', 'cli'];

/** Folders each folder may import (architecture.md section 2); everything else under src/ is a zone. */
const ALLOWED = {
  model: [],
  kernels: ['model'],
  sim: [],
  info: ['model'],
  cluster: ['model', 'kernels', 'sim'],
  metrics: ['model', 'sim'],
  traffic: ['model', 'sim', 'cluster'],
  controller: ['model', 'kernels', 'sim', 'metrics', 'traffic', 'cluster'],
  scenario: ['model', 'kernels', 'sim', 'cluster', 'metrics', 'traffic', 'controller', 'info'],
  store: ['scenario', 'kube', 'model', 'info'],
  ui: ['store', 'model'],
  kube: ['model', 'info', 'scenario', 'sim', 'cluster'],
  cli: ['scenario', 'model', 'info', 'kernels', 'sim', 'kube'],
};

const zones = Object.entries(ALLOWED).flatMap(([target, allowed]) =>
  ALL.filter((f) => f !== target && !allowed.includes(f)).map((from) => ({
    target: `./src/${target}`,
    from: `./src/${from}`,
    message: `architecture.md section 2: src/${target} may not import src/${from}.`,
  })),
);

const timerMessage = 'Core code is deterministic: schedule on the VirtualClock.';
const determinismBans = {
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: timerMessage },
    { name: 'setInterval', message: timerMessage },
    { name: 'setImmediate', message: timerMessage },
    { name: 'clearTimeout', message: timerMessage },
    { name: 'clearInterval', message: timerMessage },
    { name: 'requestAnimationFrame', message: timerMessage },
    { name: 'queueMicrotask', message: timerMessage },
    { name: 'Date', message: 'Core code has no wall time: use clock.now() (virtual ms).' },
    { name: 'performance', message: 'Core code has no wall time: use clock.now() (virtual ms).' },
    { name: 'fetch', message: 'Only src/kube talks to the network.' },
    { name: 'XMLHttpRequest', message: 'Only src/kube talks to the network.' },
    { name: 'WebSocket', message: 'Only src/kube talks to the network.' },
    { name: 'crypto', message: 'Use the seeded Rng from src/sim.' },
    { name: 'window', message: 'Core code never touches the DOM.' },
    { name: 'document', message: 'Core code never touches the DOM.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded Rng from src/sim.' },
  ],
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['react', 'react-*', 'react/*'], message: 'Core never imports React.' },
        { group: ['zustand', 'zustand/*'], message: 'Core never imports zustand.' },
        { group: ['d3', 'd3-*'], message: 'Core never imports d3.' },
        { group: ['@testing-library/*'], message: 'Core never imports the DOM.' },
        {
          group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
          message: 'Core runs in the browser too: no Node built-ins.',
        },
      ],
    },
  ],
};

export default defineConfig([
  globalIgnores([
    'dist',
    'storybook-static',
    'test-results',
    'coverage',
    '.scratch',
    'src/model/generated/**',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No export *: name each export (architecture.md 2.5).',
        },
      ],
    },
  },
  {
    files: CORE.map((f) => `src/${f}/**/*.ts`),
    rules: determinismBans,
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'stories/**/*.tsx', 'src/main.tsx'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zustand', 'zustand/*'],
              message: 'Only src/ui/hooks binds zustand to React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/hooks/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
]);
