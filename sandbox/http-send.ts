import type { ServerResponse } from 'node:http'

/** Answers are written only once and never to a socket the client already gave up on. */
function writable(res: ServerResponse): boolean {
  return !res.headersSent && !res.destroyed && !res.writableEnded
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body))
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  if (!writable(res)) return
  const buf = Buffer.from(body, 'utf8')
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': buf.length })
  res.end(buf)
}

/** Writes only the first half of `body`, framed as complete: the client gets cut-off JSON. */
export function sendTruncatedJson(res: ServerResponse, body: unknown): void {
  if (!writable(res)) return
  const full = Buffer.from(JSON.stringify(body), 'utf8')
  const cut = full.subarray(0, Math.max(1, Math.floor(full.length / 2)))
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': cut.length,
  })
  res.end(cut)
}
