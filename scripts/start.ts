/*
 * `npm start`: serves the production build on PORT with whatever env is set (scripts/serve.ts).
 * With no DMS_BASE_URL it also runs the DMS sandbox on 127.0.0.1 and points the cashier at it, so a
 * fresh clone works with no real DMS; a deployment that sets DMS_BASE_URL never starts the sandbox.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { env, sandboxEnv } from '@/lib/env'
import { createSandbox } from '@/lib/dms-sandbox/server'

function persistedSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

async function main() {
  const useSandbox = !process.env.DMS_BASE_URL
  const port = process.env.PORT ?? '3000'
  let stopSandbox: (() => Promise<void>) | undefined

  if (useSandbox) {
    const sbx = sandboxEnv()
    process.env.DMS_BASE_URL = `http://${sbx.SANDBOX_HOST}:${sbx.SANDBOX_PORT}`
    process.env.DMS_TOKEN ??= sbx.SANDBOX_TOKEN
    process.env.DMS_NOTIFY_SECRET ??= persistedSecret('data/.notify-secret')
    process.env.AUTH_SECRET ??= persistedSecret('data/.auth-secret')
    const sandbox = createSandbox({
      dataFile: sbx.SANDBOX_DATA,
      token: process.env.DMS_TOKEN,
      notifyUrl: sbx.SANDBOX_NOTIFY_URL ?? `http://127.0.0.1:${port}/api/dms/notify`,
      notifySecret: process.env.DMS_NOTIFY_SECRET,
      autoPay: sbx.SANDBOX_AUTO_PAY === '1',
    })
    const url = await sandbox.listen(sbx.SANDBOX_PORT, sbx.SANDBOX_HOST)
    console.log(`DMS sandbox (no DMS_BASE_URL set) listening on ${url}`)
    stopSandbox = () => sandbox.close()
  }

  try {
    env()
  } catch (error) {
    console.error((error as Error).message)
    await stopSandbox?.()
    process.exit(1)
  }

  // Plain tsx, without this process's react-server condition: see scripts/serve.ts.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', port], {
    stdio: 'inherit',
    env: process.env,
  })
  const stop = (signal: NodeJS.Signals) => {
    server.kill(signal)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', async (code) => {
    await stopSandbox?.()
    process.exit(code ?? 0)
  })
}

void main()
