/*
 * Whether a browser request was made by a page of this site. Browsers send Origin on every POST
 * (a form included), and a page elsewhere cannot forge it. The host compared is the one the
 * browser used, as the proxy forwards it (X-Forwarded-Host) or as it reached us (Host), which is
 * what Next's own server-action check compares too.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (!origin || origin === 'null') return false
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const own = forwarded || headers.get('host')
  return Boolean(own) && host.toLowerCase() === own!.toLowerCase()
}
