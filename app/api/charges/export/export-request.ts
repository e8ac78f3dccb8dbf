import 'server-only'
import { getTranslations } from 'next-intl/server'
import { requestLocale } from '@/i18n/request-locale'
import { recordAudit } from '@/lib/audit'
import { checkAccess } from '@/lib/auth/session'
import { clientAddress } from '@/lib/server/client-address'
import { beijingDay } from '@/lib/charges/beijing-day'
import type { FailureValues } from '@/lib/charges/failure'
import type { CsvLabels } from '@/lib/charges/queries/export-csv'
import { exportFileName } from '@/lib/charges/queries/export-name'
import {
  filterDays,
  filterToParams,
  parseChargeFilter,
  toChargeQuery,
  type ChargeQuery,
} from '@/lib/charges/queries/filters'

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/**
 * What both exports (CSV and .xlsx) do before writing: check the role, parse the filter (a filter
 * that does not parse is refused, 400, never dropped: an export must not contain more than asked),
 * the words in the manager's language, the audit entry, and the answer's headers (a file named
 * after the days it covers).
 */
export async function startExport(
  req: Request,
  format: 'csv' | 'xlsx',
  now: number,
): Promise<
  Response | { query: ChargeQuery; labels: CsvLabels & { sheet: string }; headers: HeadersInit }
> {
  const access = await checkAccess('charges:export')
  if (!access.ok) return Response.json({ error: access.error }, { status: access.status })
  const { filter, invalid } = parseChargeFilter(new URL(req.url).searchParams)
  if (invalid.length > 0) {
    return Response.json({ error: 'invalid-filter', fields: invalid }, { status: 400 })
  }
  const locale = await requestLocale()
  const [t, tFailure, tSystem, tStatus, tWay] = await Promise.all([
    getTranslations({ locale, namespace: 'manager.csv' }),
    getTranslations({ locale, namespace: 'manager.failure' }),
    getTranslations({ locale, namespace: 'manager.systemText' }),
    getTranslations({ locale, namespace: 'status' }),
    getTranslations({ locale, namespace: 'payWay' }),
  ])
  const labels = {
    header: (c: Parameters<CsvLabels['header']>[0]) => t(`columns.${c}`),
    status: (s: Parameters<CsvLabels['status']>[0]) => tStatus(s),
    payWay: (w: Parameters<CsvLabels['payWay']>[0]) => tWay(w),
    failure: (key: Parameters<CsvLabels['failure']>[0], values: FailureValues) =>
      tFailure.markup(key, { ...values, dms: (chunks) => chunks }),
    systemText: (kind: Parameters<CsvLabels['systemText']>[0], params: Record<string, number>) =>
      tSystem(kind, params),
    yes: t('yes'),
    sheet: t('sheet'),
  }
  await recordAudit({
    actorKind: 'user',
    actorId: access.user.id,
    actorName: access.user.username,
    action: 'charges.export',
    detail: { filter: filterToParams(filter).toString(), format },
    // Where the ledger went, as every other entry a person's request writes says it.
    ip: clientAddress(req.headers),
  })
  const fileName = exportFileName(filterDays(filter, now), beijingDay(now), format)
  const headers = {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  }
  return { query: toChargeQuery(filter, now), labels, headers }
}
