import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { assertPortFree, freePort, freePortSync, portInUse, portInUseSync } from './ports'

/* The ports every suite and benchmark binds: a free one picked, a named busy one refused by name. */

let held: Server | null = null

async function hold(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  held = server
  return (server.address() as { port: number }).port
}

afterEach(async () => {
  await new Promise<void>((resolve) => (held ? held.close(() => resolve()) : resolve()))
  held = null
})

describe('ports', () => {
  it('picks ports nobody listens on', async () => {
    const [a, b] = [await freePort(), freePortSync()]
    expect(a).toBeGreaterThan(0)
    expect(b).toBeGreaterThan(0)
    expect(await portInUse(a)).toBe(false)
    expect(portInUseSync(b)).toBe(false)
  })

  it('sees a port that is taken, awaiting or not', async () => {
    const port = await hold()
    expect(await portInUse(port)).toBe(true)
    expect(portInUseSync(port)).toBe(true)
  })

  it('refuses a named busy port with its number and the variable that moves it', async () => {
    const port = await hold()
    await expect(assertPortFree(port, 'abuse', 'ABUSE_PORT')).rejects.toThrow(
      `abuse: port ${port} is already in use (a server left from an earlier run?). Stop it, or set ABUSE_PORT to another port`,
    )
    await expect(assertPortFree(await freePort(), 'abuse', 'ABUSE_PORT')).resolves.toBeUndefined()
  })
})
