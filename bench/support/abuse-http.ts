import { ask, csrfFor, inPool, signInOnce, statusProbe } from './abuse-client'
import { check, tally, type ScenarioResult } from './abuse-report'
import { MiB } from './memory'
import { fmt, verdict } from './stats'
import { rssMiB } from './proc'
import { sleep } from '@/tests/support/wait'

/*
 * The abuse that comes over HTTP from outside: sign-in attempts with made-up addresses, huge
 * bodies, pairing-code guessing. "The attacker" sends from 127.0.0.2, the shop from 127.0.0.1; the
 * server trusts no proxy (TRUSTED_PROXIES unset), as `npm start` does by default.
 */

export const ATTACKER = '127.0.0.2'

export interface AbuseTarget {
  base: string
  /** The cashier's Cookie header, for the status probe. */
  cashierCookie: string
  /** A status route a screen polls (an open charge). */
  statusUrl: string
  serverPid: number
  /** How many attempts of the audit log came from `ip` with `action`. */
  auditCount(action: string, ip: string): number
  auditIps(action: string): string[]
}

export async function signInFlood(t: AbuseTarget, attempts: number): Promise<ScenarioResult> {
  const csrf = await csrfFor(t.base, ATTACKER)
  // The same probe on a quiet server first: what this machine gives without any attack.
  const quietProbe = statusProbe(t.statusUrl, t.cashierCookie)
  await sleep(5_000)
  const quiet = await quietProbe.stop()
  const probe = statusProbe(t.statusUrl, t.cashierCookie)
  const started = performance.now()
  const outcomes = await inPool(attempts, 8, (i) =>
    signInOnce(
      t.base,
      csrf,
      // Mostly names that do not exist; every tenth aims at the admin account.
      i % 10 === 0 ? 'admin' : `guess-${i}`,
      `wrong-${i}`,
      { localAddress: ATTACKER, forwardedFor: `203.0.113.${i % 250}, 10.${i % 200}.0.1` },
    ),
  )
  const floodMs = performance.now() - started
  // The shop, meanwhile, from its own address: other people sign in.
  const shop = await csrfFor(t.base)
  const others = [
    await signInOnce(t.base, shop, 'cashier', 'demo1234'),
    await signInOnce(t.base, shop, 'manager', 'demo1234'),
  ]
  const status = await probe.stop()
  const counts = tally(outcomes)
  const checked = t.auditCount('auth.sign-in-failed', ATTACKER)
  const spoofed = t.auditIps('auth.sign-in-failed').filter((ip) => ip !== ATTACKER)
  return {
    name: `${attempts} sign-in attempts from one client claiming ${Math.min(attempts, 250)} addresses`,
    figures: [
      `answers: ${JSON.stringify(counts)} in ${(floodMs / 1000).toFixed(1)} s (${((attempts / floodMs) * 1000).toFixed(0)}/s)`,
      `passwords checked (bcrypt): ${checked}; audit addresses other than the real one: ${spoofed.length}`,
      `other users from the shop's address: ${others.join(', ')}`,
      `status answers meanwhile: ${status.samples} samples, p50 ${status.p50.toFixed(1)} ms, p99 ${status.p99.toFixed(1)} ms, max ${status.max.toFixed(1)} ms, ${status.errors} errors`,
      `status answers on the quiet server before: ${quiet.samples} samples, p50 ${quiet.p50.toFixed(1)} ms, p99 ${quiet.p99.toFixed(1)} ms (this machine's floor)`,
    ],
    checks: [
      check(
        `all ${attempts} attempts answered`,
        outcomes.length === attempts && (counts.invalid ?? 0) + (counts.blocked ?? 0) === attempts,
      ),
      check(
        'the limit held: exactly 20 passwords checked for the address, the rest refused',
        checked === 20 && counts.invalid === 20 && counts.blocked === attempts - 20,
      ),
      check('the made-up addresses were never believed', spoofed.length === 0),
      check(
        'other users signed in',
        others.every((o) => o === 'signed-in'),
      ),
      check(
        'status answers kept coming: ≥ 100 samples, no error',
        status.samples >= 100 && status.errors === 0,
      ),
    ],
    targets: [
      `status p99 ${status.p99.toFixed(1)} ms vs 50 ms: ${fmt(50 / status.p99)}× — ${verdict(status.p99 < 50)}`,
    ],
  }
}

const BODY_PATHS = [
  '/login',
  '/api/auth/callback/credentials',
  '/api/display/pair',
  '/api/dms/notify',
]

export async function hugeBodies(
  t: AbuseTarget,
  count: number,
  mib: number,
): Promise<ScenarioResult> {
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': mib * MiB,
    origin: t.base,
  }
  // Every route once with a small body first, so that loading their code is not counted as growth.
  for (const path of BODY_PATHS)
    await ask(`${t.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.base },
      body: 'x=1',
    })
  await sleep(500)
  const before = rssMiB(t.serverPid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(t.serverPid))), 20)
  const started = performance.now()
  const answers = await inPool(count, count, (i) =>
    ask(`${t.base}${BODY_PATHS[i % BODY_PATHS.length]}`, {
      method: 'POST',
      headers,
      streamBytes: mib * MiB,
      localAddress: ATTACKER,
    }),
  )
  clearInterval(sampler)
  peak = Math.max(peak, rssMiB(t.serverPid))
  const ms = performance.now() - started
  await sleep(1000)
  const after = rssMiB(t.serverPid)
  const counts = tally(answers.map((a) => a.status))
  const sentMiB = answers.reduce((s, a) => s + a.sent, 0) / MiB
  const growth = peak - before
  const health = await ask(`${t.base}/api/health`)
  return {
    name: `${count} concurrent ${mib} MB bodies to ${BODY_PATHS.join(', ')}`,
    figures: [
      `answers: ${JSON.stringify(counts)} in ${(ms / 1000).toFixed(1)} s; ${sentMiB.toFixed(0)} MiB sent before the answers (${(count * mib).toFixed(0)} MiB offered)`,
      `server RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak (+${growth.toFixed(0)}), ${after.toFixed(0)} MiB after`,
    ],
    checks: [
      check(
        `all ${count} bodies refused (413; a connection cut mid-upload counts)`,
        answers.length === count &&
          answers.every((a) => a.status === 413 || a.status === 'reset') &&
          (counts['413'] ?? 0) >= count / 2,
      ),
      check(
        'the bodies were really sent: ≥ 64 KB each on average',
        sentMiB * MiB >= count * 64 * 1024,
      ),
      check('RSS flat: peak growth < 64 MiB', growth < 64),
      check('the server still answers', health.status === 200),
    ],
  }
}

/** Codes that cannot be `live` (they differ in the first letter), from the pairing alphabet. */
function wrongCode(i: number, live: string): string {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  const first = A[(A.indexOf(live[0]!) + 1 + (i % 23)) % 24]!
  let rest = ''
  for (let n = Math.floor(i / 23), k = 0; k < 5; k++, n = Math.floor(n / 24)) rest += A[n % 24]
  return first + rest
}

export async function pairingGuesses(
  t: AbuseTarget,
  guesses: number,
  liveCode: string,
): Promise<ScenarioResult> {
  const pair = (code: string, localAddress?: string) =>
    ask(`${t.base}/api/display/pair`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.base },
      body: `code=${code}`,
    })
  const started = performance.now()
  const answers = await inPool(guesses, 16, (i) => pair(wrongCode(i, liveCode), ATTACKER))
  const ms = performance.now() - started
  const where = tally(answers.map((a) => String(a.headers.location ?? a.status)))
  const tablet = await pair(liveCode)
  return {
    name: `${guesses} pairing-code guesses from one address, then the right code from another`,
    figures: [
      `answers: ${JSON.stringify(where)} in ${(ms / 1000).toFixed(1)} s (${((guesses / ms) * 1000).toFixed(0)}/s)`,
      `the right code from the counter tablet's address: ${tablet.status} → ${tablet.headers.location}`,
    ],
    checks: [
      check(
        `all ${guesses} guesses answered`,
        answers.length === guesses && answers.every((a) => a.status === 303),
      ),
      check(
        '10 wrong codes tried, the rest refused',
        where['/display?pair=invalid'] === 10 && where['/display?pair=limited'] === guesses - 10,
      ),
      check(
        'the right code from another address still pairs',
        tablet.status === 303 && tablet.headers.location === '/display',
      ),
    ],
  }
}
