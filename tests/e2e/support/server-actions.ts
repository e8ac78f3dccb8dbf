import type { APIRequestContext, APIResponse } from '@playwright/test'

/*
 * Server actions reached the way an attacker would: no UI, just the wire format. Every action is a
 * public endpoint whose id any visitor can read in the page's scripts; what stops misuse is the check
 * inside the action, which these helpers exercise directly.
 */

/** The action ids a page's scripts declare, by exported name (e.g. 'addUserAction'). */
export async function discoverActions(
  request: APIRequestContext,
  pagePath: string,
): Promise<Map<string, string>> {
  const page = await request.get(pagePath, { maxRedirects: 0 })
  if (page.status() !== 200) throw new Error(`${pagePath} answered ${page.status()}`)
  const html = await page.text()
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  )
  const found = new Map<string, string>()
  for (const src of scripts) {
    const js = await (await request.get(src)).text()
    // As the bundler writes it: createServerReference)("<id>",x.callServer,void 0,x.find…,"<name>")
    for (const m of js.matchAll(/createServerReference\)?\("([0-9a-f]{40,})",[^()]*?"(\w+)"\)/g)) {
      found.set(m[2]!, m[1]!)
    }
  }
  return found
}

/**
 * What an action call came to:
 * - `login`: sent to the login page before any action code ran (not expected: the proxy lets every
 *   action call reach its own check, whose refusal the page can show);
 * - `unauthenticated` / `forbidden`: the action's own check refused it;
 * - `allowed`: the check let it through (it then refused the deliberately invalid input, or ran);
 * - `not-run`: Next found no way to run it for this request (e.g. forwarded into a redirect).
 */
export type ActionOutcome = 'login' | 'unauthenticated' | 'forbidden' | 'allowed' | 'not-run'

export interface ActionCall {
  outcome: ActionOutcome | `other: ${string}`
  status: number
  body: string
  response: APIResponse
  /** The form values the action echoed back (proof that the fields arrived), if it returned any. */
  echoed: Record<string, string> | null
  /** For an `allowed` call: refused by validation (`invalid-input`), or run to the end (`ok`). */
  ran: 'invalid-input' | 'ok' | null
}

/** The action's returned state, from the flight response (`1:{...}`). */
export type ReturnedState = { status?: string; error?: string; values?: Record<string, string> }

export function returnedState(body: string): ReturnedState | null {
  const line = /^1:(\{.*\})$/m.exec(body)?.[1]
  if (!line) return null
  try {
    return JSON.parse(line) as ReturnedState
  } catch {
    return null
  }
}

export function classifyAction(status: number, location: string | null, body: string) {
  if (status >= 300 && status < 400) {
    return location?.replace(/^https?:\/\/[^/]+/, '').startsWith('/login')
      ? 'login'
      : (`other: ${status} → ${location}` as const)
  }
  const state = returnedState(body)
  if (state?.error === 'unauthenticated' || state?.error === 'forbidden') return state.error
  if (state?.error === 'invalid-input' || state?.status === 'ok') return 'allowed'
  if (status === 200 && body.trim() === '{}') return 'not-run'
  return `other: ${status} ${body.slice(0, 200)}` as const
}

/**
 * Calls a form action (`useActionState`: previous state + FormData) the way React's client does:
 * multipart, the form's fields under `_1_`, and the argument list last.
 */
export async function callAction(
  request: APIRequestContext,
  path: string,
  actionId: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<ActionCall> {
  // A FormData, not an object: an object would send the key "0" first (integer keys lead), and the
  // server builds the form from the fields that arrived before the argument list.
  const multipart = new FormData()
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value)
  multipart.append('0', JSON.stringify([{ status: 'idle' }, '$K1']))
  const response = await request.post(path, {
    headers: { 'next-action': actionId, accept: 'text/x-component', ...headers },
    multipart,
    maxRedirects: 0,
  })
  const body = await response.text()
  const outcome = classifyAction(response.status(), response.headers()['location'] ?? null, body)
  const state = returnedState(body)
  const echoed = state?.values ?? null
  const ran =
    outcome !== 'allowed' ? null : state?.error === 'invalid-input' ? 'invalid-input' : 'ok'
  return { outcome, status: response.status(), body, response, echoed, ran }
}
