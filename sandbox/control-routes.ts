import type { ServerResponse } from 'node:http'
import { orderRoutes } from './control-orders'
import { dispatch, type ControlDeps } from './control-router'
import { settingsRoutes } from './control-settings'

/*
 * The control surface under /__control/: a test tool, so no DMS token. It exists only in the sandbox,
 * which runs only when no real DMS is configured.
 */

export const CONTROL_PREFIX = '/__control/'

const routes = [...orderRoutes, ...settingsRoutes]

export function handleControl(
  method: string,
  url: URL,
  raw: string,
  deps: ControlDeps,
  res: ServerResponse,
): void {
  dispatch(routes, method, url, raw, deps, res)
}
