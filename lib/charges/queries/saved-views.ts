import 'server-only'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import { inTransaction } from '@/lib/db/transaction'
import { filterToParams, parseChargeFilter } from './filters'

/*
 * A manager's named filters ("本月微信", "待核实"), one settings row per user under `views:<userId>`
 * holding a JSON list. The filter is stored as its canonical URL query, so a view is just a link and
 * survives changes to the page.
 */

export const MAX_VIEWS = 20
export const viewNameSchema = z.string().trim().min(1).max(40)

export interface SavedView {
  name: string
  /** URL query of the filter, without the leading '?'. */
  query: string
}

const storedSchema = z.array(z.object({ name: z.string(), query: z.string() }))
const keyOf = (userId: string) => `views:${userId}`

/** A stored list that no longer reads (hand-edited, older format) is treated as empty, not an error. */
export function readViews(text: string | undefined): SavedView[] {
  if (!text) return []
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export async function listSavedViews(
  userId: string,
  db: Kysely<Database> = getDb(),
): Promise<SavedView[]> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', keyOf(userId))
    .executeTakeFirst()
  return readViews(row?.value)
}

async function write(db: Kysely<Database>, userId: string, views: SavedView[]) {
  const value = JSON.stringify(views)
  const now = Date.now()
  await db
    .insertInto('settings')
    .values({ key: keyOf(userId), value, updated_at: now, updated_by: userId })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: userId }),
    )
    .execute()
}

export type SaveViewResult =
  { ok: true; views: SavedView[] } | { ok: false; error: 'invalid' | 'too-many' }

/** Saves (or replaces, by name) a view of the given URL query, normalised to its canonical form. */
export async function saveView(
  userId: string,
  name: string,
  query: string,
  db: Kysely<Database> = getDb(),
): Promise<SaveViewResult> {
  const cleanName = viewNameSchema.safeParse(name)
  const { filter, invalid } = parseChargeFilter(new URLSearchParams(query))
  if (!cleanName.success || invalid.length > 0) return { ok: false, error: 'invalid' }
  const view = { name: cleanName.data, query: filterToParams(filter).toString() }
  return inTransaction(db, async (trx) => {
    const views = (await listSavedViews(userId, trx)).filter((v) => v.name !== view.name)
    if (views.length >= MAX_VIEWS) return { ok: false, error: 'too-many' } as const
    const next = [...views, view]
    await write(trx, userId, next)
    return { ok: true, views: next } as const
  })
}

export async function deleteView(
  userId: string,
  name: string,
  db: Kysely<Database> = getDb(),
): Promise<SavedView[]> {
  return inTransaction(db, async (trx) => {
    const next = (await listSavedViews(userId, trx)).filter((v) => v.name !== name)
    await write(trx, userId, next)
    return next
  })
}
