import type { ServerResponse } from 'node:http'
import type { SandboxEngine } from './engine'
import type { FaultBook } from './faults'
import { parseJsonObject } from './http-body'
import { sendJson } from './http-send'
import type { RequestLog } from './request-log'

/*
 * A tiny router for the control surface: JSON in, JSON out, errors as `{ error }` with a status that
 * says whose fault it is (400 bad input, 404 unknown order, 409 a transition the order cannot make).
 */

export interface ControlDeps {
  engine: SandboxEngine
  faults: FaultBook
  log: RequestLog
}

export interface ControlContext {
  deps: ControlDeps
  url: URL
  /** Captured path segments of the route's pattern. */
  match: string[]
  body: Record<string, unknown>
}

export interface Reply {
  status: number
  body: unknown
}

export type ControlHandler = (ctx: ControlContext) => Reply

export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE'
  pattern: RegExp
  handler: ControlHandler
}

export const ok = (body: unknown): Reply => ({ status: 200, body })
export const problem = (status: number, error: string): Reply => ({ status, body: { error } })

export class InputError extends Error {}

/** Reads an optional field of a control body, refusing the wrong type with a 400. */
export function optional<T extends 'boolean' | 'int' | 'string'>(
  body: Record<string, unknown>,
  name: string,
  type: T,
  min = 0,
): (T extends 'boolean' ? boolean : T extends 'int' ? number : string) | undefined {
  const v = body[name]
  if (v === undefined) return undefined
  const good =
    type === 'boolean'
      ? typeof v === 'boolean'
      : type === 'int'
        ? Number.isInteger(v) && (v as number) >= min
        : typeof v === 'string'
  if (!good) {
    throw new InputError(`${name} must be ${type === 'int' ? `an integer ≥ ${min}` : `a ${type}`}`)
  }
  return v as never
}

export function dispatch(
  routes: readonly ControlRoute[],
  method: string,
  url: URL,
  raw: string,
  deps: ControlDeps,
  res: ServerResponse,
): void {
  const reply = route(routes, method, url, raw, deps)
  sendJson(res, reply.status, reply.body)
}

function route(
  routes: readonly ControlRoute[],
  method: string,
  url: URL,
  raw: string,
  deps: ControlDeps,
): Reply {
  const path = url.pathname.replace(/\/+$/, '')
  const candidates = routes.filter((r) => r.pattern.test(path))
  if (candidates.length === 0) return problem(404, `no control route ${path}`)
  const found = candidates.find((r) => r.method === method)
  if (!found) return problem(405, `${method} not allowed on ${path}`)
  const parsed = parseJsonObject(raw)
  if (!parsed.ok) return problem(400, parsed.error)
  const match = (found.pattern.exec(path) ?? []).slice(1).map((s) => decodeURIComponent(s))
  try {
    return found.handler({ deps, url, match, body: parsed.params })
  } catch (e) {
    if (e instanceof InputError) return problem(400, e.message)
    throw e
  }
}
