import type { ChargeView } from '@/lib/charges/view'

/* The status route as a screen polls it, over plain fetch with a session cookie. */

export async function getChargeView(
  baseUrl: string,
  cookie: string,
  id: string,
): Promise<ChargeView | null> {
  try {
    const res = await fetch(`${baseUrl}/api/charges/${id}`, { headers: { cookie } })
    return res.ok ? ((await res.json()) as ChargeView) : null
  } catch {
    return null
  }
}

/** One screen polling every `everyMs` for `windowMs`; resolves to the number of answered polls. */
export async function pollFor(
  baseUrl: string,
  cookie: string,
  id: string,
  windowMs: number,
  everyMs: number,
): Promise<number> {
  const end = Date.now() + windowMs
  let answered = 0
  while (Date.now() < end) {
    if (await getChargeView(baseUrl, cookie, id)) answered += 1
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return answered
}
