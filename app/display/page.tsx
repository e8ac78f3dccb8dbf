import { headers } from 'next/headers'
import { connection } from 'next/server'
import { CustomerDisplay } from '@/components/display/customer-display'
import { PairScreen } from '@/components/display/pair-screen'
import { StartWatchdog } from '@/components/display/start-watchdog'
import { currentDevice } from '@/lib/display/http'
import { loadDisplayState } from '@/lib/display/state'
import { NONCE_HEADER } from '@/lib/server/security-headers'
import { displayTexts, shopLocale } from './texts'

type Search = { pair?: string }

/**
 * The customer tablet. Without a valid device credential: the pairing screen and nothing else.
 * With one: the station's current charge, polled from /api/display/state (same shape as here).
 */
export default async function DisplayPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection()
  const current = await currentDevice()
  if (!current) {
    const [{ pair }, texts] = await Promise.all([searchParams, displayTexts(await shopLocale())])
    const notice = pair === 'invalid' || pair === 'limited' ? pair : null
    return <PairScreen notice={notice} texts={texts.pair} />
  }
  const { state } = await loadDisplayState(current.device)
  const [{ screen }, nonce] = await Promise.all([
    displayTexts(state.locale),
    headers().then((h) => h.get(NONCE_HEADER) ?? undefined),
  ])
  return (
    <>
      <CustomerDisplay initial={state} texts={screen} />
      <StartWatchdog nonce={nonce} />
    </>
  )
}
