import 'server-only'
import { installPollHandler } from './handoff'
import { handlePoll } from './node-handler'

/** At start-up, inside Next's server bundle: offers the poll answers to scripts/serve.ts. */
export function registerPollHandler(): void {
  installPollHandler(handlePoll)
}
