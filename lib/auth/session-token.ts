import 'server-only'
import { decode } from 'next-auth/jwt'
import { env } from '@/lib/env'
import { processWide } from '@/lib/server/process-wide'

/*
 * Who a request's session cookie says it is: the user id and session version in Auth.js's encrypted
 * session token. Decrypting one costs about a millisecond (key derivation + AES-CBC-HMAC), more than
 * everything else a status poll does, and a screen sends the same token every second. A token is
 * immutable and authenticated, so the same string always decodes to the same claims: it is decoded
 * once and the answer kept until the token's own expiry. The user is still re-read from the database
 * by the caller on every request, so a disabled account, a changed role or a raised session version
 * takes effect at once.
 */

/** Auth.js's cookie names; behind HTTPS it uses the __Secure- one. */
const COOKIE = 'authjs.session-token'
const SECURE_COOKIE = `__Secure-${COOKIE}`
const MAX_CACHED = 2_000

export interface SessionClaims {
  uid: string
  /** The user's session version when the session was made (0 for sessions older than versions). */
  sv: number
  /** The session's own id (null for sessions made before sessions had one). */
  sid: string | null
  /** The token's expiry, epoch ms. */
  expiresAt: number
}

// One per process: a page's render and the server actions it calls may run in different bundles'
// copies of this module, and each would otherwise decode the same token again.
const decoded = processWide('session-claims', () => new Map<string, SessionClaims>())

/** The session token a request carries: one cookie, or Auth.js's chunks `name.0`, `name.1`, … joined. */
export function sessionTokenOf(cookies: Readonly<Record<string, string>>, https: boolean) {
  const name = https ? SECURE_COOKIE : COOKIE
  const whole = cookies[name]
  if (whole) return { name, token: whole }
  const chunks = Object.keys(cookies)
    .filter((k) => k.startsWith(`${name}.`) && /^\d+$/.test(k.slice(name.length + 1)))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
  const token = chunks.map((k) => cookies[k]).join('')
  return token ? { name, token } : null
}

/** The session's claims, or null: no cookie, a forged or mangled one, or an expired session. */
export async function sessionClaims(
  cookies: Readonly<Record<string, string>>,
  https: boolean,
  now = Date.now(),
): Promise<SessionClaims | null> {
  const found = sessionTokenOf(cookies, https)
  if (!found) return null
  const known = decoded.get(found.token)
  if (known) {
    if (known.expiresAt > now) return known
    decoded.delete(found.token)
    return null
  }
  const claims = await decode({ token: found.token, secret: env().authSecret, salt: found.name })
    // A token sealed with another secret, or no token at all, is simply no session.
    .catch(() => null)
  const uid = claims?.uid
  if (typeof uid !== 'string' || typeof claims?.exp !== 'number') return null
  const sv = typeof claims.sv === 'number' && Number.isInteger(claims.sv) ? claims.sv : 0
  const sid = typeof claims.sid === 'string' && claims.sid ? claims.sid : null
  const session = { uid, sv, sid, expiresAt: claims.exp * 1000 }
  // Only tokens that decoded are kept, so garbage cookies cannot fill the memory; oldest out first.
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value!)
  decoded.set(found.token, session)
  return session
}

/** The signed-in user's id, or null (see sessionClaims). */
export async function sessionUserId(
  cookies: Readonly<Record<string, string>>,
  https: boolean,
  now = Date.now(),
): Promise<string | null> {
  return (await sessionClaims(cookies, https, now))?.uid ?? null
}
