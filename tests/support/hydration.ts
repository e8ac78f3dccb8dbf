import type { Locator } from '@playwright/test'
import { until } from './wait'

/*
 * Server-rendered forms are on screen before their scripts run. Until React has taken a form over, a
 * click on its button does nothing the test meant: an action's form posts nothing (a CI retry of
 * addStation: no request, no row), the charge form submits itself as a plain GET (/charge/new?…),
 * a button that only opens a confirm does nothing, and what was typed can be lost. React marks each
 * node it has hydrated with its own `__react…` keys; a parent is marked after its children, so a
 * form that is marked is taken over whole. No test runner here: the benchmarks sign in and pair
 * tablets through the same helpers.
 */

const isHydrated = (el: Element) => Object.keys(el).some((key) => key.startsWith('__react'))

/**
 * Resolves once React has hydrated `target` (the form, or the control, a test is about to use):
 * at once on a page already running its scripts. Call it between `goto` (or `reload`) and the
 * first fill or click.
 */
export async function waitForHydration(target: Locator, timeoutMs = 20_000) {
  const hydrated = () => target.evaluate(isHydrated, undefined, { timeout: timeoutMs })
  if (!(await until(hydrated, timeoutMs, 50))) {
    throw new Error(`React had not hydrated ${target} after ${timeoutMs} ms`)
  }
}
