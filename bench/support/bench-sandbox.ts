import { createSandbox, type Sandbox } from '@/sandbox/server'
import { BENCH_NOTIFY_SECRET } from '@/tests/support/app-server'

export const BENCH_DMS_TOKEN = 'bench-dms-token-0123456789'

/**
 * A DMS sandbox in the benchmark's own process, for runs that kill the app: start.ts's sandbox lives
 * in the app's process group and would die with it, taking the orders and the request log along.
 * Orders are kept in memory only; notifications go to the app's notify route.
 */
export async function startBenchSandbox(port: number, appPort: number): Promise<Sandbox> {
  const sandbox = createSandbox({
    dataFile: null,
    token: BENCH_DMS_TOKEN,
    notifyUrl: `http://127.0.0.1:${appPort}/api/dms/notify`,
    notifySecret: BENCH_NOTIFY_SECRET,
  })
  await sandbox.listen(port, '127.0.0.1')
  return sandbox
}
