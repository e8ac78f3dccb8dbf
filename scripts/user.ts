/*
 * Staff accounts from the command line; works while the server runs on the same database.
 *   npm run user -- add <username> --role <cashier|manager|admin> --password <pw> [--name <display>]
 *   npm run user -- disable <username> | enable <username>
 *   npm run user -- reset <username> --password <pw>
 *   npm run user -- role <username> <role>
 *   npm run user -- signout <username>     (ends every session of the user: sign out everywhere)
 *   npm run user -- list
 * Every change is recorded in the audit log with the actor "cli".
 */
import { parseArgs } from 'node:util'
import { runCli, UsageError } from './cli/run-cli'
import { CLI_ACTOR } from '@/lib/audit/types'
import { ensureDatabase } from '@/lib/db/migrate'
import { UserError } from '@/lib/users/errors'
import {
  addUser,
  changeUserRole,
  endSessions,
  resetUserPassword,
  setUserEnabled,
} from '@/lib/users/manage'
import { listUsers } from '@/lib/users/repo'
import { isUserRole, USER_ROLES } from '@/lib/users/roles'
import type { User } from '@/lib/users/types'

const USAGE = `usage:
  user add <username> --role <${USER_ROLES.join('|')}> --password <pw> [--name <display name>]
  user disable <username>
  user enable <username>
  user reset <username> --password <pw>
  user role <username> <${USER_ROLES.join('|')}>
  user signout <username>
  user list`

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`)
  return value
}

function role(value: string | undefined) {
  const r = need(value, 'role')
  if (!isUserRole(r)) throw new UsageError(`unknown role "${r}": use ${USER_ROLES.join(', ')}`)
  return r
}

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString())

function printList(users: User[]) {
  if (users.length === 0) return console.log('No users yet. Add one with: user add <name> ...')
  const rows = users.map((u) => [
    u.username,
    u.role,
    u.disabled ? 'disabled' : 'enabled',
    when(u.lastLoginAt),
    u.displayName,
  ])
  const head = ['USERNAME', 'ROLE', 'STATUS', 'LAST LOGIN', 'NAME']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, username, extra] = positionals
  if (values.help || !command) return console.log(USAGE)
  if (command !== 'list' && command !== 'role' && extra !== undefined) {
    throw new UsageError(`unexpected argument "${extra}"`)
  }
  await ensureDatabase()
  switch (command) {
    case 'add': {
      const user = await addUser(
        {
          username: need(username, 'username'),
          role: role(values.role),
          password: need(values.password, '--password'),
          displayName: values.name,
        },
        CLI_ACTOR,
      )
      return console.log(`Added ${user.role} "${user.username}" (${user.displayName}).`)
    }
    case 'disable':
    case 'enable': {
      const user = await setUserEnabled(need(username, 'username'), command === 'enable', CLI_ACTOR)
      return console.log(`"${user.username}" is ${user.disabled ? 'disabled' : 'enabled'}.`)
    }
    case 'reset': {
      const pw = need(values.password, '--password')
      const user = await resetUserPassword(need(username, 'username'), pw, CLI_ACTOR)
      return console.log(`Password of "${user.username}" changed.`)
    }
    case 'role': {
      const user = await changeUserRole(need(username, 'username'), role(extra), CLI_ACTOR)
      return console.log(`"${user.username}" is now ${user.role}.`)
    }
    case 'signout': {
      const user = await endSessions(need(username, 'username'), CLI_ACTOR)
      return console.log(`Every session of "${user.username}" has ended.`)
    }
    case 'list':
      return printList(await listUsers())
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

await runCli(() => run(process.argv.slice(2)), USAGE, [UserError])
