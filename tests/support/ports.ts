import { execFileSync } from 'node:child_process'
import { createServer } from 'node:net'

/*
 * Ports for the servers a test or benchmark starts: picked free for each run, so two runs side by
 * side (or a stale server left by a crash) never share one. A port asked for by name (E2E_PORT …)
 * is checked instead, and a busy one stops the run with its number rather than being trusted.
 */

/** A port nobody listens on right now (the kernel's pick), on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const PICK = `const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})`

/** `freePort` for code that cannot await (a Playwright config is loaded synchronously). */
export function freePortSync(): number {
  return Number(execFileSync(process.execPath, ['-e', PICK], { encoding: 'utf8' }))
}

const PROBE = `const s=require('node:net').createServer();s.once('error',()=>process.stdout.write('busy'));s.listen(Number(process.argv[1]),'127.0.0.1',()=>{process.stdout.write('free');s.close()})`

/** `portInUse` for code that cannot await (the Playwright config). */
export function portInUseSync(port: number): boolean {
  return (
    execFileSync(process.execPath, ['-e', PROBE, String(port)], { encoding: 'utf8' }) === 'busy'
  )
}

/** What a run says of a port it was told to use (by `variable`) and finds taken. */
export function busyPortMessage(port: number, what: string, variable?: string): string {
  const move = variable
    ? `Stop it, or set ${variable} to another port (unset, a free one is picked).`
    : 'Stop it, or leave the port unset so a free one is picked.'
  return `${what}: port ${port} is already in use (a server left from an earlier run?). ${move}`
}

/** Whether something already listens on `port` of 127.0.0.1. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(true))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)))
  })
}

/** Throws a clear error, naming the variable that moves it, when a port the run was told to use is taken. */
export async function assertPortFree(port: number, what: string, variable?: string): Promise<void> {
  if (await portInUse(port)) throw new Error(busyPortMessage(port, what, variable))
}
