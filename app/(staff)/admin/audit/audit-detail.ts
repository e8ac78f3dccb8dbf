/*
 * An audit entry's detail as labelled fields in words rather than raw JSON: a change reads
 * "from → to", coded values (a role, a scope) read as words, a person recorded by id by their
 * name, a time as a time. Ids that only a database needs are left out of the list (the full
 * detail stays in the list's tooltip). Pure, with the words passed in, so it is tested without a page.
 */

export interface DetailWords {
  /** A coded value of `set` (admin.audit `values.<set>`) in words, or null to show it as recorded. */
  value(set: string, code: string): string | null
  /** A staff member by id, or a tool by its fixed name, in words; null when unknown. */
  person(ref: string): string | null
  /** Epoch ms as a time. */
  time(ms: number): string
  /** A tablet's name as recorded: an automatic one in words (lib/display/device-label.ts). */
  tablet(name: string): string
}

/** Fields that are ids of rows the entry already names (its target, a tablet): not for reading. */
const HIDDEN = new Set(['id', 'deviceId'])
/** Fields recording who by id (a user) or by a tool's fixed name (pairing codes made by the CLI). */
const PEOPLE = new Set(['cashierId', 'codeCreatedBy'])
const TIMES = new Set(['expiresAt'])
/** A tablet's actions record its name (pairing, revoke) or the names of a rename. */
const TABLET_NAMES = new Set(['name', 'from', 'to'])
/** Fields whose values are always codes, named after their value set. */
const CODED = new Set(['role', 'outcome', 'scope', 'language'])
/** Fields whose codes depend on the action: a role change records its roles as from/to. */
const BY_ACTION: Record<string, Record<string, string>> = {
  'user.role': { from: 'role', to: 'role' },
  'display.revoke': { reason: 'revokeReason' },
}

function setOf(action: string, key: string): string | null {
  return BY_ACTION[action]?.[key] ?? (CODED.has(key) ? key : null)
}

function read(action: string, key: string, v: unknown, words?: DetailWords): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'object') return JSON.stringify(v)
  if (words) {
    if (PEOPLE.has(key) && typeof v === 'string') return words.person(v) ?? v
    if (TIMES.has(key) && typeof v === 'number') return words.time(v)
    if (action.startsWith('display.') && TABLET_NAMES.has(key) && typeof v === 'string') {
      return words.tablet(v)
    }
    const set = setOf(action, key)
    if (set && typeof v === 'string') return words.value(set, v) ?? v
  }
  return String(v)
}

/**
 * The fields to show, in recorded order. Without words, values show as recorded. Anything that is
 * not an object stays one field under the key "value".
 */
export function detailFields(
  detail: unknown,
  action = '',
  words?: DetailWords,
): Array<{ key: string; value: string }> {
  if (detail === null || detail === undefined) return []
  if (typeof detail !== 'object' || Array.isArray(detail)) {
    return [{ key: 'value', value: read(action, 'value', detail) }]
  }
  return Object.entries(detail as Record<string, unknown>)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const change = v as { from: unknown; to: unknown }
        const [from, to] = [
          read(action, key, change.from, words),
          read(action, key, change.to, words),
        ]
        return { key, value: `${from} → ${to}` }
      }
      return { key, value: read(action, key, v, words) }
    })
}
