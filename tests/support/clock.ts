import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/*
 * A wall clock the tests can set, for a server under test (unit tests use Vitest's
 * vi.setSystemTime instead). The server is started with `clockEnv(file, at)`; every Node process in
 * it then reads Date from a shifted clock (tests/support/clock-preload.mjs), and `setClock` moves
 * them all at once, resolving when each live process has acknowledged the move. The DMS sandbox that
 * start.ts runs beside the app is in the same processes, so the two always agree on the time.
 */

const PRELOAD = resolve(dirname(fileURLToPath(import.meta.url)), 'clock-preload.mjs')

let version = 0

function write(file: string, at: number): number {
  version += 1
  writeFileSync(file, JSON.stringify({ offsetMs: at - Date.now(), version }))
  return version
}

/** Environment for a server process whose clock starts at `at` (epoch ms) and is moved through `file`. */
export function clockEnv(file: string, at: number): Record<string, string> {
  write(file, at)
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : ''
  return { TEST_CLOCK_FILE: resolve(file), NODE_OPTIONS: `${inherited}--import=${PRELOAD}` }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Moves the server's clock to `at` and waits until every live process of it has moved. */
export async function setClock(file: string, at: number, timeoutMs = 10_000): Promise<void> {
  const wanted = write(file, at)
  const deadline = Date.now() + timeoutMs
  const prefix = `${basename(file)}.ack-`
  for (;;) {
    const late = readdirSync(dirname(file))
      .filter((name) => name.startsWith(prefix))
      .map((name) => ({ name, pid: Number(name.slice(prefix.length)) }))
      .filter(({ name, pid }) => alive(pid) && readAck(join(dirname(file), name)) < wanted)
    if (late.length === 0) return
    if (Date.now() > deadline) {
      throw new Error(
        `the server's clock did not move within ${timeoutMs} ms (processes ${late.map((l) => l.pid).join(', ')})`,
      )
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

function readAck(path: string): number {
  try {
    return Number(readFileSync(path, 'utf8'))
  } catch {
    return -1
  }
}

const BEIJING = 8 * 3_600_000

/** Epoch ms of a Beijing wall-clock time on `day` (YYYY-MM-DD), e.g. beijingTime('2026-03-01', '23:59:00'). */
export function beijingTime(day: string, time: string): number {
  return Date.parse(`${day}T${time}Z`) - BEIJING
}

/** Today's date in Beijing, YYYY-MM-DD. */
export const beijingToday = (now = Date.now()) => new Date(now + BEIJING).toISOString().slice(0, 10)
