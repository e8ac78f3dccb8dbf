// @ts-check
import createNextIntlPlugin from 'next-intl/plugin'
import { BASE_SECURITY_HEADERS, SECURITY_HEADERS } from './lib/server/security-headers.js'

// Messages compiled at build time (messages/load.ts imports them): no ICU parser in the browser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: {
    messages: { path: './messages', format: 'json', locales: 'infer', precompile: true },
  },
})

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native / node-only, ExcelJS a large node-only library: load them
  // from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', 'bcryptjs', 'exceljs'],
  // The build typechecks what it builds: the app (tsconfig.build.json leaves out the sandbox,
  // tests, benchmarks and scripts, which `npm run typecheck` covers with the whole tsconfig.json).
  // `npm test` sets BUILD_SKIP_TYPECHECK once its own `tsc --noEmit` of everything has passed.
  typescript: {
    ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === '1',
    tsconfigPath: 'tsconfig.build.json',
  },
  async headers() {
    return [
      // Pages get their Content-Security-Policy, with a nonce, from proxy.ts; what the proxy does
      // not see (API routes, static files) gets the one that allows nothing.
      { source: '/:path*', headers: [...BASE_SECURITY_HEADERS] },
      { source: '/api/:path*', headers: [...SECURITY_HEADERS] },
      { source: '/_next/:path*', headers: [...SECURITY_HEADERS] },
    ]
  },
  experimental: {
    // The same 64 KB as lib/server/body-limit.ts: an action never needs more.
    serverActions: { bodySizeLimit: '64kb' },
    // What Next holds in memory of a body while the proxy runs (default 10 MB a request).
    proxyClientMaxBodySize: '64kb',
  },
}

export default withNextIntl(nextConfig)
