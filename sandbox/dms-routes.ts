import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  handleEndpoint,
  ENDPOINT_BY_PATH,
  failure,
  otherOrder,
  paymentFailed,
  type Envelope,
} from './dms-endpoints'
import type { SandboxEngine } from './engine'
import { ERR, errMsgFor, fail } from './errors'
import {
  BAD_GATEWAY_HTML,
  GARBAGE_BODY,
  METHOD_NOT_ALLOWED_JSON,
  NOT_FOUND_HTML,
  SERVER_ERROR_HTML,
  UNAVAILABLE_JSON,
} from './fault-pages'
import type { DmsEndpoint, FaultBook } from './faults'
import { parseParams, type ParsedBody } from './http-body'
import { sendJson, sendText, sendTruncatedJson } from './http-send'
import type { RequestLog } from './request-log'
import type { FaultRule, RequestLogEntry } from './types'

/*
 * The DMS side of the server: log the call, apply injected faults, check the token, answer. Faults
 * come before the token check because they stand for the network and the proxy in front of DMS.
 */

export interface DmsRouteDeps {
  engine: SandboxEngine
  faults: FaultBook
  log: RequestLog
  token: string
  /** A delay the server cancels when it closes. */
  sleep: (ms: number) => Promise<void>
}

const HTML = 'text/html; charset=utf-8'

function authorized(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
  return match?.[1]?.trim() === token
}

/**
 * Answers a fault that stands in front of DMS (nothing is recorded). Returns false for the faults
 * that let the request through first (truncated, hang-after-record, pay-fail, other-order).
 */
function answerFault(res: ServerResponse, fault: FaultRule, entry: RequestLogEntry): boolean {
  switch (fault.mode) {
    case 'html500':
      entry.httpStatus = 500
      sendText(res, 500, HTML, SERVER_ERROR_HTML)
      return true
    case 'http502':
      entry.httpStatus = 502
      sendText(res, 502, HTML, BAD_GATEWAY_HTML)
      return true
    case 'http503':
      entry.httpStatus = 503
      sendJson(res, 503, UNAVAILABLE_JSON)
      return true
    case 'garbage':
      entry.httpStatus = 200
      sendText(res, 200, 'application/json; charset=utf-8', GARBAGE_BODY)
      return true
    case 'errcode': {
      const errCode = fault.errCode ?? ERR.busy
      entry.httpStatus = 200
      entry.errCode = errCode
      sendJson(res, 200, { errCode, errMsg: fault.errMsg ?? errMsgFor(errCode), data: [] })
      return true
    }
    case 'hang':
      // Never answer: the socket stays open until the client gives up or the server closes.
      return true
    case 'reset':
      res.socket?.resetAndDestroy()
      return true
    default:
      return false
  }
}

function respond(
  req: IncomingMessage,
  deps: DmsRouteDeps,
  endpoint: DmsEndpoint,
  parsed: ParsedBody,
): Envelope {
  if (!authorized(req, deps.token)) return failure(fail(ERR.auth))
  if (!parsed.ok)
    return failure(fail(ERR.badParam, `参数错误：请求体格式不正确（${parsed.error}）`))
  return handleEndpoint(deps.engine, endpoint, parsed.params)
}

export async function handleDms(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  raw: string,
  deps: DmsRouteDeps,
): Promise<void> {
  const parsed = parseParams(raw, req.headers['content-type'])
  const method = req.method ?? 'GET'
  const entry = deps.log.start(
    method,
    path,
    parsed.ok ? parsed.params : { _body: raw.slice(0, 500) },
  )
  const endpoint = ENDPOINT_BY_PATH[path]
  if (!endpoint) {
    entry.httpStatus = 404
    sendText(res, 404, HTML, NOT_FOUND_HTML)
    return
  }
  if (method !== 'POST') {
    entry.httpStatus = 405
    res.setHeader('Allow', 'POST')
    sendJson(res, 405, METHOD_NOT_ALLOWED_JSON)
    return
  }

  const plan = deps.faults.take(endpoint)
  if (plan.label) entry.fault = plan.label
  if (plan.latencyMs > 0) await deps.sleep(plan.latencyMs)
  if (plan.fault && answerFault(res, plan.fault, entry)) return

  deps.engine.sweep()
  const answered = respond(req, deps, endpoint, parsed)
  const envelope =
    plan.fault?.mode === 'pay-fail'
      ? paymentFailed(deps.engine, answered, plan.fault.errMsg ?? undefined)
      : plan.fault?.mode === 'other-order' && parsed.ok
        ? otherOrder(deps.engine, parsed.params, answered)
        : answered
  entry.errCode = envelope.errCode
  if (plan.fault?.mode === 'hang-after-record') return
  entry.httpStatus = 200
  if (plan.fault?.mode === 'truncated') sendTruncatedJson(res, envelope)
  else sendJson(res, 200, envelope)
}
