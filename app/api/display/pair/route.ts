import { connection } from 'next/server'
import { pairThisBrowser } from '@/lib/display/pair-request'

/**
 * The pairing screen's form posts here (a plain HTML form: it works before any script has loaded).
 * Answers with a redirect: to /display with the device cookie, or back to the form with a notice.
 * No CSRF token: a forged request would need a valid code, which only a manager can make.
 */
export async function POST(req: Request) {
  await connection()
  const form = await req.formData().catch(() => null)
  const code = form?.get('code')
  return pairThisBrowser(req, typeof code === 'string' ? code.slice(0, 32) : '')
}
