'use client'

import { CustomerScreenLine } from './customer-screen-line'
import { useDisplayStatus } from './use-display-status'

/**
 * For the cashier: whether the station's customer screen is connected. Renders nothing while
 * loading, on error, or when the station has no tablet.
 */
export function CustomerScreenStatus({ stationId }: { stationId: string }) {
  const { data } = useDisplayStatus(stationId)
  if (!data || data.tablets === 0) return null
  return <CustomerScreenLine live={data.live} offlineForSec={data.offlineForSec} />
}
