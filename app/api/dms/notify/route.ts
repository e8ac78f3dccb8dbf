import { receiveNotification } from '@/lib/charges/notification'
import { readBodyWithin } from '@/lib/server/body-limit'

const MAX_BODY = 8 * 1024

/** DMS's result notification (contract F). Answers `success` to anything validly signed. */
export async function POST(request: Request) {
  // Public endpoint: never buffer more than a notification can be.
  const body = await readBodyWithin(request, MAX_BODY)
  if (!body.ok) return body.response
  const outcome = await receiveNotification(body.text, request.headers.get('x-dms-signature'))
  if (outcome === 'bad-signature') return new Response('bad signature', { status: 401 })
  if (outcome === 'malformed') return new Response('malformed', { status: 400 })
  // An order we don't know is still acknowledged, or DMS would retry it forever.
  return new Response('success', { headers: { 'content-type': 'text/plain' } })
}
