import { connection } from 'next/server'
import { pairThisBrowser } from '@/lib/display/pair-request'
import { readBodyWithin } from '@/lib/server/body-limit'
import { isSameOrigin } from '@/lib/server/request-origin'

const MAX_BODY = 4 * 1024

/**
 * The pairing screen's form posts here (a plain HTML form: it works before any script has loaded).
 * Answers with a redirect: to /display with the device cookie, or back to the form with a notice.
 * Only from this site's own page (Origin): another site cannot make a browser pair itself, and a
 * guesser must at least say where it comes from. The code itself is the credential.
 */
export async function POST(req: Request) {
  await connection()
  if (!isSameOrigin(req.headers)) {
    return Response.json(
      { error: 'cross-origin', message: 'Pair from this site’s own pairing page (/display).' },
      { status: 403, headers: { 'cache-control': 'no-store' } },
    )
  }
  const body = await readBodyWithin(req, MAX_BODY)
  if (!body.ok) return body.response
  const code = new URLSearchParams(body.text).get('code')
  return pairThisBrowser(req, (code ?? '').slice(0, 32))
}
