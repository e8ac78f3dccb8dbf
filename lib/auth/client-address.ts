/*
 * The client's address, for sign-in limits and the audit log.
 *
 * Trust assumption: the first hop of X-Forwarded-For is the client. Next's server sets the header to
 * the socket address when a request arrives without one, so a direct connection gets the real
 * address. Behind a reverse proxy, the proxy must REPLACE the header with the address it saw
 * (nginx: `proxy_set_header X-Forwarded-For $remote_addr;`), not append to it: a client can put
 * anything in the header it sends, and an appended list keeps that forged value first. Where that
 * is not so, the per-address limit can be dodged (or aimed at someone else's address); the
 * per-account limit does not depend on it.
 */
export function clientAddress(headers: Headers): string {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  const real = headers.get('x-real-ip')?.trim()
  // An IPv4 client on a dual-stack socket shows as ::ffff:192.168.1.20: one client, one key.
  const ip = (first || real || 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  return ip.slice(0, 64)
}
