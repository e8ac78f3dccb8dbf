import { ACTION_PROBES, INTRUDER_BILL, INTRUDER_USER } from './support/action-probes'
import { dbSnapshot } from './support/db-snapshot'
import { expect, test } from './support/fixtures'
import { createRequestsFor, sandbox } from './support/sandbox'
import { callAction, discoverActions } from './support/server-actions'
import { contextFor, IDENTITIES, PROBES, runProbe, type Identity } from './support/walk'
import { cancelCharges } from './support/own-station'
import { endedSession, SESSION_ENDINGS } from './support/stale-session'
import { buildWorld, type World } from './support/world'
import type { APIRequestContext } from '@playwright/test'
import { suiteFigures } from './support/figures'

/*
 * Who gets what: every page, route handler and server action, asked by each identity. The expected
 * answer of every cell is written out below; the tests build the same table from real answers and
 * compare the two whole.
 *
 * Page and route cells: `login` (sent to the login page), `forbidden` (sent to /forbidden),
 * `307→/path` (sent home), an HTTP status, or what a tablet sees (`pair-screen`, `customer-screen`,
 * `A-charge`: the open charge of station A, `idle`: no charge).
 * Action cells: see ActionOutcome in support/server-actions.ts.
 */

type Row = readonly [string, string, string, string, string, string, string]

// prettier-ignore
const PAGES_AND_ROUTES: Record<string, Row> = {
  //                                        none       cashier            manager              admin                tabletA            tabletB            revoked
  '/':                                     ['login',  '307→/charge/new', '307→/charges',      '307→/admin/users',  'login',            'login',            'login'],
  '/login':                                ['200',    '307→/charge/new', '307→/charges',      '307→/admin/users',  '200',              '200',              '200'],
  '/charge/new':                           ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/charge/today':                         ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/charge/[open]':                        ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/handover':                             ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/handover/history':                     ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  "/handover/[manager's]":                 ['login',  '404',             '200',               '200',               'login',            'login',            'login'],
  "/handover/[cashier's]":                 ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/charges':                              ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  '/charges/[paid]':                       ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  '/attention':                            ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  '/admin':                                ['login',  'forbidden',       '307→/admin/stations', '307→/admin/users', 'login',            'login',            'login'],
  '/admin/users':                          ['login',  'forbidden',       'forbidden',         '200',               'login',            'login',            'login'],
  '/admin/stations':                       ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  '/admin/stations/[A]/tablets':           ['login',  'forbidden',       '200',               '200',               'login',            'login',            'login'],
  '/admin/settings':                       ['login',  'forbidden',       'forbidden',         '200',               'login',            'login',            'login'],
  '/admin/audit':                          ['login',  'forbidden',       'forbidden',         '200',               'login',            'login',            'login'],
  '/forbidden':                            ['login',  '200',             '200',               '200',               'login',            'login',            'login'],
  '/no-such-page':                         ['login',  '404',             '404',               '404',               'login',            'login',            'login'],
  '/display':                              ['pair-screen', 'pair-screen', 'pair-screen',      'pair-screen',       'customer-screen',  'customer-screen',  'pair-screen'],
  'GET /api/health':                       ['200',    '200',             '200',               '200',               '200',              '200',              '200'],
  'GET /api/auth/session':                 ['200',    '200',             '200',               '200',               '200',              '200',              '200'],
  'GET /api/charges/[open]':               ['401',    '200',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/charges/export':               ['401',    '403',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/charges/export/xlsx':          ['401',    '403',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/stations/[A]/display-status':  ['401',    '200',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/display/state':                ['401',    '401',             '401',               '401',               'A-charge',         'idle',             '401'],
  'GET /api/charges/[open]/events':        ['401',    '200',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/stations/[A]/display-status/events': ['401', '200',           '200',               '200',               '401',              '401',              '401'],
  'GET /api/display/state/events':         ['401',    '401',             '401',               '401',               'A-charge',         'idle',             '401'],
  'GET /api/stations/[A]/today':           ['401',    '200',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/stations/[A]/today/events':    ['401',    '200',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/attention':                    ['401',    '403',             '200',               '200',               '401',              '401',              '401'],
  'GET /api/attention/events':             ['401',    '403',             '200',               '200',               '401',              '401',              '401'],
  'POST /api/display/pair':                ['303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid'],
  'POST /api/display/pair (other site)':   ['403',    '403',             '403',               '403',               '403',              '403',              '403'],
  'POST /api/display/pair (1 MB)':         ['413',    '413',             '413',               '413',               '413',              '413',              '413'],
  'POST /api/auth/callback/credentials (1 MB)': ['413', '413',           '413',               '413',               '413',              '413',              '413'],
  'POST /login (1 MB)':                    ['413',    '413',             '413',               '413',               '413',              '413',              '413'],
  'POST /api/dms/notify (1 MB)':           ['413',    '413',             '413',               '413',               '413',              '413',              '413'],
  'GET /pair/[code]':                      ['303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid', '303→/display?pair=invalid'],
  'GET /display/manifest.webmanifest':     ['200',    '200',             '200',               '200',               '200',              '200',              '200'],
  'POST /api/dms/notify (unsigned)':       ['401',    '401',             '401',               '401',               '401',              '401',              '401'],
}

// prettier-ignore
const ACTIONS: Record<string, Row> = {
  //                          none               cashier      manager      admin        tabletA            tabletB            revoked
  addUserAction:             ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  changeRoleAction:          ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  setEnabledAction:          ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  resetPasswordAction:       ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  endSessionsAction:         ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  saveSettingsAction:        ['unauthenticated', 'forbidden', 'forbidden', 'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  addStationAction:          ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  renameStationAction:       ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  setAccountsAction:         ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  setAutoPrintAction:        ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  createPairingCodeAction:   ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  revokeTabletAction:        ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  recheckAllAction:          ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  markReviewedAction:        ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  recheckChargeAction:       ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  settleChargeAction:        ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  saveViewAction:            ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  deleteViewAction:          ['unauthenticated', 'forbidden', 'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  createChargeAction:        ['unauthenticated', 'allowed',   'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  cancelChargeAction:        ['unauthenticated', 'allowed',   'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  switchPayWayAction:        ['unauthenticated', 'allowed',   'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  autoPrintReceiptAction:    ['unauthenticated', 'allowed',   'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
  recordHandoverAction:      ['unauthenticated', 'allowed',   'allowed',   'allowed',   'unauthenticated', 'unauthenticated', 'unauthenticated'],
}

test.describe.configure({ mode: 'serial' })
const figure = suiteFigures('access matrix')
const cellCount = (table: Record<string, Row>, pick: (cell: string) => boolean) =>
  Object.values(table).flat().filter(pick).length

let world: World
const contexts = {} as Record<Identity, APIRequestContext>
let actionIds = new Map<string, string>()

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000)
  world = await buildWorld(browser)
  for (const who of IDENTITIES) contexts[who] = await contextFor(who, world)
  // The ids as a visitor finds them: in the scripts of the pages that render the forms.
  for (const probe of ACTION_PROBES) {
    const found = await discoverActions(contexts[probe.renderAs], probe.page(world))
    actionIds = new Map([...actionIds, ...found])
  }
})

test.afterAll(async ({ browser }) => {
  await Promise.all(Object.values(contexts).map((c) => c.dispose()))
  if (world) await cancelCharges(browser, [world.openCharge.id])
})

test('the tables cover every probe, identity and action', () => {
  expect(Object.keys(PAGES_AND_ROUTES).sort()).toEqual(PROBES.map((p) => p.name).sort())
  expect(Object.keys(ACTIONS).sort()).toEqual(ACTION_PROBES.map((a) => a.name).sort())
  for (const a of ACTION_PROBES) expect(actionIds.get(a.name), a.name).toMatch(/^[0-9a-f]{40,}$/)
})

test('pages and route handlers answer each identity as the table says', async () => {
  test.setTimeout(120_000)
  const actual: Record<string, string[]> = {}
  for (const probe of PROBES) {
    actual[probe.name] = []
    for (const who of IDENTITIES) {
      actual[probe.name]!.push((await runProbe(contexts[who], probe, world)).cell)
    }
  }
  expect(actual).toEqual(PAGES_AND_ROUTES)
  figure(
    `${PROBES.length} pages and routes × ${IDENTITIES.length} identities (none, 3 roles, tablet A, tablet B, revoked) = ${PROBES.length * IDENTITIES.length} cells, all as the table says`,
  )
})

const withoutPasswords = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => !/password/i.test(k)))

/** Runs the refused cells of the action table (or the allowed ones); the others keep their expectation. */
async function runActionCells(refused: boolean) {
  const actual: Record<string, string[]> = {}
  for (const probe of ACTION_PROBES) {
    actual[probe.name] = []
    for (const [i, who] of IDENTITIES.entries()) {
      const expected = ACTIONS[probe.name]![i]!
      if ((expected === 'allowed') === refused) {
        actual[probe.name]!.push(expected)
        continue
      }
      const input = expected === 'allowed' ? (probe.invalid ?? probe.valid) : probe.valid
      const id = actionIds.get(probe.name)!
      const fields = input(world)
      const call = await callAction(contexts[who], probe.page(world), id, fields)
      // "allowed" means what it says: with the invalid input, validation refused it (it got past
      // the check and no further); only an action without an invalid input (recheckAll) may run.
      const how = expected !== 'allowed' ? null : probe.invalid ? 'invalid-input' : 'ok'
      actual[probe.name]!.push(call.ran === how ? call.outcome : `other: ${call.ran}`)
      // An answer from the action itself echoes the form: proof the fields reached it whole.
      if (call.echoed)
        expect(call.echoed, `${probe.name} as ${who}`).toEqual(withoutPasswords(fields))
    }
  }
  return actual
}

test('server actions posted directly refuse whoever the table refuses, and change nothing', async () => {
  test.setTimeout(120_000)
  const [paidOrder] = await sandbox.ordersForBill(world.paidCharge.bill)
  const lastSeq = (await sandbox.requests()).at(-1)?.seq ?? 0
  const before = dbSnapshot()

  expect(await runActionCells(true)).toEqual(ACTIONS)
  const refused = cellCount(ACTIONS, (c) => c !== 'allowed')

  expect(dbSnapshot()).toEqual(before)
  // What the people concerned would see, too.
  const users = await (await contexts.admin.get('/admin/users')).text()
  expect(users).not.toContain(`data-username="${INTRUDER_USER}"`)
  expect(users).toContain('data-username="cashier" data-role="cashier" data-status="enabled"')
  expect(users).toContain('data-username="manager" data-role="manager" data-status="enabled"')
  expect(await (await contexts.admin.get('/admin/settings')).text()).not.toContain('Intruder shop')
  expect(await createRequestsFor(INTRUDER_BILL)).toHaveLength(0)
  const dmsCalls = await sandbox.requests({ since: lastSeq })
  const aboutPaid = dmsCalls.filter((r) => JSON.stringify(r.params).includes(paidOrder!.bizOrderNo))
  expect(aboutPaid, 'no re-check reached DMS').toHaveLength(0)
  const tablet = await contexts.tabletA.get('/api/display/state')
  expect(tablet.status(), 'station A’s tablet was not revoked').toBe(200)
  figure(
    `${ACTION_PROBES.length} server actions posted directly: ${refused} refused cells refused, database and DMS untouched`,
  )
})

test('server actions let the allowed roles past the check (then validation refuses the input)', async () => {
  test.setTimeout(120_000)
  const before = dbSnapshot()
  const lastSeq = (await sandbox.requests()).at(-1)?.seq ?? 0
  expect(await runActionCells(false)).toEqual(ACTIONS)
  // Invalid input stopped every one of them; the re-check of the attention list ran, and asked DMS
  // about what it found, which changed nothing either: every table, charges and audit included.
  expect(dbSnapshot()).toEqual(before)
  const creates = await sandbox.requests({ since: lastSeq, path: '/dms/cash-out/payment' })
  expect(creates, 'no create reached DMS').toHaveLength(0)
  figure(`${cellCount(ACTIONS, (c) => c === 'allowed')} allowed cells reached validation`)
})

// Next forwards an action posted to a page that does not hold it to the page that does; that page's
// action then meets its own check, which refuses a visitor or a tablet without a session.
test('an action posted to a public page is refused by its own check for a visitor without a session', async () => {
  test.setTimeout(120_000)
  const before = dbSnapshot()
  for (const who of ['none', 'tabletA'] as const) {
    for (const path of ['/login', '/display']) {
      const outcomes = []
      for (const probe of ACTION_PROBES) {
        const id = actionIds.get(probe.name)!
        outcomes.push((await callAction(contexts[who], path, id, probe.valid(world))).outcome)
      }
      expect(outcomes, `${who} via ${path}`).toEqual(ACTION_PROBES.map(() => 'unauthenticated'))
    }
  }
  expect(dbSnapshot()).toEqual(before)
  figure(
    `${ACTION_PROBES.length * 4} actions posted to /login and /display by a visitor and by a tablet: each refused as signed out, nothing changed`,
  )
})

test('a session ended by an admin answers like no session at all, in every cell', async ({
  browser,
  adminPage,
}) => {
  test.setTimeout(240_000)
  const before = dbSnapshot()
  const noSession = {
    ...Object.fromEntries(Object.entries(PAGES_AND_ROUTES).map(([name, row]) => [name, row[0]])),
    // The proxy cannot tell an ended session from a live one (it reads no database), so a page
    // that does not exist is a plain 404 rather than the login page; it shows nothing of anyone's.
    '/no-such-page': '404',
  }
  let cells = 0
  for (const how of SESSION_ENDINGS) {
    const { context } = await endedSession(browser, adminPage, how)
    const actual: Record<string, string> = {}
    for (const probe of PROBES)
      actual[probe.name] = (await runProbe(context.request, probe, world)).cell
    expect(actual, how).toEqual(noSession)
    // The proxy sees a well-sealed cookie and lets it pass; each action's own check refuses it.
    const actions: Record<string, string> = {}
    for (const probe of ACTION_PROBES) {
      const call = await callAction(
        context.request,
        probe.page(world),
        actionIds.get(probe.name)!,
        probe.valid(world),
      )
      actions[probe.name] = call.outcome
    }
    expect(actions, how).toEqual(
      Object.fromEntries(ACTION_PROBES.map((p) => [p.name, 'unauthenticated'])),
    )
    cells += PROBES.length + ACTION_PROBES.length
    await context.close()
  }
  // Only what the admin did changed: four new users, with raised session versions.
  const after = dbSnapshot()
  const added = (after.users as { username: string; session_version: number }[]).filter(
    (u) => !(before.users as { username: string }[]).some((b) => b.username === u.username),
  )
  expect(added).toHaveLength(SESSION_ENDINGS.length)
  expect(added.every((u) => u.session_version > 0)).toBe(true)
  expect({ ...after, users: [], audit: [] }).toEqual({ ...before, users: [], audit: [] })
  figure(
    `${SESSION_ENDINGS.length} sessions ended by an admin (${SESSION_ENDINGS.join(', ')}): ${cells} cells answered as signed out, nothing changed`,
  )
})
