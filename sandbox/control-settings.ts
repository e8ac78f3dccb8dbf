import { DEFAULT_AUTO_PAY } from './auto-pay'
import { InputError, ok, optional, problem, type ControlRoute } from './control-router'
import { checkFaultRule } from './faults'

/* Control routes that shape the sandbox's behaviour: faults, notifications, auto-pay, limits, logs. */

export const settingsRoutes: readonly ControlRoute[] = [
  { method: 'GET', pattern: /^\/__control\/health$/, handler: () => ok({ ok: true }) },
  {
    method: 'GET',
    pattern: /^\/__control\/faults$/,
    handler: ({ deps }) => ok(deps.faults.list()),
  },
  {
    method: 'POST',
    pattern: /^\/__control\/faults$/,
    handler: ({ deps, body }) => {
      const checked = checkFaultRule(body)
      return checked.ok ? ok(deps.faults.add(checked.rule)) : problem(400, checked.error)
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/__control\/faults$/,
    handler: ({ deps }) => {
      deps.faults.clear()
      return ok({ ok: true })
    },
  },
  {
    method: 'POST',
    pattern: /^\/__control\/latency$/,
    handler: ({ deps, body }) => {
      const ms = optional(body, 'ms', 'int')
      if (ms === undefined) throw new InputError('ms is required')
      deps.faults.setGlobalLatency(ms)
      return ok(deps.faults.list())
    },
  },
  {
    method: 'GET',
    pattern: /^\/__control\/notify$/,
    handler: ({ deps }) => ok(deps.engine.notifier.getSettings()),
  },
  {
    method: 'POST',
    pattern: /^\/__control\/notify$/,
    handler: ({ deps, body }) =>
      ok(
        deps.engine.notifier.configure({
          drop: optional(body, 'drop', 'boolean'),
          duplicate: optional(body, 'duplicate', 'boolean'),
          delayMs: optional(body, 'delayMs', 'int'),
          reorder: optional(body, 'reorder', 'boolean'),
        }),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/__control\/notifications$/,
    handler: ({ deps }) => ok(deps.engine.notifier.history()),
  },
  {
    method: 'GET',
    pattern: /^\/__control\/auto-pay$/,
    handler: ({ deps }) => ok(deps.engine.autoPay()),
  },
  {
    method: 'POST',
    pattern: /^\/__control\/auto-pay$/,
    handler: ({ deps, body }) => {
      const enabled = optional(body, 'enabled', 'boolean')
      if (enabled === undefined) throw new InputError('enabled is required')
      const minMs = optional(body, 'minMs', 'int') ?? DEFAULT_AUTO_PAY.minMs
      const maxMs = optional(body, 'maxMs', 'int') ?? Math.max(minMs, DEFAULT_AUTO_PAY.maxMs)
      if (maxMs < minMs) throw new InputError('maxMs must be ≥ minMs')
      return ok(deps.engine.configureAutoPay({ enabled, minMs, maxMs }))
    },
  },
  {
    method: 'GET',
    pattern: /^\/__control\/settings$/,
    handler: ({ deps }) => ok(deps.engine.settings()),
  },
  {
    method: 'POST',
    pattern: /^\/__control\/settings$/,
    handler: ({ deps, body }) => {
      const payerDailyLimit = optional(body, 'payerDailyLimit', 'int')
      return ok(
        deps.engine.updateSettings(payerDailyLimit === undefined ? {} : { payerDailyLimit }),
      )
    },
  },
  {
    method: 'GET',
    pattern: /^\/__control\/requests$/,
    handler: ({ deps, url }) => {
      const since = Number(url.searchParams.get('since') ?? '0')
      if (!Number.isInteger(since) || since < 0)
        throw new InputError('since must be an integer ≥ 0')
      return ok(deps.log.list({ since, path: url.searchParams.get('path') ?? undefined }))
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/__control\/requests$/,
    handler: ({ deps }) => {
      deps.log.clear()
      return ok({ ok: true })
    },
  },
  {
    method: 'POST',
    pattern: /^\/__control\/reset$/,
    handler: ({ deps }) => {
      deps.engine.reset()
      deps.faults.clear()
      deps.log.clear()
      return ok({ ok: true })
    },
  },
]
