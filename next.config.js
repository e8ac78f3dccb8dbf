import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and pg are native / node-only: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', 'bcryptjs'],
  // `npm test` runs `tsc --noEmit` over the whole repository (tests and scripts included) before it
  // builds; checking again inside the build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: '64kb' },
  },
}

export default withNextIntl(nextConfig)
