import type { Sandbox } from '@/sandbox/server'

/*
 * The sandbox on SANDBOX_PORT, for `npm start` (demo mode) and `npm run sandbox`: a taken port
 * stops the process with its number and the variable that moves it, not with a stack trace.
 */
export async function listenOnSandboxPort(
  sandbox: Sandbox,
  port: number,
  host: string,
): Promise<string> {
  try {
    return await sandbox.listen(port, host)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    console.error(
      `DMS sandbox: port ${port} is already in use (another cashier or sandbox?). Stop it, or set SANDBOX_PORT to another port.`,
    )
    process.exit(1)
  }
}
