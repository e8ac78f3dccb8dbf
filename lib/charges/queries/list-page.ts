import 'server-only'
import { getDb } from '@/lib/db'
import { listStations } from '@/lib/stations'
import { listUsers } from '@/lib/users/repo'
import { pageRequest } from './cursor'
import {
  filterDays,
  filterToParams,
  paramValues,
  parseChargeFilter,
  toChargeQuery,
  type SearchParamsInput,
} from './filters'
import { listCharges } from './list'
import { paidChart } from './paid-chart'
import { resolveSearch } from './search'
import { chargeTotals } from './totals'

/** The list opened without any parameter shows today; any filter (q, status…) is taken as given. */
function opensOnToday(params: SearchParamsInput): SearchParamsInput {
  const empty =
    params instanceof URLSearchParams ? params.size === 0 : Object.keys(params).length === 0
  return empty ? { range: 'today' } : params
}

/**
 * Everything the manager's list page shows for one URL, read at one instant (`now` resolves quick
 * picks such as "today"): the parsed filter, one page, the totals and the chart of the whole set, and
 * the stations and staff to filter by.
 */
export async function loadChargeList(params: SearchParamsInput, now = Date.now()) {
  const { filter, invalid } = parseChargeFilter(opensOnToday(params))
  // The search once, then list, totals and chart by primary key (search.ts).
  const query = await resolveSearch(toChargeQuery(filter, now), getDb())
  const days = filterDays(filter, now)
  const page = pageRequest(paramValues(params, 'after')[0], paramValues(params, 'before')[0])
  const [list, totals, chart, stations, users] = await Promise.all([
    listCharges(query, page),
    chargeTotals(query),
    paidChart(query, days, now),
    listStations(),
    listUsers(),
  ])
  return {
    filter,
    invalid,
    days,
    list,
    totals,
    chart,
    /** The filter as URL parameters, for the pager and the export link. */
    params: filterToParams(filter),
    stations: stations.map((s) => ({ id: s.id, name: s.name })),
    cashiers: users.map((u) => ({ id: u.id, name: u.displayName })),
  }
}
