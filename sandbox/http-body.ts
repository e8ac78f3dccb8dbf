import type { IncomingMessage } from 'node:http'

/*
 * Request bodies, read by hand (no framework). DMS is a PHP backend: it reads form bodies, and we also
 * accept JSON so a client that sends JSON is not punished for it.
 */

const MAX_BODY_BYTES = 1_000_000

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`body over ${MAX_BODY_BYTES} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export type ParsedBody =
  { ok: true; params: Record<string, unknown> } | { ok: false; error: string }

function isJson(contentType: string | undefined): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType?.trim() ?? '')
}

/** Form fields (a repeated field keeps its last value, as PHP does) or a JSON object. */
export function parseParams(raw: string, contentType: string | undefined): ParsedBody {
  if (raw.trim() === '') return { ok: true, params: {} }
  if (isJson(contentType)) {
    try {
      const value: unknown = JSON.parse(raw)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, error: 'JSON body must be an object' }
      }
      return { ok: true, params: value as Record<string, unknown> }
    } catch {
      return { ok: false, error: 'body is not valid JSON' }
    }
  }
  const params: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) params[key] = value
  return { ok: true, params }
}

/** A control-surface body: JSON object or nothing. */
export function parseJsonObject(raw: string): ParsedBody {
  return parseParams(raw, 'application/json')
}
