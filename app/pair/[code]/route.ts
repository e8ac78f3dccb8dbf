import { connection } from 'next/server'
import { isPrefetch } from '@/lib/display/http'
import { pairThisBrowser } from '@/lib/display/pair-request'

/**
 * The URL in the manager's pairing QR: opening it pairs this browser as the station's customer
 * screen and lands on /display. A browser prefetch must not spend the single-use code.
 */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  await connection()
  if (isPrefetch(req))
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  const { code } = await params
  return pairThisBrowser(req, code.slice(0, 32))
}
