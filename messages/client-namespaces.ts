/**
 * What each part of the app hands its client components: the message namespaces (or sub-trees,
 * `manager.chart`) that the client code under it reads with `useTranslations`. A layout passes them
 * with `<ClientMessages scope="…">` (i18n/client-messages.tsx); server components keep every
 * message (`getTranslations`). Every message handed over is in the page's HTML, on every first
 * load: handing over all of them cost a cashier's page ~12 KB gzip. client-namespaces.test.ts walks
 * each scope's imports and fails on a namespace its client code reads and is not handed.
 */
export const CLIENT_NAMESPACES = {
  /** The login page. */
  auth: ['login'],
  /**
   * The staff shell (app/(staff)/layout.tsx): its texts come from the server as props; only its
   * error boundary (app/(staff)/error.tsx), which Next renders with no props of ours, reads its own.
   */
  staff: ['common.pageError'],
  /** The front desk: the charge form, the charge screen, today's list, the paid page. */
  cashier: [
    'charge',
    'connection',
    'newCharge',
    'payWay',
    'receipt',
    'status',
    'tablets.screenStatus',
    'tablets.units',
    'today',
  ],
  /** The charges needing attention. */
  attention: ['manager.attention', 'manager.recheck', 'status'],
  /** The manager's list and a charge's review. */
  manager: [
    'manager.chart',
    'manager.recheck',
    'manager.settle',
    'manager.views',
    'payWay',
    'receipt',
    'status',
  ],
  /** The shift handover. */
  handover: ['handover'],
  /** Administration: users, stations, tablets, settings, the audit log. */
  admin: ['admin', 'payWay', 'roles', 'tablets'],
} as const satisfies Record<string, readonly string[]>

export type ClientScope = keyof typeof CLIENT_NAMESPACES

/** The messages under the given paths (`charge`, `manager.chart`), the rest of the tree left out. */
export function pickMessages(
  messages: Record<string, unknown>,
  paths: readonly string[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const path of paths) {
    const keys = path.split('.')
    let from: unknown = messages
    for (const key of keys) from = (from as Record<string, unknown> | undefined)?.[key]
    if (from === undefined) throw new Error(`no messages at ${path}`)
    let into = picked
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Record<string, unknown>
    into[keys.at(-1)!] = from
  }
  return picked
}
