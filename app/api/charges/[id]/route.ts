import { connection } from 'next/server'
import { requestLocale } from '@/i18n/request-locale'
import { checkAccess } from '@/lib/auth/session'
import { refreshForPoll } from '@/lib/charges/refresh'
import { toChargeView } from '@/lib/charges/view'

/** What the charge screen polls: the charge, brought up to date with DMS at most once per interval. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  await connection()
  const access = await checkAccess('charge:view')
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status })
  const { id } = await params
  const charge = await refreshForPoll(id)
  if (!charge) return Response.json({ error: 'not-found' }, { status: 404 })
  return Response.json(toChargeView(charge, await requestLocale()), {
    headers: { 'cache-control': 'no-store' },
  })
}
