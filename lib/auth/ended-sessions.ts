import 'server-only'
import { getDb } from '@/lib/db'
import { preparedRead } from '@/lib/db/prepared-read'

/*
 * Signing out ends that one session on the server, not only its cookie. A session token is
 * self-contained: Auth.js's sign-out deletes the cookie, but an answer already on its way — a page
 * request through the proxy, which re-issues the cookie with a later expiry — can set it again a
 * moment later, and a copied cookie would keep working until it expires. Each token carries a
 * session id (`sid`, lib/auth/config.ts); signing out records it here and every request refuses it.
 * "Sign out everywhere" stays the user's session version (lib/users).
 */

// Every staff page, action and poll asks: a prepared read.
const endedById = preparedRead((db, sessionId: string) =>
  db.selectFrom('ended_sessions').select('session_id').where('session_id', '=', sessionId),
)

/** Whether the session was signed out of. */
export async function isSessionEnded(sessionId: string): Promise<boolean> {
  return (await endedById(getDb(), sessionId)) !== undefined
}

/**
 * Ends one session until its token's own expiry (`expiresAt`, epoch ms), after which the token is
 * refused anyway; rows of tokens already expired are pruned on the way.
 */
export async function endSession(
  sessionId: string,
  expiresAt: number,
  now: number = Date.now(),
): Promise<void> {
  const db = getDb()
  await db.deleteFrom('ended_sessions').where('expires_at', '<=', now).execute()
  await db
    .insertInto('ended_sessions')
    .values({ session_id: sessionId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute()
}
