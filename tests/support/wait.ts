/** Polls `check` until it is true or `timeoutMs` has passed; resolves to whether it came true. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return false
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
