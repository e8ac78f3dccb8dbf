import { getTranslations } from 'next-intl/server'

/** A manager's choice of whose shift: a station, and one cashier or all of them. A plain GET form. */
export async function ScopePicker(props: {
  stations: Array<{ id: string; name: string }>
  cashiers: Array<{ id: string; name: string }>
  stationId: string
  cashierId: string | null
  paper: string
}) {
  const t = await getTranslations('handover')
  const field = 'min-h-11 rounded-lg border border-gray-300 bg-white px-3'
  return (
    <form
      method="get"
      action="/handover"
      className="flex flex-wrap items-end gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-gray-200 print:hidden"
    >
      <input type="hidden" name="paper" value={props.paper} />
      <label className="flex flex-col gap-1 text-sm">
        {t('station')}
        <select name="station" defaultValue={props.stationId} className={field}>
          {props.stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t('cashier')}
        <select name="cashier" defaultValue={props.cashierId ?? ''} className={field}>
          <option value="">{t('wholeStation')}</option>
          {props.cashiers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        data-testid="handover-scope"
        className="min-h-11 rounded-xl px-5 font-semibold text-accent ring-1 ring-accent"
      >
        {t('show')}
      </button>
    </form>
  )
}
