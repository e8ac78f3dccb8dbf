import {
  CLI_ACTOR,
  displayActor,
  SEED_ACTOR,
  SYSTEM_ACTOR,
  type AuditActorKind,
  type AuditEntry,
} from '@/lib/audit/types'

/*
 * Who did it and what it was done to, in words a shop admin reads (员工 管理员, 收银台 前台 1, 系统)
 * rather than as recorded (user:admin, station:<id>, system). Pure, with the translator passed in,
 * so the words of both languages are tested without a page.
 */

/** admin.audit's translator, or anything that answers the same keys. */
export type Translate = (key: string, values?: Record<string, string>) => string

/** One cell: the words, a quieter second line, a tooltip (an id kept at hand) and a link. */
export interface Shown {
  main: string
  sub: string | null
  title: string | null
  href: string | null
}

/** Current names: display names by user id (actors) and by username (targets), stations by id. */
export interface AuditNames {
  usersById: ReadonlyMap<string, string>
  usersByUsername: ReadonlyMap<string, string>
  stations: ReadonlyMap<string, string>
}

const shown = (main: string, more: Partial<Omit<Shown, 'main'>> = {}): Shown => ({
  main,
  sub: more.sub ?? null,
  title: more.title ?? null,
  href: more.href ?? null,
})

/**
 * The actor by its recorded kind, never by its name: a sign-in records the name as typed, so
 * someone typing "system" stays that typed name, marked as such.
 */
export function describeActor(
  entry: Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorName'>,
  names: AuditNames,
  t: Translate,
): Shown {
  switch (entry.actorKind) {
    case 'user': {
      const current = entry.actorId ? names.usersById.get(entry.actorId) : undefined
      return shown(entry.actorName, {
        sub: current && current !== entry.actorName ? current : null,
      })
    }
    case 'sign-in':
      return shown(entry.actorName, { sub: t('actors.typed') })
    case 'system':
    case 'seed':
    case 'cli':
    case 'display':
      return shown(t(`actors.${entry.actorKind}`))
  }
}

/** `kind:rest` as the writers record a target (lib/audit/types.ts NewAuditEntry.target). */
function split(target: string): [string, string] | null {
  const at = target.indexOf(':')
  return at > 0 && at < target.length - 1 ? [target.slice(0, at), target.slice(at + 1)] : null
}

function bill(detail: unknown): string | null {
  const value = detail && typeof detail === 'object' ? (detail as { bill?: unknown }).bill : null
  return typeof value === 'string' && value !== '' ? value : null
}

/**
 * The target in words, with a link where a page shows it. A station no longer there still reads as
 * one (its id in the tooltip); a target of a form this page does not know shows as recorded.
 */
export function describeTarget(
  entry: Pick<AuditEntry, 'target' | 'detail'>,
  names: AuditNames,
  t: Translate,
): Shown | null {
  if (!entry.target) return null
  if (entry.target === 'settings') return shown(t('targets.settings'), { href: '/admin/settings' })
  const [kind, id] = split(entry.target) ?? ['', '']
  const idTitle = () => t('targets.id', { id })
  if (kind === 'user') {
    const name = names.usersByUsername.get(id)
    return shown(t('targets.user', { name: name ?? id }), {
      sub: name && name !== id ? id : null,
      href: name ? `/admin/users#user-${encodeURIComponent(id)}` : null,
    })
  }
  if (kind === 'station') {
    const name = names.stations.get(id)
    if (!name) return shown(t('targets.stationGone'), { title: idTitle() })
    return shown(t('targets.station', { name }), {
      title: idTitle(),
      href: `/admin/stations#station-${encodeURIComponent(id)}`,
    })
  }
  if (kind === 'charge') {
    const no = bill(entry.detail)
    return shown(no ? t('targets.charge', { bill: no }) : t('targets.chargeNoBill'), {
      title: idTitle(),
      href: `/charges/${encodeURIComponent(id)}`,
    })
  }
  return shown(entry.target)
}

// The tools' fixed names, as some details record who made something (a pairing code's maker is the
// user's id, or the name of the tool when no user did): never a typed name, and never a user's id.
const TOOLS = new Map<string, AuditActorKind>(
  [SYSTEM_ACTOR, SEED_ACTOR, CLI_ACTOR, displayActor(null)].map((a) => [a.name, a.kind]),
)

/** Who a detail field records (a user's id, or a tool's name) in words; null when unknown. */
export function describeRecordedBy(ref: string, names: AuditNames, t: Translate): string | null {
  const user = names.usersById.get(ref)
  if (user) return user
  const tool = TOOLS.get(ref)
  return tool ? t(`actors.${tool}`) : null
}
