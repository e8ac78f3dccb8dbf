import 'server-only'
import { headers } from 'next/headers'

/**
 * This site's origin as the manager's browser reached it (behind a proxy: the forwarded host and
 * scheme), for the pairing URL a tablet on the same network will open.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers()
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost'
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'
  return `${proto}://${host}`
}
