import 'server-only'
import { headers } from 'next/headers'

/**
 * Whether the browser reached us over HTTPS: directly (Next then sets X-Forwarded-Proto itself), or
 * through a proxy that terminates TLS and says so. Cookies set during the request get `Secure` then.
 * A client that fakes the header over plain HTTP only gets a cookie its own browser will not keep.
 */
export async function requestIsHttps(): Promise<boolean> {
  const proto = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim()
  return proto === 'https'
}
