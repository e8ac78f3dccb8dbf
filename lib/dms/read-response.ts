import { describeBody, looksLikeHtml } from './body-snippet'
import { parseJsonKeepingIds } from './json-text'
import { rawEnvelope } from './raw-schemas'
import type { DmsError } from './types'

/*
 * Classifies a complete HTTP answer from DMS. Pure: the transport does the I/O and hands over the
 * status and the body text. A rejection keeps DMS's `data`, since a close answered 2003 carries the
 * paid status there.
 */

export const SUCCESS_CODE = 1000

export type Reply = { ok: true; data: unknown } | { ok: false; error: DmsError; data?: unknown }

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Yii/Laravel-style `{"name","message","code","status"}`: the framework failed before DMS's code ran. */
function frameworkError(v: Json): { message: string; status?: number } | undefined {
  if ('errCode' in v || typeof v.message !== 'string') return undefined
  if (!('name' in v) && !('status' in v) && !('code' in v)) return undefined
  const name = typeof v.name === 'string' && v.name ? `${v.name}: ` : ''
  const status = Number(v.status)
  return {
    message: `${name}${v.message}`.slice(0, 200),
    status: Number.isInteger(status) && status >= 400 ? status : undefined,
  }
}

const unavailable = (
  reason: Extract<DmsError, { kind: 'unavailable' }>['reason'],
  detail: string,
  status?: number,
): Reply => ({
  ok: false,
  error: { kind: 'unavailable', reason, detail, sent: true, ...(status ? { status } : {}) },
})

function fromEnvelope(v: Json): Reply {
  const parsed = rawEnvelope.safeParse(v)
  if (!parsed.success) return unavailable('shape', 'errCode is not a number')
  const { errCode, errMsg, data } = parsed.data
  if (errCode === SUCCESS_CODE) return { ok: true, data }
  return {
    ok: false,
    error: { kind: 'rejected', code: errCode, message: errMsg.trim().slice(0, 500) },
    data,
  }
}

function fromHttpError(status: number, body: string): Reply {
  const parsed = parseJsonKeepingIds(body)
  if (parsed.ok && isObject(parsed.value)) {
    // A PHP app often answers 401/429/500 with its own envelope: its errCode says more than the status.
    if ('errCode' in parsed.value) {
      const reply = fromEnvelope(parsed.value)
      if (!reply.ok && reply.error.kind === 'rejected') return reply
    }
    const fw = frameworkError(parsed.value)
    if (fw) return unavailable('http', `HTTP ${status}: ${fw.message}`, status)
  }
  return unavailable('http', `HTTP ${status}: ${describeBody(body)}`, status)
}

export function readResponse(status: number, text: string): Reply {
  const body = text.replace(/^\uFEFF/, '')
  if (status < 200 || status > 299) return fromHttpError(status, body)
  if (body.trim() === '') return unavailable('garbage', `HTTP ${status}: empty body`)
  if (looksLikeHtml(body)) return unavailable('html', `HTTP ${status}: ${describeBody(body)}`)

  const parsed = parseJsonKeepingIds(body)
  if (!parsed.ok) {
    return parsed.truncated
      ? unavailable('truncated', `JSON cut off after ${body.length} characters`)
      : unavailable('garbage', `not JSON: ${describeBody(body)}`)
  }
  if (!isObject(parsed.value)) return unavailable('shape', 'expected a JSON object')
  if (!('errCode' in parsed.value)) {
    const fw = frameworkError(parsed.value)
    if (fw?.status) return unavailable('http', `HTTP ${fw.status}: ${fw.message}`, fw.status)
    if (fw) return unavailable('shape', `framework error: ${fw.message}`)
    return unavailable('shape', 'no errCode in the response')
  }
  return fromEnvelope(parsed.value)
}
