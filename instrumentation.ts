// Runs once when the server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startCashierServices } = await import('./lib/server/start')
    await startCashierServices()
  }
}
