import type { IncomingMessage, ServerResponse } from 'node:http'

/*
 * How the lean polling server reaches the poll answers. The production server (scripts/serve.ts)
 * runs Next in its own process; the answers live inside Next's server bundle, with the one database
 * connection, single-flight map and sweep of the process. At start-up the bundle leaves its handler
 * under this key (lib/polling/register.ts); the server asks it first and hands Next what it declines.
 * No other code shares state through globalThis.
 */
const POLL_HANDLER_KEY = Symbol.for('dms-cashier.poll-handler')

/** True when it took the request (and will answer it); false: Next's to answer. */
export type PollHandler = (req: IncomingMessage, res: ServerResponse) => boolean

type Holder = { [POLL_HANDLER_KEY]?: PollHandler }

export function installPollHandler(handler: PollHandler): void {
  ;(globalThis as Holder)[POLL_HANDLER_KEY] = handler
}

export function installedPollHandler(): PollHandler | undefined {
  return (globalThis as Holder)[POLL_HANDLER_KEY]
}
