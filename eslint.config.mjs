import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/*
 * Dependencies run one way: app → components → lib (and i18n/, the next-intl config, → messages →
 * lib). An import back up is refused by the rules below, a cycle anywhere by import/no-cycle
 * (eslint-plugin-import, brought by eslint-config-next, resolving `@/` through the TypeScript
 * resolver that config sets up).
 */
const upward = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map(([from, message]) => ({
        group: [`@/${from}`, `@/${from}/**`, `**/${from}/**`],
        message,
      })),
    },
  ],
})
const APP = [
  'app',
  'components and lib sit below app/: move what both need down, not the import up.',
]
const COMPONENTS = ['components', 'lib sits below components/: it may not import UI.']
const I18N = [
  'i18n',
  'lib and messages sit below i18n/ (the next-intl config): take locales from lib/locale.ts.',
]
const MESSAGES = ['messages', 'lib sits below messages/: it may not import the message loader.']
// The DMS sandbox is a program of its own: the app reaches it only where demo mode starts it
// (scripts/demo-sandbox.ts, scripts/sandbox.ts; scripts/demo-history.ts plays its customer), so it
// can never land in a page's bundle. Tests may drive it.
const SANDBOX = [
  'sandbox',
  'The app does not import the DMS sandbox (only scripts/demo-sandbox.ts and scripts/sandbox.ts start it).',
]

/* The code that owns the charges and charge_events tables (docs/conventions.md). */
const CHARGES_STORE = [
  'lib/charges/repo.ts',
  'lib/charges/repo-events.ts',
  'lib/charges/repo-checks.ts',
  'lib/charges/station-charges.ts',
  'lib/charges/queries/**',
]

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{js,jsx,mjs,ts,tsx}'],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // One no-restricted-imports per file (a later block's options replace an earlier one's): each
  // block below lists every group its files may not import.
  {
    files: ['app/**', 'i18n/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['**/*.test.ts'],
    rules: upward(SANDBOX),
  },
  { files: ['components/**'], rules: upward(APP, SANDBOX) },
  { files: ['lib/**'], rules: upward(APP, COMPONENTS, I18N, MESSAGES, SANDBOX) },
  { files: ['lib/**/*.test.ts'], rules: upward(APP, COMPONENTS, I18N, MESSAGES) },
  { files: ['messages/**'], rules: upward(APP, COMPONENTS, I18N, SANDBOX) },
  {
    // One owner per table: only the charges store reads or writes charges and charge_events.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', 'lib/db/**', ...CHARGES_STORE],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/][arguments.0.value=/^charge(s|_events)(\\s|$)/]',
          message:
            'The charges and charge_events tables belong to the charges store (lib/charges/repo*.ts, station-charges.ts, queries/): call its camelCase API.',
        },
      ],
    },
  },
  {
    // A focused test (test.only, it.only, describe.only…) makes a run of one look like a run of all.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='only']",
          message: 'No focused tests: .only would skip every other test of the run.',
        },
      ],
    },
  },
  {
    // …and the sandbox imports nothing of the app: it is the other side of the DMS contract.
    files: ['sandbox/**'],
    ignores: ['sandbox/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/*', '!@/sandbox/*'],
              message:
                'The sandbox imports nothing of the app: relative imports within sandbox/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
]

export default config
