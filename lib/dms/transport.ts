import 'server-only'
import { readCappedText } from '@/lib/server/body-limit'
import { classifyFetchError } from './network-error'
import { readResponse, type Reply } from './read-response'
import type { DmsError } from './types'

/*
 * One POST to DMS: form-encoded body, bearer token, a hard timeout. Every failure comes back as a value
 * (never a throw) so the caller can tell "DMS said no" from "DMS never heard us" from "we do not know".
 */

export interface TransportConfig {
  baseUrl: string
  token: string
  timeoutMs: number
  fetch?: typeof fetch
}

export type Params = Record<string, string>

/**
 * Far above any DMS answer (a receivers list of thousands is a few hundred KB). A body past it is
 * no answer: without a limit a broken DMS or proxy streaming without end was read into memory
 * until the timeout, then counted as a timeout.
 */
export const DMS_MAX_BODY_BYTES = 1024 * 1024

// A token this short is no real secret, and scrubbing it would mangle ordinary words in messages.
const MIN_SCRUB_LENGTH = 8
const scrub = (text: string, token: string) =>
  token.length >= MIN_SCRUB_LENGTH ? text.split(token).join('[token]') : text

/** Error text may echo request headers or URLs back; the token must never leave the server. */
function redact(error: DmsError, token: string): DmsError {
  if (error.kind === 'rejected') return { ...error, message: scrub(error.message, token) }
  return { ...error, detail: scrub(error.detail, token) }
}

export async function postForm(
  config: TransportConfig,
  path: string,
  params: Params,
): Promise<Reply> {
  const doFetch = config.fetch ?? fetch
  const url = `${config.baseUrl.replace(/\/+$/, '')}${path}`
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, config.timeoutMs)

  try {
    let status: number
    let text: string
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${config.token}`,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        },
        body: new URLSearchParams(params),
        signal: controller.signal,
        // A redirected POST is replayed as a GET elsewhere; report it instead of following it.
        redirect: 'manual',
        cache: 'no-store',
      })
      status = response.status
      const within = await readCappedText(response, DMS_MAX_BODY_BYTES)
      if (within === null) {
        const detail = `HTTP ${status}: body over ${DMS_MAX_BODY_BYTES} bytes`
        return { ok: false, error: { kind: 'unavailable', reason: 'garbage', detail, sent: true } }
      }
      text = within
    } catch (error) {
      return {
        ok: false,
        error: redact(classifyFetchError(error, timedOut, config.timeoutMs), config.token),
      }
    }
    const reply = readResponse(status, text)
    return reply.ok ? reply : { ...reply, error: redact(reply.error, config.token) }
  } finally {
    clearTimeout(timer)
  }
}
