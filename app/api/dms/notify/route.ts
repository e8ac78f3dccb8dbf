import { receiveNotification } from '@/lib/charges/notification'

const MAX_BODY = 8 * 1024

/** DMS's result notification (contract F). Answers `success` to anything validly signed. */
export async function POST(request: Request) {
  const raw = await request.text()
  if (raw.length > MAX_BODY) return new Response('too large', { status: 413 })
  const outcome = await receiveNotification(raw, request.headers.get('x-dms-signature'))
  if (outcome === 'bad-signature') return new Response('bad signature', { status: 401 })
  if (outcome === 'malformed') return new Response('malformed', { status: 400 })
  // An order we don't know is still acknowledged, or DMS would retry it forever.
  return new Response('success', { headers: { 'content-type': 'text/plain' } })
}
