/*
 * Where to go after signing in: only a path on this site. A callbackUrl comes from the address bar,
 * so anyone can write one into a link; `/\evil.example`, `//evil.example`, `/%5Cevil.example`,
 * `https://evil.example` and friends must all land on the cashier, not elsewhere. Rather than
 * list the tricks, the value is resolved the way a browser would resolve it against this site, and
 * kept only if the result is still on this site; what is kept is the browser's own re-spelling
 * of it, so nothing ambiguous is sent back in a Location header.
 */

const SITE = 'http://cashier.invalid'

/** A same-origin path (with query and fragment) for `raw`, or null when it would leave the site. */
export function sameOriginPath(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null
  // A path only: not a scheme, not protocol-relative. Browsers read `\` as `/` in http URLs.
  if (!raw.startsWith('/') || /^\/[\\/]/.test(raw) || /[\u0000-\u001f]/.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw, SITE)
  } catch {
    return null
  }
  if (url.origin !== SITE) return null
  const path = `${url.pathname}${url.search}${url.hash}`
  // A path whose decoded form starts a new authority (`/%5C…`, `/%2F…`) is refused too: some
  // component along the way (Auth.js, a proxy) may decode it before the browser sees it.
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (/^\/[\\/]/.test(decoded) || /[\u0000-\u001f]/.test(decoded)) return null
  return path
}

/** For Auth.js's redirect callback: an absolute URL on `baseUrl`, else `baseUrl` itself. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  let path: string | null
  if (url.startsWith('/')) path = sameOriginPath(url)
  else {
    try {
      const u = new URL(url)
      path =
        u.origin === new URL(baseUrl).origin
          ? sameOriginPath(`${u.pathname}${u.search}${u.hash}`)
          : null
    } catch {
      path = null
    }
  }
  return path ? `${baseUrl.replace(/\/+$/, '')}${path}` : baseUrl
}

/**
 * The page a request asked for, as the proxy saw it (path and query). Set by proxy.ts on every
 * page request it forwards, over whatever the client sent, so that a page which finds no session
 * can send the visitor to sign in and back (requirePageUser) as the proxy itself does.
 */
export const REQUESTED_PATH_HEADER = 'x-requested-path'

/** The login page, coming back to `requested` afterwards when that is a page of this site. */
export function loginPathFor(requested: string | null | undefined): string {
  const back = sameOriginPath(requested)
  return back && back !== '/' ? `/login?callbackUrl=${encodeURIComponent(back)}` : '/login'
}
