import 'server-only'
import { headers } from 'next/headers'
import { isHttpsRequest } from '@/lib/http/https'

/** Whether the current Next request came over HTTPS (cookies set during it get `Secure` then). */
export async function requestIsHttps(): Promise<boolean> {
  return isHttpsRequest((await headers()).get('x-forwarded-proto'))
}
