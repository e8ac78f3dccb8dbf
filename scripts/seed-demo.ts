/*
 * npm run seed: demo logins and the default station, for trying the cashier out.
 * Idempotent: creates only what is missing and never changes an existing account's password.
 * `--history` (README's `npm run cashier` passes it; the e2e server does not): also the demo's first
 * charges, made through the DMS sandbox — in demo mode only, and only into an empty ledger.
 */
import { SEED_ACTOR } from '@/lib/audit/types'
import { closeDb } from '@/lib/db/connection'
import { ensureDatabase } from '@/lib/db/migrate'
import { ensureDefaultStation } from '@/lib/stations/default-station'
import { addDemoHistory } from './demo-history'
import { dmsMode, startDemoSandbox } from './demo-sandbox'
import { UserError } from '@/lib/users/errors'
import { addUser } from '@/lib/users/manage'
import { findUserByUsername } from '@/lib/users/repo'
import type { UserRole } from '@/lib/users/roles'

const PASSWORD = 'demo1234'

const DEMO: { username: string; role: UserRole; displayName: string }[] = [
  { username: 'cashier', role: 'cashier', displayName: '收银员小王' },
  { username: 'manager', role: 'manager', displayName: '店长老李' },
  { username: 'admin', role: 'admin', displayName: '管理员' },
]

async function ensureUser(demo: (typeof DEMO)[number]): Promise<'created' | 'exists'> {
  if (await findUserByUsername(demo.username)) return 'exists'
  try {
    await addUser({ ...demo, password: PASSWORD }, SEED_ACTOR)
    return 'created'
  } catch (err) {
    // Another seed run got there between our check and our insert.
    if (err instanceof UserError && err.code === 'duplicate_username') return 'exists'
    throw err
  }
}

async function seedHistory(cashierUsername: string): Promise<void> {
  if (dmsMode() !== 'sandbox') {
    console.log(
      'Demo history: none added (not a demo: DMS_BASE_URL is set, or DMS_SANDBOX is not 1)',
    )
    return
  }
  const sandbox = await startDemoSandbox()
  try {
    const result = await addDemoHistory({ sandboxUrl: sandbox.url, cashierUsername })
    if (result.kind === 'exists')
      console.log('Demo history: the ledger has charges already, none added')
    else if (result.kind === 'refused') console.log(`Demo history: none added (${result.reason})`)
    else {
      const count = (status: string) => result.charges.filter((c) => c.status === status).length
      const late = result.charges.filter((c) => c.paidAfterCancel).length
      console.log(
        `Demo history: ${result.charges.length} charges by ${result.cashierName} at ${result.stationName}, ` +
          `over the last ${result.days} days: ` +
          `${count('paid')} paid (${late} after a cancel, on 待处理), ${count('failed')} failed, ${count('closed')} closed`,
      )
    }
  } finally {
    await sandbox.stop()
  }
}

try {
  await ensureDatabase()
  const station = await ensureDefaultStation()
  console.log(`Station: ${station.name}`)
  console.log('Demo logins:')
  for (const demo of DEMO) {
    const result = await ensureUser(demo)
    const note =
      result === 'created' ? `password ${PASSWORD}` : 'already existed, password unchanged'
    console.log(
      `  ${demo.username.padEnd(8)} ${demo.role.padEnd(8)} ${demo.displayName}  (${note})`,
    )
  }
  if (process.argv.includes('--history')) {
    await seedHistory(DEMO.find((d) => d.role === 'cashier')!.username)
  }
} catch (err) {
  console.error(err)
  process.exitCode = 1
} finally {
  await closeDb()
}
