import 'server-only'
import { env } from '@/lib/env'

/** Whether DMS is the built-in sandbox (DMS_SANDBOX=1): every screen then shows the demo ribbon. */
export function sandboxMode(): boolean {
  return env().sandbox
}
