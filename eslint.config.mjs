import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const TAG_CONSTRAINTS = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:testing'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:testing'] },
  { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:testing'] },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:service', 'type:sandbox'] },
];

/** Tests (and their support files) may also drive code against the vendor stand-ins and the test harness. */
const TEST_TAG_CONSTRAINTS = TAG_CONSTRAINTS.map((constraint) =>
  ['type:service', 'type:composition'].includes(constraint.sourceTag)
    ? { ...constraint, onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'type:sandbox', 'type:testing'])] }
    : constraint,
);

/** The six deployables, importable (as service definitions) by the composition root only. */
const SERVICE_PACKAGES = ['media-gateway', 'stt', 'dialog-manager', 'tts', 'tool-executor', 'outbound-scheduler'].map(
  (name) => `@va/${name}`,
);

/**
 * Lint: TypeScript rules, module boundaries by Nx tags (a library never imports a service, a
 * service never imports another service), and config discipline (only the config library and
 * the test harness read the environment).
 */
export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/gen/**', '.infra/**', '.nx/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: TAG_CONSTRAINTS }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @va/config (loadConfig); nothing else reads process.env.',
        },
      ],
    },
  },
  {
    // Nx forbids importing applications outright; the embedded composition root is the one
    // place that must, so only its files may import the service packages.
    files: ['services/platform/src/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: SERVICE_PACKAGES, depConstraints: TAG_CONSTRAINTS },
      ],
    },
  },
  {
    // A service's tests run it against the sandbox stand-ins: test infrastructure, never product code.
    files: ['services/*/src/**/*.test.ts', 'services/*/src/**/*.test-support.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: TEST_TAG_CONSTRAINTS },
      ],
    },
  },
  {
    // The demo (`npm run demo`) is a dev tool like the benchmarks: it drives the platform with the sandbox.
    files: ['services/platform/src/**/*.test.ts', 'services/platform/src/**/*.test-support.ts', 'services/platform/src/**/*.bench.ts', 'services/platform/src/demo/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: SERVICE_PACKAGES, depConstraints: TEST_TAG_CONSTRAINTS },
      ],
    },
  },
  {
    files: ['libs/config/src/**/*.ts', 'libs/testing/src/test-infra.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
