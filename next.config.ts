import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import { SECURITY_HEADERS } from './lib/http/security-headers'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native / node-only: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', 'bcryptjs'],
  // `npm test` runs `tsc --noEmit` over the whole repository (tests and scripts included) before it
  // builds; checking again inside the build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: '/:path*', headers: [...SECURITY_HEADERS] }]
  },
  experimental: {
    serverActions: { bodySizeLimit: '64kb' },
  },
}

export default withNextIntl(nextConfig)
