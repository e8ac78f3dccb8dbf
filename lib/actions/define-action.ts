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

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    // Secrets are never echoed back to the browser, even to refill a form.
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !/password/i.test(key)) {
      values[key] = value
    }
  }
  return values
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
    const values = formValues(formData)
    const access = await checkAccess(options.permission)
    if (!access.ok) return { status: 'error', error: access.error, values }
    const parsed = options.schema.safeParse(values)
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>
      return { status: 'error', error: 'invalid-input', fieldErrors, values }
    }
    const result = await options.handler(parsed.data, access.user)
    return result.status === 'error' ? { ...result, values: result.values ?? values } : result
  }
}
