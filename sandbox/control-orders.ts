import { ok, optional, problem, type ControlRoute } from './control-router'
import { CONTROL_ACTIONS, type ControlAction } from './transitions'
import { orderView } from './views'

/* Control routes that read orders and move them through their life. */

const NO = '([^/]+)'

export const orderRoutes: readonly ControlRoute[] = [
  {
    method: 'GET',
    pattern: /^\/__control\/orders$/,
    handler: ({ deps, url }) => {
      const bill = url.searchParams.get('bz_order') ?? undefined
      return ok(deps.engine.list(bill).map(orderView))
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/__control/orders/${NO}$`),
    handler: ({ deps, match }) => {
      const attempt = deps.engine.find({ bizOrderNo: match[0] ?? '' })
      return attempt ? ok(orderView(attempt)) : problem(404, `order ${match[0]} not found`)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/__control/orders/${NO}/(${CONTROL_ACTIONS.join('|')})$`),
    handler: ({ deps, match, body }) => {
      const message = optional(body, 'message', 'string')
      const result = deps.engine.act(match[0] ?? '', match[1] as ControlAction, message)
      return result.ok ? ok(orderView(result.attempt)) : problem(result.status, result.error)
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/__control/orders/${NO}/renotify$`),
    handler: ({ deps, match }) => {
      const result = deps.engine.renotify(match[0] ?? '')
      return result.ok ? ok(orderView(result.attempt)) : problem(result.status, result.error)
    },
  },
]
