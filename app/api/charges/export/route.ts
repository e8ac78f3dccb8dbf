import { getTranslations } from 'next-intl/server'
import { connection } from 'next/server'
import { requestLocale } from '@/i18n/request-locale'
import { recordAudit } from '@/lib/audit'
import { checkAccess } from '@/lib/auth/session'
import { beijingDay } from '@/lib/charges/queries/days'
import { exportChargesCsv, type CsvLabels } from '@/lib/charges/queries/export-csv'
import { filterToParams, parseChargeFilter, toChargeQuery } from '@/lib/charges/queries/filters'

/**
 * The list's filtered set as CSV, every page, streamed: `GET /api/charges/export?<the list's filters>`.
 * A filter that does not parse is refused (400) rather than dropped: an export must never silently
 * contain more than the manager asked for.
 */
export async function GET(req: Request) {
  await connection()
  const access = await checkAccess('charges:export')
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status })
  const { filter, invalid } = parseChargeFilter(new URL(req.url).searchParams)
  if (invalid.length > 0) {
    return Response.json({ error: 'invalid-filter', fields: invalid }, { status: 400 })
  }
  const now = Date.now()
  const locale = await requestLocale()
  const [t, tStatus, tWay] = await Promise.all([
    getTranslations({ locale, namespace: 'manager.csv' }),
    getTranslations({ locale, namespace: 'status' }),
    getTranslations({ locale, namespace: 'payWay' }),
  ])
  const labels: CsvLabels = {
    header: (c) => t(`columns.${c}`),
    status: (s) => tStatus(s),
    payWay: (w) => tWay(w),
    yes: t('yes'),
  }
  await recordAudit({
    actorId: access.user.id,
    actorName: access.user.username,
    action: 'charges.export',
    detail: { filter: filterToParams(filter).toString() },
  })
  const body = exportChargesCsv(toChargeQuery(filter, now), labels)
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="charges-${beijingDay(now)}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
