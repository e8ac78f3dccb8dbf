import { getFormatter, getTranslations } from 'next-intl/server'
import { Fragment } from 'react'
import { Card } from '@/components/ui/card'
import { normaliseAddress } from '@/lib/audit/actions'
import type { AuditEntry } from '@/lib/audit/types'
import { compactDetail, describeTarget, detailFields } from './audit-text'

interface Props {
  entries: AuditEntry[]
  /** Current display names by user id, shown next to the name the entry recorded. */
  userNames: ReadonlyMap<string, string>
  stationNames: ReadonlyMap<string, string>
}

export async function AuditTable({ entries, userNames, stationNames }: Props) {
  const [t, format] = await Promise.all([getTranslations('admin.audit'), getFormatter()])
  // Known actions have a label; one added elsewhere later still shows, as its raw name.
  const actionLabel = (action: string) => {
    const key = `actions.${action}`
    return t.has(key) && typeof t.raw(key) === 'string' ? t(key) : null
  }
  // A field recorded later without a label still shows, under its recorded name.
  const fieldLabel = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key)
  // A field whose values are codes (a settlement's outcome) reads in words; others as recorded.
  const fieldValue = (key: string, value: string) =>
    /^[a-z-]+$/.test(value) && t.has(`values.${key}.${value}`) ? t(`values.${key}.${value}`) : value
  const th = 'px-4 py-3 text-left text-sm font-medium text-gray-600'
  return (
    <Card pad="none" className="overflow-x-auto">
      <table className="w-full min-w-[60rem] text-sm">
        <thead className="border-b border-gray-200 bg-gray-50">
          <tr>
            <th className={th}>{t('columns.time')}</th>
            <th className={th}>{t('columns.who')}</th>
            <th className={th}>{t('columns.action')}</th>
            <th className={th}>{t('columns.target')}</th>
            <th className={th}>{t('columns.detail')}</th>
            <th className={th}>{t('columns.ip')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 align-top">
          {entries.map((e) => {
            const label = actionLabel(e.action)
            const target = describeTarget(e.target, stationNames)
            const detail = compactDetail(e.detail)
            const fields = detailFields(e.detail)
            const displayName = e.actorId ? userNames.get(e.actorId) : undefined
            return (
              <tr key={e.id} data-testid="audit-row" data-audit-id={e.id} data-action={e.action}>
                <td className="px-4 py-3 whitespace-nowrap tabular">
                  {format.dateTime(e.at, {
                    timeZone: 'Asia/Shanghai',
                    year: 'numeric',
                    month: '2-digit',
                    day: '2-digit',
                    hour: '2-digit',
                    minute: '2-digit',
                    second: '2-digit',
                    hourCycle: 'h23',
                  })}
                </td>
                <td className="px-4 py-3">
                  <div className="font-medium">{e.actorName}</div>
                  {displayName && displayName !== e.actorName ? (
                    <div className="text-gray-500">{displayName}</div>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <div className="font-medium">{label ?? e.action}</div>
                  {label ? <div className="font-mono text-xs text-gray-500">{e.action}</div> : null}
                </td>
                <td className="px-4 py-3 break-all">
                  {target ? (
                    <>
                      <div>{target.main}</div>
                      {target.sub ? (
                        <div className="font-mono text-xs text-gray-500">{target.sub}</div>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </td>
                <td className="max-w-md px-4 py-3">
                  {fields.length > 0 ? (
                    <dl
                      title={detail?.full}
                      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs"
                    >
                      {fields.map((f) => (
                        <Fragment key={f.key}>
                          <dt className="text-gray-500">{fieldLabel(f.key)}</dt>
                          <dd className="break-all text-gray-800">{fieldValue(f.key, f.value)}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </td>
                <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-gray-600">
                  {normaliseAddress(e.ip) ?? <span className="text-gray-400">—</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Card>
  )
}
