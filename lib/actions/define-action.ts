import 'server-only'
import { z } from 'zod'
import { checkAccess, type StaffUser } from '@/lib/auth/session'
import type { Permission } from '@/lib/auth/permissions'

/** What every form action returns: typed field errors, a form-level error key, or the handler's data. */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; data: T }
  | {
      status: 'error'
      error: string
      fieldErrors?: Record<string, string[] | undefined>
      values?: Record<string, string>
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
    return result.status === 'error' ? { ...result, values: result.values ?? values } : result
  }
}
