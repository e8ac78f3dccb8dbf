import 'server-only'
import { createDmsClient, type DmsClient } from '@/lib/dms/client'
import { env } from '@/lib/env'

const holder = globalThis as unknown as { __dmsClient?: DmsClient }

/** The one DMS client of this process, configured from the validated env. */
export function dms(): DmsClient {
  if (!holder.__dmsClient) {
    const { baseUrl, token, timeoutMs } = env().dms
    holder.__dmsClient = createDmsClient({ baseUrl, token, timeoutMs })
  }
  return holder.__dmsClient
}

/** Tests swap in a client pointed elsewhere. */
export function setDmsClientForTests(client: DmsClient | undefined): void {
  holder.__dmsClient = client
}
