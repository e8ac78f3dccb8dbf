import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { defaultEnv, envValue, resetEnvCache, sandboxEnv } from '@/lib/env'
import { createSandbox } from '@/sandbox/server'
import { listenOnSandboxPort } from './sandbox-listen'

/*
 * Demo mode's DMS: the sandbox on SANDBOX_PORT with its data file, and this process's cashier
 * configuration pointed at it. One home for `npm start` (which serves the app beside it) and
 * `npm run seed -- --history` (which runs the demo's first charges through it before start does).
 */

/** Which DMS this process would use: the sandbox only when asked for and no real DMS is set. */
export function dmsMode(): 'sandbox' | 'real' | 'none' {
  if (envValue('DMS_BASE_URL')) return 'real'
  return envValue('DMS_SANDBOX') === '1' ? 'sandbox' : 'none'
}

function persistedSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export interface DemoSandbox {
  /** DMS_BASE_URL as this process now has it. */
  url: string
  /** Where it listens, as printed (0.0.0.0 shown as 127.0.0.1). */
  listening: string
  /** Stops it and writes its data file. */
  stop(): Promise<void>
}

/**
 * Starts the sandbox and sets DMS_BASE_URL, DMS_TOKEN, DMS_NOTIFY_SECRET and AUTH_SECRET for this
 * process (the secrets persisted under data/, so the app keeps them across restarts).
 * `appPort`: the app that receives DMS notifications and whose customers auto-pay may pay; without
 * it (the seed, with no app running yet) nothing is notified.
 */
export async function startDemoSandbox(opts: { appPort?: string } = {}): Promise<DemoSandbox> {
  const sbx = sandboxEnv()
  const url = `http://${sbx.SANDBOX_HOST}:${sbx.SANDBOX_PORT}`
  process.env.DMS_BASE_URL = url
  resetEnvCache()
  const token = defaultEnv('DMS_TOKEN', () => sbx.SANDBOX_TOKEN)
  const notifySecret = defaultEnv('DMS_NOTIFY_SECRET', () => persistedSecret('data/.notify-secret'))
  defaultEnv('AUTH_SECRET', () => persistedSecret('data/.auth-secret'))
  const forApp = opts.appPort !== undefined
  const sandbox = createSandbox({
    dataFile: sbx.SANDBOX_DATA,
    token,
    notifyUrl: forApp
      ? (sbx.SANDBOX_NOTIFY_URL ?? `http://127.0.0.1:${opts.appPort}/api/dms/notify`)
      : undefined,
    notifySecret,
    autoPay: forApp && sbx.SANDBOX_AUTO_PAY === '1',
  })
  const listening = await listenOnSandboxPort(sandbox, sbx.SANDBOX_PORT, sbx.SANDBOX_HOST)
  return { url, listening, stop: () => sandbox.close() }
}
