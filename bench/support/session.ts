/*
 * A staff session without a browser: the Auth.js credentials flow over fetch (GET /api/auth/csrf, then
 * POST /api/auth/callback/credentials with the token and its cookie). Returns the Cookie header to
 * send, for load generators and pollers that have no cookie jar.
 */

type Jar = Map<string, string>

function take(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!
    const eq = pair.indexOf('=')
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
}

const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

export async function signInWithFetch(
  baseUrl: string,
  username = 'cashier',
  password = 'demo1234',
): Promise<string> {
  const jar: Jar = new Map()
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`)
  take(jar, csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/` }),
  })
  take(jar, res)
  if (![...jar.keys()].some((k) => k.includes('session-token'))) {
    throw new Error(`sign-in as ${username} on ${baseUrl} failed (HTTP ${res.status})`)
  }
  return header(jar)
}
