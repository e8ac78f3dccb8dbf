import { getFormatter, getTranslations } from 'next-intl/server'
import { durationParts } from '@/components/display/duration'
import { deviceLabelInWords, parseDeviceLabel } from '@/lib/display/device-label'
import { deviceLiveness } from '@/lib/display/heartbeat'
import type { Device } from '@/lib/display/types'
import { PhoneLabel, phoneTable } from '@/components/ui/phone-table'
import { deviceWords } from './device-words'
import { RenameTablet } from './rename-tablet'
import { RevokeButton } from './revoke-button'

/** The station's working tablets: name (renamable), when paired, last contact, live or offline, revoke. */
export async function TabletList({
  stationId,
  devices,
  now,
}: {
  stationId: string
  devices: Device[]
  now: number
}) {
  const [t, tUnit, format, words] = await Promise.all([
    getTranslations('tablets'),
    getTranslations('tablets.units'),
    getFormatter(),
    deviceWords(),
  ])
  if (devices.length === 0) {
    return (
      <p className="text-gray-500" data-testid="tablets-empty">
        {t('empty')}
      </p>
    )
  }
  // To the minute, as a user's last sign-in reads: with the long date and its seconds, each broke
  // over two lines at 1024 px. The state column says to the minute how long a tablet has been off.
  const when = (ms: number) => format.dateTime(ms, 'minute')
  const stateText = (d: Device) => {
    const { live, offlineForSec } = deviceLiveness(d.lastSeenAt, now)
    if (live) return { live, text: t('live') }
    if (offlineForSec === null) return { live, text: t('offlineNever') }
    const { unit, n } = durationParts(offlineForSec)
    return { live, text: t('offlineFor', { duration: tUnit(unit, { n }) }) }
  }
  // On a phone each tablet is a list item: its name, then the rest labelled, then revoke.
  const field = `py-3 pr-4 ${phoneTable.field}`
  // The box the table scrolls in clips what its buttons paint outside themselves (a ring, the focus
  // outline: 5 px): flush with its edges, 撤销 lost the right of its border at 1024 and 1280 px
  // (改名 and 撤销 their left on a phone). It reaches 6 px into the card's padding and gives them back.
  return (
    <div className="-m-1.5 overflow-x-auto p-1.5">
      <table className={`w-full text-left ${phoneTable.table}`}>
        <thead className={`text-sm text-gray-500 ${phoneTable.head}`}>
          <tr>
            <th className="py-2 pr-4 font-medium">{t('name')}</th>
            <th className="py-2 pr-4 font-medium">{t('pairedAt')}</th>
            <th className="py-2 pr-4 font-medium">{t('lastSeen')}</th>
            <th className="py-2 pr-4 font-medium">{t('state')}</th>
            <th className="py-2">
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className={`divide-y divide-gray-100 ${phoneTable.body}`}>
          {devices.map((d) => {
            const state = stateText(d)
            return (
              <tr
                key={d.id}
                data-testid="tablet-row"
                data-device-id={d.id}
                className={`${phoneTable.row} ${phoneTable.labelled}`}
              >
                <td className={`py-3 pr-4 font-medium ${phoneTable.cell} max-lg:col-span-2`}>
                  <RenameTablet
                    stationId={stationId}
                    deviceId={d.id}
                    name={deviceLabelInWords(d.name, words)}
                    automatic={parseDeviceLabel(d.name) !== null}
                  />
                </td>
                <td className={`${field} text-gray-700 tabular lg:whitespace-nowrap`}>
                  <PhoneLabel>{t('pairedAt')}</PhoneLabel>
                  {when(d.createdAt)}
                </td>
                <td className={`${field} text-gray-700 tabular lg:whitespace-nowrap`}>
                  <PhoneLabel>{t('lastSeen')}</PhoneLabel>
                  {d.lastSeenAt === null ? t('never') : when(d.lastSeenAt)}
                </td>
                <td className={field}>
                  <PhoneLabel>{t('state')}</PhoneLabel>
                  {/* On one line (离线 12 分钟 broke in two at 1024 px); so are the dates, the name wraps. */}
                  <span
                    data-testid="tablet-state"
                    data-live={state.live ? 'true' : 'false'}
                    className="inline-flex items-center gap-2 whitespace-nowrap"
                  >
                    <span
                      className={`h-2.5 w-2.5 rounded-full ${state.live ? 'bg-green-500' : 'bg-amber-500'}`}
                      aria-hidden
                    />
                    {state.text}
                  </span>
                </td>
                <td
                  className={`py-3 text-right ${phoneTable.cell} max-lg:col-span-2 max-lg:pt-1 max-lg:text-left`}
                >
                  <RevokeButton stationId={stationId} deviceId={d.id} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
