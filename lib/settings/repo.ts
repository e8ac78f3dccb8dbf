import 'server-only'
import type { Kysely } from 'kysely'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/locale'
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from './schema'

/*
 * One row per setting, value as JSON. A key never written reads as its default, so adding a
 * setting needs no migration. A stored value that no longer validates (a rule got stricter) also
 * falls back to the default instead of breaking every page.
 */

const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[]

function readValue<K extends SettingKey>(key: K, text: string): Settings[K] {
  try {
    const result = settingsSchema.shape[key].safeParse(JSON.parse(text))
    if (result.success) return result.data as Settings[K]
  } catch {
    // not JSON: use the default
  }
  return DEFAULT_SETTINGS[key]
}

export async function getSettings(db: Kysely<Database> = getDb()): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const settings: Settings = { ...DEFAULT_SETTINGS }
  for (const { key, value } of rows) {
    if ((KEYS as string[]).includes(key)) {
      const k = key as SettingKey
      Object.assign(settings, { [k]: readValue(k, value) })
    }
  }
  return settings
}

/**
 * Validates `patch` (throws the ZodError when invalid), stores the keys whose value changed and
 * records one audit entry listing them with their old and new values. Returns the new settings.
 */
export async function updateSettings(
  patch: SettingsPatch,
  actor: AuditActor,
  db: Kysely<Database> = getDb(),
): Promise<Settings> {
  const clean = settingsPatchSchema.parse(patch)
  const saved = await inTransaction(db, async (trx) => {
    const current = await getSettings(trx)
    const next: Settings = { ...current }
    const changes: Partial<Record<SettingKey, { from: unknown; to: unknown }>> = {}
    const now = Date.now()
    for (const key of KEYS) {
      const to = clean[key]
      if (to === undefined || to === current[key]) continue
      changes[key] = { from: current[key], to }
      Object.assign(next, { [key]: to })
      const value = JSON.stringify(to)
      const updatedBy = actor.id ?? actor.name
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now, updated_by: updatedBy })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: updatedBy }),
        )
        .execute()
    }
    if (Object.keys(changes).length === 0) return current
    await recordAuditBy(
      actor,
      { action: 'settings.update', target: 'settings', detail: changes },
      trx,
    )
    return next
  })
  // After the commit: a poll reading in between would otherwise keep the old values.
  forgetPolledSettings()
  return saved
}

/*
 * The shop's settings for the once-a-second polls (a tablet's shop name and language, a screen's
 * default language), read from the database at most every MAX_AGE_MS. A change made by an admin in
 * another process shows on tablets up to that much later; pages and actions, which enforce the
 * money rules (maximum amount, timeout), always read them fresh with getSettings(). Kept beside
 * updateSettings, which forgets them after a write (a file of their own made a cycle with this one).
 */
const MAX_AGE_MS = 2_000

let held: { at: number; settings: Promise<Settings> } | null = null

export function settingsForPolls(now = Date.now()): Promise<Settings> {
  if (!held || now - held.at >= MAX_AGE_MS) {
    const settings = getSettings()
    held = { at: now, settings }
    // A failed read is not kept: the next poll asks the database again.
    settings.catch(() => {
      if (held?.settings === settings) held = null
    })
  }
  return held.settings
}

/** After this process wrote new settings: its own polls see them at once. */
export function forgetPolledSettings(): void {
  held = null
}

/**
 * A person's own choice (the locale cookie) wins; otherwise the shop's language; zh-CN by default.
 * Polls take the shop's language from the settings polls share (settingsForPolls).
 */
export async function resolveLocale(
  chosen: string | undefined,
  opts: { forPoll?: boolean } = {},
): Promise<Locale> {
  if (isLocale(chosen)) return chosen
  const shop = await (opts.forPoll ? settingsForPolls() : getSettings()).catch(() => null)
  return shop && isLocale(shop.language) ? shop.language : DEFAULT_LOCALE
}
