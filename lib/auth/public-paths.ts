/** Paths a visitor may open without a staff session. Everything else needs one. */
const PUBLIC_PREFIXES = [
  '/login',
  '/api/auth',
  '/api/health',
  '/api/dms/notify',
  '/display',
  '/api/display',
  '/pair',
]

const PUBLIC_FILES = /\.(?:png|svg|ico|webmanifest|mp3|wav|txt|json)$/

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_FILES.test(pathname)) return true
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))
}
