import { receiveNotification } from '@/lib/charges/notification'
import { readCappedText } from '@/lib/server/read-capped'

const MAX_BODY = 8 * 1024

/** DMS's result notification (contract F). Answers `success` to anything validly signed. */
export async function POST(request: Request) {
  // Public endpoint: never buffer more than a notification can be.
  const raw = await readCappedText(request, MAX_BODY)
  if (raw === null) return new Response('too large', { status: 413 })
  const outcome = await receiveNotification(raw, request.headers.get('x-dms-signature'))
  if (outcome === 'bad-signature') return new Response('bad signature', { status: 401 })
  if (outcome === 'malformed') return new Response('malformed', { status: 400 })
  // An order we don't know is still acknowledged, or DMS would retry it forever.
  return new Response('success', { headers: { 'content-type': 'text/plain' } })
}
