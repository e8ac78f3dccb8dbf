import 'server-only'
import { refresh } from 'next/cache'
import { z } from 'zod'
import { checkAccess, type StaffUser } from '@/lib/auth/session'
import type { Permission } from '@/lib/auth/permissions'

/**
 * What a refusal knows of the current state, for its message to name it (e.g. `{ status:
 * 'refunded' }`): codes, put into words by the form.
 */
export type StaleFacts = Record<string, string | number>

/** What every form action returns: typed field errors, a form-level error key, or the handler's data. */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; data: T }
  | {
      status: 'error'
      error: string
      fieldErrors?: Record<string, string[] | undefined>
      values?: Record<string, string>
      /**
       * Set when the refusal is because the page was drawn before something changed (the charge
       * ended, the shift was handed over): the page has been re-rendered with current data in the
       * same response, so the form's message says what happened instead of asking for a reload.
       */
      stale?: StaleFacts
    }

/**
 * A refusal because the page is stale: `defineAction` re-renders the page (the one place that
 * does), so a handler only says so. Plain errors (bad input, unexpected) leave the page as it is.
 */
export function staleRefusal(error: string, facts: StaleFacts = {}) {
  return { status: 'error' as const, error, stale: facts }
}

type Handler<S extends z.ZodType, T> = (
  input: z.output<S>,
  user: StaffUser,
) => Promise<ActionState<T>>

function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value
  }
  return fields
}

/** What may go back to the browser to refill the form: secrets never do. */
function echoable(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !/password/i.test(key)))
}

/**
 * The one way we write a server action: validate with zod → check user and permission → call the
 * domain layer → return a typed state. The values typed are echoed back on error so nothing is lost.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  schema: S
  permission: Permission
  handler: Handler<S, T>
}) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const fields = formFields(formData)
    const values = echoable(fields)
    const access = await checkAccess(options.permission)
    if (!access.ok) return { status: 'error', error: access.error, values }
    // The schema sees every field, passwords included; only the echo leaves them out.
    const parsed = options.schema.safeParse(fields)
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>
      return { status: 'error', error: 'invalid-input', fieldErrors, values }
    }
    const result = await options.handler(parsed.data, access.user)
    // Next's refresh(): the action's response carries the page re-rendered with current data, in
    // the same round trip (no client code per form, no second request), and the forms keep their
    // state, so the message stays in its live region above the truth the page now shows.
    if (result.status === 'error' && result.stale) refresh()
    return result.status === 'error' ? { ...result, values: result.values ?? values } : result
  }
}
