import 'server-only'
import { getSettings } from './repo'
import type { Settings } from './schema'

/*
 * The shop's settings for the once-a-second polls (a tablet's shop name and language, a screen's
 * default language), read from the database at most every MAX_AGE_MS. A change made by an admin in
 * another process shows on tablets up to that much later; pages and actions, which enforce the
 * money rules (maximum amount, timeout), always read them fresh with getSettings().
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
