import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTs,
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
    // The DMS sandbox is a program of its own: the app reaches it only where demo mode starts it
    // (scripts/start.ts, scripts/sandbox.ts), so it can never land in a page's bundle.
    files: ['app/**', 'components/**', 'lib/**', 'i18n/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/sandbox', '@/sandbox/*', '**/sandbox/*'],
              message:
                'The app does not import the DMS sandbox (only scripts/start.ts and scripts/sandbox.ts start it).',
            },
          ],
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
