import 'server-only'
import { after } from 'next/server'

/**
 * Runs `task` once the current request's answer has been sent (Next's after()), or at once outside
 * a request (tests, the sweep), where there is no answer to wait for.
 */
export function afterResponse(task: () => void): void {
  try {
    after(task)
  } catch {
    // after() throws outside a request scope: nothing to wait for.
    task()
  }
}
