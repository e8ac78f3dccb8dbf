import { getFormatter, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { Fragment } from 'react'
import { Card } from '@/components/ui/card'
import { PhoneLabel, phoneTable } from '@/components/ui/phone-table'
import { normaliseAddress } from '@/lib/audit/actions'
import type { AuditEntry } from '@/lib/audit/types'
import { deviceLabelInWords } from '@/lib/display/device-label'
import { deviceWords } from '../stations/[id]/tablets/device-words'
import { detailFields, type DetailWords } from './audit-detail'
import { compactDetail } from './audit-text'
import {
  describeActor,
  describeRecordedBy,
  describeTarget,
  type AuditNames,
  type Shown,
} from './audit-words'

interface Props {
  entries: AuditEntry[]
  /** Current names of users and stations, so an entry reads by today's names. */
  names: AuditNames
}

/** A described actor or target: its words (a link where a page shows it), then a quieter line. */
function ShownCell({ shown, testId }: { shown: Shown; testId: string }) {
  return (
    <div data-testid={testId} title={shown.title ?? undefined}>
      {shown.href ? (
        <Link
          href={shown.href}
          // On a phone the entry's lines sit closer than the table's cells: no reaching into them.
          className="-my-3 inline-flex min-h-11 items-center font-medium text-accent hover:underline max-lg:my-0"
        >
          {shown.main}
        </Link>
      ) : (
        <div className="font-medium">{shown.main}</div>
      )}
      {shown.sub ? <div className="text-gray-500">{shown.sub}</div> : null}
    </div>
  )
}

export async function AuditTable({ entries, names }: Props) {
  const [t, format, tablet] = await Promise.all([
    getTranslations('admin.audit'),
    getFormatter(),
    deviceWords(),
  ])
  // Known actions have a label; one added elsewhere later still shows, as its raw name.
  const actionLabel = (action: string) => {
    const key = `actions.${action}`
    return t.has(key) && typeof t.raw(key) === 'string' ? t(key) : null
  }
  // A field recorded later without a label still shows, under its recorded name.
  const fieldLabel = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key)
  // A code without words (one added later) still shows, as recorded.
  const words: DetailWords = {
    value: (set, code) => (t.has(`values.${set}.${code}`) ? t(`values.${set}.${code}`) : null),
    person: (ref) => describeRecordedBy(ref, names, t),
    time: (ms) => format.dateTime(ms, 'stamp'),
    tablet: (name) => deviceLabelInWords(name, tablet),
  }
  const th = 'px-4 py-3 text-left text-sm font-medium whitespace-nowrap text-gray-600'
  // On a phone each entry is a list item: its time, what was done, then the rest, labelled.
  const field = `px-4 py-3 ${phoneTable.field}`
  return (
    <Card pad="none" className="overflow-x-auto">
      <table className={`w-full min-w-[60rem] text-sm ${phoneTable.table}`}>
        <thead className={`border-b border-gray-200 bg-gray-50 ${phoneTable.head}`}>
          <tr>
            <th className={th}>{t('columns.time')}</th>
            <th className={th}>{t('columns.who')}</th>
            <th className={th}>{t('columns.action')}</th>
            <th className={th}>{t('columns.target')}</th>
            <th className={th}>{t('columns.detail')}</th>
            <th className={th}>{t('columns.ip')}</th>
          </tr>
        </thead>
        <tbody className={`divide-y divide-gray-100 align-top ${phoneTable.body}`}>
          {entries.map((e) => {
            const label = actionLabel(e.action)
            const actor = describeActor(e, names, t)
            const target = describeTarget(e, names, t)
            const detail = compactDetail(e.detail)
            const fields = detailFields(e.detail, e.action, words)
            return (
              <tr
                key={e.id}
                data-testid="audit-row"
                data-audit-id={e.id}
                data-action={e.action}
                className={`${phoneTable.row} ${phoneTable.labelled} max-lg:px-4`}
              >
                <td
                  className={`px-4 py-3 whitespace-nowrap tabular ${phoneTable.cell} max-lg:col-span-2 max-lg:text-gray-600`}
                >
                  {format.dateTime(e.at, 'stamp')}
                </td>
                <td
                  className={`${field} break-words max-lg:row-start-3`}
                  data-actor-kind={e.actorKind}
                >
                  <PhoneLabel>{t('columns.who')}</PhoneLabel>
                  <ShownCell shown={actor} testId="audit-actor" />
                </td>
                <td
                  className={`px-4 py-3 ${phoneTable.cell} max-lg:col-span-2 max-lg:row-start-2 max-lg:text-base`}
                >
                  {/* The recorded action name stays at hand for whoever reads the raw log. */}
                  <div className="font-medium" title={label ? e.action : undefined}>
                    {label ?? e.action}
                  </div>
                </td>
                <td className={`${field} break-words max-lg:row-start-4`}>
                  <PhoneLabel>{t('columns.target')}</PhoneLabel>
                  {target ? (
                    <ShownCell shown={target} testId="audit-target" />
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </td>
                <td className={`max-w-md ${field} max-lg:row-start-5 max-lg:max-w-none`}>
                  <PhoneLabel>{t('columns.detail')}</PhoneLabel>
                  {fields.length > 0 ? (
                    <dl
                      title={detail?.full}
                      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs"
                    >
                      {fields.map((f) => (
                        <Fragment key={f.key}>
                          <dt className="text-gray-500">{fieldLabel(f.key)}</dt>
                          <dd className="break-words text-gray-800">{f.value}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </td>
                <td
                  className={`px-4 py-3 font-mono text-xs whitespace-nowrap text-gray-600 ${field} max-lg:row-start-6`}
                >
                  <PhoneLabel>
                    <span className="font-sans text-sm">{t('columns.ip')}</span>
                  </PhoneLabel>
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
