'use client'

import { ChargeScreen } from '@/components/charges/charge-screen'
import { chargeScreenActions } from './screen-actions'

/** For the new-charge form, which fetches this screen and then its parts before they are needed. */
export { preloadScreenParts } from '@/components/charges/screen-parts'

/**
 * The charge screen with this route's actions, for this route's page and for the new-charge page
 * (which shows it from the create's answer). Imported here, in a client module, the actions are
 * part of the client build like any form's (components never import app/).
 */
export function ChargeScreenView(
  props: Omit<React.ComponentProps<typeof ChargeScreen>, 'actions'>,
) {
  return <ChargeScreen {...props} actions={chargeScreenActions} />
}
