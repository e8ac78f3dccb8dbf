import { connection } from 'next/server'
import { CustomerDisplay } from '@/components/display/customer-display'
import { PairScreen } from '@/components/display/pair-screen'
import { currentDevice } from '@/lib/display/http'
import { loadDisplayState } from '@/lib/display/state'

type Search = { pair?: string }

/**
 * The customer tablet. Without a valid device credential: the pairing screen and nothing else.
 * With one: the station's current charge, polled from /api/display/state (same shape as here).
 */
export default async function DisplayPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection()
  const current = await currentDevice()
  if (!current) {
    const { pair } = await searchParams
    return <PairScreen notice={pair === 'invalid' || pair === 'limited' ? pair : null} />
  }
  const { state } = await loadDisplayState(current.device)
  return <CustomerDisplay initial={state} />
}
